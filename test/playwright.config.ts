import { defineConfig } from '@playwright/test';

// The harness's own tests (npm test): unit tests of each concept, the proof that every check bites, and end-to-end CLI
// runs.
export default defineConfig({
  testDir: '.',
  outputDir: '../reports/self-test/test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  reporter: [[process.env.CI ? 'dot' : 'list'], ['json', { outputFile: '../reports/self-test/results.json' }]],
});
