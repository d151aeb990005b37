import { interpolate } from '../../scenario/interpolate';
import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { subsetDifferences } from '../compareValues';
import { failure } from '../../common/failure';

/**
 * Every value the scenario lists under `matches` is present in the body with an equal value. A listed value that
 * resolves to nothing (a reference into an earlier answer that lacked it) is not compared: that answer's own checks
 * judged it, and "expected undefined" would only repeat their failure.
 */
export const bodyMatches: Check = {
  name: 'body_matches',
  applies: (e) => e.body?.matches !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, scope, at }) {
    const expected = interpolate(expectation.body!.matches, scope);
    const actual = responseJson(exchange.response);
    return subsetDifferences(expected, actual, '')
      .filter((d) => d.expected !== undefined)
      .map((d) =>
        failure('contract.body.mismatch', {
          message: `body${d.pointer || '/'} is ${JSON.stringify(d.actual)}; expected ${JSON.stringify(d.expected)}`,
          pointer: `/body${d.pointer}`,
          expected: d.expected,
          actual: d.actual,
          source: at(['body', 'matches', ...d.pointer.split('/').slice(1)]),
        }),
      );
  },
};
