import type { Check } from '../check';
import { schemaFailures } from '../schemaFailures';

/** The response's header set (lower-cased names) satisfies its contract. */
export const headerSchemaConformance: Check = {
  name: 'header_schema_conformance',
  applies: (e) => e.headerSchema !== undefined,
  run({ exchange, expectation, contracts, at }) {
    const id = expectation.headerSchema!;
    const headers = exchange.response.headers;
    return schemaFailures('contract.headers.schema', id, contracts.validate(id, headers), headers, '/headers', () =>
      at(['headerSchema']),
    );
  },
};
