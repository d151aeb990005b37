import type { IncomingMessage } from 'node:http';
import type { SimRequest } from '../simulator/simRequest';

/** The largest request body the server reads (1 MiB); a larger one is answered 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request read off the wire: the SimRequest, or the request without its body when the body was too large. */
export type ReadRequest = { ok: true; request: SimRequest } | { ok: false; reason: 'too-large'; request: SimRequest };

// Past this much a too-large body is no longer drained so the 413 can be read; the connection is simply dropped.
const DRAIN_FACTOR = 16;

function splitTarget(target: string): { path: string; query: URLSearchParams } {
  let rest = target;
  if (/^https?:\/\//i.test(rest)) {
    try {
      const url = new URL(rest);
      rest = url.pathname + url.search;
    } catch {
      // Leave an unparseable absolute-form target as it is; the simulator answers 404 for it.
    }
  }
  const q = rest.indexOf('?');
  return { path: q < 0 ? rest : rest.slice(0, q), query: new URLSearchParams(q < 0 ? '' : rest.slice(q + 1)) };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * DRAIN_FACTOR) req.destroy(new Error('request body far too large'));
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client went away before sending the whole request'));
    });
  });
}

/**
 * Reads an incoming request into the simulator's terms: lower-cased header names, raw body text, `undefined` when
 * nothing was sent.
 */
export async function readSimRequest(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadRequest> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const { path, query } = splitTarget(req.url ?? '/');
  const request: SimRequest = { method: req.method ?? 'GET', path, query, headers, bodyText: undefined };
  const hasBody = headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined;
  const body = await readBody(req, limit);
  if (body === 'too-large') return { ok: false, reason: 'too-large', request };
  return { ok: true, request: { ...request, bodyText: hasBody ? body.toString('utf8') : undefined } };
}
