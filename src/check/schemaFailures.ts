import type { ErrorObject } from 'ajv';
import type { SourceLocation } from '../common/sourceLocation';
import { failure, type Failure } from '../common/failure';
import type { FailureCode } from '../common/failureCodes';
import { readPointer } from '../common/readPointer';

/** Converts ajv errors for one value into failures, keeping instance and schema paths, dropping anyOf noise. */
export function schemaFailures(
  code: FailureCode,
  contract: string,
  errors: ErrorObject[],
  value: unknown,
  prefix: string,
  source: () => SourceLocation,
): Failure[] {
  if (errors.length === 0) return [];
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const chosen = specific.length ? specific : errors;
  return chosen.map((e) => {
    const where =
      e.keyword === 'additionalProperties'
        ? `${e.instancePath}/${String(e.params.additionalProperty)}`
        : e.keyword === 'required'
          ? `${e.instancePath}/${String(e.params.missingProperty)}`
          : e.instancePath;
    const actual = e.keyword === 'required' ? undefined : readPointer(value, where);
    return failure(code, {
      message: `${prefix}${where || '/'} ${e.message ?? 'is invalid'} (contract ${contract})`,
      pointer: `${prefix}${where}`,
      expected: { keyword: e.keyword, ...e.params },
      actual,
      schemaPath: `${contract}${e.schemaPath}`,
      source: source(),
    });
  });
}
