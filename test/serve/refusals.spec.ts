import { test, expect } from '@playwright/test';
import { ServeError } from '../../src/serve/serveError';
import { startServer } from '../../src/serve/startServer';
import { serveExpectingExit } from './serveHarness';

const STACK = /\n\s+at /;

test.describe('serve refuses what it cannot do safely (exit 2, one sentence, no stack trace)', () => {
  const cases: Array<{ args: string[]; message: RegExp }> = [
    {
      args: ['--host', '0.0.0.0'],
      message: /--host 0\.0\.0\.0 is not a loopback address; serve only listens on this machine/,
    },
    { args: ['--host', '192.168.1.10'], message: /is not a loopback address/ },
    {
      args: ['--fault', 'throtle'],
      message:
        /unknown fault profile "throtle" \(did you mean "throttle"\?\); known profiles: throttle, unavailable, slow, reset, timeout/,
    },
    {
      args: ['--fault', 'throttle:evry=3'],
      message:
        /fault "throttle": unknown parameter "evry" \(did you mean "every"\?\); it takes every, p, rate, burst, retryAfter/,
    },
    {
      args: ['--fault', 'slow:min=300;max=10,reset:p=2'],
      message: /fault "slow": min=300 is above max=10; fault "reset": p takes a number between 0 and 1; got "2"/,
    },
    {
      args: ['--fault', 'throttle:every=2;rate=5'],
      message: /fault "throttle": give rate=R or every=N\/p=P, not both/,
    },
    {
      args: ['--break', 'accepts-no-tokn,nope'],
      message:
        /unknown break "accepts-no-tokn", "nope" \(did you mean "accepts-no-token"\?\); known breaks: accepts-no-token, accepts-bad-token, /,
    },
    { args: ['--variant', 'weird'], message: /--variant takes plain or odd-but-valid; got "weird"/ },
    { args: ['--port', '70000'], message: /--port takes a whole number from 0 to 65535; got "70000"/ },
    { args: ['--fault-seed', 'abc'], message: /--fault-seed takes a whole number/ },
    { args: ['--colour'], message: /`serve` has no option --colour/ },
  ];
  for (const { args, message } of cases) {
    test(`refuses ${args.join(' ')}`, async () => {
      const result = await serveExpectingExit(['--port', '0', ...args]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^conformance: /);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK);
    });
  }

  test('refuses a port already in use', async () => {
    const taken = await startServer();
    try {
      const port = new URL(taken.url).port;
      const result = await serveExpectingExit(['--port', port]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `port ${port} on 127.0.0.1 is already in use; pick another with --port, or --port 0 for a free one`,
      );
      expect(result.stderr).not.toMatch(STACK);
    } finally {
      await taken.close();
    }
  });

  test('startServer rejects the same mistakes with a ServeError before listening', async () => {
    await expect(startServer({ host: '0.0.0.0' })).rejects.toThrow(ServeError);
    await expect(startServer({ host: '::' })).rejects.toThrow(/not a loopback address/);
    await expect(startServer({ faults: ['nope'] })).rejects.toThrow(ServeError);
    await expect(startServer({ breaks: ['nope'] })).rejects.toThrow(/unknown break "nope"/);
    const v6 = await startServer({ host: '::1' }).catch((error: Error) => error);
    if (v6 instanceof Error)
      expect(v6.message).toMatch(/::1/); // a machine without IPv6 loopback says so in one sentence
    else {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+\/beta$/);
      await v6.close();
    }
  });
});
