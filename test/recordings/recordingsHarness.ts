import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServeOptions } from '../../src/serve/startServer';
import { spawn } from 'node:child_process';
import { freshReportDir, projectRoot, userEnv, type CliResult } from '../cli/runCli';

/** A token the loopback server accepts; no cassette may contain it in any form. */
export const canaryToken = 'canary-9f3b2c7e-secret-token-do-not-leak';

/** A fresh empty folder for cassettes. */
export function freshDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `conformance-${label}-`));
}

/** The `.har` files of a folder, sorted. */
export function harFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.har'))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads a HAR file as JSON. */
export function readHar(file: string): {
  log: { entries: Array<Record<string, unknown>>; _conformance?: Record<string, unknown> };
} {
  return JSON.parse(readFileSync(file, 'utf8')) as {
    log: { entries: Array<Record<string, unknown>>; _conformance?: Record<string, unknown> };
  };
}

/**
 * Runs `conformance record --target live` against the simulator served on loopback (startServer, as `conformance serve`
 * does) with the canary token; the server is closed before this returns, so whatever runs next is offline.
 */
export async function recordAgainstServer(
  dir: string,
  options: ServeOptions = {},
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<CliResult> {
  const server = await startServer({ ...options, tokens: [canaryToken] });
  try {
    return await runCliAsync(['record', '--target', 'live', '--allow-writes', '--dir', dir, ...args], {
      GRAPH_BASE_URL: server.url,
      GRAPH_ACCESS_TOKEN: canaryToken,
      ...env,
    });
  } finally {
    await server.close();
  }
}

/** Like runCli, but asynchronous: the CLI child runs while this process keeps serving its requests. */
export function runCliAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  const reportDir = freshReportDir('record');
  const child = spawn(process.execPath, ['bin/conformance.js', ...args], {
    cwd: projectRoot,
    env: userEnv(env, reportDir),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, reportDir }));
  });
}

/** Per scenario: its verdict and the sorted `code@step` of its failures, to compare two runs. */
export function verdictsOf(report: {
  scenarios: Array<{ id: string; verdict: string; failures: Array<{ code: string; step?: string }> }>;
}): Record<string, string> {
  return Object.fromEntries(
    report.scenarios.map((s) => [
      s.id,
      `${s.verdict}: ${s.failures
        .map((f) => `${f.code}@${f.step ?? ''}`)
        .sort()
        .join(', ')}`,
    ]),
  );
}
