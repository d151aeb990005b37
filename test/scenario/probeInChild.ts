import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../cli/tempDir';
import { projectRoot } from './loadCase';

/** What the loader made of some input, seen from outside its process. */
export interface ProbeResult {
  /** Exit status (0 when the loader returned), or null when killed. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  scenarios: string[];
  problems: Array<{ code: string; message: string; line: number; column: number; file: string }>;
  rendered: string;
}

/** A valid suite.yaml for hostile samples, so only the sample itself can be at fault. */
export const sampleSuite = 'suite: hostile\ntitle: Hostile input samples\nvariables: { collection: /things }\n';

/** Writes `files` (name to content) into a fresh folder beside a valid suite.yaml and returns the folder. */
export function sampleDir(files: Record<string, string | Buffer>): string {
  const dir = tempDir('sample');
  writeFileSync(join(dir, 'suite.yaml'), sampleSuite);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/**
 * Runs the loader on a folder in a child process with a hard time limit (generous: it guards against hangs, not
 * slowness).
 */
export function probe(dir: string, timeoutMs = 60_000): ProbeResult {
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', join('test', 'scenario', 'loadProbe.ts'), dir], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  let parsed: Pick<ProbeResult, 'scenarios' | 'problems' | 'rendered'> = { scenarios: [], problems: [], rendered: '' };
  try {
    if (child.status === 0) parsed = JSON.parse(child.stdout) as typeof parsed;
  } catch {
    // Leave the empty result: the status check below reports it.
  }
  return { status: child.status, signal: child.signal, stderr: child.stderr ?? '', ...parsed };
}

/** A one-line account of a probe for assertion messages: how it ended and which codes it reported. */
export function summary(result: ProbeResult): string {
  const ended = result.signal ? `killed by ${result.signal} (hung past the time limit?)` : `exit ${result.status}`;
  return `${ended}; problems: ${result.problems.map((p) => `${p.code}@${p.line}:${p.column}`).join(', ') || 'none'}\n${result.stderr.slice(-3000)}`;
}
