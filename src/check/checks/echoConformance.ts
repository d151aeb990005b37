import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { failure } from '../../common/failure';
import { propertyDifferences } from '../propertyDifferences';

/** Every property the request body sent comes back in the response with the same value. */
export const echoConformance: Check = {
  name: 'echo_conformance',
  applies: (e) => e.body?.echoes !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, at }) {
    const echoes = expectation.body!.echoes!;
    const except = echoes === true ? [] : (echoes.except ?? []);
    return propertyDifferences(exchange.request.json, responseJson(exchange.response), except).map((d) =>
      failure('contract.body.notEchoed', {
        message: `the request set ${d.property} to ${JSON.stringify(d.expected)} but the response says ${JSON.stringify(d.actual)}`,
        pointer: `/body/${d.property}`,
        expected: d.expected,
        actual: d.actual,
        source: at(['body', 'echoes']),
      }),
    );
  },
};
