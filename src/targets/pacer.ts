import type { ReceivedResponse } from '../common/exchange';
import { retryAfterMs } from './retryAfter';

/**
 * Paces a target's requests by what the service says, shared by every request of a worker: a 429's `Retry-After` (or
 * `RateLimit-Remaining: 0` with `RateLimit-Reset`) holds every send until then, and once throttled, sends are spaced at
 * a little above the rate the service was letting through, instead of each request hammering on and waiting out its own
 * 429. Without throttling it adds nothing: no spacing, no wait.
 */
export interface Pacer {
  /** Resolves when the next request may go. */
  wait(): Promise<void>;
  /** Learns from an answer. */
  observe(response: Pick<ReceivedResponse, 'status' | 'headers'>): void;
}

/** Answers that count toward the rate the service allows: the last this many that were not throttled. */
const window = 20;
/** Sent this much faster than the rate measured, so the service's allowance is never left unused. */
const headroom = 0.9;
/** Each unthrottled answer narrows the spacing by this factor, to find a higher allowance again. */
const probe = 0.995;

export function createPacer(
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Pacer {
  let notBefore = 0;
  let gapMs = 0;
  let lastSlot = -Infinity;
  const passed: number[] = [];
  return {
    async wait() {
      const t = now();
      const slot = Math.max(t, notBefore, lastSlot + gapMs);
      lastSlot = slot;
      if (slot > t) await sleep(slot - t);
    },
    observe({ status, headers }) {
      const t = now();
      const reset = headers['ratelimit-remaining'] === '0' ? retryAfterMs(headers['ratelimit-reset']) : undefined;
      if (reset !== undefined) notBefore = Math.max(notBefore, t + reset);
      if (status !== 429) {
        passed.push(t);
        if (passed.length > window) passed.shift();
        gapMs *= probe;
        return;
      }
      notBefore = Math.max(notBefore, t + (retryAfterMs(headers['retry-after']) ?? 0));
      if (passed.length >= 4) {
        const allowedIntervalMs = (passed.at(-1)! - passed[0]) / (passed.length - 1);
        gapMs = allowedIntervalMs * headroom;
      }
    },
  };
}
