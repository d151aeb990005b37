import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, type TestInfo } from '@playwright/test';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { Journal, type PendingWrite } from '../../src/targets/journal';
import { startServer, type RunningServer, type ServeOptions } from '../../src/serve/startServer';
import { defaultScenarioIds } from '../cli/runCli';

// End-to-end runs of the real CLI (`conformance run --target live`) against the simulator served over loopback
// HTTP in the test process, so each test can read the server's state and counters directly.

/** The project root: the CLI runs from here, as `npx conformance` would. */
export const ROOT = resolve(__dirname, '..', '..');
/** The collection path under the server's /beta URL. */
export const COLLECTION = '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';
/** The existing object most tests seed; startServer gives it these values. */
export const SEED_ID = '11111111-2222-4333-8444-555555555555';
export const SEEDED = {
  displayName: 'Seeded PKI',
  status: 'succeeded',
  statusDetails: 'Seeded for conformance tests',
  deletedDateTime: null,
};
/** The properties a run may change on an existing object, and must put back. */
export const WRITABLE = ['displayName', 'status', 'statusDetails', 'deletedDateTime'] as const;
/** A line of a JavaScript stack trace; none may reach a user. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
/** How many scenarios the default suite holds (the loader the CLI uses is the source of truth). */
export const scenarioCount = (): number => defaultScenarioIds().length;

/** A server plus the report and journal dirs of one test, none shared with any other test. */
export interface LiveSetup {
  server: RunningServer;
  reportDir: string;
  journalDir: string;
  /** The environment a user's shell would give the CLI to reach this server. */
  env(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
}

/** Starts a server on a free port and makes fresh report and journal dirs; close the server when done. */
export async function liveSetup(
  options: ServeOptions = {},
  token = `tok-${Math.random().toString(36).slice(2)}`,
): Promise<LiveSetup> {
  const server = await startServer({ port: 0, tokens: [token], ...options });
  const reportDir = mkdtempSync(join(tmpdir(), 'conformance-live-report-'));
  const journalDir = mkdtempSync(join(tmpdir(), 'conformance-live-journal-'));
  const env = (extra: Record<string, string | undefined> = {}) =>
    cliEnv({
      GRAPH_BASE_URL: server.url,
      GRAPH_ACCESS_TOKEN: token,
      CONFORMANCE_REPORT_DIR: reportDir,
      CONFORMANCE_JOURNAL_DIR: journalDir,
      ...extra,
    });
  return { server, reportDir, journalDir, env };
}

const disposed = new WeakSet<LiveSetup>();

/**
 * Stops the server; removes the test's dirs when it ended as expected, else names them in the report for a look. Once
 * per setup.
 */
export async function disposeSetup(setup: LiveSetup | undefined, info: TestInfo): Promise<void> {
  if (!setup || disposed.has(setup)) return;
  disposed.add(setup);
  await setup.server.close();
  if (info.status === info.expectedStatus)
    for (const dir of [setup.reportDir, setup.journalDir]) rmSync(dir, { recursive: true, force: true });
  else
    await info.attach('live-run-dirs.txt', {
      body: `report dir: ${setup.reportDir}\njournal dir: ${setup.journalDir}\n`,
      contentType: 'text/plain',
    });
}

/** Disposes, after each test of the spec file, the setup `current()` returns (the file's own `setup` variable). */
export function disposeAfterEach(current: () => LiveSetup | undefined): void {
  test.afterEach(async ({}, info) => disposeSetup(current(), info));
}

/**
 * The test process's environment minus the runner's own and any GRAPH_/CONFORMANCE_ setting, plus `extra` (undefined
 * removes).
 */
export function cliEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(TEST_|PW_|PLAYWRIGHT_|CONFORMANCE_|GRAPH_|FORCE_COLOR$|NODE_OPTIONS$)/.test(key)) env[key] = value;
  Object.assign(env, { CI: '1', NO_COLOR: '1' });
  for (const [key, value] of Object.entries(extra))
    if (value === undefined) delete env[key];
    else env[key] = value;
  return env;
}

/** A CLI process started in the background, with what it has printed so far. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<CliResult>;
}

/** What one CLI invocation did. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `node bin/conformance.js ARGS` from the project root; `detached` gives it a process group of its own. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, detached = false): CliProcess {
  const child = spawn(process.execPath, ['bin/conformance.js', ...args], {
    cwd: ROOT,
    env,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<CliResult>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stdout: out, stderr: err })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs the CLI to its end; a run still going after `timeoutMs` is killed (the test then fails on its exit). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 110_000): Promise<CliResult> {
  const cli = startCli(args, env);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), timeoutMs);
  try {
    return await cli.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The output of a CLI call, for failure messages. */
export function show(result: CliResult): string {
  return `exit ${result.code}${result.signal ? ` (signal ${result.signal})` : ''}\n--- stdout\n${result.stdout.slice(-6000)}\n--- stderr\n${result.stderr.slice(-4000)}`;
}

/**
 * GET through the server's front door with its token; retried on 429/503 and dropped connections, since faults strike
 * these too.
 */
export async function serverGet(
  setup: Pick<LiveSetup, 'server'>,
  path: string,
  token = setup.server.token,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller reads the fields it expects
): Promise<{ status: number; body: any }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const response = await fetch(`${setup.server.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (response.status !== 429 && response.status !== 503)
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
      lastError = new Error(`GET ${path} answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await sleep(50);
  }
  throw lastError;
}

/** The objects in the collection, sorted by id (one page: the simulator's collections here are small). */
export async function collection(setup: Pick<LiveSetup, 'server'>): Promise<Array<Record<string, unknown>>> {
  const page = await serverGet(setup, COLLECTION);
  if (page.status !== 200) throw new Error(`listing the collection answered ${page.status}`);
  if (page.body['@odata.nextLink']) throw new Error('the collection has a second page; this helper reads one');
  return [...(page.body.value as Array<Record<string, unknown>>)].sort((a, b) =>
    String(a.id).localeCompare(String(b.id)),
  );
}

/** The writable properties of an object, for comparison with SEEDED. */
export function writableOf(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(WRITABLE.map((k) => [k, object[k]]));
}

/** The journal entries of the live target still pending (what `restore` would undo). */
export function pendingWrites(journalDir: string, target = 'live'): PendingWrite[] {
  return new Journal(join(journalDir, `${target}.jsonl`), '').pending();
}

/** conformance.json of a report dir (the test fails plainly if it is missing). */
export function readReport(reportDir: string): ConformanceReport {
  const file = join(reportDir, 'conformance.json');
  if (!existsSync(file)) throw new Error(`${file} was not written`);
  return JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport;
}

/** The failure codes of a report, scenario by scenario, for failure messages. */
export function failureCodes(report: ConformanceReport): string {
  return report.scenarios
    .filter((s) => s.verdict !== 'passed')
    .map((s) => `${s.id} ${s.verdict}: ${s.failures.map((f) => `${f.code} ${f.message}`).join('; ')}`)
    .join('\n');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs` or once `gaveUp()` is true. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  gaveUp: () => boolean,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(5);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Whether any process of a process group is still alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export { startProxy, type Proxy, type ProxyDecision } from './proxy';
