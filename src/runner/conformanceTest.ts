import * as playwrightTest from '@playwright/test';
import { createTarget } from './createTarget';
import { loadContracts } from '../contract/loadContracts';
import type { RunContext } from '../engine/runScenario';
import { plannedTarget } from './planned';
import { runSettings } from './runSettings';

/**
 * Playwright's root test type, without the browser fixtures every public `test` sets up: about 1 ms per test instead of
 * 15 (docs/performance.md). It is exported privately, so the version is pinned and test/runner/rootTest.spec.ts fails
 * if it disappears; the public `test` is the fallback.
 */
export const rootTest: typeof playwrightTest.test =
  (playwrightTest as unknown as { _baseTest?: typeof playwrightTest.test })._baseTest ?? playwrightTest.test;

/**
 * The test every scenario runs in, with one worker-scoped fixture: the target of the worker's project (msw started in
 * this worker for replay) and contracts.
 */
export const test = rootTest.extend<object, { conformance: RunContext }>({
  conformance: [
    async ({}, use, workerInfo) => {
      const settings = runSettings();
      const name = workerInfo.project.name;
      const target = createTarget(name, plannedTarget(settings, name), settings);
      try {
        await use({
          target,
          contracts: loadContracts(settings.contractsDir, process.cwd(), false),
          runId: settings.runId,
        });
      } finally {
        await target.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});
