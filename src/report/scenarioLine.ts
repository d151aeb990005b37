import type { Verdict } from '../common/scenarioResult';

const marks: Record<Verdict, string> = { passed: '✓', failed: '✘', errored: '!', skipped: '-' };

/** One scenario's line of the run's console list: its verdict mark, id, title and time (and attempt, on a retry). */
export function scenarioLine(verdict: Verdict, id: string, title: string, durationMs: number, retry = 0): string {
  const attempt = retry > 0 ? `, retry ${retry}` : '';
  const note = verdict === 'errored' ? ' no verdict' : verdict === 'failed' ? ' failed' : '';
  return `  ${marks[verdict]} ${id}  ${title}  (${Math.round(durationMs)} ms${attempt})${note}`;
}
