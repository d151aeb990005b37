import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileProblem, type Problem } from '../common/problem';
import { readValidatedDocuments } from '../scenario/readValidatedDocuments';
import type { BaselineEntry } from './baseline';

/** A baseline file's entries, or the problems that keep it from being used (the run is then refused, exit 2). */
export interface LoadedBaseline {
  file: string;
  entries: BaselineEntry[];
  problems: Problem[];
}

/** Reads and validates a baseline file (schemas/baseline.schema.json); every entry keeps the place it is written. */
export function loadBaseline(path: string, cwd = process.cwd()): LoadedBaseline {
  const file = relative(cwd, path) || path;
  const problems: Problem[] = [];
  if (!existsSync(path))
    return {
      file,
      entries: [],
      problems: [
        fileProblem(
          file,
          'baseline.missing',
          'no such baseline file',
          'write one: npx conformance baseline update --out FILE',
        ),
      ],
    };
  const docs = readValidatedDocuments(path, cwd, 'baseline', problems);
  const doc = docs[0];
  const known = ((doc?.value as { known?: BaselineEntry[] } | undefined)?.known ?? []).map((entry, i) => ({
    ...entry,
    at: doc!.locate(['known', i]),
  }));
  return { file, entries: known, problems };
}
