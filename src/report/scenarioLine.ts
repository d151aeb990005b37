import type { Verdict } from '../common/scenarioResult';

/** The mark of each verdict, as the console, the matrix page and the history strips show it. */
export const verdictMarks: Record<Verdict, string> = { passed: '✓', failed: '✘', errored: '!', skipped: '-' };

/** One scenario's line of the run's console list: its verdict mark, id, title and time (and attempt, on a retry). */
export function scenarioLine(verdict: Verdict, id: string, title: string, durationMs: number, retry = 0): string {
  const attempt = retry > 0 ? `, retry ${retry}` : '';
  const note = verdict === 'errored' ? ' no verdict' : verdict === 'failed' ? ' failed' : '';
  return `  ${verdictMarks[verdict]} ${id}  ${title}  (${Math.round(durationMs)} ms${attempt})${note}`;
}
