import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { holdLifeline } from './src/runner/lifeline';
import { passRunGate } from './src/runner/runGate';
import { runSettings } from './src/runner/runSettings';

// `npx conformance run` starts this runner early and lets it through once the scenarios are checked (src/runner/runGate.ts).
passRunGate();
// ...and the whole run (this runner and its workers) ends at once if that CLI dies, even by `kill -9` (src/runner/lifeline.ts).
holdLifeline();

// `npx conformance run` sets these through the environment; calling `npx playwright test` directly gets the replay defaults.
const settings = runSettings();

export default defineConfig({
  testDir: 'specs',
  outputDir: join(settings.reportDir, 'test-results'),
  workers: settings.workers,
  // One spec file holds every batch of scenarios: fullyParallel lets workers share them.
  fullyParallel: true,
  retries: Number(process.env.CONFORMANCE_RETRIES || 0),
  // A batch has no time limit of its own; each scenario in it has CONFORMANCE_TIMEOUT_MS (see src/runner/runBatch.ts).
  timeout: 0,
  forbidOnly: true,
  reporter: [
    // The console is src/runner/conformanceReporter.ts: one line per scenario, then the failures with their YAML.
    ['html', { outputFolder: join(settings.reportDir, 'html'), open: 'never' }],
    ['json', { outputFile: join(settings.reportDir, 'results.json') }],
    ['./src/runner/conformanceReporter.ts'],
    // A shard also leaves Playwright's blob report, which `conformance merge-reports` merges into one HTML report.
    ...(settings.shard
      ? [
          [
            'blob',
            {
              outputDir: join(settings.reportDir, 'blob'),
              fileName: `shard-${settings.shard.replace('/', '-of-')}.zip`,
            },
          ] as const,
        ]
      : []),
  ],
  // One project per target: `run --target a,b,c` runs the same scenarios against each, side by side (reports/matrix.*).
  projects: settings.targets.map((name) => ({ name })),
});
