import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { failure } from '../../common/failure';
import { mediaTypeOf } from '../formats';
import { schemaFailures } from '../schemaFailures';

/** The response body is JSON and satisfies the named contract. */
export const responseSchemaConformance: Check = {
  name: 'response_schema_conformance',
  applies: (e) => e.body?.schema !== undefined,
  needs: 'expected-status',
  run({ exchange, expectation, contracts, at }) {
    const id = expectation.body!.schema!;
    const source = () => at(['body', 'schema']);
    const json = responseJson(exchange.response);
    if (json === undefined) {
      const type = mediaTypeOf(exchange.response.headers['content-type']) ?? 'no content type';
      return [
        failure('contract.body.notJson', {
          message: `the body (${type}, ${exchange.response.bodyText.length} characters) is not JSON; contract ${id} expects JSON`,
          pointer: '/body',
          expected: id,
          actual: exchange.response.bodyText.slice(0, 200),
          source: source(),
        }),
      ];
    }
    return schemaFailures('contract.body.schema', id, contracts.validate(id, json), json, '/body', source);
  },
};
