import type { SourceLocation } from './sourceLocation';

/** An authoring mistake in a scenario, suite, contract or target file: collected and reported, never thrown. */
export interface Problem {
  /** Stable namespaced code, e.g. `scenario.schema.required`. */
  code: string;
  /** What is wrong, naming the offending value. */
  message: string;
  /** Where, as precisely as known; `line` 0 means the whole file. */
  location: SourceLocation;
  /** How many characters the caret underline spans (default 1). */
  span?: number;
  /** What to do about it, e.g. "did you mean `expect`?". */
  hint?: string;
  /** A warning does not stop a run (and `lint` exits 0) unless `lint --strict` asks for it. */
  severity?: 'warning';
}

/** Builds a problem that concerns a whole file rather than one place in it. */
export function fileProblem(file: string, code: string, message: string, hint?: string): Problem {
  return { code, message, location: { file, line: 0, column: 0 }, hint };
}
