import type { ReceivedResponse, RetryCounts, SentRequest } from '../common/exchange';
import type { Pacer } from './pacer';
import { retryAfterMs } from './retryAfter';
import { TransportError } from './target';

/** How hard to try before a request is given up as throttled or unreachable. */
export interface RetryPolicy {
  /** Retries of an unavailable answer (503/504) or a lost connection. */
  maxRetries: number;
  /** Retries of a throttled answer (429): the service said when to come back, so these are bounded by time too. */
  maxThrottledRetries: number;
  /** Total time spent waiting between attempts, across all retries of one request. */
  maxTotalWaitMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Defaults for live targets: Graph's advice is to honour Retry-After and otherwise back off exponentially. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 6,
  maxThrottledRetries: 30,
  maxTotalWaitMs: 120_000,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

const retryableStatus = new Set([429, 503, 504]);

/**
 * Sends with retries on 429/503/504 and transport errors; the answer after the last retry, or a TransportError saying
 * why none came.
 */
export async function sendWithRetries(
  send: (request: SentRequest) => Promise<ReceivedResponse>,
  request: SentRequest,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  pacer?: Pacer,
): Promise<ReceivedResponse> {
  let waited = 0;
  const retried: RetryCounts = { throttled: 0, unavailable: 0, lost: 0 };
  for (let attempt = 0; ; attempt++) {
    let response: ReceivedResponse | undefined;
    let failure: TransportError | undefined;
    try {
      const sentAt = await pacer?.wait();
      response = await send(request);
      if (pacer) pacer.observe(response, sentAt!);
      if (!retryableStatus.has(response.status)) {
        if (attempt === 0) return response;
        return { ...response, ...(retried.lost ? { afterLostAttempt: true } : {}), retried };
      }
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      failure = error;
    }
    if (failure) retried.lost++;
    else if (response!.status === 429) retried.throttled++;
    else retried.unavailable++;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);
    const delay = retryAfterMs(response?.headers['retry-after']) ?? backoff;
    const spent =
      response?.status === 429
        ? retried.throttled > policy.maxThrottledRetries
        : attempt - retried.throttled >= policy.maxRetries;
    if (spent || waited + delay > policy.maxTotalWaitMs) {
      const tries = `${attempt + 1} attempts, ${(waited / 1000).toFixed(1)} s of waiting`;
      if (failure) throw new TransportError(`${failure.message} (gave up after ${tries})`);
      const throttled = response!.status === 429;
      throw new TransportError(
        `${request.method} ${request.url} was still answered ${response!.status}${throttled ? ' (throttled)' : ' (service unavailable)'} after ${tries}; request-id ${response!.headers['request-id'] ?? 'none'}`,
        throttled ? 'throttled' : 'transport',
      );
    }
    waited += delay;
    await sleep(delay);
  }
}
