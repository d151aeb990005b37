import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../run/runSettings';

/** Runs Playwright Test on the project's config in a child process; SIGINT/SIGTERM are passed on so its teardown (and our restore after it) still runs. */
export function spawnRunner(env: NodeJS.ProcessEnv, extraArgs: string[]): Promise<{ code: number; signal?: NodeJS.Signals }> {
  const runner = require.resolve('@playwright/test/cli');
  const child = spawn(process.execPath, [runner, 'test', '-c', join(projectRoot, 'playwright.config.ts'), ...extraArgs], { env, stdio: 'inherit' });
  let received: NodeJS.Signals | undefined;
  const forward = (signal: NodeJS.Signals) => {
    received = signal;
    child.kill(signal);
  };
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((done) => child.on('exit', (code, signal) => {
    process.off('SIGINT', forward).off('SIGTERM', forward);
    done({ code: code ?? 1, signal: received ?? signal ?? undefined });
  }));
}
