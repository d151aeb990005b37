import { FaultSpecError, type FaultProfile } from './faultAction';
import { selectRequests, selectionParams } from './selectRequests';

// The documented scope format is <Scope>/<Limit>/<ApplicationId>/<TenantId>; the ids are the simulator's own.
const SCOPE = 'Tenant_Application/ReadWrite/5fa0c1d2-0000-4000-8000-00000000a99d/7e1b7c3a-0000-4000-8000-0000000007e7';

/**
 * Seconds as Graph writes Retry-After: a plain decimal, fractional allowed (`2.128`), at most millisecond precision.
 */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

/**
 * Answers 429 TooManyRequests with Retry-After and the x-ms-throttle-* headers, on every Nth request, with probability
 * p, or beyond a token bucket's rate.
 */
export const throttleFault: FaultProfile = {
  description: '429 TooManyRequests with a (possibly fractional) Retry-After and x-ms-throttle-scope/-information',
  params: {
    ...selectionParams,
    rate: { min: 0.001, help: 'instead of every/p: a token bucket refilled at this many requests per second' },
    burst: { min: 1, integer: true, help: 'the token bucket size (default: rate, at least 1)' },
    retryAfter: { min: 0, help: 'Retry-After in seconds (default 0.2; with rate: the time until a token is free)' },
  },
  create(params, random) {
    const { rate, burst, retryAfter } = params;
    if (rate !== undefined && (params.every !== undefined || params.p !== undefined)) {
      throw new FaultSpecError('give rate=R or every=N/p=P, not both');
    }
    if (burst !== undefined && rate === undefined) throw new FaultSpecError('burst=B needs rate=R');
    const error = (seconds: number) => ({
      kind: 'respond' as const,
      error: {
        status: 429,
        code: 'TooManyRequests',
        message: 'Too many requests; wait for the time the Retry-After header gives, then retry.',
        headers: {
          'Retry-After': formatSeconds(seconds),
          'x-ms-throttle-scope': SCOPE,
          'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
        },
      },
    });
    if (rate === undefined) {
      const strikes = selectRequests(params, random, { every: 5 });
      return () => (strikes() ? error(retryAfter ?? 0.2) : undefined);
    }
    const size = burst ?? Math.max(1, rate);
    let tokens = size;
    let last: number | undefined;
    return (_req, nowMs) => {
      tokens = Math.min(size, tokens + (last === undefined ? 0 : ((nowMs - last) / 1000) * rate));
      last = nowMs;
      if (tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      return error(retryAfter ?? (1 - tokens) / rate);
    };
  },
};
