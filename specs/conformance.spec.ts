import { test } from '../src/runner/conformanceTest';
import { batchesOf } from '../src/runner/batches';
import { plannedScenarios } from '../src/runner/planned';
import { runBatch } from '../src/runner/runBatch';
import { runSettings } from '../src/runner/runSettings';

// Scenarios run in batches, one Playwright test per folder (or part of one), each scenario a step located at its YAML:
// a test costs milliseconds, a step a tenth of one (docs/performance.md). Every report still lists each scenario on its own.
const settings = runSettings();

for (const batch of batchesOf(plannedScenarios(settings), settings.batchSize, settings.workers, settings.shard)) {
  test(batch.title, async ({ conformance }, testInfo) => {
    await runBatch(batch, conformance, testInfo, settings, (title, body, options) => test.step(title, body, options));
  });
}
