/**
 * The sample table: for each contract `$id`, instances that must pass and instances that must fail for a stated reason.
 */
import { headerSamples } from './headerSamples';
import { bad, GUID, ok, sample, withProps, without, type Sample, type Violation } from './sampleKit';

export type { Sample, Violation } from './sampleKit';

const TYPE = '#microsoft.graph.certificateBasedAuthPki';

/** The current docs' response example, with the values docs/graph-pki.md §1 reports. */
const docsResponse: Record<string, unknown> = {
  '@odata.context':
    'https://graph.microsoft.com/beta/$metadata#directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/$entity',
  '@odata.type': TYPE,
  id: 'c721dc42-b383-e883-bf80-2d539946cf8c',
  deletedDateTime: null,
  displayName: 'Contoso PKI',
  status: 'succeeded',
  statusDetails: null,
  lastModifiedDateTime: '2024-10-29T02:05:57Z',
};

/** The seed page's response example, verbatim: type placeholders instead of values. */
const seedResponse = {
  '@odata.type': TYPE,
  id: 'c721dc42-b383-e883-bf80-2d539946cf8c',
  deletedDateTime: 'String (timestamp)',
  displayName: 'String',
  status: 'String',
  statusDetails: 'String',
  lastModifiedDateTime: 'String (timestamp)',
};

/** The seed page's request example, verbatim. */
const seedRequest = {
  '@odata.type': TYPE,
  deletedDateTime: 'String (timestamp)',
  displayName: 'String',
  status: 'String',
  statusDetails: 'String',
};

const placeholderDates: [Violation, ...Violation[]] = [
  ['format', '/deletedDateTime'],
  ['pattern', '/deletedDateTime'],
  ['format', '/lastModifiedDateTime'],
  ['pattern', '/lastModifiedDateTime'],
];

/**
 * DateTimeOffset values and the keywords that must reject them (none: accepted). format and pattern each catch
 * something the other lets through.
 */
const dates: Array<[value: string, ...keywords: string[]]> = [
  ['2024-10-29T02:05:57Z'],
  ['2024-10-29T02:05:57.1234567Z'],
  ['2024-10-29T07:35:57+05:30'],
  ['2024-10-28T18:05:57.5-08:00'],
  ['String (timestamp)', 'format', 'pattern'],
  ['2024-10-29T02:05:57', 'format', 'pattern'],
  ['2024-02-30T00:00:00Z', 'format'],
  ['2024-10-29t02:05:57z', 'pattern'],
  ['2024-10-29 02:05:57Z', 'pattern'],
];
const dateSamples = (id: string, base: object, property: string): Sample[] =>
  dates.map(([value, ...keywords]) =>
    sample(
      `${id}: ${property} ${JSON.stringify(value)}`,
      withProps(base, { [property]: value }),
      ...keywords.map((k): Violation => [k, `/${property}`]),
    ),
  );

const graphError = {
  error: {
    code: 'InvalidAuthenticationToken',
    message: 'Access token is empty.',
    innerError: { date: '2021-07-02T01:40:19', 'request-id': GUID, 'client-request-id': GUID },
  },
};
const withError = (props: Record<string, unknown>) => ({ error: { ...graphError.error, ...props } });

