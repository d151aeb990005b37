// The 'odd-but-valid' variant: everything here is something the real service may legitimately send
// (docs/graph-pki.md §2 and §4), so a contract that rejects it is too strict.

/** Success Content-Type with the parameters reordered and recased; the media type is still application/json. */
export const ODD_SUCCESS_CONTENT_TYPE =
  'Application/JSON; charset=UTF-8; IEEE754Compatible=false; odata.streaming=true; odata.metadata=minimal';

/** Error Content-Type with a parameter and different case. */
export const ODD_ERROR_CONTENT_TYPE = 'Application/Json; charset=utf-8';

const ODD_HEADER_NAMES: Record<string, string> = {
  'request-id': 'Request-Id',
  'client-request-id': 'Client-Request-Id',
  'odata-version': 'ODATA-VERSION',
  'content-type': 'content-type',
  date: 'date',
  'cache-control': 'CACHE-CONTROL',
  'strict-transport-security': 'strict-transport-security',
  'x-ms-ags-diagnostic': 'X-MS-AGS-Diagnostic',
  location: 'LOCATION',
  allow: 'allow',
  'www-authenticate': 'www-authenticate',
};

/** Respells header names in unusual (but equivalent) case. */
export function oddHeaderNames(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[ODD_HEADER_NAMES[name.toLowerCase()] ?? name] = value;
  return out;
}

const ISO_Z = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?Z$/;

/** Rewrites an ISO 'Z' date-time as the same instant with seven fractional digits and a +00:00 offset. */
export function oddDateTime(value: string): string {
  const match = ISO_Z.exec(value);
  if (!match) return value;
  const fraction = (match[2] ?? '').padEnd(7, '0');
  return `${match[1]}.${fraction}+00:00`;
}

const DATE_PROPERTIES = new Set(['deletedDateTime', 'lastModifiedDateTime']);

/**
 * Keeps control information first (OData streaming needs it), reverses the properties, reformats dates, adds an
 * open-type extra.
 */
export function oddEntity(entity: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(entity);
  const control = entries.filter(([name]) => name.startsWith('@odata.'));
  const properties = entries.filter(([name]) => !name.startsWith('@odata.')).reverse();
  const out: Record<string, unknown> = Object.fromEntries(control);
  for (const [name, value] of properties) {
    out[name] = DATE_PROPERTIES.has(name) && typeof value === 'string' ? oddDateTime(value) : value;
  }
  out.extensionAttribute = 'x';
  return out;
}
