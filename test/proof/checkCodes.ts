import type { FailureCode } from '../../src/common/failureCodes';

/**
 * The codes each registered check can report, by check name (src/check/registry.ts); a new check must be added here.
 */
export const checkCodes: Record<string, FailureCode[]> = {
  status_conformance: ['contract.status.unexpected'],
  header_conformance: [
    'contract.header.missing',
    'contract.header.mismatch',
    'contract.header.format',
    'contract.header.mediaType',
    'contract.header.unexpected',
    'contract.header.echo',
  ],
  header_schema_conformance: ['contract.headers.schema'],
  empty_body_conformance: ['contract.body.notEmpty'],
  response_schema_conformance: ['contract.body.notJson', 'contract.body.schema'],
  odata_type_conformance: ['contract.body.odataType'],
  error_code_conformance: ['contract.error.code'],
  body_matches: ['contract.body.mismatch'],
  collection_items: [
    'contract.items.count',
    'contract.items.mismatch',
    'contract.items.missing',
    'contract.items.unexpected',
    'contract.items.order',
  ],
  echo_conformance: ['contract.body.notEchoed'],
  persistence_conformance: ['contract.body.notPersisted'],
  partial_update_conformance: ['contract.body.changed'],
  server_managed_conformance: ['contract.body.idChanged', 'contract.body.lastModified'],
};
