import { test, expect } from '@playwright/test';
import { COLLECTION, SEED_ID, UNKNOWN_ID, body, errorCode, makeSim, pki, req, type Call } from './simHarness';

interface Case {
  name: string;
  call: Call;
  status: 'ok' | number;
  code?: string;
}

const json = (b: Record<string, unknown>): Call => ({ body: b });
const auth = (authorization: string | undefined): Call => ({ body: { displayName: 'X' }, headers: { authorization } });
const raw = (text: string, contentType?: string): Call => ({ raw: text, headers: { 'content-type': contentType } });

// The same rules for PATCH and POST; 'ok' is 200 for PATCH and 201 for POST.
const cases: Case[] = [
  { name: 'no Authorization', call: auth(undefined), status: 401, code: 'InvalidAuthenticationToken' },
  { name: 'Bearer without a token', call: auth('Bearer '), status: 401, code: 'InvalidAuthenticationToken' },
  { name: 'unknown bearer token', call: auth('Bearer nope'), status: 401, code: 'InvalidAuthenticationToken' },
  { name: 'wrong scheme', call: auth('Basic dGVzdC10b2tlbg=='), status: 401, code: 'InvalidAuthenticationToken' },
  { name: 'scheme in lower case', call: auth('bearer test-token'), status: 'ok' },
  { name: 'missing Content-Type', call: raw('{"displayName":"X"}'), status: 400, code: 'BadRequest' },
  { name: 'text/plain', call: raw('{"displayName":"X"}', 'text/plain'), status: 415, code: 'UnsupportedMediaType' },
  { name: 'application/xml', call: raw('<x/>', 'application/xml'), status: 415, code: 'UnsupportedMediaType' },
  {
    name: 'JSON media type, other case, parameters',
    call: raw('{"displayName":"X"}', 'Application/JSON; charset=utf-8'),
    status: 'ok',
  },
  { name: 'empty body', call: raw('', 'application/json'), status: 400, code: 'BadRequest' },
  { name: 'malformed JSON', call: raw('{"displayName":', 'application/json'), status: 400, code: 'BadRequest' },
  {
    name: 'trailing comma (the current docs example)',
    call: raw('{"displayName": "Contoso PKI",}', 'application/json'),
    status: 400,
    code: 'BadRequest',
  },
  { name: 'JSON array', call: raw('[]', 'application/json'), status: 400, code: 'BadRequest' },
  { name: 'JSON string', call: raw('"x"', 'application/json'), status: 400, code: 'BadRequest' },
  { name: 'JSON null', call: raw('null', 'application/json'), status: 400, code: 'BadRequest' },
  { name: 'unknown property', call: json({ colour: 'blue' }), status: 400, code: 'Request_BadRequest' },
  { name: 'property in other case', call: json({ DisplayName: 'X' }), status: 400, code: 'Request_BadRequest' },
  { name: 'unknown annotation', call: json({ '@odata.etag': 'W/"1"' }), status: 400, code: 'Request_BadRequest' },
  {
    name: 'matching @odata.type',
    call: json({ '@odata.type': '#microsoft.graph.certificateBasedAuthPki' }),
    status: 'ok',
  },
  {
    name: 'foreign @odata.type',
    call: json({ '@odata.type': '#microsoft.graph.user' }),
    status: 400,
    code: 'Request_BadRequest',
  },
  {
    name: 'lower-case @odata.type',
    call: json({ '@odata.type': '#microsoft.graph.certificatebasedauthpki' }),
    status: 400,
    code: 'Request_BadRequest',
  },
  { name: 'read-only id (its own value)', call: json({ id: SEED_ID }), status: 400, code: 'Request_BadRequest' },
  { name: 'navigation property', call: json({ certificateAuthorities: [] }), status: 400, code: 'Request_BadRequest' },
  { name: 'displayName a number', call: json({ displayName: 42 }), status: 400, code: 'Request_BadRequest' },
  { name: 'status a boolean', call: json({ status: true }), status: 400, code: 'Request_BadRequest' },
  { name: 'statusDetails an object', call: json({ statusDetails: {} }), status: 400, code: 'Request_BadRequest' },
  {
    name: 'deletedDateTime not a date',
    call: json({ deletedDateTime: 'String (timestamp)' }),
    status: 400,
    code: 'Request_BadRequest',
  },
  {
    name: 'deletedDateTime without zone',
    call: json({ deletedDateTime: '2025-01-01T00:00:00' }),
    status: 400,
    code: 'Request_BadRequest',
  },
  {
    name: 'deletedDateTime a date-time',
    call: json({ deletedDateTime: '2025-01-01T00:00:00.1234567+02:00' }),
    status: 'ok',
  },
  {
    name: 'lastModifiedDateTime a date-time (ignored)',
    call: json({ lastModifiedDateTime: '2020-01-01T00:00:00Z' }),
    status: 'ok',
  },
  {
    name: 'lastModifiedDateTime null',
    call: json({ lastModifiedDateTime: null }),
    status: 400,
    code: 'Request_BadRequest',
  },
  {
    name: 'lastModifiedDateTime not a date',
    call: json({ lastModifiedDateTime: 'yesterday' }),
    status: 400,
    code: 'Request_BadRequest',
  },
  {
    name: 'every writable property null',
    call: json({ deletedDateTime: null, displayName: null, status: null, statusDetails: null }),
    status: 'ok',
  },
  { name: 'displayName of 256 characters', call: json({ displayName: 'x'.repeat(256) }), status: 'ok' },
  {
    name: 'displayName of 257 characters',
    call: json({ displayName: 'x'.repeat(257) }),
    status: 400,
    code: 'Request_BadRequest',
  },
  {
    name: 'the seed example body (placeholders that are valid strings)',
    call: json({
      '@odata.type': '#microsoft.graph.certificateBasedAuthPki',
      displayName: 'String',
      status: 'String',
      statusDetails: 'String',
    }),
    status: 'ok',
  },
  {
    // Verbatim, the seed's request example is not sendable: its deletedDateTime placeholder is not a date-time.
    name: 'the seed example body verbatim',
    call: json({
      '@odata.type': '#microsoft.graph.certificateBasedAuthPki',
      deletedDateTime: 'String (timestamp)',
      displayName: 'String',
    }),
    status: 400,
    code: 'Request_BadRequest',
  },
];

