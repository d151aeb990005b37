import { didYouMean } from '../common/didYouMean';
import { message } from '../common/log';

/** What a break is: how it misbehaves and which documented rule that violates. */
export interface BreakInfo {
  description: string;
  rule: string;
}

// Rules are shared so that breaks aimed at the same rule are visibly comparable.
const R = {
  noToken: 'A request without a bearer token is rejected with 401 InvalidAuthenticationToken',
  badToken: 'A request with a bad bearer token is rejected with 401 InvalidAuthenticationToken',
  missingContentType: 'A body without Content-Type is rejected with 400 (not 415)',
  mediaType: 'A body with a non-JSON media type is rejected with 400 or 415',
  malformed: 'Malformed JSON is rejected with 400 (not 415)',
  notObject: 'A JSON body that is not an object is rejected with 400',
  unknownProperty: 'An unknown property is rejected with 400',
  requestType: '@odata.type in a request body must name microsoft.graph.certificateBasedAuthPki',
  wrongType: 'A value of the wrong type is rejected with 400',
  readOnly: 'The read-only id cannot be written: 400',
  navigation: 'The navigation property certificateAuthorities cannot be written: 400',
  tooLong: 'A displayName over 256 characters is rejected with 400',
  unknownId: 'An unknown id answers 404 Request_ResourceNotFound',
  patchStatus: 'PATCH success is 200 with the updated entity in the body',
  postStatus: 'POST success is 201 with the created entity in the body',
  getShape: 'GET /{id} answers the entity itself',
  deleteStatus: 'DELETE success is 204 with no body',
  deleteGone: 'After DELETE the object is gone: a later GET answers 404',
  echoed: 'PATCH echoes the updated values in its body',
  persisted: 'PATCH changes are persisted: a later GET agrees with them',
  partial: 'PATCH is partial: properties not sent keep their values',
  writable: 'Every documented writable property (deletedDateTime, displayName, status, statusDetails) is applied',
  idStable: 'id never changes',
  lmForward: 'lastModifiedDateTime never moves backwards',
  lmBumped: 'lastModifiedDateTime reflects the latest modification',
  lmFormat: 'lastModifiedDateTime is a valid date-time',
  odataType: 'Entity bodies carry @odata.type "#microsoft.graph.certificateBasedAuthPki"',
  bodySchema: 'Entity bodies are valid against the resource contract (displayName is a string or null)',
  requestIdGuid: 'request-id is a GUID',
  successRequestId: 'Every success carries a request-id header',
  errorRequestId: 'Every failure carries a request-id header',
  successEcho: 'Every success echoes client-request-id',
  errorEcho: 'Every failure echoes client-request-id',
  odataVersion: 'Every success with a body carries OData-Version: 4.0',
  successMediaType: 'Every success with a body has a JSON media type',
  errorMediaType: 'Every failure has a JSON media type',
  envelope: 'Every failure carries the Graph error envelope {error: {code, message, innerError}}',
  errorClass: 'Each rejection answers the right status class (4xx for a client mistake)',
  top: 'A list honours $top (1 to 999): a page holds at most that many objects',
  filter: 'A list honours $filter: only the objects it selects are listed',
  orderBy: 'A list honours $orderby: objects come in that order',
  skip: '$skip is refused with 400: a list pages by @odata.nextLink only',
} as const;

