// One workload for every tool: N distinct PATCH requests (own object id, body and client-request-id) and the four
// checks.
import { randomUUID } from 'node:crypto';

/** The path every tool sends to, below the base URL (…/beta). */
export const COLLECTION = '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';

/** The bearer token every tool sends on the live path; the loopback server refuses anything else. */
export const TOKEN = 'bench-token-not-a-secret';

/** The Content-Type Graph answers a successful JSON body with (the media type is application/json). */
export const SUCCESS_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** The media-type check, as a regular expression every tool can use. */
export const MEDIA_TYPE_RE = '^application/json[ \\t]*(;|$)';

/** The request-id check: a GUID. */
export const GUID_RE = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * The body contract every tool validates against. Written with keywords that mean the same in JSON Schema draft-04
 * (Dredd/gavel, Swagger 2), draft-07 (Step CI, Postman's sandbox) and 2020-12 (graph-conformance and fetch+ajv, strict
 * ajv).
 */
export const BODY_SCHEMA = {
  type: 'object',
  required: ['@odata.type', 'id', 'displayName', 'lastModifiedDateTime'],
  properties: {
    '@odata.context': { type: 'string' },
    '@odata.type': { type: 'string', enum: ['#microsoft.graph.certificateBasedAuthPki'] },
    id: { type: 'string', pattern: GUID_RE },
    displayName: { type: 'string', maxLength: 256 },
    lastModifiedDateTime: {
      type: 'string',
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$',
    },
  },
};

/** The kinds of deliberately wrong answer the server can plant, one per check. */
export const PLANT_KINDS = ['status', 'mediaType', 'requestId', 'body'];

/**
 * N scenarios: index, scenario id, object id, client-request-id and body. `plant` maps an index to the kind of wrong
 * answer the server gives for it (verification passes only).
 */
export function makeWorkload(n, tag = 'bench') {
  const scenarios = [];
  for (let i = 0; i < n; i++) {
    const num = String(i + 1).padStart(5, '0');
    scenarios.push({
      index: i,
      name: `${tag}-patch-${num}`,
      objectId: randomUUID(),
      clientRequestId: randomUUID(),
      body: { displayName: `Bench PKI ${num}` },
    });
  }
  return { n, tag, scenarios };
}

/** Spreads the planted kinds over a workload of at least 4 scenarios: index → kind. */
export function plantPlan(n) {
  if (n < PLANT_KINDS.length) throw new Error(`a verification pass needs at least ${PLANT_KINDS.length} scenarios`);
  const plan = new Map();
  PLANT_KINDS.forEach((kind, k) => plan.set(Math.floor(((k + 1) * n) / (PLANT_KINDS.length + 1)), kind));
  return plan;
}

/**
 * The throttled nightly workload: N scenarios of three requests on distinct objects (GET, PATCH displayName, GET that
 * must show it). Each object starts with `initialName` on the server; the PATCH sends `newName`.
 */
export function makeNightlyWorkload(n, tag = 'nightly') {
  const scenarios = [];
  for (let i = 0; i < n; i++) {
    const num = String(i + 1).padStart(5, '0');
    scenarios.push({
      index: i,
      name: `${tag}-${num}`,
      objectId: randomUUID(),
      initialName: `Seeded PKI ${num}`,
      newName: `Nightly PKI ${num}`,
    });
  }
  return { n, tag, scenarios };
}
