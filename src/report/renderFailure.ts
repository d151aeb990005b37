import type { Failure } from '../common/failure';
import { codeFrame } from './codeFrame';

/** Renders one failure: code and title, the message, and the YAML that stated the broken expectation. */
export function renderFailure(f: Failure): string {
  const skipped = f.skippedChecks?.length ? `\n  not checked because of this: ${f.skippedChecks.join(', ')}` : '';
  const head = `${f.code}: ${f.title}${f.step ? ` (step ${f.step})` : ''}\n  ${f.message}${skipped}`;
  return f.source ? `${head}\n${codeFrame(f.source, 1, f.pointer ? `at ${f.pointer}` : '')}` : head;
}

/** Renders all failures of a scenario, separated by blank lines. */
export function renderFailures(failures: Failure[]): string {
  return failures.map(renderFailure).join('\n\n');
}
