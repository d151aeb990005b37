import { readFileSync } from 'node:fs';
import type { SourceLocation } from '../scenario/types';

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
  const shown = line.length > 160 ? `${line.slice(0, 157)}...` : line;
  const width = Math.max(1, Math.min(span, shown.length - location.column + 1));
  const carets = `${' '.repeat(Math.max(0, location.column - 1))}${'^'.repeat(width)}`;
  return [header, `${gutter} |`, `${number} | ${shown}`, `${gutter} | ${carets}${label ? ` ${label}` : ''}`].join('\n');
}
