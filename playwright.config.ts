import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { runSettings } from './src/run/runSettings';

// `npx conformance run` sets these through the environment; calling `npx playwright test` directly gets the replay defaults.
const settings = runSettings();
const workers = Number(process.env.CONFORMANCE_WORKERS || 1);

export default defineConfig({
  testDir: 'specs',
  outputDir: join(settings.reportDir, 'test-results'),
  workers,
  // One spec file holds every scenario: fullyParallel lets workers and --shard split them by scenario, not by file.
  fullyParallel: true,
  retries: Number(process.env.CONFORMANCE_RETRIES || 0),
  timeout: Number(process.env.CONFORMANCE_TIMEOUT_MS || 120_000),
  forbidOnly: true,
  reporter: [
    [process.env.CI ? 'dot' : 'list'],
    ['html', { outputFolder: join(settings.reportDir, 'html'), open: 'never' }],
    ['junit', { outputFile: join(settings.reportDir, 'junit.xml') }],
    ['json', { outputFile: join(settings.reportDir, 'results.json') }],
    ['./src/report/conformanceReporter.ts'],
  ],
  projects: [{ name: settings.target }],
});
