import { test as base } from '@playwright/test';
import { createTarget } from '../target/createTarget';
import { loadRunOnce } from './loadRun';
import type { RunContext } from './runScenario';
import { loadTargets } from '../target/loadTargets';
import { projectRoot, runSettings } from './runSettings';

/** Playwright's test with one worker-scoped fixture: the run's target (msw started in this worker for replay) and contracts. */
export const test = base.extend<object, { conformance: RunContext }>({
  conformance: [async ({}, use) => {
    const settings = runSettings();
    const target = createTarget(settings.target, loadTargets(projectRoot).targets[settings.target], settings);
    try {
      await use({ target, contracts: loadRunOnce(settings).contracts, runId: settings.runId });
    } finally {
      await target.close();
    }
  }, { scope: 'worker' }],
});
