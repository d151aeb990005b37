import { existsSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { fileProblem, type Problem } from '../common/problem';
import type { Cassette } from './cassette';
import { readCassette } from './readCassette';
import { listFiles } from '../common/listFiles';

/** The cassettes found under a path, and every problem found reading them. */
export interface LoadedCassettes {
  cassettes: Cassette[];
  problems: Problem[];
}

/**
 * Reads every `*.har` file under a folder (recursively), or one file; each broken file is a problem, the others still
 * load.
 */
export function loadCassettes(path: string, cwd = process.cwd()): LoadedCassettes {
  const shown = relative(cwd, path) || path;
  if (!existsSync(path))
    return { cassettes: [], problems: [fileProblem(shown, 'recordings.missing', 'no such file or folder')] };
  const files = statSync(path).isDirectory() ? listFiles(path, '.har') : [path];
  const result: LoadedCassettes = { cassettes: [], problems: [] };
  for (const file of files) {
    const read = readCassette(file, cwd);
    result.problems.push(...read.problems);
    if (read.cassette) result.cassettes.push(read.cassette);
  }
  return result;
}

/** The scenario a cassette answers for: the one `conformance record` noted, else the file's name without `.har`. */
export function scenarioOf(cassette: Cassette): string {
  return cassette.info?.scenario ?? basename(cassette.file, '.har');
}

/**
 * A cassette set for replay: one cassette per scenario id; a folder that is missing, empty, or holds two cassettes for
 * one scenario is a problem.
 */
export function loadCassetteSet(
  dir: string,
  cwd = process.cwd(),
): LoadedCassettes & { byScenario: Map<string, Cassette> } {
  const loaded = loadCassettes(dir, cwd);
  const byScenario = new Map<string, Cassette>();
  const shown = relative(cwd, dir) || dir;
  if (loaded.problems.length === 0 && loaded.cassettes.length === 0)
    loaded.problems.push(
      fileProblem(
        shown,
        'recordings.empty',
        'no cassette (*.har) in this folder',
        'record one: npx conformance record --target live --allow-writes',
      ),
    );
  for (const cassette of loaded.cassettes) {
    const id = scenarioOf(cassette);
    const clash = byScenario.get(id);
    if (clash)
      loaded.problems.push(
        fileProblem(
          cassette.file,
          'recordings.duplicate',
          `scenario ${id} already has a cassette: ${clash.file}`,
          'keep one of the two',
        ),
      );
    else byScenario.set(id, cassette);
  }
  return { ...loaded, byScenario };
}
