import type { Problem } from '../common/problem';
import { log } from '../common/log';
import { renderProblems } from '../report/renderProblem';

/** Prints every authoring problem with its code frame; true when there was one, so the command ends with exit 2. */
export function printProblems(problems: Problem[]): boolean {
  if (problems.length === 0) return false;
  log.raw(renderProblems(problems));
  return true;
}
