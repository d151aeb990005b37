import { FaultSpecError, type FaultProfile } from './faultAction';
import { selectRequests, selectionParams } from './selectRequests';
import { formatSeconds, throttleFault } from './throttleFault';

const unavailable: FaultProfile = {
  description:
    '503 serviceNotAvailable, some with Retry-After and some without (clients must then back off exponentially)',
  params: {
    ...selectionParams,
    retryAfter: { default: 1, min: 0, help: 'Retry-After in seconds when one is sent' },
    hinted: { default: 0.5, min: 0, max: 1, help: 'the share of 503s that carry Retry-After' },
  },
  create(params, random) {
    const strikes = selectRequests(params, random, { p: 0.2 });
    const hinted = params.hinted ?? 0.5;
    return () => {
      if (!strikes()) return undefined;
      const headers = random() < hinted ? { 'Retry-After': formatSeconds(params.retryAfter ?? 1) } : undefined;
      const error = {
        status: 503,
        code: 'serviceNotAvailable',
        message: 'The service is temporarily unavailable; retry after a delay.',
      };
      return { kind: 'respond', error: headers ? { ...error, headers } : error };
    };
  },
};

const slow: FaultProfile = {
  description: 'adds latency drawn uniformly between min and max milliseconds',
  params: {
    ...selectionParams,
    min: { default: 50, min: 0, help: 'least added latency in ms' },
    max: { default: 300, min: 0, help: 'most added latency in ms' },
  },
  create(params, random) {
    const min = params.min ?? 50;
    const max = params.max ?? 300;
    if (min > max) throw new FaultSpecError(`min=${min} is above max=${max}`);
    const strikes = selectRequests(params, random, { p: 1 });
    return () => (strikes() ? { kind: 'delay', ms: Math.round(min + random() * (max - min)) } : undefined);
  },
};

const reset: FaultProfile = {
  description: 'destroys the connection without answering (the client sees ECONNRESET)',
  params: selectionParams,
  create(params, random) {
    const strikes = selectRequests(params, random, { every: 5 });
    return () => (strikes() ? { kind: 'reset' } : undefined);
  },
};

const timeout: FaultProfile = {
  description: 'never answers: holds the connection for ms milliseconds, then closes it',
  params: {
    ...selectionParams,
    ms: { default: 60_000, min: 0, integer: true, help: 'how long to hold the connection' },
  },
  create(params, random) {
    const strikes = selectRequests(params, random, { every: 10 });
    return () => (strikes() ? { kind: 'hang', ms: params.ms ?? 60_000 } : undefined);
  },
};

/** Every fault profile `serve --fault` knows, by name. */
export const faultProfiles: Readonly<Record<string, FaultProfile>> = {
  throttle: throttleFault,
  unavailable,
  slow,
  reset,
  timeout,
};
