import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContracts, type Contracts } from '../../src/contract/loadContracts';
import { loadScenarios, type LoadedScenarios } from '../../src/scenario/loadScenarios';
import { renderProblems } from '../../src/report/renderProblem';

/** The project root; scenario paths in problems are relative to it. */
export const projectRoot = resolve(__dirname, '..', '..');
/** Broken scenario samples, one folder per mistake, under one valid suite.yaml. */
export const brokenDir = join(projectRoot, 'test', 'fixtures', 'broken');
/** Expected renderings, one file per sample folder. */
export const goldenDir = join(projectRoot, 'test', 'golden');

// The code frame reads the YAML through the relative path in the problem, i.e. from the current directory.
if (process.cwd() !== projectRoot) process.chdir(projectRoot);

let contracts: Contracts | undefined;

/** The project's real contracts (so contract ids resolve as in a run), loaded once per worker. */
export function projectContracts(): Contracts {
  contracts ??= loadContracts(join(projectRoot, 'contracts'), projectRoot);
  return contracts;
}

/** Loads scenario paths as `conformance lint` would and renders the problems as the CLI prints them. */
export function loadAndRender(paths: string[]): LoadedScenarios & { text: string } {
  const loaded = loadScenarios(paths, projectContracts(), projectRoot);
  return { ...loaded, text: loaded.problems.length ? renderProblems(loaded.problems) : '' };
}

/** Replaces volatile parts of rendered text (absolute paths, temp dirs) with stable placeholders. */
export function normalize(text: string, replacements: Record<string, string> = {}): string {
  let out = text;
  for (const [from, to] of Object.entries({ ...replacements, [projectRoot]: '<root>' })) out = out.split(from).join(to);
  return out;
}

/** Reads a golden file; a missing one reads as a hint so the failure says what to do. */
export function readGolden(name: string): string {
  const file = join(goldenDir, `${name}.txt`);
  return existsSync(file)
    ? readFileSync(file, 'utf8')
    : `<missing golden file ${file}; run with UPDATE_GOLDEN=1 to create it>`;
}

/** Keeps only what does not depend on locations: the `error[code]: message` lines and the count line. */
export function messagesOnly(rendered: string): string {
  return rendered
    .split('\n')
    .filter((line) => /^error\[|^\d+ problems? in /.test(line))
    .join('\n');
}

/**
 * The 1-based line and column of the first occurrence of `needle` in a file (to state expected positions by content).
 */
export function positionOf(file: string, needle: string, occurrence = 1): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let from = 0;
    for (let at = lines[i].indexOf(needle, from); at >= 0; at = lines[i].indexOf(needle, from)) {
      if (++seen === occurrence) return { line: i + 1, column: at + 1 };
      from = at + 1;
    }
  }
  throw new Error(`${needle} does not occur ${occurrence} time(s) in ${file}`);
}
