import type { Contracts } from '../contract/loadContracts';
import type { Scope } from '../scenario/interpolate';
import type { Expectation } from '../scenario/types';
import type { Locator, SourceLocation, YamlPath } from '../common/sourceLocation';
import type { Exchange } from '../common/exchange';
import type { Failure } from '../common/failure';

/** What a check may read: one exchange, the expectation it answers to, and what came before. No I/O. */
export interface CheckContext {
  exchange: Exchange;
  expectation: Expectation;
  contracts: Contracts;
  /** Variables at this step, including `request` and `steps` (for matches and echoes). */
  scope: Scope;
  /** Earlier exchanges of the scenario, by step name. */
  steps: ReadonlyMap<string, Exchange>;
  /** Where a part of this expectation is written: `at(['body', 'matches'])`. */
  at(path: YamlPath): SourceLocation;
}

/** A named contract check: a pure function from an exchange and an expectation to failures. */
export interface Check {
  name: string;
  /** Whether the expectation asks for this check at all. */
  applies(expectation: Expectation): boolean;
  /**
   * What must hold before the check means anything: `expected-status` (the expectation's own status check passed),
   * `json-body` (that, and the body is JSON). When it does not hold the check is skipped, and the failure that stopped
   * it lists it (evaluateExchange), instead of a wall of failures that all say the same thing.
   */
  needs?: 'expected-status' | 'json-body';
  run(context: CheckContext): Failure[];
}

/** Builds the `at` helper for an expectation written at `base` in a file. */
export function locatorAt(locate: Locator, base: YamlPath): (path: YamlPath) => SourceLocation {
  return (path) => locate([...base, ...path]);
}
