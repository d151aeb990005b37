import type { Bindings } from './bindings';
import type { RecordedEntry } from './cassette';
import { matchSlots } from './slots';

/**
 * A request as the replay sees it: path relative to the base path and decoded, query decoded, header names lower-cased.
 */
export interface PlayedRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  bodyText?: string;
}

/**
 * How a request compares with a recorded entry: no differences means it matches, with the bindings that made it match.
 */
export interface Comparison {
  differences: string[];
  /** Lower is nearer: a different method weighs most, then path, query, Content-Type, body. */
  score: number;
  bindings: Bindings;
}

/**
 * Compares a request with a recorded entry: method, path, query, Content-Type and body (JSON compared after parsing),
 * slots bound in a fork of `bindings`.
 */
export function compareEntry(
  entry: RecordedEntry,
  request: PlayedRequest,
  bindings: Bindings,
  runId: string,
): Comparison {
  const fork = bindings.fork();
  const differences: string[] = [];
  let score = 0;
  const differ = (weight: number, text: string) => {
    differences.push(text);
    score += weight;
  };
  if (entry.method !== request.method)
    differ(1000, `the method differs: recorded ${entry.method}, sent ${request.method}`);
  if (!matchSlots(entry.path, request.path, fork, runId))
    differ(100 + segmentDistance(entry.path, request.path), `the path differs: recorded ${entry.path}`);
  const query = queryDifference(entry.query, request.query, fork, runId);
  if (query) differ(20, query);
  const recordedType = normalType(entry.requestHeaders['content-type']);
  const sentType = normalType(request.headers['content-type']);
  if (recordedType !== sentType)
    differ(10, `Content-Type differs: recorded ${show(recordedType ?? null)}, sent ${show(sentType ?? null)}`);
  const body = bodyDifference(entry.requestBody, request.bodyText, fork, runId);
  if (body) differ(5, body);
  return { differences, score, bindings: fork };
}

/**
 * Binds the slots of recorded request headers (client-request-id...) to what was sent, where they agree; never a reason
 * to refuse a match.
 */
export function bindHeaders(entry: RecordedEntry, request: PlayedRequest, bindings: Bindings, runId: string): void {
  for (const [name, recorded] of Object.entries(entry.requestHeaders)) {
    const sent = request.headers[name];
    if (sent === undefined || name === 'authorization' || name === 'cookie') continue;
    const fork = bindings.fork();
    if (matchSlots(recorded, sent, fork, runId)) bindings.commit(fork);
  }
}

function normalType(value: string | undefined): string | undefined {
  return value?.toLowerCase().replace(/\s+/g, '');
}

function segmentDistance(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let distance = Math.abs(x.length - y.length);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) distance++;
  return distance;
}

function queryDifference(
  recorded: Array<[string, string]>,
  sent: Array<[string, string]>,
  bindings: Bindings,
  runId: string,
): string | undefined {
  const byName = (list: Array<[string, string]>) => [...list].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  const a = byName(recorded);
  const b = byName(sent);
  const same =
    a.length === b.length &&
    a.every(([name, value], i) => name === b[i][0] && matchSlots(value, b[i][1], bindings, runId));
  return same ? undefined : `the query differs: recorded ${showQuery(recorded)}, sent ${showQuery(sent)}`;
}

function showQuery(query: Array<[string, string]>): string {
  return query.length ? `?${query.map(([n, v]) => `${n}=${v}`).join('&')}` : 'none';
}

function bodyDifference(
  recorded: string | undefined,
  sent: string | undefined,
  bindings: Bindings,
  runId: string,
): string | undefined {
  if (recorded === undefined && sent === undefined) return undefined;
  if (recorded === undefined) return `the body differs: none was recorded, ${show(sent!)} was sent`;
  if (sent === undefined) return `the body differs: recorded ${show(recorded)}, none was sent`;
  const a = parseJson(recorded);
  const b = parseJson(sent);
  if (a.ok && b.ok) {
    const at = jsonDifference(a.value, b.value, '', bindings, runId);
    return at ? `the body differs at ${at}` : undefined;
  }
  return matchSlots(recorded, sent, bindings, runId)
    ? undefined
    : `the body differs: recorded ${show(recorded)}, sent ${show(sent)}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function jsonDifference(
  a: unknown,
  b: unknown,
  pointer: string,
  bindings: Bindings,
  runId: string,
): string | undefined {
  const here = pointer || '/';
  if (typeof a === 'string' && typeof b === 'string')
    return matchSlots(a, b, bindings, runId) ? undefined : `${here}: recorded ${show(a)}, sent ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${here}: recorded ${a.length} items, sent ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const at = jsonDifference(a[i], b[i], `${pointer}/${i}`, bindings, runId);
      if (at) return at;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    const missing = Object.keys(a).find((k) => !(k in b));
    if (missing !== undefined) return `${pointer}/${missing}: recorded ${show(a[missing])}, not sent`;
    const extra = Object.keys(b).find((k) => !(k in a));
    if (extra !== undefined) return `${pointer}/${extra}: sent ${show(b[extra])}, not recorded`;
    for (const key of Object.keys(a)) {
      const at = jsonDifference(
        a[key],
        b[key],
        `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        bindings,
        runId,
      );
      if (at) return at;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${here}: recorded ${show(a)}, sent ${show(b)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
