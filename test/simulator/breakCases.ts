import type { SimRequest } from '../../src/simulator/simRequest';
import { CRID, SEED_ID, UNKNOWN_ID, pki } from './simHarness';

/** A request sequence and exactly where a break must make its answers differ from the faithful simulator's. */
export interface BreakCase {
  steps: SimRequest[];
  diff: string[];
}

const echo = { headers: { 'client-request-id': CRID } };
const item = `/${SEED_ID}`;
const unknown = `/${UNKNOWN_ID}`;
const getSeed = pki('GET', item, echo);
const getUnknown = pki('GET', unknown, echo);
const getList = pki('GET', '', echo);
const patchAll = pki('PATCH', item, {
  ...echo,
  body: {
    deletedDateTime: '2025-02-03T04:05:06Z',
    displayName: 'New name',
    status: 'running',
    statusDetails: 'Uploading',
  },
});
const patchName = pki('PATCH', item, { ...echo, body: { displayName: 'Only name' } });
const patchWith = (body: Record<string, unknown>): SimRequest =>
  pki('PATCH', item, { ...echo, body: { displayName: 'X', ...body } });
const patchRaw = (raw: string, contentType?: string): SimRequest =>
  pki('PATCH', item, { raw, headers: { ...echo.headers, 'content-type': contentType } });

// An error answered where a JSON success was expected (or the reverse): status, media type, OData-Version, whole body.
const swapped = (i: number): string[] => [
  `${i} status`,
  `${i} header content-type`,
  `${i} header odata-version`,
  `${i} body`,
];
const changedCode = (i: number): string[] => [`${i} status`, `${i} body /error/code`, `${i} body /error/message`];
const entityKeys = [
  '@odata.type',
  'id',
  'deletedDateTime',
  'displayName',
  'lastModifiedDateTime',
  'status',
  'statusDetails',
];
const writable = (i: number, names = ['deletedDateTime', 'displayName', 'status', 'statusDetails']): string[] =>
  names.map((n) => `${i} body /${n}`);
const accepted = (step: SimRequest, changed: string[]): BreakCase => ({
  steps: [step, getSeed],
  diff: [...swapped(0), ...changed.map((n) => `1 body /${n}`)],
});
const postNamed = (displayName: string): SimRequest => pki('POST', '', { ...echo, body: { displayName } });
const listWith = (query: string): SimRequest => pki('GET', '', { ...echo, query });
// One success, one error, one 204: the header breaks must touch only the class they name.
const mixed = [getSeed, getUnknown, pki('DELETE', item, echo)];

