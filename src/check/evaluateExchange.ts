import { locatorAt, type Check, type CheckContext } from './check';
import { mediaTypeOf } from './formats';
import { failure, type Failure } from '../common/failure';
import { checks } from './registry';
import { matchesStatus, mostSpecificKey } from './statusPattern';
import type { Contracts } from '../contract/loadContracts';
import type { Scope } from '../scenario/interpolate';
import type { Expectation, SuiteDoc } from '../scenario/types';
import type { Locator, SourceLocation, YamlPath } from '../common/sourceLocation';
import { responseJson, type Exchange } from '../common/exchange';

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
    // The first structural failure (wrong status, no JSON body) stops the checks that depend on it, and lists them.
    let gate: Failure | undefined;
    for (const check of checks) {
      if (!check.applies(expectation)) continue;
      if (check.needs === 'json-body' && !gate && responseJson(exchange.response) === undefined)
        failures.push((gate = notJson(exchange, context)));
      if (gate && check.needs) {
        gate.skippedChecks = [...(gate.skippedChecks ?? []), check.name];
        continue;
      }
      const found = runCheck(check, context, () => locate(path));
      failures.push(...found);
      gate ??= found.find((f) => f.code === 'contract.status.unexpected' || f.code === 'contract.body.notJson');
    }
  }
  const specific = new Set(failures.filter((f) => !f.code.endsWith('.schema')).map((f) => f.pointer));
  return failures.filter((f) => !f.code.endsWith('.schema') || !specific.has(f.pointer));
}

/**
 * One check's failures on the exchange, each naming the step; a check that throws is a harness defect, reported.
 * `source` is asked for only then: finding a YAML position may mean parsing the file again (scenario/lazyLocators.ts).
 */
function runCheck(check: Check, context: CheckContext, source: () => SourceLocation): Failure[] {
  const step = context.exchange.step;
  try {
    return check.run(context).map((f) => ({ ...f, step }));
  } catch (error) {
    const message = `check ${check.name} could not run: ${(error as Error).message}`;
    return [failure('harness.crash', { step, message, source: source() })];
  }
}

/** The failure that stands for every check needing a JSON body when the answer has none. */
function notJson({ response, step }: Exchange, context: CheckContext): Failure {
  const type = mediaTypeOf(response.headers['content-type']) ?? 'no content type';
  return failure('contract.body.notJson', {
    step,
    message: `the ${response.status} answer's body (${type}, ${response.bodyText.length} characters) is not JSON; the expectation reads it as JSON`,
    pointer: '/body',
    expected: 'a JSON body',
    actual: response.bodyText.slice(0, 200),
    source: context.at(['body']),
  });
}
