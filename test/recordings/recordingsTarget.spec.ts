import { test, expect } from '@playwright/test';
import { createCassetteReplayTarget } from '../../src/recordings/cassetteReplayTarget';
import { TransportError } from '../../src/targets/target';
import { cassette } from './cassetteKit';

// The recordings target answers through msw, in this process: a matched request gets the recorded answer, anything else
// fails as a TransportError (so the scenario is `errored`, not `failed`) that names the nearest entry.

test('answers from the scenario cassette through msw, and refuses what it does not hold', async () => {
  const demo = cassette([
    {
      method: 'POST',
      path: '/things',
      body: '{"name":"x {{run.id}}"}',
      contentType: 'application/json',
      status: 201,
      answer: '{"id":"00000000-0000-4000-8000-000000000001","name":"x {{run.id}}"}',
      headers: { 'content-type': 'application/json', 'content-length': '67' },
    },
    { method: 'DELETE', path: '/things/00000000-0000-4000-8000-000000000001', status: 204, answer: '', headers: {} },
    {
      method: 'DELETE',
      path: '/things/00000000-0000-4000-8000-000000000001',
      status: 404,
      answer: '{}',
      afterLostAttempt: true,
    },
  ]);
  const target = createCassetteReplayTarget('recordings', {
    basePath: '/beta',
    cassetteFor: (id) => (id === 'demo' ? demo : `no cassette for ${id}`),
  });
  try {
    target.beginScenario!({ id: 'demo', runId: '20250101120000' });
    const created = await target.send({
      method: 'POST',
      url: `${target.baseUrl}/things`,
      headers: { 'content-type': 'application/json' },
      bodyText: '{"name":"x 20250101120000"}',
    });
    expect(created.status).toBe(201);
    expect(JSON.parse(created.bodyText)).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'x 20250101120000',
    });
    expect(created.headers['content-length']).toBe(String(Buffer.byteLength(created.bodyText)));
    const deleted = await target.send({
      method: 'DELETE',
      url: `${target.baseUrl}/things/00000000-0000-4000-8000-000000000001`,
      headers: {},
    });
    expect(deleted.status).toBe(204);
    expect(deleted.afterLostAttempt).toBeUndefined();
    // A recorded answer that came after a lost attempt is replayed with that flag, so the run judges it the same way.
    const retried = await target.send({
      method: 'DELETE',
      url: `${target.baseUrl}/things/00000000-0000-4000-8000-000000000001`,
      headers: {},
    });
    expect([retried.status, retried.afterLostAttempt]).toEqual([404, true]);
    const again = target.send({
      method: 'DELETE',
      url: `${target.baseUrl}/things/00000000-0000-4000-8000-000000000001`,
      headers: {},
    });
    await expect(again).rejects.toBeInstanceOf(TransportError);
    await expect(again).rejects.toThrow(
      /^conformance recordings: no recorded answer in recordings\/test\/demo\.har for DELETE \/things\/0{8}-0000-4000-8000-0{11}1\n {2}nearest recorded entry: #2 DELETE/,
    );
    target.beginScenario!({ id: 'other', runId: '20250101120000' });
    await expect(target.send({ method: 'GET', url: `${target.baseUrl}/things`, headers: {} })).rejects.toThrow(
      'conformance recordings: no cassette for other',
    );
    expect(target.baseUrl).toBe('https://recordings.invalid/beta');
  } finally {
    await target.close();
  }
});
