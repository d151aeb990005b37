/** The helpers of the sample tables: a sample, one that passes, one that fails for stated reasons. */

/**
 * Where a sample must fail: the ajv keyword and the JSON pointer of the offending value (for `required`,
 * `additionalProperties` and `propertyNames`, the pointer of the property named in the error).
 */
export type Violation = [keyword: string, pointer: string];

/** One sample: `violations` empty means it must validate. */
export interface Sample {
  title: string;
  data: unknown;
  violations: Violation[];
}

export const sample = (title: string, data: unknown, ...violations: Violation[]): Sample => ({
  title,
  data,
  violations,
});
export const ok = (title: string, data: unknown) => sample(title, data);
export const bad = (title: string, data: unknown, first: Violation, ...more: Violation[]) =>
  sample(title, data, first, ...more);
export const withProps = (base: object, props: Record<string, unknown>) => ({ ...base, ...props });
export const without = (base: Record<string, unknown>, key: string) => {
  const { [key]: _dropped, ...rest } = base;
  return rest;
};

export const GUID = '0b5c3e1a-7d4f-4c1e-9a52-6f1d2e3c4b5a';
export const JSON_CT =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
