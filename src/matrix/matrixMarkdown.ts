import type { Matrix, MatrixCell } from './matrix';

const marks: Record<MatrixCell['verdict'], string> = { passed: '✅', failed: '❌', errored: '⚠️', skipped: '⏭️' };

/** At most this many differing rows are listed; a pull-request comment has a size limit. */
const listed = 100;

/** Text for a table cell: no pipe or line break may end it early. */
const cellText = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * reports/matrix.md, for a pull-request comment: the totals per target, then the scenarios where the targets differ,
 * each cell with its verdict and failure codes (the whole matrix is in matrix.html and matrix.json).
 */
export function matrixMarkdown(matrix: Matrix): string {
  const names = matrix.targets.map((t) => t.name);
  const lines = [
    `### Compatibility matrix: ${names.map((n) => `\`${n}\``).join(' · ')}`,
    '',
    `${matrix.rows.length} scenarios, ${matrix.differing} where the targets differ.`,
    '',
    '| target | passed | failed | errored | skipped |',
    '|---|---:|---:|---:|---:|',
    ...matrix.targets.map(
      (t) =>
        `| ${cellText(t.name)} | ${t.totals.passed} | ${t.totals.failed} | ${t.totals.errored} | ${t.totals.skipped} |`,
    ),
    '',
  ];
  const differing = matrix.rows.filter((r) => r.differs);
  if (differing.length === 0) {
    lines.push('Every target gave every scenario the same verdict and failure codes.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`| scenario | ${names.map(cellText).join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`);
  for (const row of differing.slice(0, listed)) {
    const cells = names.map((name) => {
      const cell = row.cells[name];
      if (!cell) return 'not run';
      const codes = cell.codes.map((c) => `\`${cellText(c)}\``).join(' ');
      return `${marks[cell.verdict]} ${cell.verdict}${codes ? ` ${codes}` : ''}`;
    });
    lines.push(`| \`${cellText(row.id)}\` | ${cells.join(' | ')} |`);
  }
  if (differing.length > listed) lines.push('', `…and ${differing.length - listed} more rows in matrix.html.`);
  return `${lines.join('\n')}\n`;
}
