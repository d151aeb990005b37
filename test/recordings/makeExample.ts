/**
 * Regenerates recordings/example/ — never edit those files by hand: serves the simulator on loopback (startServer, as
 * `conformance serve` does) and records the default suite against it with `conformance record`.
 *
 *   npx tsx test/recordings/makeExample.ts                  # every cassette, the set replaced
 *   npx tsx test/recordings/makeExample.ts --only-missing   # only scenarios without one (after adding a scenario, or
 *                                                           # deleting the cassette of one whose steps changed)
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../../src/serve/startServer';

/** A fixed port keeps the recorded URLs, and so the diff of a regeneration, stable. */
const port = 47800;
const token = 'example-token-not-a-secret';
const root = resolve(__dirname, '..', '..');
const dir = join(root, 'recordings', 'example');

async function main(): Promise<number> {
  const onlyMissing = process.argv.includes('--only-missing');
  const server = await startServer({ port, tokens: [token] });
  if (!onlyMissing)
    try {
      for (const file of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.har')))
        rmSync(join(dir, file.name));
    } catch {
      // No example yet: record creates the folder.
    }
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(CONFORMANCE_|GRAPH_|TEST_|PW_|PLAYWRIGHT_)/.test(key)) env[key] = value;
  // Asynchronous: the server answers from this very process, so it must not be blocked while the recording runs.
  const child = spawn(
    process.execPath,
    [
      'bin/conformance.js',
      'record',
      '--target',
      'live',
      '--allow-writes',
      '--dir',
      dir,
      '--report-dir',
      join(root, 'reports', 'example-recording'),
      ...(onlyMissing ? ['--only-missing'] : []),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, CI: '1', GRAPH_BASE_URL: server.url, GRAPH_ACCESS_TOKEN: token },
    },
  );
  const code = await new Promise<number>((done) => child.on('exit', (status) => done(status ?? 1)));
  await server.close();
  return code;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`makeExample: ${error.message}\n`);
    process.exitCode = 2;
  },
);
