import type { ReceivedResponse } from '../common/exchange';
import { retryAfterMs } from './retryAfter';

/**
 * Paces a target's requests by what the service says, shared by every request of a worker. A sub-second
 * `Retry-After` describes a rate (the time until the service's next token): with the interval since the last
 * accepted send it gives the service's spacing exactly, and sends are spaced by it from then on, so the allowance is
 * used in full without drawing more 429s. A longer one describes a window: every send of the worker waits it out, as
 * it does for `RateLimit-Remaining: 0` until `RateLimit-Reset`. Without throttling it adds nothing.
 */
export interface Pacer {
  /** Resolves, when the next request may go, with the time it goes (to hand back to `observe`). */
  wait(): Promise<number>;
  /** Learns from the answer to the request sent at `sentAt`. */
  observe(response: Pick<ReceivedResponse, 'status' | 'headers'>, sentAt: number): void;
}

/** A Retry-After shorter than this describes a token rate, not a window. */
const rateLimitMs = 1000;
/** How the spacing moves once learned: wider by this on each further 429, narrower by this on each accepted send. */
const widenMs = 0.25;
const narrowMs = 0.005;
/** Sends kept to find the last accepted one before a throttled send. */
const kept = 64;

export function createPacer(
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Pacer {
  let notBefore = 0;
  let gapMs = 0;
  /** The spacing first learned: the spacing never narrows below it, nor widens past a tenth above it. */
  let learnedMs = 0;
  let lastSlot = -Infinity;
  /** Recent sends: when, and whether the service accepted them (undefined until the answer arrives). */
  const sends: Array<{ at: number; accepted?: boolean }> = [];
  return {
    async wait() {
      const t = now();
      const slot = Math.max(t, notBefore, lastSlot + gapMs);
      lastSlot = slot;
      const send: { at: number; accepted?: boolean } = { at: slot };
      sends.push(send);
      if (sends.length > kept) sends.shift();
      if (slot > t) await sleep(slot - t);
      // When it really goes: timers and a busy event loop make it late, and the service measures real arrivals.
      send.at = Math.max(slot, now());
      return send.at;
    },
    observe({ status, headers }, sentAt) {
      const t = now();
      const index = sends.findIndex((s) => s.at === sentAt);
      if (index >= 0) sends[index].accepted = status !== 429;
      // Each accepted send narrows the spacing a little, down to what was learned, so it does not stay wider than the
      // service needs; each further 429 widens it a little (sends leave a little late or early: timers, the pool).
      if (status !== 429 && learnedMs > 0) gapMs = Math.max(learnedMs, gapMs - narrowMs);
      const reset = headers['ratelimit-remaining'] === '0' ? retryAfterMs(headers['ratelimit-reset']) : undefined;
      if (reset !== undefined) notBefore = Math.max(notBefore, t + reset);
      if (status !== 429) return;
      const retryAfter = retryAfterMs(headers['retry-after']);
      if (retryAfter === undefined || retryAfter >= rateLimitMs) {
        notBefore = Math.max(notBefore, t + (retryAfter ?? 0));
        return;
      }
      if (learnedMs > 0) gapMs = Math.min(learnedMs * 1.1, gapMs + widenMs);
      else {
        // The service's next token comes `retryAfter` after this send arrived, and the send before took the last one:
        // only when that send was accepted does the sum measure the spacing.
        const previous = index > 0 ? sends[index - 1] : undefined;
        const spacing = previous?.accepted ? sentAt - previous.at + retryAfter : undefined;
        if (spacing !== undefined && spacing < rateLimitMs) gapMs = learnedMs = spacing;
      }
      // The schedule continues from that token: a refused send took none; a later send (accepted, or not yet
      // answered) keeps its slot, and the next one comes after it.
      const later = sends.filter((s) => s.accepted !== false && s.at > sentAt).at(-1)?.at ?? -Infinity;
      lastSlot = Math.max(sentAt + retryAfter - gapMs, later);
    },
  };
}
