import type { Problem } from '../common/problem';
import { codeFrame } from './codeFrame';
import { counted } from '../common/counted';

/** Renders one authoring problem as a titled code frame with a hint. */
export function renderProblem(problem: Problem): string {
  return `error[${problem.code}]: ${problem.message}\n${codeFrame(problem.location, problem.span ?? 1, problem.hint ?? '')}\n`;
}

/** Renders every problem, then a count line. */
export function renderProblems(unsorted: Problem[]): string {
  const byFile = new Map<string, number>();
  for (const p of unsorted) if (!byFile.has(p.location.file)) byFile.set(p.location.file, byFile.size);
  const problems = [...unsorted].sort(
    (a, b) =>
      byFile.get(a.location.file)! - byFile.get(b.location.file)! ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
  const files = new Set(problems.map((p) => p.location.file)).size;
  return `${problems.map(renderProblem).join('\n')}\n${counted(problems.length, 'problem')} in ${counted(files, 'file')}; nothing was sent.\n`;
}
