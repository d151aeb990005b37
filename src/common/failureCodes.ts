/** Every failure code and its fixed title; codes are stable API (baselines and gates match on them). */
export const failureTitles = {
  'contract.status.unexpected': 'Unexpected status code',
  'contract.header.missing': 'Required header missing',
  'contract.header.mismatch': 'Header value differs',
  'contract.header.format': 'Header value has the wrong format',
  'contract.header.mediaType': 'Wrong media type',
  'contract.header.unexpected': 'Header present that must be absent',
  'contract.header.echo': 'Header not echoed',
  'contract.headers.schema': 'Headers violate their contract',
  'contract.body.notJson': 'Body is not JSON',
  'contract.body.schema': 'Body violates its contract',
  'contract.body.notEmpty': 'Body must be empty',
  'contract.body.odataType': 'Wrong @odata.type',
  'contract.body.mismatch': 'Body value differs',
  'contract.body.notEchoed': 'Sent value not echoed',
  'contract.body.notPersisted': 'Change not persisted',
  'contract.body.changed': 'Property changed that was not sent',
  'contract.body.idChanged': 'Key changed',
  'contract.body.lastModified': 'lastModifiedDateTime invalid or moved backwards',
  'contract.error.code': 'Unexpected error code',
  'harness.transport': 'Request could not be completed',
  'harness.throttled': 'Still throttled after retries',
  'harness.auth': 'Authentication failed',
  'harness.variable': 'Variable could not be resolved',
  'harness.capture': 'Capture found nothing',
  'harness.fixture': 'Fixture could not be set up',
  'harness.timeout': 'Scenario ran out of time',
  'harness.crash': 'Harness error',
} as const;

/** A stable failure code such as `contract.status.unexpected`. */
export type FailureCode = keyof typeof failureTitles;
