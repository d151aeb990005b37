import { placeholderPattern } from '../scenario/interpolate';
import type { Call, Scenario, Suite } from '../scenario/types';
import type { Locator, YamlPath } from '../common/sourceLocation';
import { escapeRegExp } from '../common/escapeRegExp';

/**
 * A request the suites know how to judge: its method, its path as a pattern, and the call (with expectations) that
 * sends it.
 */
export interface Operation {
  method: string;
  pattern: RegExp;
  suite: Suite;
  call: Call;
  /** Where the call is written, for failure locations. */
  path: YamlPath;
  locate: Locator;
}

/**
 * Every operation the scenarios and their suites send (probe, fixture calls, steps), with paths as patterns: suite
 * variables filled in, other placeholders one segment.
 */
export function operationsOf(scenarios: Scenario[]): Operation[] {
  const operations: Operation[] = [];
  const add = (suite: Suite, call: Call | undefined, path: YamlPath, locate: Locator) => {
    if (call)
      operations.push({
        method: call.request.method.toUpperCase(),
        pattern: pathPattern(call.request.path, suite),
        suite,
        call,
        path,
        locate,
      });
  };
  for (const suite of new Set(scenarios.map((s) => s.suite))) {
    add(suite, suite.doc.probe, ['probe'], suite.locate);
    for (const [name, fixture] of Object.entries(suite.doc.fixtures ?? {}))
      for (const part of ['create', 'get', 'update', 'delete'] as const)
        add(suite, fixture[part], ['fixtures', name, part], suite.locate);
  }
  for (const scenario of scenarios)
    scenario.doc.steps.forEach((step, i) => add(scenario.suite, step, ['steps', i], scenario.locate));
  return operations;
}

function pathPattern(template: string, suite: Suite): RegExp {
  let source = '';
  let last = 0;
  for (const match of template.matchAll(placeholderPattern)) {
    const value = suite.doc.variables?.[match[1]];
    source +=
      escapeRegExp(template.slice(last, match.index)) + (typeof value === 'string' ? escapeRegExp(value) : '[^/]+');
    last = match.index + match[0].length;
  }
  return new RegExp(`^${source}${escapeRegExp(template.slice(last))}/?$`);
}
