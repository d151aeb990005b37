import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { gateVariable } from '../runner/runGate';
import { lifelineVariable } from '../runner/lifeline';
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
  // A process group of its own, so the runner can end itself and every worker at once when this process dies (its
  // descriptor 4 reaches end-of-file: src/runner/lifeline.ts); signals this process receives are passed on below.
  const child = spawn(process.execPath, [runner, 'test', '-c', join(projectRoot, 'playwright.config.ts')], {
    env: { ...env, [gateVariable]: '3', [lifelineVariable]: '4' },
    stdio: ['inherit', 'inherit', 'inherit', 'pipe', 'pipe'],
    detached: true,
  });
  // Never written nor closed by this process: the kernel closes it when the CLI ends, however it ends.
  const lifeline = child.stdio[4] as Writable & { unref(): void };
  lifeline.on('error', () => {});
  lifeline.unref(); // it must not keep this process alive once the run is over
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
      lifeline.destroy();
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
      lifeline.destroy();
      process.off('SIGINT', forward).off('SIGTERM', forward);
    },
  };
}
