import { randomUUID } from 'node:crypto';
import type { SimRequest, SimResponse } from './simRequest';
import { resolveBreaks, type BreakName } from './breaks';
import { errorResponse, finishResponse, fail, type Outcome } from './finishResponse';
import { graphErrors, type GraphErrorSpec } from './graphError';
import { createPkiStore, type PkiObject } from './pkiStore';
import { createPki, listPki } from './pkiCollection';
import { deletePki, getPki } from './pkiItem';
import { patchPki } from './patchPki';
import type { PkiRoute, SimContext } from './simContext';

/** Re-exported because `SimulatorOptions.seed` is written in its terms. */
export type { PkiObject } from './pkiStore';

/** How to build a simulator: who may call it, which breaks to apply, how to spell answers, and its starting state. */
export interface SimulatorOptions {
  /** Bearer tokens accepted; anything else answers 401 InvalidAuthenticationToken. */
  acceptedTokens: string[];
  /** Names from the breaks registry (`breaks.ts`); an unknown name throws. */
  breaks?: string[];
  /** 'odd-but-valid' answers with legitimate but unusual spellings (see `oddButValid.ts`); default 'plain'. */
  variant?: 'plain' | 'odd-but-valid';
  /** Objects present at the start. */
  seed?: Array<Partial<PkiObject> & { id: string }>;
  /** Clock; defaults to real time. */
  now?: () => Date;
  /** Id source for objects and request-ids; defaults to crypto.randomUUID. */
  newId?: () => string;
}

/** A stateful, in-memory stand-in for Graph's certificateBasedAuthPki collection. */
export interface Simulator {
  handle(req: SimRequest): SimResponse;
  /**
   * Answers with a Graph error rendered as the simulator renders its own (for a front end that refuses a request
   * itself).
   */
  error(error: GraphErrorSpec, req: SimRequest): SimResponse;
}

const VERSIONS: ReadonlyArray<PkiRoute['version']> = ['beta', 'v1.0'];
const COLLECTION = ['directory', 'publicKeyInfrastructure', 'certificateBasedAuthConfigurations'];

function authenticate(
  req: SimRequest,
  tokens: ReadonlySet<string>,
  breaks: ReadonlySet<BreakName>,
): GraphErrorSpec | undefined {
  const header = (req.headers.authorization ?? '').trim();
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (header === '' || /^Bearer$/i.test(header)) {
    return breaks.has('accepts-no-token') ? undefined : graphErrors.tokenMissing();
  }
  if (match?.[1] !== undefined && tokens.has(match[1])) return undefined;
  return breaks.has('accepts-bad-token') ? undefined : graphErrors.tokenInvalid();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Graph matches path segments case-insensitively; a trailing slash addresses the same resource.
function matchRoute(path: string): { ok: true; route: PkiRoute } | { ok: false; error: GraphErrorSpec } {
  const segments = path.replace(/^\//, '').replace(/\/$/, '').split('/').map(safeDecode);
  const version = VERSIONS.find((v) => v === segments[0]);
  if (!version) return { ok: false, error: graphErrors.unknownSegment(segments[0] ?? '') };
  const rest = segments.slice(1);
  const mismatch = COLLECTION.findIndex((expected, i) => rest[i]?.toLowerCase() !== expected.toLowerCase());
  if (mismatch >= 0) return { ok: false, error: graphErrors.unknownSegment(rest[mismatch] ?? '') };
  if (rest.length > COLLECTION.length + 1)
    return { ok: false, error: graphErrors.unknownSegment(rest[COLLECTION.length + 1] ?? '') };
  const id = rest[COLLECTION.length];
  if (id === '') return { ok: false, error: graphErrors.unknownSegment(id) };
  return { ok: true, route: id === undefined ? { version } : { version, id } };
}

function dispatch(req: SimRequest, ctx: SimContext, tokens: ReadonlySet<string>): Outcome {
  const denied = authenticate(req, tokens, ctx.breaks);
  if (denied) return fail(denied);
  const matched = matchRoute(req.path);
  if (!matched.ok) return fail(matched.error);
  const { route } = matched;
  const method = req.method.toUpperCase();
  if (route.id === undefined) {
    if (method === 'GET') return listPki(req, route, ctx);
    if (method === 'POST') return createPki(req, route, ctx);
    return fail(graphErrors.methodNotAllowed('GET, POST'));
  }
  const item = { ...route, id: route.id };
  if (method === 'GET') return getPki(req, item, ctx);
  if (method === 'PATCH') return patchPki(req, item, ctx);
  if (method === 'DELETE') return deletePki(item, ctx);
  return fail(graphErrors.methodNotAllowed('GET, PATCH, DELETE'));
}

/** Creates a simulator; throws if `breaks` names a break the registry does not know. */
export function createSimulator(options: SimulatorOptions): Simulator {
  const now = options.now ?? (() => new Date());
  const ctx: SimContext = {
    store: createPkiStore(options.seed ?? [], now()),
    breaks: resolveBreaks(options.breaks),
    variant: options.variant ?? 'plain',
    now,
    newId: options.newId ?? randomUUID,
  };
  const tokens = new Set(options.acceptedTokens);
  return {
    handle: (req) => finishResponse(dispatch(req, ctx, tokens), req, ctx),
    error: (error, req) => errorResponse(error, req, ctx),
  };
}