/** Samples by contract `$id`. */
export const samples: Record<string, Sample[]> = {
  'graph.beta.certificateBasedAuthPki': [
    ok('current docs response example (statusDetails null)', docsResponse),
    ok('minimal: id, @odata.type, lastModifiedDateTime', {
      id: 'x',
      '@odata.type': TYPE,
      lastModifiedDateTime: '2024-10-29T02:05:57Z',
    }),
    ok('open type: an unknown extra property', withProps(docsResponse, { someFutureProperty: { a: 1 } })),
    ok('displayName of 256 characters', withProps(docsResponse, { displayName: 'x'.repeat(256) })),
    ok(
      'expanded certificateAuthorities',
      withProps(docsResponse, {
        certificateAuthorities: [
          {
            certificate: 'MIIB',
            expirationDateTime: '2034-10-29T02:05:57Z',
            thumbprint: 'AB12',
            certificateAuthorityType: 'root',
            isIssuerHintEnabled: false,
          },
        ],
      }),
    ),
    bad('seed response example (placeholders)', seedResponse, ...placeholderDates),
    bad('wrong @odata.type', withProps(docsResponse, { '@odata.type': '#microsoft.graph.directoryObject' }), [
      'const',
      '/@odata.type',
    ]),
    bad('missing @odata.type', without(docsResponse, '@odata.type'), ['required', '/@odata.type']),
    bad('missing id', without(docsResponse, 'id'), ['required', '/id']),
    bad('empty id', withProps(docsResponse, { id: '' }), ['minLength', '/id']),
    bad('missing lastModifiedDateTime', without(docsResponse, 'lastModifiedDateTime'), [
      'required',
      '/lastModifiedDateTime',
    ]),
    bad('lastModifiedDateTime null (Nullable=false)', withProps(docsResponse, { lastModifiedDateTime: null }), [
      'type',
      '/lastModifiedDateTime',
    ]),
    bad('displayName of 257 characters', withProps(docsResponse, { displayName: 'x'.repeat(257) }), [
      'maxLength',
      '/displayName',
    ]),
    bad('status a number', withProps(docsResponse, { status: 1 }), ['type', '/status']),
    bad('certificateAuthorities not an array', withProps(docsResponse, { certificateAuthorities: {} }), [
      'type',
      '/certificateAuthorities',
    ]),
    bad(
      'certificateAuthorities item without thumbprint',
      withProps(docsResponse, {
        certificateAuthorities: [{ certificate: 'MIIB', expirationDateTime: '2034-10-29T02:05:57Z' }],
      }),
      ['required', '/certificateAuthorities/0/thumbprint'],
    ),
    ...dateSamples('resource', docsResponse, 'lastModifiedDateTime'),
    ...dateSamples('resource', docsResponse, 'deletedDateTime'),
  ],
  'graph.beta.certificateBasedAuthPki.collection': [
    ok('a page with context, nextLink and count', {
      '@odata.context':
        'https://graph.microsoft.com/beta/$metadata#directory/publicKeyInfrastructure/certificateBasedAuthConfigurations',
      '@odata.count': 2,
      '@odata.nextLink':
        'https://graph.microsoft.com/beta/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations?$top=1&$skiptoken=X',
      value: [docsResponse, withProps(docsResponse, { id: 'other' })],
    }),
    ok('an empty collection', { value: [] }),
    bad('missing value', { '@odata.count': 0 }, ['required', '/value']),
    bad('docs Get example: single entity wrapped in value', { value: docsResponse }, ['type', '/value']),
    bad('an invalid item', { value: [docsResponse, withProps(docsResponse, { '@odata.type': 'x' })] }, [
      'const',
      '/value/1/@odata.type',
    ]),
    bad('negative @odata.count', { value: [], '@odata.count': -1 }, ['minimum', '/@odata.count']),
    bad('nextLink not a URI', { value: [], '@odata.nextLink': 'not a uri' }, ['format', '/@odata.nextLink']),
    bad(
      'a member that is neither value nor an annotation',
      { value: [], items: [] },
      ['propertyNames', '/items'],
      ['pattern', '/items'],
    ),
  ],
  'graph.collection': [
    ok('any page of items, with annotations beside value', {
      '@odata.nextLink': 'https://graph.microsoft.com/beta/x?$skiptoken=X',
      value: [{ id: 'a', displayName: 42 }],
    }),
    ok('an empty collection', { value: [] }),
    bad('an error envelope (a base URL that serves no collection)', { error: { code: 'x', message: 'y' } }, [
      'required',
      '/value',
    ]),
    bad('a single entity wrapped in value', { value: docsResponse }, ['type', '/value']),
    bad('not an object', [docsResponse], ['type', '']),
  ],
  'graph.beta.certificateBasedAuthPki.patch': [
    ok('current docs request example, trailing comma removed', { displayName: 'Contoso PKI' }),
    ok('every seed property with real values', {
      '@odata.type': TYPE,
      deletedDateTime: null,
      displayName: 'Contoso PKI',
      status: 'succeeded',
      statusDetails: null,
      lastModifiedDateTime: '2024-10-29T02:05:57.123Z',
    }),
    ok('empty body', {}),
    ok('displayName null', { displayName: null }),
    bad(
      'seed request example (placeholder deletedDateTime)',
      seedRequest,
      ['format', '/deletedDateTime'],
      ['pattern', '/deletedDateTime'],
    ),
    bad('unknown property', { displayName: 'x', foo: 1 }, ['additionalProperties', '/foo']),
    bad('read-only id', { id: 'c721dc42-b383-e883-bf80-2d539946cf8c' }, ['additionalProperties', '/id']),
    bad('navigation property', { certificateAuthorities: [] }, ['additionalProperties', '/certificateAuthorities']),
    bad('displayName of 257 characters', { displayName: 'x'.repeat(257) }, ['maxLength', '/displayName']),
    bad('displayName a number', { displayName: 42 }, ['type', '/displayName']),
    bad('lastModifiedDateTime null', { lastModifiedDateTime: null }, ['type', '/lastModifiedDateTime']),
    bad('wrong @odata.type', { '@odata.type': '#microsoft.graph.user' }, ['const', '/@odata.type']),
    bad('body an array', [{ displayName: 'x' }], ['type', '']),
  ],
  'docs.current.certificateBasedAuthPki.patch': [
    ok('displayName only', { displayName: 'Contoso PKI' }),
    ok('displayName with @odata.type', { '@odata.type': TYPE, displayName: 'Contoso PKI' }),
    bad('status (writable in the seed only)', { displayName: 'x', status: 'running' }, [
      'additionalProperties',
      '/status',
    ]),
    bad('displayName of 257 characters', { displayName: 'x'.repeat(257) }, ['maxLength', '/displayName']),
  ],
  'metadata.certificateBasedAuthPki': [
    ok('current docs response example', docsResponse),
    ok('nothing required, no maxLength, open', { displayName: 'x'.repeat(300), extra: true }),
    bad('seed response example (placeholders)', seedResponse, ...placeholderDates),
    bad('lastModifiedDateTime null (Nullable=false)', withProps(docsResponse, { lastModifiedDateTime: null }), [
      'type',
      '/lastModifiedDateTime',
    ]),
    bad('id null (key)', withProps(docsResponse, { id: null }), ['type', '/id']),
  ],
  'metadata.certificateBasedAuthPki.patch': [
    ok('id and lastModifiedDateTime are writable, unknown properties admitted', {
      id: 'x',
      lastModifiedDateTime: '2024-10-29T02:05:57Z',
      status: null,
      foo: 1,
    }),
    bad('lastModifiedDateTime null', { lastModifiedDateTime: null }, ['type', '/lastModifiedDateTime']),
    bad('displayName a number', { displayName: 42 }, ['type', '/displayName']),
  ],
  'graph.error': [
    ok('401 with innerError.date without time zone', graphError),
    ok('innerError.date with zone and fraction', withError({ innerError: { date: '2021-07-02T01:40:19.123Z' } })),
    ok(
      'extra members, target and details',
      withError({ target: 'displayName', '@odata.type': 'x', details: [{ code: 'x', message: 'y', target: 'z' }] }),
    ),
    bad('without code', { error: without(graphError.error, 'code') }, ['required', '/error/code']),
    bad('empty code', withError({ code: '' }), ['minLength', '/error/code']),
    bad('without message', { error: without(graphError.error, 'message') }, ['required', '/error/message']),
    bad('code a number', withError({ code: 400 }), ['type', '/error/code']),
    bad('innerError.date not a date', withError({ innerError: { date: 'yesterday' } }), [
      'pattern',
      '/error/innerError/date',
    ]),
    bad('details item without code', withError({ details: [{ message: 'y' }] }), ['required', '/error/details/0/code']),
    bad(
      'no error member',
      { code: 'x', message: 'y' },
      ['required', '/error'],
      ['additionalProperties', '/code'],
      ['additionalProperties', '/message'],
    ),
  ],
  ...headerSamples,
};
