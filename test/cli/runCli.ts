import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { loadRun } from '../../src/scenario/loadRun';
import { runSettings } from '../../src/runner/runSettings';
import { tempDir } from './tempDir';

/** The project root: the CLI runs from here, as `npx conformance` would. */
export const projectRoot = resolve(__dirname, '..', '..');

/** A line of a JavaScript stack trace (`    at fn (file.ts:1:2)`); none may reach a user. */
export const stackTraceLine = /^\s+at .+:\d+:\d+\)?$/m;

/** What one CLI invocation did. */
export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The report dir the run was pointed at (fresh per call unless given). */
  reportDir: string;
}

/** Options of one CLI invocation. */
export interface CliOptions {
  /** Extra environment, e.g. CONFORMANCE_REPLAY_BREAKS. */
  env?: Record<string, string>;
  /** Report dir to use; a fresh temp dir by default. */
  reportDir?: string;
  /** Hard limit for the whole process (generous: a run takes 10-80 s on a busy shared 2-core machine). */
  timeoutMs?: number;
}

/** A fresh, empty report dir, so parallel tests never share or clobber reports/. */
export function freshReportDir(label = 'cli'): string {
  return tempDir(label);
}

/**
 * The environment a user's shell would give the CLI, minus the test runner's own TEST_* / PW_* / PLAYWRIGHT_*
 * variables (they would leak into the nested Playwright run) and any GRAPH_* credential (no test may go live).
 */
export function userEnv(extra: Record<string, string> = {}, reportDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(TEST_|PW_|PLAYWRIGHT_|CONFORMANCE_|GRAPH_|FORCE_COLOR$|NODE_OPTIONS$)/.test(key)) env[key] = value;
  return { ...env, CI: '1', NO_COLOR: '1', CONFORMANCE_REPORT_DIR: reportDir, ...extra };
}

/** Runs `node bin/conformance.js ARGS` from the project root and collects its exit status and output. */
export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const reportDir = options.reportDir ?? freshReportDir();
  const child = spawnSync(process.execPath, ['bin/conformance.js', ...args], {
    cwd: projectRoot,
    env: userEnv(options.env, reportDir),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  return { status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr, reportDir };
}

/** The path of conformance.json in a report dir. */
export function conformanceFile(reportDir: string): string {
  return join(reportDir, 'conformance.json');
}

/** Reads conformance.json from a report dir (the test fails plainly if it is missing). */
export function readConformance(reportDir: string): ConformanceReport {
  const file = conformanceFile(reportDir);
  if (!existsSync(file)) throw new Error(`${file} was not written`);
  return JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport;
}

/**
 * Id, title and tags of every scenario in the default suite, from the same loader the CLI uses (the source of truth for
 * counts).
 */
export function defaultScenarios(): Array<{ id: string; title: string; tags: string[] }> {
  const loaded = loadRun(runSettings({}));
  if (loaded.problems.length)
    throw new Error(`the default suite has problems: ${loaded.problems.map((p) => p.code).join(', ')}`);
  return loaded.scenarios.map((s) => ({ id: s.doc.id, title: s.doc.title, tags: s.doc.tags ?? [] }));
}

/** The ids of every scenario in the default suite, sorted. */
export function defaultScenarioIds(): string[] {
  return defaultScenarios()
    .map((s) => s.id)
    .sort();
}

/** The output of a CLI call, for failure messages. */
export function showOutput(result: CliResult): string {
  return `exit ${result.status}${result.signal ? ` (signal ${result.signal})` : ''}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`;
}
