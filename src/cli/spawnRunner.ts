import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { gateVariable } from '../runner/runGate';
import { projectRoot } from '../common/projectRoot';

/**
 * Playwright's runner, started early and held at its gate (see src/runner/runGate.ts) until the CLI releases or cancels
 * it.
 */
export interface HeldRunner {
  /** Lets the runner go with these settings (the CONFORMANCE_* variables are passed on) and waits for it to end. */
  release(env: NodeJS.ProcessEnv): Promise<{ code: number; signal?: NodeJS.Signals }>;
  /** Stops the runner before it has run or printed anything. */
  cancel(): void;
}

/**
 * Starts Playwright Test on the project's config in a child process that waits at its gate; SIGINT/SIGTERM are passed
 * on so its teardown (and our restore after it) still runs.
 */
export function startRunner(env: NodeJS.ProcessEnv): HeldRunner {
  const runner = require.resolve('@playwright/test/cli');
  const child = spawn(process.execPath, [runner, 'test', '-c', join(projectRoot, 'playwright.config.ts')], {
    env: { ...env, [gateVariable]: '3' },
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
  });
  const gate = child.stdio[3] as Writable;
  gate.on('error', () => {}); // the runner may already be gone (interrupted); its exit says so
  let received: NodeJS.Signals | undefined;
  const forward = (signal: NodeJS.Signals) => {
    received = signal;
    child.kill(signal);
  };
  process.on('SIGINT', forward).on('SIGTERM', forward);
  const exited = new Promise<{ code: number; signal?: NodeJS.Signals }>((done) =>
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      done({ code: code ?? 1, signal: received ?? signal ?? undefined });
    }),
  );
  return {
    release(final) {
      gate.end(
        JSON.stringify(Object.fromEntries(Object.entries(final).filter(([name]) => name.startsWith('CONFORMANCE_')))),
      );
      return exited;
    },
    cancel() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      gate.destroy();
      process.off('SIGINT', forward).off('SIGTERM', forward);
    },
  };
}
