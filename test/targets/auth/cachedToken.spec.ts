import { expect, test } from '@playwright/test';
import { cachedToken, type IssuedToken } from '../../../src/targets/auth/cachedToken';

const minute = 60_000;

/** A token source on a fake clock: each acquisition waits for the test to settle it. */
function fakeSource() {
  let clock = 0;
  const pending: Array<{ resolve: (token: IssuedToken) => void; reject: (error: Error) => void }> = [];
  const acquire = () => new Promise<IssuedToken>((resolve, reject) => pending.push({ resolve, reject }));
  return {
    now: () => clock,
    advance: (ms: number) => (clock += ms),
    acquire,
    pending,
    settle: (accessToken: string, lifetimeMs = 60 * minute, refreshInMs?: number) =>
      pending.shift()?.resolve({
        accessToken,
        expiresOn: clock + lifetimeMs,
        refreshOn: refreshInMs === undefined ? undefined : clock + refreshInMs,
      }),
    fail: (message: string) => pending.shift()?.reject(new Error(message)),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A cached token over a fake source that has already issued `t1` (an hour's lifetime). */
async function holdingFirstToken() {
  const source = fakeSource();
  const token = cachedToken(source.acquire, { now: source.now });
  const first = token();
  await tick();
  source.settle('t1');
  await first;
  return { source, token };
}

test('concurrent callers share one acquisition and later callers reuse the token', async () => {
  const source = fakeSource();
  const token = cachedToken(source.acquire, { now: source.now });
  const calls = Array.from({ length: 10 }, () => token());
  await tick();
  expect(source.pending).toHaveLength(1);
  source.settle('t1');
  expect(await Promise.all(calls)).toEqual(Array(10).fill('t1'));
  source.advance(54 * minute);
  expect(await token()).toBe('t1');
  expect(source.pending).toHaveLength(0);
});

test('the token is renewed five minutes before expiry, or at half its lifetime when that is sooner, or at refreshOn', async () => {
  const { source, token } = await holdingFirstToken();
  source.advance(55 * minute);
  const second = token();
  await tick();
  expect(source.pending).toHaveLength(1);
  source.settle('t2', 4 * minute);
  expect(await second).toBe('t2');
  source.advance(2 * minute - 1);
  expect(await token()).toBe('t2');
  source.advance(1);
  const third = token();
  await tick();
  source.settle('t3', 60 * minute, 10 * minute);
  expect(await third).toBe('t3');
  source.advance(10 * minute);
  void token();
  await tick();
  expect(source.pending).toHaveLength(1);
});

test('a failed renewal serves the token in hand while it has over a minute left, and retries on the next call', async () => {
  const { source, token } = await holdingFirstToken();
  source.advance(56 * minute);
  const during = token();
  await tick();
  source.fail('endpoint down');
  expect(await during).toBe('t1');
  const retry = token();
  await tick();
  expect(source.pending).toHaveLength(1);
  source.settle('t2');
  expect(await retry).toBe('t2');
});

test('a failed first acquisition rejects every waiter and the next call starts afresh', async () => {
  const source = fakeSource();
  const token = cachedToken(source.acquire, { now: source.now });
  const calls = [token(), token()].map((call) =>
    call.then(
      () => 'resolved',
      (error: Error) => error.message,
    ),
  );
  await tick();
  source.fail('rejected');
  expect(await Promise.all(calls)).toEqual(['rejected', 'rejected']);
  const next = token();
  await tick();
  source.settle('t1');
  expect(await next).toBe('t1');
});

test('an acquisition that throws synchronously does not wedge the cache', async () => {
  let calls = 0;
  const token = cachedToken(() => {
    calls += 1;
    if (calls === 1) throw new Error('sync failure');
    return Promise.resolve({ accessToken: 't1', expiresOn: Date.now() + 60 * minute });
  });
  await expect(token()).rejects.toThrow('sync failure');
  expect(await token()).toBe('t1');
});
