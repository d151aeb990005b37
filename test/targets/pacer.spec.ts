import { test, expect } from '@playwright/test';
import { createPacer } from '../../src/targets/pacer';

// The pacer on a virtual clock: silent until the service throttles; a sub-second Retry-After gives the service's
// spacing (the interval since the last accepted send, plus the wait) and sends keep it; a long one holds every send.

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
const throttled = (retryAfter: string) => ({ status: 429, headers: { 'retry-after': retryAfter } });

test('without throttling the pacer never waits', async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  for (let i = 0; i < 50; i++) {
    pacer.observe(ok, await pacer.wait());
    c.advance(5);
  }
  expect(c.slept).toEqual([]);
});

test('a strict 50 ms bucket: after one 429 the sends are spaced exactly 50 ms apart, from the next token on', async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  const first = await pacer.wait(); // t = 0: accepted, the next token is at 50
  c.advance(20);
  const second = await pacer.wait(); // t = 20: too early, 30 ms before the next token
  pacer.observe(ok, first);
  pacer.observe(throttled('0.030'), second);
  const next = [await pacer.wait(), await pacer.wait(), await pacer.wait()];
  expect(next).toEqual([50, 100, 150]);
});

test('once learned, a further 429 widens the spacing a little and accepted sends narrow it back, never below', async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  const first = await pacer.wait();
  c.advance(20);
  const second = await pacer.wait();
  pacer.observe(ok, first);
  pacer.observe(throttled('0.030'), second); // learned: 50 ms
  const a = await pacer.wait(); // 50
  const b = await pacer.wait(); // 100: arrives a little early after a late one
  pacer.observe(ok, a);
  pacer.observe(throttled('0.001'), b);
  const spacing = async () => {
    const x = await pacer.wait();
    return (await pacer.wait()) - x;
  };
  expect(await spacing()).toBeCloseTo(50.25, 5);
  for (let i = 0; i < 100; i++) pacer.observe(ok, await pacer.wait());
  expect(await spacing()).toBeCloseTo(50, 5);
});

test('a Retry-After of seconds is a window: every send waits it out, the spacing is not changed', async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  pacer.observe(ok, await pacer.wait());
  const sent = await pacer.wait();
  c.advance(100);
  pacer.observe(throttled('2'), sent);
  expect(await pacer.wait()).toBe(2100);
  expect(await pacer.wait()).toBe(2100);
});

test('RateLimit-Remaining: 0 holds sends until RateLimit-Reset, before any 429', async () => {
  const c = clock();
  const pacer = createPacer(c.now, c.sleep);
  pacer.observe({ status: 200, headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '1' } }, await pacer.wait());
  await pacer.wait();
  expect(c.slept).toEqual([1000]);
});
