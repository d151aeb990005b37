import { test, expect } from '@playwright/test';
import type { SimRequest, SimResponse } from '../../src/simulator/simRequest';
import { createSimulator } from '../../src/simulator/createSimulator';
import {
  COLLECTION,
  CRID,
  GUID,
  NOW,
  SEED,
  SEED_ID,
  TOKEN,
  UNKNOWN_ID,
  body,
  errorCode,
  header,
  makeSim,
  pki,
  req,
} from './simHarness';

const CONTEXT =
  'https://graph.microsoft.com/beta/$metadata#directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';
const TYPE = '#microsoft.graph.certificateBasedAuthPki';
const entity = { '@odata.context': `${CONTEXT}/$entity`, '@odata.type': TYPE, ...SEED };
const item = `/${SEED_ID}`;

test.describe('routes', () => {
  const routes: Array<{ name: string; req: SimRequest; status: number; code?: string }> = [
    { name: 'GET collection', req: pki('GET', ''), status: 200 },
    { name: 'GET collection, trailing slash', req: pki('GET', '/'), status: 200 },
    { name: 'GET collection on v1.0', req: req('GET', COLLECTION.replace('/beta', '/v1.0')), status: 200 },
    { name: 'GET collection, segments in other case', req: req('GET', COLLECTION.toLowerCase()), status: 200 },
    { name: 'GET item', req: pki('GET', item), status: 200 },
    { name: 'GET item, id in upper case', req: pki('GET', item.toUpperCase()), status: 200 },
    { name: 'GET unknown item', req: pki('GET', `/${UNKNOWN_ID}`), status: 404, code: 'Request_ResourceNotFound' },
    {
      name: 'DELETE unknown item',
      req: pki('DELETE', `/${UNKNOWN_ID}`),
      status: 404,
      code: 'Request_ResourceNotFound',
    },
    { name: 'POST collection', req: pki('POST', '', { body: { displayName: 'New' } }), status: 201 },
    { name: 'PATCH item', req: pki('PATCH', item, { body: { displayName: 'New' } }), status: 200 },
    { name: 'DELETE item', req: pki('DELETE', item), status: 204 },
    { name: 'PUT collection', req: pki('PUT', '', { body: {} }), status: 405, code: 'Request_BadRequest' },
    { name: 'PATCH collection', req: pki('PATCH', '', { body: {} }), status: 405, code: 'Request_BadRequest' },
    { name: 'POST item', req: pki('POST', item, { body: {} }), status: 405, code: 'Request_BadRequest' },
    { name: 'PUT item', req: pki('PUT', item, { body: {} }), status: 405, code: 'Request_BadRequest' },
    {
      name: 'unknown version',
      req: req('GET', COLLECTION.replace('/beta', '/v2.0')),
      status: 404,
      code: 'ResourceNotFound',
    },
    { name: 'no version', req: req('GET', COLLECTION.replace('/beta', '')), status: 404, code: 'ResourceNotFound' },
    { name: 'other resource', req: req('GET', '/beta/users'), status: 404, code: 'ResourceNotFound' },
    {
      name: 'sub-resource not simulated',
      req: pki('POST', `${item}/upload`, { body: {} }),
      status: 404,
      code: 'ResourceNotFound',
    },
    { name: 'GET $top=1', req: pki('GET', '', { query: '$top=1' }), status: 200 },
    { name: 'GET $top=999', req: pki('GET', '', { query: '$top=999' }), status: 200 },
    { name: 'GET $top=0', req: pki('GET', '', { query: '$top=0' }), status: 400, code: 'Request_BadRequest' },
    { name: 'GET $top=1000', req: pki('GET', '', { query: '$top=1000' }), status: 400, code: 'Request_BadRequest' },
    { name: 'GET $top=two', req: pki('GET', '', { query: '$top=two' }), status: 400, code: 'Request_BadRequest' },
    { name: 'GET $skip=1', req: pki('GET', '', { query: '$skip=1' }), status: 400, code: 'Request_BadRequest' },
    {
      name: 'GET $filter with an operator the simulator does not evaluate (gt)',
      req: pki('GET', '', { query: "$filter=displayName gt 'x'" }),
      status: 400,
      code: 'Request_UnsupportedQuery',
    },
    {
      name: 'GET $select=foo on item',
      req: pki('GET', item, { query: '$select=foo' }),
      status: 400,
      code: 'Request_BadRequest',
    },
    {
      name: 'GET $filter on a property that cannot be filtered',
      req: pki('GET', '', { query: "$filter=lastModifiedDateTime eq 'x'" }),
      status: 400,
      code: 'Request_UnsupportedQuery',
    },
    {
      name: 'GET $orderby=status',
      req: pki('GET', '', { query: '$orderby=status' }),
      status: 400,
      code: 'Request_UnsupportedQuery',
    },
    {
      name: 'GET $select=certificateAuthorities',
      req: pki('GET', item, { query: '$select=certificateAuthorities' }),
      status: 400,
      code: 'Request_BadRequest',
    },
  ];
  for (const r of routes) {
    test(`${r.name} → ${r.status}${r.code ? ` ${r.code}` : ''}`, () => {
      const res = makeSim().handle(r.req);
      expect(res.status).toBe(r.status);
      if (r.code) expect(errorCode(res)).toBe(r.code);
    });
  }

  test('405 names the allowed methods', () => {
    expect(header(makeSim().handle(pki('PUT', item, { body: {} })), 'allow')).toBe('GET, PATCH, DELETE');
    expect(header(makeSim().handle(pki('DELETE', '')), 'allow')).toBe('GET, POST');
  });
});

