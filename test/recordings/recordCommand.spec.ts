import { test, expect } from '@playwright/test';
import { runCli, showOutput, stackTraceLine } from '../cli/runCli';

// `record` refuses what it cannot do before anything is sent: exit 2, one sentence, no stack trace.

for (const [args, message] of [
  [['record'], 'conformance: record needs --target NAME: the target to record, e.g. --target live'],
  [['record', '--target', 'nowhere'], 'conformance: unknown target "nowhere"; known targets: '],
  [
    ['record', '--target', 'recordings'],
    'conformance: recordings replays cassettes; record from the service itself (e.g. --target live)',
  ],
  [['record', '--target', 'live', '--dir'], 'conformance: --dir takes the folder to write the cassettes to'],
] as const) {
  test(`conformance ${args.join(' ')} is refused`, () => {
    const result = runCli([...args]);
    expect(result.status, showOutput(result)).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(stackTraceLine);
  });
}

test('run --target recordings without cassettes says how to record them, exit 2', () => {
  const result = runCli(['run', '--target', 'recordings'], {
    env: { CONFORMANCE_RECORDINGS_DIR: '/nonexistent/cassettes' },
  });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).toContain(
    'error[recordings.missing]: no such file or folder: the recordings target has nothing to replay',
  );
  expect(result.stderr).toContain('= record it: npx conformance record --target live --allow-writes --dir ');
});
