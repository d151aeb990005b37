import { locatorAt, type CheckContext } from './check';
import { failure, type Failure } from '../common/failure';
import { checks } from './registry';
import { matchesStatus, mostSpecificKey } from './statusPattern';
import type { Contracts } from '../contract/loadContracts';
import type { Scope } from '../scenario/interpolate';
import type { Expectation, SuiteDoc } from '../scenario/types';
import type { Locator, YamlPath } from '../common/sourceLocation';
import type { Exchange } from '../common/exchange';

/** An expectation together with where it is written. */
export interface PlacedExpectation {
  expectation: Expectation;
  path: YamlPath;
  locate: Locator;
}

/**
 * The expectations that govern one answer: the step's own (with matching cases), then the suite's `always` rule for its
 * status.
 */
export function expectationsFor(
  status: number,
  own: PlacedExpectation | undefined,
  suite: { doc: SuiteDoc; locate: Locator },
): PlacedExpectation[] {
  const placed: PlacedExpectation[] = [];
  const add = (p: PlacedExpectation) => {
    placed.push(p);
    for (const [key, nested] of Object.entries(p.expectation.cases ?? {}))
      if (matchesStatus(status, /^\d+$/.test(key) ? Number(key) : key))
        add({ ...p, expectation: nested, path: [...p.path, 'cases', key] });
  };
  if (own) add(own);
  const always = suite.doc.always ?? {};
  const key = own?.expectation.defaults === false ? undefined : mostSpecificKey(status, Object.keys(always));
  if (key !== undefined) add({ expectation: always[key], path: ['always', key], locate: suite.locate });
  return placed;
}

/**
 * Runs every applicable check on one exchange; a schema failure that repeats a more specific one at the same place is
 * dropped.
 */
export function evaluateExchange(
  exchange: Exchange,
  placed: PlacedExpectation[],
  base: { contracts: Contracts; scope: Scope; steps: ReadonlyMap<string, Exchange> },
): Failure[] {
  const failures: Failure[] = [];
  for (const { expectation, path, locate } of placed) {
    const context: CheckContext = { ...base, exchange, expectation, at: locatorAt(locate, path) };
    for (const check of checks) {
      if (!check.applies(expectation)) continue;
      try {
        failures.push(...check.run(context).map((f) => ({ ...f, step: exchange.step })));
      } catch (error) {
        failures.push(
          failure('harness.crash', {
            step: exchange.step,
            message: `check ${check.name} could not run: ${(error as Error).message}`,
            source: locate(path),
          }),
        );
      }
    }
  }
  const specific = new Set(failures.filter((f) => !f.code.endsWith('.schema')).map((f) => f.pointer));
  return failures.filter((f) => !f.code.endsWith('.schema') || !specific.has(f.pointer));
}