test.describe('bodies', () => {
  test('GET item answers the full entity', () => {
    expect(body(makeSim().handle(pki('GET', item)))).toEqual(entity);
  });

  test('GET collection answers the objects under value', () => {
    const { '@odata.context': _, ...listed } = entity;
    expect(body(makeSim().handle(pki('GET', '')))).toEqual({ '@odata.context': CONTEXT, value: [listed] });
  });

  test('$select projects the entity and names the projection in @odata.context', () => {
    const res = makeSim().handle(pki('GET', item, { query: '$select=status,DISPLAYNAME' }));
    expect(body(res)).toEqual({
      '@odata.context': `${CONTEXT}(displayName,status)/$entity`,
      '@odata.type': TYPE,
      displayName: 'Contoso PKI',
      status: 'succeeded',
    });
  });

  test('POST answers 201 with the created entity and its Location', () => {
    const id = 'bbbbbbbb-0000-4000-8000-000000000001';
    const res = makeSim({ newId: () => id }).handle(pki('POST', '', { body: { displayName: 'New' } }));
    expect(header(res, 'location')).toBe(`https://graph.microsoft.com${COLLECTION}/${id}`);
    const created = {
      id,
      displayName: 'New',
      status: null,
      statusDetails: null,
      lastModifiedDateTime: NOW.toISOString(),
    };
    expect(body(res)).toEqual({ ...entity, ...created });
  });

  test('paging follows @odata.nextLink with $skiptoken', () => {
    const seed = ['a', 'b', 'c'].map((id) => ({ id, displayName: id }));
    const sim = makeSim({ seed });
    const first = body(sim.handle(pki('GET', '', { query: '$top=2&$count=true' })));
    expect(first).toMatchObject({ '@odata.count': 3, value: [{ id: 'a' }, { id: 'b' }] });
    const next = new URL(String(first['@odata.nextLink']));
    const second = body(sim.handle(req('GET', next.pathname, { query: next.search })));
    expect(second.value).toEqual([expect.objectContaining({ id: 'c' })]);
    expect(second['@odata.nextLink']).toBeUndefined();
  });
});

test.describe('state across requests', () => {
  test('create → patch → get → list → delete → 404', () => {
    const sim = makeSim({ seed: [] });
    const created = body(sim.handle(pki('POST', '', { body: { displayName: 'Made' } })));
    const id = String(created.id);
    const patched = sim.handle(pki('PATCH', `/${id}`, { body: { status: 'running', statusDetails: 'Uploading' } }));
    expect(body(patched)).toMatchObject({
      id,
      displayName: 'Made',
      status: 'running',
      statusDetails: 'Uploading',
      deletedDateTime: null,
    });
    expect(body(sim.handle(pki('GET', `/${id}`)))).toEqual(body(patched));
    expect(body(sim.handle(pki('GET', ''))).value).toEqual([expect.objectContaining({ id, status: 'running' })]);
    expect(sim.handle(pki('DELETE', `/${id}`)).status).toBe(204);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const res = sim.handle(pki(method, `/${id}`, method === 'PATCH' ? { body: { displayName: 'X' } } : {}));
      expect([method, res.status, errorCode(res)]).toEqual([method, 404, 'Request_ResourceNotFound']);
    }
    expect(body(sim.handle(pki('GET', ''))).value).toEqual([]);
  });

  test('PATCH is partial: only the sent properties change', () => {
    const res = makeSim().handle(pki('PATCH', item, { body: { statusDetails: null } }));
    expect(body(res)).toEqual({ ...entity, statusDetails: null, lastModifiedDateTime: NOW.toISOString() });
  });

  test('lastModifiedDateTime strictly increases even when the clock stands still or goes back', () => {
    let clock = NOW.getTime();
    const sim = makeSim({ now: () => new Date((clock -= 60_000)) });
    const stamps = [1, 2, 3].map(() =>
      String(body(sim.handle(pki('PATCH', item, { body: { displayName: 'X' } }))).lastModifiedDateTime),
    );
    // The first write takes the clock (two minutes back by then); the later ones must still move forward.
    expect(stamps).toEqual(['2024-12-31T23:58:00.000Z', '2024-12-31T23:58:00.001Z', '2024-12-31T23:58:00.002Z']);
  });

  test('a seed with a bad lastModifiedDateTime throws', () => {
    expect(() => makeSim({ seed: [{ id: 'x', lastModifiedDateTime: 'soon' }] })).toThrow('not a date-time');
  });
});

