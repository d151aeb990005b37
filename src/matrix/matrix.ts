import { failureCodesOf } from '../common/failure';
import type { Verdict } from '../common/scenarioResult';
import { totalsOf, type ConformanceReport } from '../report/conformanceReport';

/** One target of a matrix: its name, what targets.yaml says of it, and its totals. */
export interface MatrixTarget {
  name: string;
  kind?: string;
  description?: string;
  totals: Record<Verdict, number>;
}

/** What a person opens to see why a scenario did not pass against a target (redacted text, as the worker wrote it). */
export interface CellDetail {
  /** The failures with their YAML frames. */
  failures: string;
  /** The HTTP transcript with curl lines. */
  transcript: string;
}

/** One scenario against one target. */
export interface MatrixCell {
  verdict: Verdict;
  /** The failure codes, each once, contract failures first. */
  codes: string[];
  durationMs?: number;
  retries?: number;
  detail?: CellDetail;
}

/** One scenario against every target. */
export interface MatrixRow {
  id: string;
  title: string;
  file: string;
  /** The targets do not all agree: another verdict, or other failure codes. */
  differs: boolean;
  /** By target name; a target that did not run the scenario has no cell. */
  cells: Record<string, MatrixCell>;
}

/** reports/matrix.json: the scenarios × targets of one run, everything matrix.html and matrix.md show. */
export interface Matrix {
  startedAt: string;
  finishedAt: string;
  targets: MatrixTarget[];
  /** How many rows differ between targets. */
  differing: number;
  rows: MatrixRow[];
}

/**
 * The matrix of a run against several targets: a row per scenario, in the order the run lists them, a cell per target.
 * `detailOf` gives the failures and transcript of a cell that did not pass, when the run kept them.
 */
export function matrixOf(
  report: ConformanceReport,
  targets: Array<Omit<MatrixTarget, 'totals'>>,
  detailOf: (target: string, id: string) => CellDetail | undefined = () => undefined,
): Matrix {
  const rows = new Map<string, MatrixRow>();
  const first = targets[0]?.name ?? report.target;
  for (const entry of report.scenarios) {
    const target = entry.target ?? first;
    let row = rows.get(entry.id);
    if (!row)
      rows.set(entry.id, (row = { id: entry.id, title: entry.title, file: entry.file, differs: false, cells: {} }));
    const detail = entry.verdict === 'passed' ? undefined : detailOf(target, entry.id);
    row.cells[target] = {
      verdict: entry.verdict,
      codes: failureCodesOf(entry.failures),
      ...(entry.durationMs !== undefined ? { durationMs: entry.durationMs } : {}),
      ...(entry.retries ? { retries: entry.retries } : {}),
      ...(detail ? { detail } : {}),
    };
  }
  for (const row of rows.values())
    row.differs = differs(
      row,
      targets.map((t) => t.name),
    );
  const all = [...rows.values()];
  return {
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    targets: targets.map((t) => ({
      ...t,
      totals: totalsOf(report.scenarios.filter((s) => (s.target ?? first) === t.name)),
    })),
    differing: all.filter((r) => r.differs).length,
    rows: all,
  };
}

/** Whether the targets disagree on a scenario: a missing cell, another verdict, or other failure codes. */
function differs(row: MatrixRow, targets: string[]): boolean {
  const signatures = targets.map((t) => {
    const cell = row.cells[t];
    return cell ? `${cell.verdict}:${[...cell.codes].sort().join(',')}` : 'absent';
  });
  return new Set(signatures).size > 1;
}
