import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { runOptionSpec } from '../../src/cli/runOptions';
import { commandUsage } from '../../src/cli/usage';
import { projectRoot, runCli, showOutput, userEnv, freshReportDir } from './runCli';

// The command line as a person meets it: each command's own help, `run --list`, a flag given twice, a misspelt break
// name, and the exit code of an interrupted run whether it was started with node or through npx.

for (const command of Object.keys(commandUsage)) {
  test(`conformance ${command} --help prints its own usage and the exit codes, exit 0`, () => {
    const result = runCli([command, '--help'], { timeoutMs: 60_000 });
    expect(result.status, showOutput(result)).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: conformance ${command}\\b`));
    expect(result.stdout).toMatch(/130 interrupted/);
  });
}

test('run --help names every option run accepts', () => {
  const help = commandUsage.run;
  for (const option of Object.keys(runOptionSpec)) expect(help, `--${option}`).toContain(`--${option}`);
});

test('run --list prints the scenarios a run would select and sends nothing', () => {
  const result = runCli(['run', '--list', '--tag', 'smoke'], { timeoutMs: 60_000 });
  expect(result.status, showOutput(result)).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^\d+ scenarios? selected; nothing was sent$/);
  expect(lines.length - 1).toBe(Number(/^(\d+)/.exec(lines.at(-1)!)![1]));
  for (const line of lines.slice(0, -1))
    expect(line).toMatch(/^pki-\S+ {2}.+ {2}\(scenarios\/graph-pki\/\S+\.yaml:\d+\)$/);
  expect(result.stdout + result.stderr).not.toMatch(/passed|failed/);
  expect(readdirSync(result.reportDir), 'a listing runs nothing and writes (or removes) no report').toEqual([]);
});

test('a flag given twice is refused (exit 2) instead of silently keeping the last', () => {
  const result = runCli(['run', '--target', 'replay', '--target', 'live'], { timeoutMs: 60_000 });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).toMatch(/^conformance: --target is given 2 times \(replay, live\); give it once/);
});

test('a misspelt CONFORMANCE_REPLAY_BREAKS name is refused before anything runs, with a did-you-mean', () => {
  const result = runCli(['run'], { env: { CONFORMANCE_REPLAY_BREAKS: 'accepts-no-tokn' }, timeoutMs: 60_000 });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).toMatch(/unknown break "accepts-no-tokn" \(did you mean "accepts-no-token"\?\)/);
  expect(result.stderr).not.toMatch(/harness\.crash|\n\s+at /);
});

/** Starts a command, sends SIGTERM once the run is under way, and resolves with its exit code. */
function terminated(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env: userEnv({}, freshReportDir('sigterm')) });
    let output = '';
    let sent = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      // The first scenario line: Playwright's runner and a worker are running.
      if (!sent && /^ {2}[✓✘!] /m.test(output)) {
        sent = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test('SIGTERM ends a run with exit 130, started with node or through npx alike', async () => {
  test.setTimeout(120_000);
  const direct = await terminated(process.execPath, ['bin/conformance.js', 'run']);
  expect(direct.code, direct.output).toBe(130);
  // npm runs a bin through a shell; .npmrc makes it bash, which hands the signal on (dash would swallow it).
  const viaNpx = await terminated('npx', ['--yes', 'conformance', 'run']);
  expect(viaNpx.code, viaNpx.output).toBe(130);
  expect(viaNpx.output).toMatch(/interrupted by SIGTERM/);
});
