import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Matrix } from './matrix';
import { matrixHtml } from './matrixHtml';
import { matrixMarkdown } from './matrixMarkdown';

/** The files of a matrix in a report dir (removed before each run: src/cli/runReports.ts). */
export const matrixFiles = ['matrix.json', 'matrix.html', 'matrix.md'];

/** Writes matrix.json, matrix.html and matrix.md into the report dir, all three from the same matrix. */
export function writeMatrix(reportDir: string, matrix: Matrix): void {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`);
  writeFileSync(join(reportDir, 'matrix.html'), matrixHtml(matrix));
  writeFileSync(join(reportDir, 'matrix.md'), matrixMarkdown(matrix));
}
