import type { BreakName } from './breaks';
import { graphErrors, type GraphErrorSpec } from './graphError';
import type { PkiChanges } from './pkiStore';

/** The changes a PATCH or POST body asks for, or the first error Graph would answer. */
export type ValidationResult = { ok: true; changes: PkiChanges } | { ok: false; error: GraphErrorSpec };

/** The only @odata.type a request body may carry. */
export const PKI_ODATA_TYPE = '#microsoft.graph.certificateBasedAuthPki';

// The generated OpenAPI pattern for Edm.DateTimeOffset (docs/graph-pki.md §2).
const DATE_TIME =
  /^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$/;

/** Whether a value is an Edm.DateTimeOffset string that names a real instant. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

type Check = (value: unknown, changes: PkiChanges, breaks: ReadonlySet<BreakName>) => GraphErrorSpec | undefined;

// A tolerated mistake is dropped rather than stored, so a break never leaks a badly typed value into later bodies.
const wrongType = (name: string, expected: string, breaks: ReadonlySet<BreakName>): GraphErrorSpec | undefined =>
  breaks.has('accepts-wrong-type') ? undefined : graphErrors.wrongType(name, expected);

const nullableString =
  (name: 'displayName' | 'status' | 'statusDetails'): Check =>
  (value, changes, breaks) => {
    if (!isNullableString(value)) return wrongType(name, 'a string or null', breaks);
    changes[name] = value;
    return undefined;
  };

const checks: Record<string, Check> = {
  '@odata.type': (value, _changes, breaks) =>
    value === PKI_ODATA_TYPE || breaks.has('accepts-foreign-odata-type')
      ? undefined
      : graphErrors.foreignType(String(value)),
  id: (_value, _changes, breaks) => (breaks.has('accepts-read-only-id') ? undefined : graphErrors.readOnly('id')),
  certificateAuthorities: (_value, _changes, breaks) =>
    breaks.has('accepts-navigation-property') ? undefined : graphErrors.navigation('certificateAuthorities'),
  // Server-managed (docs/graph-pki.md §1): a well-formed value is accepted and ignored, a malformed one is still a
  // mistake.
  lastModifiedDateTime: (value, _changes, breaks) =>
    isDateTime(value) ? undefined : wrongType('lastModifiedDateTime', 'a date-time string', breaks),
  deletedDateTime: (value, changes, breaks) => {
    if (value !== null && !isDateTime(value)) return wrongType('deletedDateTime', 'a date-time string or null', breaks);
    changes.deletedDateTime = value;
    return undefined;
  },
  displayName: (value, changes, breaks) => {
    if (typeof value === 'string' && value.length > 256 && !breaks.has('accepts-too-long-display-name')) {
      return graphErrors.tooLong(value.length);
    }
    return nullableString('displayName')(value, changes, breaks);
  },
  status: nullableString('status'),
  statusDetails: nullableString('statusDetails'),
};

function unknownProperty(name: string, breaks: ReadonlySet<BreakName>): GraphErrorSpec | undefined {
  if (breaks.has('accepts-unknown-property')) return undefined;
  return breaks.has('unknown-property-returns-500') ? graphErrors.internal() : graphErrors.invalidProperty(name);
}

/**
 * Checks a body's properties in the order sent (Graph reports the first offender) and collects the writable changes.
 */
export function validatePkiBody(body: Record<string, unknown>, breaks: ReadonlySet<BreakName>): ValidationResult {
  const changes: PkiChanges = {};
  for (const [name, value] of Object.entries(body)) {
    const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
    const error = check ? check(value, changes, breaks) : unknownProperty(name, breaks);
    if (error) return { ok: false, error };
  }
  return { ok: true, changes };
}
