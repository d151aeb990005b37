import { lookup } from '../../scenario/interpolate';
import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { failure } from '../../common/failure';
import { propertyDifferences } from '../propertyDifferences';

/** Partial update: every property of an earlier body that was not meant to change still has its value. */
export const partialUpdateConformance: Check = {
  name: 'partial_update_conformance',
  applies: (e) => e.body?.unchanged !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, scope, at }) {
    const { from, except = [] } = expectation.body!.unchanged!;
    const before = lookup(from, scope);
    return propertyDifferences(before, responseJson(exchange.response), except).map((d) =>
      failure('contract.body.changed', {
        message: `${d.property} was ${JSON.stringify(d.expected)} in ${from} and was not sent, but is now ${JSON.stringify(d.actual)}`,
        pointer: `/body/${d.property}`,
        expected: d.expected,
        actual: d.actual,
        source: at(['body', 'unchanged']),
      }),
    );
  },
};
