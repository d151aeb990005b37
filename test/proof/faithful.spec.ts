/**
 * The other half of the proof: on a faithful target, plain or spelled in unusual but valid ways, the whole suite passes
 * without a single failure.
 */
import { test, expect } from '@playwright/test';
import { defaultSuite, failureLines, runDefaultSuite } from './runDefaultSuite';

for (const variant of ['plain', 'odd-but-valid'] as const) {
  test(`the default suite passes with zero failures on the faithful replay (${variant})`, async () => {
    const results = await runDefaultSuite({ variant });
    expect(failureLines(results)).toEqual([]);
    expect(results.map((r) => r.verdict)).toEqual(defaultSuite().scenarios.map(() => 'passed'));
    expect(results.length).toBeGreaterThanOrEqual(26);
  });
}
