import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { passRunGate } from './src/runner/runGate';
import { runSettings } from './src/runner/runSettings';

// `npx conformance run` starts this runner early and lets it through once the scenarios are checked (src/runner/runGate.ts).
passRunGate();

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
    process.env.CI ? ['dot'] : ['list', { printSteps: true }],
    ['html', { outputFolder: join(settings.reportDir, 'html'), open: 'never' }],
    ['json', { outputFile: join(settings.reportDir, 'results.json') }],
    ['./src/runner/conformanceReporter.ts'],
  ],
  projects: [{ name: settings.target }],
});
