import { test } from '../src/run/conformanceTest';
import { batchesOf } from '../src/run/batches';
import { plannedScenarios } from '../src/run/planned';
import { runBatch } from '../src/run/runBatch';
import { runSettings } from '../src/run/runSettings';

// Scenarios run in batches, one Playwright test per folder (or part of one), each scenario a step located at its YAML:
// a test costs milliseconds, a step a tenth of one (DESIGN.md §4). Every report still lists each scenario on its own.
const settings = runSettings();

for (const batch of batchesOf(plannedScenarios(settings), settings.batchSize, settings.workers)) {
  test(batch.title, async ({ conformance }, testInfo) => {
    await runBatch(batch, conformance, testInfo, settings, (title, body, options) => test.step(title, body, options));
  });
}
