import type { SimRequest } from '../simRequest';
import type { FaultAction } from './faultAction';
import type { ActiveFault } from './parseFaults';

/**
 * What the faults decided for one request: latency to add first, then at most one action that replaces the simulator's
 * answer.
 */
export interface FaultPlan {
  delayMs: number;
  action?: Exclude<FaultAction, { kind: 'delay' }>;
  /** Names of the profiles that struck, in order (a request can be slowed and then throttled). */
  struck: string[];
}

/**
 * Asks every fault about a request (so each one's counters advance the same way whatever the others do); delays add up,
 * the first other action wins.
 */
export function planFaults(faults: readonly ActiveFault[], req: SimRequest, nowMs: number): FaultPlan {
  const plan: FaultPlan = { delayMs: 0, struck: [] };
  for (const fault of faults) {
    const action = fault.decide(req, nowMs);
    if (!action) continue;
    if (action.kind === 'delay') {
      plan.delayMs += action.ms;
      plan.struck.push(fault.name);
    } else if (!plan.action) {
      plan.action = action;
      plan.struck.push(fault.name);
    }
  }
  return plan;
}
