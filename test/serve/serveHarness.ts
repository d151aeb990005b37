import { spawn, type ChildProcess } from 'node:child_process';
import { request, type IncomingHttpHeaders } from 'node:http';
import { resolve } from 'node:path';

/** The project root, where bin/conformance.js lives. */
export const ROOT = resolve(__dirname, '../..');
/** The collection path under the server's /beta URL. */
export const COLLECTION = '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';
/** A GUID, as Graph's request-id must be. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The ready line's shape. */
export const READY = /^conformance serve: listening on (http:\/\/127\.0\.0\.1:(\d+)\/beta)$/m;

/** A `conformance serve` child process and what it has printed so far. */
export interface CliServer {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the real CLI with `serve` and the given arguments; does not wait for anything. */
export function spawnServe(args: string[], env: NodeJS.ProcessEnv = {}): CliServer {
  const child = spawn(process.execPath, ['bin/conformance.js', 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, GRAPH_ACCESS_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the ready line; returns the URL, or throws with what the process printed if it exits first. */
export async function ready(server: CliServer, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    const match = READY.exec(server.stdout());
    if (match) return match[1];
    if (exited) throw new Error(`serve exited before it was ready:\n${server.stdout()}\n${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  server.child.kill('SIGKILL');
  throw new Error(`serve was not ready in ${timeoutMs} ms:\n${server.stdout()}\n${server.stderr()}`);
}

/** Runs `conformance serve` expecting it to stop on its own (a refusal); kills it after a while otherwise. */
export async function serveExpectingExit(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const server = spawnServe(args);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  const { code } = await server.exited;
  clearTimeout(timer);
  return { code, stdout: server.stdout(), stderr: server.stderr() };
}

/**
 * What a raw node:http exchange gave: the status, header names as sent on the wire, the body; or the client-side error.
 */
export interface RawResult {
  status?: number;
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  body: string;
  error?: NodeJS.ErrnoException;
  elapsedMs: number;
}

/**
 * Sends one request with node:http on a fresh connection (no pooling), so faults on the socket are seen as they are.
 */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<RawResult> {
  const started = performance.now();
  return new Promise((done) => {
    const finish = (partial: Partial<RawResult>) =>
      done({ rawHeaders: [], headers: {}, body: '', ...partial, elapsedMs: performance.now() - started });
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => finish({ status: res.statusCode, rawHeaders: res.rawHeaders, headers: res.headers, body }));
      res.on('error', (error: NodeJS.ErrnoException) => finish({ error }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error }));
    if (init.timeoutMs !== undefined)
      req.setTimeout(init.timeoutMs, () =>
        req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })),
      );
    req.end(init.body);
  });
}

/** Calls the server with fetch and a bearer token; a JSON body gets Content-Type: application/json. */
export async function call(
  base: string,
  token: string,
  method: string,
  rest: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> | undefined }> {
  const init: RequestInit = {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${base}${COLLECTION}${rest}`, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

/** The error.code of a Graph error envelope. */
export function errorCode(json: Record<string, unknown> | undefined): unknown {
  const error = json?.error;
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>).code : undefined;
}
