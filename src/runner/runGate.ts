import { closeSync, readFileSync } from 'node:fs';

/**
 * The environment variable naming the file descriptor Playwright's runner waits on before it reads its configuration.
 */
export const gateVariable = 'CONFORMANCE_RUN_GATE';

/**
 * `conformance run` starts Playwright's runner while it is still checking the scenarios, so the runner's own start-up
 * (a second or so) overlaps that work. The runner waits here, at the top of its configuration, until the CLI either
 * writes the final settings (CONFORMANCE_* variables as JSON) and closes the pipe, or closes it with nothing: then
 * nothing may run, and the runner leaves quietly. Without the variable (Playwright started by hand) this does nothing.
 * The variable is removed before any worker starts: a worker's descriptor 3 is something else.
 */
export function passRunGate(env: NodeJS.ProcessEnv = process.env): void {
  const fd = env[gateVariable];
  if (fd === undefined) return;
  delete env[gateVariable];
  let text = '';
  try {
    text = readFileSync(Number(fd), 'utf8');
    closeSync(Number(fd));
  } catch {
    // the CLI is gone: treat it as a refusal
  }
  if (!text) process.exit(2);
  Object.assign(env, JSON.parse(text) as Record<string, string>);
}
