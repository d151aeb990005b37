import type { Failure } from '../common/failure';
import type { Verdict } from '../common/scenarioResult';

/** The verdict on one cassette, judged by today's contracts and scenarios. */
export interface CassetteVerdict {
  file: string;
  scenario?: string;
  scenarioFile?: string;
  verdict: Verdict;
  failures: Failure[];
  /** Recorded answers that were checked. */
  checked: number;
  notes: string[];
}
