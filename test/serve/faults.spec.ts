import { test, expect } from '@playwright/test';
import { startServer, type RunningServer } from '../../src/serve/startServer';
import { COLLECTION, GUID, call, errorCode, rawRequest } from './serveHarness';

const CRID = 'c0ffee00-0000-4000-8000-00000000c0de';

async function withServer(
  faults: string[],
  body: (server: RunningServer) => Promise<void>,
  faultSeed = 7,
): Promise<void> {
  const server = await startServer({ tokens: ['t0k'], seedIds: ['s'], faults, faultSeed });
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

const get = (server: RunningServer, timeoutMs?: number) =>
  rawRequest(`${server.url}${COLLECTION}/s`, { headers: { authorization: 'Bearer t0k' }, timeoutMs });

test.describe('fault profiles', () => {
  test('throttle answers every Nth request 429 TooManyRequests with a fractional Retry-After, and the throttled PATCH changes nothing', async () => {
    await withServer(['throttle:every=2;retryAfter=0.25'], async (server) => {
      expect((await call(server.url, 't0k', 'GET', '/s')).status).toBe(200);
      const throttled = await call(
        server.url,
        't0k',
        'PATCH',
        '/s',
        { displayName: 'Never stored' },
        { 'client-request-id': CRID },
      );
      expect([throttled.status, errorCode(throttled.json)]).toEqual([429, 'TooManyRequests']);
      expect(throttled.headers.get('retry-after')).toBe('0.25');
      expect(throttled.headers.get('x-ms-throttle-scope')).toMatch(
        /^Tenant_Application\/ReadWrite\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/,
      );
      expect(throttled.headers.get('x-ms-throttle-information')).toBeTruthy();
      expect(throttled.headers.get('request-id')).toMatch(GUID);
      expect(throttled.headers.get('client-request-id')).toBe(CRID);
      expect(throttled.headers.get('content-type')).toBe('application/json');
      expect(throttled.json).toMatchObject({ error: { innerError: { 'client-request-id': CRID } } });
      expect((await call(server.url, 't0k', 'GET', '/s')).json).toMatchObject({ displayName: 'Seeded PKI' });
      expect(server.stats()).toMatchObject({ requests: 3, served: 2, faulted: { throttle: 1 } });
    });
  });

  test('throttle with rate=R lets a burst through, then gives Retry-After as the wait for the next token', async () => {
    await withServer(['throttle:rate=2;burst=3'], async (server) => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const res = await call(server.url, 't0k', 'GET', '/s');
        statuses.push(res.status);
        retryAfter ??= res.headers.get('retry-after');
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(0.5);
    });
  });

  test('unavailable answers 503, some with Retry-After and some without', async () => {
    await withServer(['unavailable:every=1;retryAfter=1.5'], async (server) => {
      const hints = new Set<string | null>();
      for (let i = 0; i < 16; i++) {
        const res = await call(server.url, 't0k', 'GET', '/s');
        expect(res.status).toBe(503);
        expect(res.headers.get('request-id')).toMatch(GUID);
        expect(typeof errorCode(res.json)).toBe('string');
        hints.add(res.headers.get('retry-after'));
      }
      expect([...hints].sort()).toEqual(['1.5', null].sort());
    });
  });

  test('reset drops the connection without an answer (ECONNRESET) and the next request is served', async () => {
    await withServer(['reset:every=2'], async (server) => {
      expect((await get(server)).status).toBe(200);
      const dropped = await get(server);
      expect(dropped.status).toBeUndefined();
      expect(dropped.error?.code).toBe('ECONNRESET');
      expect((await get(server)).status).toBe(200);
      expect(server.stats().faulted).toEqual({ reset: 1 });
    });
  });

  test('slow adds latency drawn from min..max', async () => {
    await withServer(['slow:min=150;max=200'], async (server) => {
      for (let i = 0; i < 3; i++) {
        const res = await get(server);
        expect(res.status).toBe(200);
        expect(res.elapsedMs).toBeGreaterThanOrEqual(145);
      }
      expect(server.stats()).toMatchObject({ served: 3, faulted: { slow: 3 } });
    });
  });

  test('timeout holds the request unanswered for ms, then closes the connection; close() does not wait for a held one', async () => {
    await withServer(['timeout:every=1;ms=400'], async (server) => {
      const impatient = await get(server, 150);
      expect(impatient.error?.code).toBe('CLIENT_TIMEOUT');
      const patient = await get(server);
      expect(patient.status).toBeUndefined();
      expect(patient.error?.message).toMatch(/socket hang up|ECONNRESET/);
      expect(patient.elapsedMs).toBeGreaterThanOrEqual(390);
    });
    const server = await startServer({ faults: ['timeout:every=1'] });
    const held = get(server);
    await expect.poll(() => server.stats().faulted.timeout).toBe(1);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await held).status).toBeUndefined();
  });

  test('the same --fault-seed gives the same faults, request for request; another seed gives others', async () => {
    const faults = ['unavailable:p=0.5', 'slow:min=0;max=3', 'throttle:p=0.2;retryAfter=0.01'];
    const run = async (seed: number): Promise<string[]> => {
      const seen: string[] = [];
      await withServer(
        faults,
        async (server) => {
          for (let i = 0; i < 24; i++) {
            const res = await call(server.url, 't0k', 'GET', '/s');
            seen.push(`${res.status}:${res.headers.get('retry-after') ?? '-'}`);
          }
        },
        seed,
      );
      return seen;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(await run(43)).not.toEqual(first);
  });

  test('profiles combine: each counts every request, the first one listed that strikes answers, and only it is counted', async () => {
    await withServer(['throttle:every=3', 'reset:every=2'], async (server) => {
      const outcomes: Array<number | string | undefined> = [];
      for (let i = 0; i < 6; i++) {
        const res = await get(server);
        outcomes.push(res.status ?? res.error?.code);
      }
      expect(outcomes).toEqual([200, 'ECONNRESET', 429, 'ECONNRESET', 200, 429]);
      expect(server.stats()).toMatchObject({ requests: 6, served: 2, faulted: { throttle: 2, reset: 2 } });
    });
  });
});
