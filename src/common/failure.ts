import type { SourceLocation } from './sourceLocation';
import { failureTitles, type FailureCode } from './failureCodes';

/** One broken promise (or, for `harness.*` codes, one reason no verdict was reached), as plain data. */
export interface Failure {
  code: FailureCode;
  /** Fixed per code. */
  title: string;
  message: string;
  step?: string;
  /** JSON pointer into the exchange: `/status`, `/headers/request-id`, `/body/displayName`. */
  pointer?: string;
  expected?: unknown;
  actual?: unknown;
  /** For schema failures: where in the contract the rule sits. */
  schemaPath?: string;
  /** The YAML that stated the expectation. */
  source?: SourceLocation;
  /** Checks of the same expectation not run because this failure made them meaningless (e.g. a wrong status). */
  skippedChecks?: string[];
  /** Against `run --baseline`: a known (accepted) failure, a new one, or a known one whose entry expired. */
  baseline?: 'known' | 'new' | 'expired';
  /** The baseline entry's `reason` (and `owner`), for a known failure. */
  baselineReason?: string;
}

/** Builds a failure with its code's fixed title. */
export function failure(code: FailureCode, fields: Omit<Failure, 'code' | 'title'>): Failure {
  return { code, title: failureTitles[code], ...fields };
}

/** True for failures that mean "no verdict" (transport, auth, harness) rather than a contract violation. */
export function isHarnessFailure(f: Failure): boolean {
  return f.code.startsWith('harness.');
}

/** The codes of a scenario's failures, each once: contract failures first, then harness ones. */
export function failureCodesOf(failures: Failure[]): string[] {
  const contract = failures.filter((f) => !isHarnessFailure(f)).map((f) => f.code);
  const harness = failures.filter(isHarnessFailure).map((f) => f.code);
  return [...new Set([...contract, ...harness])];
}