/** One case per break in the registry. */
export const breakCases: Record<string, BreakCase> = {
  'accepts-no-token': {
    steps: [
      pki('GET', item, { headers: { authorization: undefined } }),
      pki('GET', item, { headers: { authorization: 'Bearer nope' } }),
    ],
    diff: [...swapped(0), '0 header www-authenticate'],
  },
  'accepts-bad-token': {
    steps: [
      pki('GET', item, { headers: { authorization: 'Bearer nope' } }),
      pki('GET', item, { headers: { authorization: undefined } }),
    ],
    diff: [...swapped(0), '0 header www-authenticate'],
  },
  'accepts-missing-content-type': {
    steps: [patchRaw('{"displayName":"X"}', 'text/plain'), patchRaw('{"displayName":"X"}'), getSeed],
    diff: [...swapped(1), '2 body /displayName', '2 body /lastModifiedDateTime'],
  },
  'missing-content-type-returns-415': { steps: [patchRaw('{"displayName":"X"}')], diff: changedCode(0) },
  'accepts-text-plain': accepted(patchRaw('{"displayName":"X"}', 'text/plain'), [
    'displayName',
    'lastModifiedDateTime',
  ]),
  'accepts-malformed-json': accepted(patchRaw('{"displayName": "X",}', 'application/json'), ['lastModifiedDateTime']),
  'malformed-json-returns-415': {
    steps: [patchRaw('{"displayName": "X",}', 'application/json')],
    diff: changedCode(0),
  },
  'accepts-non-object-body': accepted(patchRaw('["displayName"]', 'application/json'), ['lastModifiedDateTime']),
  'accepts-unknown-property': accepted(patchWith({ colour: 'blue' }), ['displayName', 'lastModifiedDateTime']),
  'unknown-property-returns-500': { steps: [patchWith({ colour: 'blue' })], diff: changedCode(0) },
  'accepts-foreign-odata-type': accepted(patchWith({ '@odata.type': '#microsoft.graph.user' }), [
    'displayName',
    'lastModifiedDateTime',
  ]),
  'accepts-wrong-type': accepted(pki('PATCH', item, { ...echo, body: { displayName: 42, status: 'running' } }), [
    'lastModifiedDateTime',
    'status',
  ]),
  'accepts-read-only-id': accepted(patchWith({ id: SEED_ID }), ['displayName', 'lastModifiedDateTime']),
  'accepts-navigation-property': accepted(patchWith({ certificateAuthorities: [] }), [
    'displayName',
    'lastModifiedDateTime',
  ]),
  'accepts-too-long-display-name': accepted(patchWith({ displayName: 'x'.repeat(257) }), [
    'displayName',
    'lastModifiedDateTime',
  ]),
  'unknown-id-returns-200': {
    steps: [
      getUnknown,
      pki('PATCH', unknown, { body: { displayName: 'X' } }),
      pki('DELETE', unknown),
      getUnknown,
      getList,
    ],
    diff: [...swapped(0), ...swapped(1), '2 status', '2 header content-type', '2 body', ...swapped(3)],
  },
  'unknown-id-returns-400': { steps: [getUnknown], diff: changedCode(0) },
  'unknown-id-returns-500': { steps: [getUnknown], diff: changedCode(0) },
  'patch-returns-204': {
    steps: [patchAll, getSeed],
    diff: ['0 status', '0 header content-type', '0 header odata-version', '0 body'],
  },
  'patch-returns-201': { steps: [patchAll, getSeed], diff: ['0 status'] },
  'top-ignored': { steps: [postNamed('b'), listWith('$top=1')], diff: ['1 body /@odata.nextLink', '1 body /value'] },
  'filter-ignored': { steps: [postNamed('b'), listWith("$filter=displayName eq 'b'")], diff: ['1 body /value'] },
  // The new object sorts before the seed by displayName; storage order puts the seed first.
  'orderby-ignored': {
    steps: [postNamed('a'), listWith('$orderby=displayName')],
    diff: [0, 1].flatMap((i) =>
      ['id', 'displayName', 'lastModifiedDateTime', 'status', 'statusDetails'].map((k) => `1 body /value/${i}/${k}`),
    ),
  },
  'skip-accepted': { steps: [listWith('$skip=1')], diff: swapped(0) },
  'post-returns-200': { steps: [pki('POST', '', { body: { displayName: 'New' } }), getList], diff: ['0 status'] },
  'get-wraps-entity-in-value': {
    steps: [getSeed, patchName],
    diff: [...entityKeys.map((k) => `0 body /${k}`), '0 body /value'],
  },
  'delete-returns-200': {
    steps: [pki('DELETE', item, echo), getSeed],
    diff: ['0 status', '0 header content-type', '0 header odata-version', '0 body'],
  },
  'delete-not-persisted': { steps: [pki('DELETE', item, echo), getSeed], diff: swapped(1) },
  'patch-not-persisted': { steps: [patchAll, getSeed], diff: writable(1) },
  'persisted-only-display-name': {
    steps: [patchAll, getSeed],
    diff: writable(1, ['deletedDateTime', 'status', 'statusDetails']),
  },
  'patch-not-echoed': { steps: [patchAll, getSeed], diff: [...writable(0), '0 body /lastModifiedDateTime'] },
  'patch-not-partial': {
    steps: [patchName, getSeed],
    diff: [...writable(0, ['status', 'statusDetails']), ...writable(1, ['status', 'statusDetails'])],
  },
  'patch-ignores-status': { steps: [patchAll, getSeed], diff: ['0 body /status', '1 body /status'] },
  'patch-ignores-deleted-date-time': {
    steps: [patchAll, getSeed],
    diff: ['0 body /deletedDateTime', '1 body /deletedDateTime'],
  },
  'patch-changes-id': { steps: [patchAll, getSeed], diff: ['0 body /id'] },
  'last-modified-goes-backwards': {
    steps: [patchAll, getSeed],
    diff: ['0 body /lastModifiedDateTime', '1 body /lastModifiedDateTime'],
  },
  'last-modified-not-bumped': {
    steps: [patchAll, getSeed],
    diff: ['0 body /lastModifiedDateTime', '1 body /lastModifiedDateTime'],
  },
  'last-modified-not-date-time': {
    steps: [getSeed, patchName, getList],
    diff: ['0 body /lastModifiedDateTime', '1 body /lastModifiedDateTime', '2 body /value/0/lastModifiedDateTime'],
  },
  'odata-type-wrong': { steps: [getSeed, getList], diff: ['0 body /@odata.type', '1 body /value/0/@odata.type'] },
  'odata-type-lowercase': { steps: [getSeed, getList], diff: ['0 body /@odata.type', '1 body /value/0/@odata.type'] },
  'display-name-wrong-type-in-body': {
    steps: [getSeed, getList, pki('PATCH', item, { body: { displayName: null } }), getSeed],
    diff: ['0 body /displayName', '1 body /value/0/displayName'],
  },
  'request-id-not-guid': {
    steps: [...mixed, pki('GET', unknown)],
    diff: [
      '0 header request-id',
      '1 header request-id',
      '1 body /error/innerError/request-id',
      '2 header request-id',
      '3 header request-id',
      '3 header client-request-id',
      '3 body /error/innerError/request-id',
      '3 body /error/innerError/client-request-id',
    ],
  },
  'success-missing-request-id': { steps: mixed, diff: ['0 header request-id', '2 header request-id'] },
  'error-missing-request-id': { steps: mixed, diff: ['1 header request-id'] },
  'client-request-id-not-echoed': { steps: mixed, diff: ['0 header client-request-id', '2 header client-request-id'] },
  'error-client-request-id-not-echoed': {
    steps: mixed,
    diff: ['1 header client-request-id', '1 body /error/innerError/client-request-id'],
  },
  'odata-version-missing': { steps: mixed, diff: ['0 header odata-version'] },
  'odata-version-wrong': { steps: mixed, diff: ['0 header odata-version'] },
  'success-media-type-text-plain': { steps: mixed, diff: ['0 header content-type'] },
  'error-media-type-text-html': { steps: mixed, diff: ['1 header content-type'] },
  'error-envelope-missing-code': { steps: mixed, diff: ['1 body /error/code'] },
  'error-envelope-not-json': { steps: mixed, diff: ['1 body'] },
};
