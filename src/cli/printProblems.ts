import type { Problem } from '../common/problem';
import { log } from '../common/log';
import { renderProblems } from '../report/renderProblem';

/** Prints every authoring problem with its code frame; true when there was one, so the command ends with exit 2. */
export function printProblems(problems: Problem[]): boolean {
  if (problems.length === 0) return false;
  log.raw(renderProblems(problems));
  return true;
}

/** Prints warnings (weak but valid scenarios) the same way, without stopping anything. */
export function printWarnings(warnings: Problem[]): void {
  if (warnings.length) log.raw(renderProblems(warnings, 'warnings'));
}