test.describe('headers on every response', () => {
  const sim = createSimulator({ acceptedTokens: [TOKEN], seed: [SEED] });
  const withCrid = { headers: { 'client-request-id': CRID } };
  const responses: Array<[string, SimResponse, 'body' | 'empty' | 'error']> = [
    ['200', sim.handle(pki('GET', item, withCrid)), 'body'],
    ['200 no client-request-id', sim.handle(pki('PATCH', item, { body: { displayName: 'Y' } })), 'body'],
    ['201', sim.handle(pki('POST', '', { ...withCrid, body: { displayName: 'Z' } })), 'body'],
    ['204', sim.handle(pki('DELETE', item, withCrid)), 'empty'],
    ['401', sim.handle(pki('GET', '', { headers: { authorization: undefined, 'client-request-id': CRID } })), 'error'],
    ['404', sim.handle(pki('GET', item, withCrid)), 'error'],
    ['400 no client-request-id', sim.handle(pki('POST', '', { body: { colour: 1 } })), 'error'],
  ];
  for (const [name, res, kind] of responses) {
    test(name, () => {
      const requestId = header(res, 'request-id') ?? '';
      expect(requestId).toMatch(GUID);
      expect(header(res, 'client-request-id')).toBe(name.includes('no client-request-id') ? requestId : CRID);
      expect(Number.isNaN(Date.parse(header(res, 'date') ?? ''))).toBe(false);
      expect(header(res, 'strict-transport-security')).toBeTruthy();
      expect(header(res, 'cache-control')).toBe('no-cache');
      expect(JSON.parse(header(res, 'x-ms-ags-diagnostic') ?? '')).toHaveProperty('ServerInfo');
      const expected = {
        body: [
          'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
          '4.0',
        ],
        error: ['application/json', undefined],
        empty: [undefined, undefined],
      }[kind];
      expect([header(res, 'content-type'), header(res, 'odata-version')]).toEqual(expected);
      if (kind === 'empty') expect(res.bodyText).toBeUndefined();
      if (kind === 'error') {
        expect(body(res)).toEqual({
          error: {
            code: expect.any(String),
            message: expect.any(String),
            innerError: {
              date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
              'request-id': requestId,
              'client-request-id': header(res, 'client-request-id'),
            },
          },
        });
      }
    });
  }
});

test.describe('list query options', () => {
  const names = (res: { bodyText?: string }) =>
    (JSON.parse(res.bodyText ?? '{}') as { value: Array<{ displayName: string }> }).value.map((o) => o.displayName);
  const withObjects = () => {
    const sim = makeSim();
    for (const displayName of ['gc b', "gc it's", 'GC a', 'other'])
      sim.handle(pki('POST', '', { body: { displayName } }));
    return sim;
  };

  test('$filter eq and startswith match case-insensitively, and clauses join with and', () => {
    const sim = withObjects();
    expect(names(sim.handle(pki('GET', '', { query: "$filter=displayName eq 'gc B'" })))).toEqual(['gc b']);
    expect(names(sim.handle(pki('GET', '', { query: "$filter=startswith(displayName,'gc')" }))).sort()).toEqual(
      ['GC a', 'gc b', "gc it's"].sort(),
    );
    expect(
      names(
        sim.handle(pki('GET', '', { query: "$filter=startswith(displayName,'gc') and displayName ne 'gc b'" })),
      ).sort(),
    ).toEqual(['GC a', "gc it's"].sort());
    expect(names(sim.handle(pki('GET', '', { query: "$filter=displayName eq 'gc it''s'" })))).toEqual(["gc it's"]);
  });

  test('$orderby sorts case-insensitively both ways, and the nextLink keeps $filter and $orderby', () => {
    const sim = withObjects();
    const query = "$filter=startswith(displayName,'gc')&$orderby=displayName desc&$top=2";
    const first = sim.handle(pki('GET', '', { query }));
    expect(names(first)).toEqual(["gc it's", 'gc b']);
    const next = new URL((JSON.parse(first.bodyText!) as { '@odata.nextLink': string })['@odata.nextLink']);
    expect(next.searchParams.get('$filter')).toBe("startswith(displayName,'gc')");
    expect(names(sim.handle(pki('GET', '', { query: next.search.slice(1) })))).toEqual(['GC a']);
  });
});
