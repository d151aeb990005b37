import { test, expect } from '@playwright/test';
import {
  collection,
  disposeAfterEach,
  failureCodes,
  liveSetup,
  pendingWrites,
  readReport,
  runCli,
  scenarioCount,
  SEED_ID,
  show,
  startProxy,
  type LiveSetup,
} from './liveHarness';

// A live target's latency is hidden by running several scenarios of a batch at once (`--concurrency`, default the
// target's request cap). A proxy that holds every answer 40 ms counts the requests in flight: never more than asked,
// more than one when asked, and exactly one when the scenarios share one existing object.

let setup: LiveSetup | undefined;
disposeAfterEach(() => setup);

/** Runs the default suite through a proxy that holds each answer; returns the most requests ever in flight. */
async function peakInFlight(args: string[], extra: Record<string, string> = {}): Promise<number> {
  let inFlight = 0;
  let peak = 0;
  const proxy = await startProxy(setup!.server.url, async () => {
    peak = Math.max(peak, ++inFlight);
    await new Promise((r) => setTimeout(r, 40));
    inFlight--;
    return 'forward' as const;
  });
  try {
    const run = await runCli(
      ['run', '--target', 'live', '--allow-writes', ...args],
      setup!.env({ GRAPH_BASE_URL: proxy.url, ...extra }),
    );
    const report = readReport(setup!.reportDir);
    expect(report.totals, failureCodes(report)).toEqual({ passed: scenarioCount(), failed: 0, errored: 0, skipped: 0 });
    expect(run.code, show(run)).toBe(0);
    return peak;
  } finally {
    await proxy.close();
  }
}

test('--concurrency 3: up to three scenarios in flight, every scenario passes, nothing is left behind', async () => {
  setup = await liveSetup();
  const peak = await peakInFlight(['--concurrency', '3']);
  expect(peak).toBeGreaterThan(1);
  expect(peak).toBeLessThanOrEqual(3);
  expect(await collection(setup)).toEqual([]);
  expect(pendingWrites(setup.journalDir)).toEqual([]);
});

test('--concurrency 1 sends one request at a time', async () => {
  setup = await liveSetup();
  expect(await peakInFlight(['--concurrency', '1'])).toBe(1);
});

test('scenarios sharing one existing object run one at a time whatever --concurrency says', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });
  expect(await peakInFlight(['--concurrency', '4'], { GRAPH_PKI_ID: SEED_ID })).toBe(1);
});
