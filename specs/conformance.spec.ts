import { expect } from '@playwright/test';
import { attachResult } from '../src/run/attachResult';
import { test } from '../src/run/conformanceTest';
import { loadRunOnce } from '../src/run/loadRun';
import { runScenario } from '../src/run/runScenario';
import { runSettings } from '../src/run/runSettings';
import { renderProblems } from '../src/report/renderProblem';
import { renderFailures } from '../src/report/renderFailure';
import { redactor } from '../src/report/redact';

// Each YAML scenario becomes one Playwright test named by its id, so --grep, retries, sharding and every reporter work per scenario.
const settings = runSettings();
const loaded = loadRunOnce(settings);
if (loaded.problems.length) throw new Error(`the scenarios cannot run:\n${renderProblems(loaded.problems)}`);

for (const scenario of loaded.scenarios) {
  const location = scenario.locate(['id']);
  test(`${scenario.doc.id}: ${scenario.doc.title}`, {
    tag: (scenario.doc.tags ?? []).map((t) => `@${t}`),
    annotation: [{ type: 'scenario', description: `${location.file}:${location.line}` }],
  }, async ({ conformance }, testInfo) => {
    const result = await runScenario(scenario, conformance);
    await attachResult(testInfo, result, conformance.target.secrets(), settings.reportDir);
    const text = redactor(conformance.target.secrets())(`${result.verdict}: ${scenario.doc.id}\n\n${renderFailures(result.failures)}`);
    // An expect() failure is what JUnit reports as <failure>; a plain error becomes <error>: the same split as failed and errored.
    if (result.verdict === 'failed') expect(result.failures.map((f) => f.code), text).toEqual([]);
    if (result.verdict === 'errored') throw new Error(text);
  });
}
