import type { SimRequest, SimResponse } from '../../src/simulator/simRequest';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/createSimulator';

/** The token the test simulators accept. */
export const TOKEN = 'test-token';
/** The collection path on beta. */
export const COLLECTION = '/beta/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';
/** The seeded object's id (the seed page's example id). */
export const SEED_ID = 'c721dc42-b383-e883-bf80-2d539946cf8c';
/** An id nothing is stored under. */
export const UNKNOWN_ID = '00000000-dead-4000-8000-000000000000';
/** A client-request-id the tests send. */
export const CRID = 'c0ffee00-0000-4000-8000-00000000c0de';
/** The fixed clock the test simulators run on. */
export const NOW = new Date('2025-01-01T00:00:00.000Z');
/** The seeded object as stored. */
export const SEED = {
  id: SEED_ID,
  deletedDateTime: null,
  displayName: 'Contoso PKI',
  lastModifiedDateTime: '2024-10-29T02:05:57Z',
  status: 'succeeded',
  statusDetails: 'Upload complete',
};
/** A GUID, as Graph's request-id must be. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Deterministic GUIDs, so two simulators fed the same requests produce the same ids. */
export function counterIds(): () => string {
  let n = 0;
  return () => `aaaaaaaa-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** A simulator on a fixed clock with counter ids and the seed object; options override. */
export function makeSim(options: Partial<SimulatorOptions> = {}): Simulator {
  return createSimulator({ acceptedTokens: [TOKEN], seed: [SEED], now: () => NOW, newId: counterIds(), ...options });
}

/** How a test describes a request: a JSON body or raw text, headers to add or (with undefined) remove. */
export interface Call {
  query?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string | undefined>;
}

/** Builds a SimRequest with a valid token and, when there is a body, Content-Type: application/json. */
export function req(method: string, path: string, call: Call = {}): SimRequest {
  const bodyText = call.raw ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const headers: Record<string, string | undefined> = { authorization: `Bearer ${TOKEN}` };
  if (bodyText !== undefined) headers['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(call.headers ?? {})) headers[name.toLowerCase()] = value;
  const defined = Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined);
  return { method, path, query: new URLSearchParams(call.query ?? ''), headers: Object.fromEntries(defined), bodyText };
}

/** A request on the collection (`rest` is '' or '/{id}...'). */
export const pki = (method: string, rest: string, call: Call = {}): SimRequest =>
  req(method, `${COLLECTION}${rest}`, call);

/** A header's value, whatever case the simulator spelled its name in. */
export function header(res: SimResponse, name: string): string | undefined {
  const found = Object.entries(res.headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found?.[1];
}

/** The response body parsed as a JSON object. */
export function body(res: SimResponse): Record<string, unknown> {
  const parsed: unknown = JSON.parse(res.bodyText ?? 'null');
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error(`Expected a JSON object body, got ${res.bodyText}`);
  return parsed as Record<string, unknown>;
}

/** The error.code of a Graph error envelope. */
export function errorCode(res: SimResponse): unknown {
  const error = body(res).error;
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>).code : undefined;
}
