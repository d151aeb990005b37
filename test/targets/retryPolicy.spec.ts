import { test, expect } from '@playwright/test';
import type { ReceivedResponse, SentRequest } from '../../src/common/exchange';
import { defaultRetryPolicy, sendWithRetries } from '../../src/targets/retryPolicy';
import { TransportError } from '../../src/targets/target';

// Retries on throttling and unavailability, and the count of each that the answer carries (nightly history reads it
// to tell the target's trouble from a flaky contract verdict).

const request: SentRequest = { method: 'GET', url: 'http://127.0.0.1:9/beta/x', headers: {} };
const answer = (status: number, headers: Record<string, string> = {}): ReceivedResponse => ({
  status,
  headers,
  bodyText: '',
  durationMs: 1,
});

/** A sender that plays the given answers in order; a string is a transport failure. */
function sender(script: Array<ReceivedResponse | string>) {
  let i = 0;
  const send = async () => {
    const next = script[i++];
    if (typeof next === 'string') throw new TransportError(next);
    return next;
  };
  return { send, sent: () => i };
}

const noWait = async () => {};

test('an answer after retries says how many attempts were throttled, unavailable or lost', async () => {
  const { send, sent } = sender([answer(429, { 'retry-after': '0' }), 'reset', answer(503), answer(429), answer(200)]);
  const response = await sendWithRetries(send, request, defaultRetryPolicy, noWait);
  expect(response.status).toBe(200);
  expect(response.retried).toEqual({ throttled: 2, unavailable: 1, lost: 1 });
  expect(response.afterLostAttempt).toBe(true);
  expect(sent()).toBe(5);
});

test('a first answer carries no retry counts, and throttling without a loss is not a lost attempt', async () => {
  expect(
    (await sendWithRetries(sender([answer(204)]).send, request, defaultRetryPolicy, noWait)).retried,
  ).toBeUndefined();
  const throttled = await sendWithRetries(sender([answer(429), answer(200)]).send, request, defaultRetryPolicy, noWait);
  expect(throttled.retried).toEqual({ throttled: 1, unavailable: 0, lost: 0 });
  expect(throttled.afterLostAttempt).toBeUndefined();
});

test('throttling has its own retry budget: more 429s than 503s are waited out, then a throttled TransportError', async () => {
  const throttledThenOk = [...Array.from({ length: 8 }, () => answer(429, { 'retry-after': '0' })), answer(200)];
  const strictOnErrors = { ...defaultRetryPolicy, maxRetries: 2 };
  const ok = await sendWithRetries(sender(throttledThenOk).send, request, strictOnErrors, noWait);
  expect([ok.status, ok.retried?.throttled]).toEqual([200, 8]);
  const unavailable = Array.from({ length: 8 }, () => answer(503));
  await expect(sendWithRetries(sender(unavailable).send, request, strictOnErrors, noWait)).rejects.toMatchObject({
    kind: 'transport',
  });
  const script = Array.from({ length: 10 }, () => answer(429));
  const policy = { ...defaultRetryPolicy, maxThrottledRetries: 2 };
  await expect(sendWithRetries(sender(script).send, request, policy, noWait)).rejects.toMatchObject({
    kind: 'throttled',
  });
});
