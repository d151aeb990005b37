import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exitCodeOf, type ConformanceReport } from '../report/conformanceReport';
import { renderProblems } from '../report/renderProblem';
import { loadRun } from '../run/loadRun';
import { projectRoot, runSettings } from '../run/runSettings';
import { targetNames } from '../target/createTarget';
import { log, UsageError } from './log';

const options = {
  target: { type: 'string' }, grep: { type: 'string' }, tag: { type: 'string' }, workers: { type: 'string' },
  'report-dir': { type: 'string' }, shard: { type: 'string' }, retries: { type: 'string' }, 'allow-writes': { type: 'boolean' },
} as const;

/** `conformance run`: checks everything first (exit 2, nothing sent), then runs the scenarios under Playwright Test and maps the verdicts to an exit code. */
export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  const env: NodeJS.ProcessEnv = { ...process.env, CONFORMANCE_RUN_ID: runSettings({}).runId };
  if (values.target !== undefined) env.CONFORMANCE_TARGET = values.target;
  if (values.grep !== undefined) env.CONFORMANCE_GREP = checkRegExp(values.grep);
  if (values.tag !== undefined) env.CONFORMANCE_TAG = values.tag;
  if (values.workers !== undefined) env.CONFORMANCE_WORKERS = String(positiveInteger('--workers', values.workers));
  if (values.retries !== undefined) env.CONFORMANCE_RETRIES = String(positiveInteger('--retries', values.retries, 0));
  if (values['report-dir'] !== undefined) env.CONFORMANCE_REPORT_DIR = resolve(values['report-dir']);
  if (positionals.length) env.CONFORMANCE_SCENARIOS = positionals.map((p) => resolve(p)).join(delimiter);
  if (values.shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(values.shard)) throw new UsageError(`--shard takes I/N, e.g. 1/3; got ${JSON.stringify(values.shard)}`);
  const settings = runSettings(env);
  if (!(targetNames as readonly string[]).includes(settings.target))
    throw new UsageError(`unknown target ${JSON.stringify(settings.target)}; known targets: ${targetNames.join(', ')}`);

  const loaded = loadRun(settings);
  if (loaded.problems.length) {
    log.raw(renderProblems(loaded.problems));
    return 2;
  }
  if (loaded.scenarios.length === 0) {
    log.error(`no scenario matches${settings.grep ? ` --grep ${settings.grep.source}` : ''}${settings.tag ? ` --tag ${settings.tag}` : ''}; nothing was sent`);
    return 2;
  }
  const reportFile = join(settings.reportDir, 'conformance.json');
  rmSync(reportFile, { force: true });
  const runner = require.resolve('@playwright/test/cli');
  const pwArgs = [runner, 'test', '-c', join(projectRoot, 'playwright.config.ts'), ...(values.shard ? ['--shard', values.shard] : [])];
  const code = await new Promise<number>((done) => spawn(process.execPath, pwArgs, { env, stdio: 'inherit', cwd: process.cwd() }).on('exit', (c, signal) => done(c ?? (signal ? 128 : 1))));
  if (!existsSync(reportFile)) {
    log.error(`the test runner ended (exit ${code}) without writing ${reportFile}; no verdict was reached`);
    return 3;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
  return exitCodeOf(report);
}

function positiveInteger(flag: string, value: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number of at least ${min}; got ${JSON.stringify(value)}`);
  return n;
}

function checkRegExp(source: string): string {
  try {
    new RegExp(source);
    return source;
  } catch (error) {
    throw new UsageError(`--grep is not a valid regular expression: ${(error as Error).message}`);
  }
}
