/** Value formats a header rule can require, each a predicate on the raw text. */
export const headerFormats: Record<string, (value: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  'date-time': isDateTime,
  'http-date': (v) =>
    /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(v) && !Number.isNaN(Date.parse(v)),
  integer: (v) => /^\d+$/.test(v),
  number: (v) => /^\d+(\.\d+)?$/.test(v),
  json: (v) => {
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  },
};

const dateTimePattern =
  /^\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,12})?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 date-time with a zone, as Graph's DateTimeOffset is written. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && dateTimePattern.test(value) && !Number.isNaN(Date.parse(value));
}

/** The `type/subtype` of a Content-Type value, lower-cased, parameters dropped. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type || undefined;
}
