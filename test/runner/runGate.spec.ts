import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { projectRoot } from '../cli/runCli';
import { tempDir } from '../cli/tempDir';

// The gate Playwright's runner waits at (src/runner/runGate.ts), seen from outside: a child process that passes it and
// prints its environment. How `conformance run` cancels a held runner (exit 2, nothing printed or written) is covered
// through the CLI in test/cli/usageErrors.spec.ts ("run of a broken fixture folder").

/** A child script that passes the gate, then prints the variables it cares about as JSON. */
function gateChild(): string {
  const file = join(tempDir('gate'), 'child.js');
  writeFileSync(
    file,
    [
      `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();`,
      `require(${JSON.stringify(join(projectRoot, 'src', 'runner', 'runGate.ts'))}).passRunGate();`,
      `const { CONFORMANCE_X = null, CONFORMANCE_Y = null, CONFORMANCE_RUN_GATE = null } = process.env;`,
      `process.stdout.write(JSON.stringify({ CONFORMANCE_X, CONFORMANCE_Y, CONFORMANCE_RUN_GATE }));`,
    ].join('\n'),
  );
  return file;
}

interface Gated {
  /** The write end of the child's descriptor 3. */
  gate: Writable;
  ended: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * Starts the child with descriptor 3 a pipe from this process, and with CONFORMANCE_RUN_GATE=3 unless `gated` is false.
 */
function startChild(gated = true): Gated {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', CONFORMANCE_Y: 'from the start' };
  if (gated) env.CONFORMANCE_RUN_GATE = '3';
  const child = spawn(process.execPath, [gateChild()], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const read = (stream: Readable) =>
    new Promise<string>((done) => {
      let text = '';
      stream
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('end', () => done(text));
    });
  const output = Promise.all([read(child.stdout!), read(child.stderr!)]);
  const ended = new Promise<number | null>((done) => child.on('close', done)).then(async (code) => {
    const [stdout, stderr] = await output;
    return { code, stdout, stderr };
  });
  const gate = child.stdio[3] as Writable;
  gate.on('error', () => {}); // a child that never reads the pipe may close it first
  return { gate, ended };
}

test('writing the settings as JSON to descriptor 3 and closing it lets the child through with them set, and the gate variable gone', async () => {
  const { gate, ended } = startChild();
  gate.end(JSON.stringify({ CONFORMANCE_X: '1' }));
  const { code, stdout, stderr } = await ended;
  expect(code, stderr).toBe(0);
  expect(JSON.parse(stdout)).toEqual({
    CONFORMANCE_X: '1',
    CONFORMANCE_Y: 'from the start',
    CONFORMANCE_RUN_GATE: null,
  });
});

test('settings written in several pieces are read whole', async () => {
  const { gate, ended } = startChild();
  const text = JSON.stringify({ CONFORMANCE_X: 'x'.repeat(200_000), CONFORMANCE_Y: 'replaced' });
  gate.write(text.slice(0, 100_000));
  gate.end(text.slice(100_000));
  const { code, stdout, stderr } = await ended;
  expect(code, stderr).toBe(0);
  expect(JSON.parse(stdout)).toEqual({
    CONFORMANCE_X: 'x'.repeat(200_000),
    CONFORMANCE_Y: 'replaced',
    CONFORMANCE_RUN_GATE: null,
  });
});

test('closing descriptor 3 without writing makes the child exit 2 without printing anything', async () => {
  const { gate, ended } = startChild();
  gate.end();
  const { code, stdout, stderr } = await ended;
  expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: '' });
});

test('without CONFORMANCE_RUN_GATE the child passes straight through, without reading descriptor 3', async () => {
  // The pipe stays open and empty: a child that read it would wait for ever (and this test would time out).
  const { gate, ended } = startChild(false);
  const { code, stdout, stderr } = await ended;
  gate.destroy();
  expect(code, stderr).toBe(0);
  expect(JSON.parse(stdout)).toEqual({
    CONFORMANCE_X: null,
    CONFORMANCE_Y: 'from the start',
    CONFORMANCE_RUN_GATE: null,
  });
});