const registry = {
  'accepts-no-token': {
    rule: R.noToken,
    description: 'A request without Authorization is served as if authenticated.',
  },
  'accepts-bad-token': {
    rule: R.badToken,
    description: 'Any Authorization value is accepted; a missing one is still rejected.',
  },
  'accepts-missing-content-type': {
    rule: R.missingContentType,
    description: 'A body without Content-Type is parsed as JSON.',
  },
  'missing-content-type-returns-415': {
    rule: R.missingContentType,
    description: 'A body without Content-Type answers 415 instead of 400.',
  },
  'accepts-text-plain': {
    rule: R.mediaType,
    description: 'Any non-JSON media type (text/plain...) is accepted and the body parsed as JSON.',
  },
  'accepts-malformed-json': {
    rule: R.malformed,
    description: 'Malformed JSON is treated as an empty object; the write succeeds.',
  },
  'malformed-json-returns-415': { rule: R.malformed, description: 'Malformed JSON answers 415 instead of 400.' },
  'accepts-non-object-body': {
    rule: R.notObject,
    description: 'A JSON array or scalar body is treated as an empty object; the write succeeds.',
  },
  'accepts-unknown-property': {
    rule: R.unknownProperty,
    description: 'Unknown properties are silently ignored; the write succeeds.',
  },
  'unknown-property-returns-500': {
    rule: R.errorClass,
    description: 'An unknown property answers 500 UnknownError instead of 400.',
  },
  'accepts-foreign-odata-type': {
    rule: R.requestType,
    description: 'A request @odata.type naming another type is ignored; the write succeeds.',
  },
  'accepts-wrong-type': {
    rule: R.wrongType,
    description: 'Values of the wrong type are silently dropped; the write succeeds.',
  },
  'accepts-read-only-id': {
    rule: R.readOnly,
    description: 'An id in the body is silently ignored; the write succeeds.',
  },
  'accepts-navigation-property': {
    rule: R.navigation,
    description: 'certificateAuthorities in the body is silently ignored; the write succeeds.',
  },
  'accepts-too-long-display-name': {
    rule: R.tooLong,
    description: 'A displayName over 256 characters is stored as is; the write succeeds.',
  },
  'unknown-id-returns-200': {
    rule: R.unknownId,
    description: 'An unknown id is served a made-up object (GET/PATCH 200, DELETE 204); nothing is stored.',
  },
  'unknown-id-returns-400': {
    rule: R.unknownId,
    description: 'An unknown id answers 400 Request_BadRequest instead of 404.',
  },
  'unknown-id-returns-500': {
    rule: R.unknownId,
    description: 'An unknown id answers 500 UnknownError instead of 404.',
  },
  'patch-returns-204': {
    rule: R.patchStatus,
    description: 'PATCH applies and persists the change but answers 204 with no body.',
  },
  'patch-returns-201': {
    rule: R.patchStatus,
    description: 'PATCH answers 201 instead of 200; body and state are right.',
  },
  'post-returns-200': {
    rule: R.postStatus,
    description: 'POST answers 200 instead of 201; body, Location and state are right.',
  },
  'get-wraps-entity-in-value': {
    rule: R.getShape,
    description: 'GET /{id} wraps the entity in {"value": ...}, as the docs example wrongly shows.',
  },
  'delete-returns-200': {
    rule: R.deleteStatus,
    description: 'DELETE removes the object but answers 200 with the deleted entity.',
  },
  'delete-not-persisted': { rule: R.deleteGone, description: 'DELETE answers 204 but the object stays.' },
  'patch-not-persisted': {
    rule: R.persisted,
    description: 'PATCH echoes the change but stores only the new lastModifiedDateTime.',
  },
  'persisted-only-display-name': {
    rule: R.persisted,
    description: 'PATCH echoes every change but stores only displayName (and the new lastModifiedDateTime).',
  },
  'patch-not-echoed': {
    rule: R.echoed,
    description: 'PATCH stores the change but answers with the body from before it.',
  },
  'patch-not-partial': {
    rule: R.partial,
    description: 'Writable properties not sent in a PATCH become null (echoed and stored).',
  },
  'patch-ignores-status': {
    rule: R.writable,
    description: 'PATCH silently keeps the old status (not echoed, not stored).',
  },
  'patch-ignores-deleted-date-time': {
    rule: R.writable,
    description: 'PATCH silently keeps the old deletedDateTime (not echoed, not stored).',
  },
  'patch-changes-id': {
    rule: R.idStable,
    description: 'The PATCH response carries a different id; the stored object keeps its own.',
  },
  'last-modified-goes-backwards': {
    rule: R.lmForward,
    description: 'PATCH sets lastModifiedDateTime one day before its previous value.',
  },
  'last-modified-not-bumped': { rule: R.lmBumped, description: 'PATCH leaves lastModifiedDateTime unchanged.' },
  'last-modified-not-date-time': {
    rule: R.lmFormat,
    description: 'Entity bodies give lastModifiedDateTime as an HTTP date ("Tue, 29 Oct 2024 02:05:57 GMT").',
  },
  'odata-type-wrong': {
    rule: R.odataType,
    description: 'Entity bodies carry @odata.type "#microsoft.graph.directoryObject".',
  },
  'odata-type-lowercase': {
    rule: R.odataType,
    description: 'Entity bodies carry @odata.type "#microsoft.graph.certificatebasedauthpki".',
  },
  'display-name-wrong-type-in-body': {
    rule: R.bodySchema,
    description: 'Entity bodies give a non-null displayName as a number (its length).',
  },
  'request-id-not-guid': {
    rule: R.requestIdGuid,
    description: 'Every request-id (header and innerError) is "req-" plus 32 hex digits.',
  },
  'success-missing-request-id': {
    rule: R.successRequestId,
    description: 'Successful responses carry no request-id header.',
  },
  'error-missing-request-id': {
    rule: R.errorRequestId,
    description: 'Error responses carry no request-id header (innerError still has it).',
  },
  'client-request-id-not-echoed': {
    rule: R.successEcho,
    description: 'Successful responses carry a client-request-id different from the one sent.',
  },
  'error-client-request-id-not-echoed': {
    rule: R.errorEcho,
    description: 'Error responses (header and innerError) carry a client-request-id different from the one sent.',
  },
  'odata-version-missing': {
    rule: R.odataVersion,
    description: 'Successful responses with a body carry no OData-Version.',
  },
  'odata-version-wrong': {
    rule: R.odataVersion,
    description: 'Successful responses with a body carry OData-Version: 3.0.',
  },
  'success-media-type-text-plain': {
    rule: R.successMediaType,
    description: 'Successful JSON bodies are labelled text/plain;charset=utf-8.',
  },
  'error-media-type-text-html': {
    rule: R.errorMediaType,
    description: 'Error envelopes (still valid JSON) are labelled text/html; charset=utf-8.',
  },
  'error-envelope-missing-code': { rule: R.envelope, description: 'Error envelopes have no error.code.' },
  'error-envelope-not-json': {
    rule: R.envelope,
    description: 'Error bodies are an HTML page, still labelled application/json.',
  },
  'top-ignored': { rule: R.top, description: '$top is accepted and ignored: a page holds up to 100 objects.' },
  'filter-ignored': { rule: R.filter, description: '$filter is parsed and ignored: every object is listed.' },
  'orderby-ignored': { rule: R.orderBy, description: '$orderby is parsed and ignored: objects come in storage order.' },
  'skip-accepted': { rule: R.skip, description: '$skip is accepted and skips that many objects.' },
} satisfies Record<string, BreakInfo>;

