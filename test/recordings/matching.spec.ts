import { test, expect } from '@playwright/test';
import { CassettePlayer, type PlayOutcome } from '../../src/recordings/cassettePlayer';
import { cassette, request } from './cassetteKit';

const runId = '20250101120000';
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const fresh = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const other = '9b2c8a1e-0d2f-4c39-8f6a-5d1e7b3c2a10';

function answer(outcome: PlayOutcome): string {
  if ('miss' in outcome) throw new Error(outcome.miss);
  return outcome.response.bodyText;
}

/** A player for a GET, a PATCH and a GET of one object, as a scenario records them. */
function readPatchRead(): CassettePlayer {
  return new CassettePlayer(
    cassette([
      { path: '/things/1', answer: '{"n":1}', step: 'before' },
      {
        method: 'PATCH',
        path: '/things/1',
        body: '{"n":2}',
        contentType: 'application/json',
        answer: '{"n":2}',
        step: 'patch',
      },
      { path: '/things/1', answer: '{"n":2}', step: 'after' },
    ]),
    runId,
  );
}

function miss(outcome: PlayOutcome): string {
  if (!('miss' in outcome)) throw new Error(`expected no match, got entry #${outcome.entry.index}`);
  return outcome.miss;
}

test('the same request twice gets the recorded answers in order, and a third one is refused', () => {
  const player = readPatchRead();
  expect(answer(player.play(request('GET', '/things/1')))).toBe('{"n":1}');
  expect(
    answer(
      player.play(
        request('PATCH', '/things/1', { headers: { 'content-type': 'application/json' }, bodyText: '{"n":2}' }),
      ),
    ),
  ).toBe('{"n":2}');
  expect(answer(player.play(request('GET', '/things/1')))).toBe('{"n":2}');
  expect(miss(player.play(request('GET', '/things/1')))).toBe(
    [
      'conformance recordings: no recorded answer in recordings/test/demo.har for GET /things/1',
      '  nearest recorded entry: #1 GET /things/1 (step before) matches, but has already been answered: the cassette holds 2 such requests and this is request 3',
    ].join('\n'),
  );
});

test('a request that was not recorded is refused, naming the nearest entry and how it differs (message pinned)', () => {
  const player = new CassettePlayer(
    cassette([
      { path: '/things', answer: '[]', step: 'list' },
      {
        method: 'PATCH',
        path: `/things/${P1}`,
        body: '{"displayName":"Contoso {{run.id}}","status":"running"}',
        contentType: 'application/json',
        step: 'patch',
      },
    ]),
    runId,
    "npx conformance record --target live --allow-writes --grep '^demo$'",
  );
  const outcome = player.play(
    request('PATCH', `/things/${fresh}`, {
      headers: { 'content-type': 'application/json' },
      bodyText: '{"displayName":"Fabrikam 20250101120000","status":"running"}',
    }),
  );
  expect(miss(outcome)).toBe(
    [
      `conformance recordings: no recorded answer in recordings/test/demo.har for PATCH /things/${fresh}`,
      `  nearest recorded entry: #2 PATCH /things/${P1} (step patch)`,
      '  - the body differs at /displayName: recorded "Contoso {{run.id}}", sent "Fabrikam 20250101120000"',
      "  if the scenario changed, record it again: npx conformance record --target live --allow-writes --grep '^demo$'",
    ].join('\n'),
  );
  // The miss bound nothing: the right request still matches afterwards.
  expect(() =>
    answer(
      player.play(
        request('PATCH', `/things/${fresh}`, {
          headers: { 'content-type': 'application/json' },
          bodyText: '{"status":"running","displayName":"Contoso 20250101120000"}',
        }),
      ),
    ),
  ).not.toThrow();
});

test('JSON bodies are compared after parsing: key order and spacing do not matter, values and types do', () => {
  const recorded = cassette([
    { method: 'POST', path: '/things', body: '{"a":1,"b":{"c":[true,null]}}', contentType: 'application/json' },
  ]);
  const sent = (bodyText: string) =>
    request('POST', '/things', { headers: { 'content-type': 'application/json' }, bodyText });
  expect(miss(new CassettePlayer(recorded, runId).play(sent('{"a":"1","b":{"c":[true,null]}}')))).toContain(
    'the body differs at /a: recorded 1, sent "1"',
  );
  expect(miss(new CassettePlayer(recorded, runId).play(sent('{"a":1,"b":{"c":[true]}}')))).toContain(
    'the body differs at /b/c: recorded 2 items, sent 1',
  );
  expect(() =>
    answer(new CassettePlayer(recorded, runId).play(sent('{ "b": { "c": [ true, null ] }, "a": 1 }'))),
  ).not.toThrow();
});

