import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { failure } from '../../common/failure';
import { propertyDifferences } from '../propertyDifferences';

/** A later read returns every property an earlier step wrote, with the value written. */
export const persistenceConformance: Check = {
  name: 'persistence_conformance',
  applies: (e) => e.body?.persisted !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, steps, at }) {
    const spec = expectation.body!.persisted!;
    const { step, except = [] } = typeof spec === 'string' ? { step: spec } : spec;
    const written = steps.get(step);
    if (!written) throw new Error(`harness defect: step ${step} ran before but left no exchange`);
    return propertyDifferences(written.request.json, responseJson(exchange.response), except).map((d) =>
      failure('contract.body.notPersisted', {
        message: `step ${step} set ${d.property} to ${JSON.stringify(d.expected)}, but ${exchange.request.method} now returns ${JSON.stringify(d.actual)}`,
        pointer: `/body/${d.property}`,
        expected: d.expected,
        actual: d.actual,
        source: at(['body', 'persisted']),
      }),
    );
  },
};
