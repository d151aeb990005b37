import { test, expect } from '@playwright/test';
import { createPacer } from '../../src/targets/pacer';

// The pacer on a virtual clock: silent until the service throttles, then holding every send until Retry-After and
// spacing sends at a little above the rate the service let through.

function clock() {
  let t = 0;
  const slept: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

const ok = { status: 200, headers: {} };

test('without throttling the pacer never waits', async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  for (let i = 0; i < 50; i++) {
    await pacer.wait();
    pacer.observe(ok);
    c.advance(5);
  }
  expect(c.slept).toEqual([]);
});

test("a 429's Retry-After holds every next send; then sends are spaced at 0.9 × the interval the service allowed", async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  // The service let one answer through every 50 ms (20 per second)...
  for (let i = 0; i < 10; i++) {
    await pacer.wait();
    pacer.observe(ok);
    c.advance(50);
  }
  // ...then throttled, asking for 200 ms.
  pacer.observe({ status: 429, headers: { 'retry-after': '0.2' } });
  await pacer.wait();
  expect(c.slept).toEqual([200]);
  const before = c.now();
  await pacer.wait();
  await pacer.wait();
  expect(c.now() - before).toBeCloseTo(2 * 45, 5);
});

test('RateLimit-Remaining: 0 holds sends until RateLimit-Reset, before any 429', async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  pacer.observe({ status: 200, headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '1' } });
  await pacer.wait();
  expect(c.slept).toEqual([1000]);
});
