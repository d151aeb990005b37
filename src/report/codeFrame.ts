import { readFileSync } from 'node:fs';
import type { SourceLocation } from '../common/sourceLocation';

const cache = new Map<string, string[] | null>();

function sourceLines(file: string): string[] | null {
  if (!cache.has(file)) {
    try {
      cache.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
    } catch {
      cache.set(file, null);
    }
  }
  return cache.get(file)!;
}

/** Renders ` --> file:line:col` and, when the line is known, the numbered source line with carets under the span. */
export function codeFrame(location: SourceLocation, span = 1, label = ''): string {
  if (location.line <= 0) return `  --> ${location.file}${label ? `\n   = ${label}` : ''}`;
  const header = `  --> ${location.file}:${location.line}:${location.column}`;
  const line = sourceLines(location.file)?.[location.line - 1];
  if (line === undefined) return `${header}${label ? `\n   = ${label}` : ''}`;
  const number = String(location.line);
  const gutter = ' '.repeat(number.length);
  const { text, column } = window(line.replace(/\t/g, '    '), displayColumn(line, location.column));
  const width = Math.max(1, Math.min(span, text.length - column + 1));
  const carets = `${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(width)}`;
  return [header, `${gutter} |`, `${number} | ${text}`, `${gutter} | ${carets}${label ? ` ${label}` : ''}`].join('\n');
}

/** The column on screen once tabs before it are shown as four spaces. */
function displayColumn(line: string, column: number): number {
  const before = line.slice(0, column - 1);
  return column + (before.match(/\t/g)?.length ?? 0) * 3;
}

/** At most 160 characters of a long line, cut around the column so the caret stays under what it marks. */
function window(line: string, column: number): { text: string; column: number } {
  if (line.length <= 160) return { text: line, column };
  const start = Math.max(0, Math.min(column - 80, line.length - 157));
  const text = `${start > 0 ? '...' : ''}${line.slice(start, start + 154)}${start + 154 < line.length ? '...' : ''}`;
  return { text, column: column - start + (start > 0 ? 3 : 0) };
}