test('placeholder ids bind to what the run sends, consistently, and the answer carries the bound values', () => {
  const player = new CassettePlayer(
    cassette([
      {
        method: 'PATCH',
        path: `/things/${P1}`,
        body: `{"id":"${P1}"}`,
        contentType: 'application/json',
        status: 404,
        answer: `{"error":{"message":"${P1} not found","innerError":{"request-id":"${P2}"}}}`,
        headers: { 'content-type': 'application/json', 'request-id': P2 },
      },
      { path: `/things/${P1}`, status: 404, answer: `{"error":{"message":"${P1} not found"}}` },
    ]),
    runId,
  );
  const patch = player.play(
    request('PATCH', `/things/${fresh}`, {
      headers: { 'content-type': 'application/json' },
      bodyText: `{"id":"${fresh}"}`,
    }),
  );
  expect(answer(patch)).toBe(`{"error":{"message":"${fresh} not found","innerError":{"request-id":"${P2}"}}}`);
  if ('response' in patch) expect(patch.response.headers).toContainEqual(['request-id', P2]);
  // The placeholder is bound to `fresh` now: another id in its place is a different request.
  expect(miss(player.play(request('GET', `/things/${other}`)))).toContain(`the path differs: recorded /things/${P1}`);
  expect(answer(player.play(request('GET', `/things/${fresh}`)))).toBe(`{"error":{"message":"${fresh} not found"}}`);
});

test('the query is compared by name and value in any order; Content-Type is compared without spaces or case', () => {
  const recorded = cassette([
    { path: '/things?$top=1&$select=id', answer: '"q"' },
    { method: 'PATCH', path: '/things/1', body: '{}', contentType: 'application/json; charset=utf-8', answer: '"p"' },
  ]);
  const player = new CassettePlayer(recorded, runId);
  expect(
    answer(
      player.play(
        request('GET', '/things', {
          query: [
            ['$select', 'id'],
            ['$top', '1'],
          ],
        }),
      ),
    ),
  ).toBe('"q"');
  expect(
    miss(player.play(request('PATCH', '/things/1', { headers: { 'content-type': 'text/plain' }, bodyText: '{}' }))),
  ).toContain('Content-Type differs: recorded "application/json;charset=utf-8", sent "text/plain"');
  expect(
    answer(
      player.play(
        request('PATCH', '/things/1', {
          headers: { 'content-type': 'Application/JSON;charset=UTF-8' },
          bodyText: '{}',
        }),
      ),
    ),
  ).toBe('"p"');
  expect(
    miss(
      new CassettePlayer(recorded, runId).play(
        request('GET', '/things', {
          query: [
            ['$top', '2'],
            ['$select', 'id'],
          ],
        }),
      ),
    ),
  ).toContain('the query differs: recorded ?$top=1&$select=id, sent ?$top=2&$select=id');
});

test('the recorded client-request-id is bound to the one sent, so the answer echoes it', () => {
  const recorded = cassette([
    { path: '/things', answer: '{}', headers: { 'client-request-id': P1, 'request-id': P2 } },
  ]);
  recorded.entries[0].requestHeaders['client-request-id'] = P1;
  const outcome = new CassettePlayer(recorded, runId).play(
    request('GET', '/things', { headers: { 'client-request-id': fresh } }),
  );
  if (!('response' in outcome)) throw new Error(outcome.miss);
  expect(outcome.response.headers).toEqual([
    ['client-request-id', fresh],
    ['request-id', P2],
  ]);
});

test('no answer is served past a recorded write that was not replayed: the state it reflects never happened', () => {
  const player = readPatchRead();
  expect(answer(player.play(request('GET', '/things/1')))).toBe('{"n":1}');
  expect(miss(player.play(request('GET', '/things/1')))).toBe(
    [
      'conformance recordings: no recorded answer in recordings/test/demo.har for GET /things/1',
      '  nearest recorded entry: #3 GET /things/1 (step after) matches, but was recorded after #2 PATCH /things/1 (step patch), which has not been replayed: its answer reflects that change',
    ].join('\n'),
  );
});