/** The name of a known break. */
export type BreakName = keyof typeof registry;

/**
 * Every deliberate deviation the simulator can be asked to make, keyed by name; each violates exactly one documented
 * rule.
 */
export const breaks: Record<string, BreakInfo> = registry;

/** Turns break names into a set, throwing on a name the registry does not know (a harness defect, not data). */
export function resolveBreaks(names: readonly string[] = []): ReadonlySet<BreakName> {
  const unknown = names.filter((name) => !Object.hasOwn(registry, name));
  if (unknown.length > 0) {
    throw new Error(
      message(
        'simulator',
        `unknown break ${unknown.map((n) => `"${n}"`).join(', ')}; known breaks are listed in src/simulator/breaks.ts.`,
      ),
    );
  }
  return new Set(names as BreakName[]);
}

/** Why these break names cannot be used (which are unknown, the nearest known ones, the known list), or undefined. */
export function unknownBreaks(names: readonly string[]): string | undefined {
  const unknown = names.filter((name) => !Object.hasOwn(registry, name));
  if (unknown.length === 0) return undefined;
  const known = Object.keys(registry);
  const guesses = unknown.map((name) => didYouMean(name, known)).filter((g) => g !== undefined);
  const hint = guesses.length ? ` (did you mean ${guesses.map((g) => `"${g}"`).join(', ')}?)` : '';
  return `unknown break ${unknown.map((n) => `"${n}"`).join(', ')}${hint}; known breaks: ${known.join(', ')}`;
}
