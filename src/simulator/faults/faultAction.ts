import type { GraphErrorSpec } from '../graphError';
import type { SimRequest } from '../simRequest';

/** What a fault profile decided for one request, applied before the simulator sees it. */
export type FaultAction =
  | { kind: 'respond'; error: GraphErrorSpec }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' }
  | { kind: 'hang'; ms: number };

/**
 * A fault profile's parameters after parsing: every documented key, `undefined` where neither the user nor a default
 * set it.
 */
export type FaultParams = Readonly<Record<string, number | undefined>>;

/**
 * Decides, request by request, whether a profile strikes; it is called for every request, in arrival order, so its
 * counters and draws stay deterministic.
 */
export type FaultDecider = (req: SimRequest, nowMs: number) => FaultAction | undefined;

/** A parameter a profile accepts: its default, its bounds and one line of help. */
export interface ParamSpec {
  default?: number;
  min: number;
  max?: number;
  integer?: boolean;
  help: string;
}

/** A named way of misbehaving: what it does, the parameters it takes, and how to build its decider. */
export interface FaultProfile {
  description: string;
  params: Readonly<Record<string, ParamSpec>>;
  /** Throws a FaultSpecError when the parameters contradict each other. */
  create(params: FaultParams, random: () => number): FaultDecider;
}

/** A mistake in a fault specification, worded for the user. */
export class FaultSpecError extends Error {}
