import type { Problem } from '../common/problem';
import { codeFrame } from './codeFrame';
import { counted } from '../common/counted';

/** Renders one authoring problem as a titled code frame with a hint. */
export function renderProblem(problem: Problem): string {
  return `${problem.severity ?? 'error'}[${problem.code}]: ${problem.message}\n${codeFrame(problem.location, problem.span ?? 1, problem.hint ?? '')}\n`;
}

/** Renders every problem, then a count line; `warnings` for problems that do not stop anything. */
export function renderProblems(unsorted: Problem[], kind: 'problems' | 'warnings' = 'problems'): string {
  const byFile = new Map<string, number>();
  for (const p of unsorted) if (!byFile.has(p.location.file)) byFile.set(p.location.file, byFile.size);
  const problems = [...unsorted].sort(
    (a, b) =>
      byFile.get(a.location.file)! - byFile.get(b.location.file)! ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
  const files = new Set(problems.map((p) => p.location.file)).size;
  const tail = kind === 'problems' ? '; nothing was sent.' : ' (`conformance lint --strict` makes them errors).';
  const noun = kind === 'problems' ? 'problem' : 'warning';
  return `${problems.map(renderProblem).join('\n')}\n${counted(problems.length, noun)} in ${counted(files, 'file')}${tail}\n`;
}