for (const [method, rest, okStatus] of [
  ['PATCH', `/${SEED_ID}`, 200],
  ['POST', '', 201],
] as const) {
  test.describe(`${method} validation`, () => {
    for (const c of cases) {
      test(c.name, () => {
        const res = makeSim().handle(pki(method, rest, c.call));
        expect(res.status).toBe(c.status === 'ok' ? okStatus : c.status);
        if (c.code !== undefined) expect(errorCode(res)).toBe(c.code);
      });
    }
  });
}

test.describe('PATCH validation details', () => {
  test('the unknown-property message names the property', () => {
    const res = makeSim().handle(pki('PATCH', `/${SEED_ID}`, json({ colour: 'blue' })));
    expect(body(res)).toMatchObject({ error: { message: "Invalid property 'colour'." } });
  });

  test('a rejected PATCH changes nothing', () => {
    const sim = makeSim();
    const before = sim.handle(pki('GET', `/${SEED_ID}`)).bodyText;
    sim.handle(pki('PATCH', `/${SEED_ID}`, json({ displayName: 'X', colour: 'blue' })));
    expect(sim.handle(pki('GET', `/${SEED_ID}`)).bodyText).toBe(before);
  });

  test('an unknown id answers 404 Request_ResourceNotFound', () => {
    const res = makeSim().handle(pki('PATCH', `/${UNKNOWN_ID}`, json({ displayName: 'X' })));
    expect([res.status, errorCode(res)]).toEqual([404, 'Request_ResourceNotFound']);
  });

  test('the body is checked before the id is looked up', () => {
    const res = makeSim().handle(pki('PATCH', `/${UNKNOWN_ID}`, json({ colour: 'blue' })));
    expect([res.status, errorCode(res)]).toEqual([400, 'Request_BadRequest']);
  });

  test('authentication is checked before routing', () => {
    const res = makeSim().handle(
      req('GET', `/v2.0${COLLECTION.slice('/beta'.length)}`, { headers: { authorization: undefined } }),
    );
    expect([res.status, errorCode(res)]).toEqual([401, 'InvalidAuthenticationToken']);
  });

  test('a sent lastModifiedDateTime is ignored', () => {
    const res = makeSim().handle(pki('PATCH', `/${SEED_ID}`, json({ lastModifiedDateTime: '2020-01-01T00:00:00Z' })));
    expect(body(res).lastModifiedDateTime).toBe('2025-01-01T00:00:00.000Z');
  });
});
