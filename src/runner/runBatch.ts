import type { TestInfo } from '@playwright/test';
import { resolve } from 'node:path';
import { failure, type Failure } from '../common/failure';
import { redactor } from '../report/redact';
import { renderFailures } from '../report/renderFailure';
import type { Scenario } from '../scenario/types';
import { attachResult } from './attachResult';
import type { Batch } from './batches';
import { readResults, writeResult } from './resultChannel';
import type { RunContext } from '../engine/runScenario';
import { runScenario } from '../engine/runScenario';
import type { RunSettings } from './runSettings';
import type { ScenarioResult, Verdict } from '../common/scenarioResult';
import { counted } from '../common/counted';

/** Playwright's `test.step`, passed in so this module does not pick a test type. */
export type StepRunner = <T>(
  title: string,
  body: () => Promise<T>,
  options: { location?: { file: string; line: number; column: number }; timeout?: number },
) => Promise<T>;

/**
 * Thrown inside a scenario's step so Playwright marks that step (and only it) failed, with the failures as its message.
 */
class ScenarioVerdict extends Error {
  constructor(
    readonly verdict: Verdict,
    message: string,
    source?: { file: string; line: number; column: number },
  ) {
    super(message);
    // The only frame is the YAML that stated the first broken expectation: reports show that source, not the harness's
    // code.
    this.stack = source ? `${message}\n    at ${resolve(source.file)}:${source.line}:${source.column}` : message;
  }
}

/**
 * Runs a batch's scenarios in order, each as one step located at its YAML, so every report lists each scenario with its
 * own outcome. The test fails once at the end if any scenario did not pass. On a retry, scenarios that passed in the
 * previous attempt are carried over, not run again.
 */
export async function runBatch(
  batch: Batch,
  run: RunContext,
  testInfo: TestInfo,
  settings: RunSettings,
  step: StepRunner,
): Promise<void> {
  testInfo.setTimeout(0); // each scenario has its own limit
  const earlier = testInfo.retry > 0 ? readResults(settings.reportDir) : undefined;
  const first = batch.scenarios[0].at;
  // One parent step: thousands of sibling steps directly under a test slow Playwright down quadratically
  // (docs/performance.md).
  await step(
    counted(batch.scenarios.length, 'scenario'),
    async () => {
      const outcomes: Outcome[] = [];
      for (const scenario of batch.scenarios) {
        const previous = earlier?.get(`${scenario.doc.id}#${testInfo.retry - 1}`);
        if (previous?.verdict === 'passed') {
          writeResult(settings.reportDir, { testId: testInfo.testId, retry: testInfo.retry }, JSON.stringify(previous));
          continue;
        }
        outcomes.push({
          id: scenario.doc.id,
          at: scenario.at,
          verdict: await runOne(scenario, run, testInfo, settings, step),
        });
      }
      const notPassed = outcomes.filter((o) => o.verdict !== 'passed');
      if (notPassed.length) throw batchVerdict(notPassed, testInfo);
    },
    { location: { ...first, file: resolve(first.file) } },
  );
}

interface Outcome {
  id: string;
  verdict: Verdict;
  at: Scenario['at'];
}

/**
 * The batch's own failure: which scenarios did not pass, located at the first one's YAML (each scenario's step holds
 * its failures).
 */
function batchVerdict(notPassed: Outcome[], testInfo: TestInfo): ScenarioVerdict {
  // Shown at the top of the batch's page in the HTML report and kept in results.json: which scenarios to open.
  for (const o of notPassed)
    testInfo.annotations.push({ type: `${o.verdict} scenario`, description: `${o.id} (${o.at.file}:${o.at.line})` });
  const failed = notPassed.filter((o) => o.verdict === 'failed');
  const ids = (list: Outcome[]) =>
    `${list
      .slice(0, 10)
      .map((o) => o.id)
      .join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''}`;
  const head = failed.length
    ? `${failed.length} scenario(s) broke the contract: ${ids(failed)}`
    : `no verdict for ${notPassed.length} scenario(s): ${ids(notPassed)}`;
  const rest =
    failed.length && notPassed.length > failed.length
      ? `; no verdict for ${notPassed.length - failed.length} more`
      : '';
  return new ScenarioVerdict(
    failed.length ? 'failed' : 'errored',
    `${head}${rest}; see each scenario's step`,
    notPassed[0].at,
  );
}

async function runOne(
  scenario: Scenario,
  run: RunContext,
  testInfo: TestInfo,
  settings: RunSettings,
  step: StepRunner,
): Promise<Verdict> {
  const started = performance.now();
  let recorded = false;
  /** Hands the result on and returns the redactor it used; undefined when it was already recorded. */
  const record = async (result: ScenarioResult) => {
    if (recorded) return undefined; // a scenario that timed out and finished later is not reported twice
    recorded = true;
    // Built after the scenario, not once per batch: a credential may have been issued a new token during it.
    const redact = redactor(run.target.secrets());
    await attachResult(testInfo, result, redact, settings.reportDir);
    return redact;
  };
  const { id, title } = scenario.doc;
  const errored = (reason: Failure): ScenarioResult => ({
    id,
    title,
    file: scenario.file,
    verdict: 'errored',
    failures: [reason],
    exchanges: [],
    durationMs: Math.round(performance.now() - started),
  });
  try {
    await step(
      `${id}: ${title}`,
      async () => {
        let result: ScenarioResult;
        try {
          result = await runScenario(scenario, run);
        } catch (error) {
          result = errored(
            failure('harness.crash', {
              message: `harness defect: ${(error as Error).stack ?? String(error)}`,
              source: scenario.at,
            }),
          );
        }
        const redact = await record(result);
        if (!redact || result.verdict === 'passed') return;
        throw new ScenarioVerdict(
          result.verdict,
          redact(`${result.verdict}: ${id}\n\n${renderFailures(result.failures)}`),
          result.failures.find((f) => f.source)?.source,
        );
      },
      { location: { ...scenario.at, file: resolve(scenario.at.file) }, timeout: settings.scenarioTimeoutMs },
    );
    return 'passed';
  } catch (error) {
    if (error instanceof ScenarioVerdict) return error.verdict;
    // Only the step's own time limit ends it any other way.
    await record(
      errored(
        failure('harness.timeout', {
          message: `the scenario did not finish within ${settings.scenarioTimeoutMs} ms (CONFORMANCE_TIMEOUT_MS) and was abandoned: ${(error as Error).message}`,
          source: scenario.at,
        }),
      ),
    );
    return 'errored';
  }
}
