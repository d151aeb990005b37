import { interpolate } from '../../scenario/interpolate';
import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { failure } from '../../common/failure';

/** The body's `@odata.type` names the expected entity type. */
export const odataTypeConformance: Check = {
  name: 'odata_type_conformance',
  applies: (e) => e.body?.odataType !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, scope, at }) {
    const expected = String(interpolate(expectation.body!.odataType!, scope));
    const json = responseJson(exchange.response) as Record<string, unknown> | undefined;
    const actual = json?.['@odata.type'];
    if (actual === expected) return [];
    return [
      failure('contract.body.odataType', {
        message: `@odata.type is ${JSON.stringify(actual)}; expected ${JSON.stringify(expected)}`,
        pointer: '/body/@odata.type',
        expected,
        actual,
        source: at(['body', 'odataType']),
      }),
    ];
  },
};
