import { bad, GUID, JSON_CT, ok, withProps, without, type Sample } from './sampleKit';

/** Header-set samples (lower-cased names to string values), by contract `$id`. */

const successHeaders: Record<string, string> = {
  'content-type': JSON_CT,
  'odata-version': '4.0',
  'request-id': GUID,
  'client-request-id': GUID,
  'x-ms-ags-diagnostic':
    '{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5","ScaleUnit":"003","RoleInstance":"AM2PEPF0001"}}',
  'strict-transport-security': 'max-age=31536000',
  'cache-control': 'no-cache',
  date: 'Tue, 29 Oct 2024 02:05:57 GMT',
};
const errorHeaders = without(successHeaders, 'odata-version');
const noContentHeaders = without(successHeaders, 'content-type');

/** Content-Type values and whether a JSON contract accepts them. */
const contentTypes: Array<[value: string, accepted: boolean]> = [
  [JSON_CT, true],
  ['application/json;charset=utf-8;odata.metadata=minimal', true],
  ['application/json; charset=utf-8', true],
  ['Application/JSON', true],
  ['application/json;IEEE754Compatible=false;odata.metadata=minimal', true],
  ['text/plain', false],
  ['application/jsonx', false],
  ['application/problem+json', false],
];
const contentTypeSamples = (id: string, base: object): Sample[] =>
  contentTypes.map(([value, accepted]) => {
    const title = `${id}: content-type ${JSON.stringify(value)}`;
    const data = withProps(base, { 'content-type': value });
    return accepted ? ok(title, data) : bad(title, data, ['pattern', '/content-type']);
  });

/** Samples of the header contracts, by `$id`. */
export const headerSamples: Record<string, Sample[]> = {
  'graph.headers.success': [
    ok('a real Graph success', successHeaders),
    ...contentTypeSamples('success', successHeaders),
    bad('request-id not a GUID', withProps(successHeaders, { 'request-id': 'abc' }), ['format', '/request-id']),
    bad('missing odata-version', without(successHeaders, 'odata-version'), ['required', '/odata-version']),
    bad('odata-version 4.01', withProps(successHeaders, { 'odata-version': '4.01' }), ['const', '/odata-version']),
    bad('missing client-request-id', without(successHeaders, 'client-request-id'), ['required', '/client-request-id']),
    bad(
      'header name not lower-cased',
      withProps(without(successHeaders, 'content-type'), { 'Content-Type': JSON_CT }),
      ['required', '/content-type'],
      ['propertyNames', '/Content-Type'],
      ['pattern', '/Content-Type'],
    ),
    bad('a header value not a string', withProps(successHeaders, { 'x-ms-resource-unit': 1 }), [
      'type',
      '/x-ms-resource-unit',
    ]),
  ],
  'graph.headers.noContent': [
    ok('a 204 without content-type', noContentHeaders),
    bad('request-id not a GUID', withProps(noContentHeaders, { 'request-id': 'abc' }), ['format', '/request-id']),
    bad('missing request-id', without(noContentHeaders, 'request-id'), ['required', '/request-id']),
    bad('missing client-request-id', without(noContentHeaders, 'client-request-id'), [
      'required',
      '/client-request-id',
    ]),
  ],
  'graph.headers.error': [
    ok('an error without odata-version', errorHeaders),
    ...contentTypeSamples('error', errorHeaders),
    bad('missing content-type', without(errorHeaders, 'content-type'), ['required', '/content-type']),
    bad('request-id not a GUID', withProps(errorHeaders, { 'request-id': 'not-a-guid' }), ['format', '/request-id']),
    bad('odata-version present but wrong', withProps(errorHeaders, { 'odata-version': '3.0' }), [
      'const',
      '/odata-version',
    ]),
  ],
  'graph.headers.throttled': [
    ok(
      '429 with fractional retry-after',
      withProps(errorHeaders, { 'retry-after': '2.128', 'x-ms-throttle-scope': 'Tenant_Application/ReadWrite/x/y' }),
    ),
    ok('503 with integer retry-after', withProps(errorHeaders, { 'retry-after': '120' })),
    ok('429 without retry-after', errorHeaders),
    bad('negative retry-after', withProps(errorHeaders, { 'retry-after': '-1' }), ['pattern', '/retry-after']),
    bad(
      'HTTP-date retry-after (Graph documents seconds)',
      withProps(errorHeaders, { 'retry-after': 'Tue, 29 Oct 2024 02:06:57 GMT' }),
      ['pattern', '/retry-after'],
    ),
    bad(
      'inherits the error rules: text/plain',
      withProps(errorHeaders, { 'content-type': 'text/plain', 'retry-after': '1' }),
      ['pattern', '/content-type'],
    ),
    bad('inherits the error rules: missing request-id', without(errorHeaders, 'request-id'), [
      'required',
      '/request-id',
    ]),
  ],
};
