import type { TestInfo } from '@playwright/test';
import { resolve } from 'node:path';
import { failure, type Failure } from '../common/failure';
import { redactor } from '../report/redact';
import { renderFailures } from '../report/renderFailure';
import type { Scenario } from '../scenario/types';
import { attachResult } from './attachResult';
import type { TranscriptReproduction } from '../report/transcript';
import type { Target } from '../targets/target';
import type { Batch } from './batches';
import { readResults, resultKey, writeResult } from './resultChannel';
import type { RunContext } from '../engine/runScenario';
import { runScenario } from '../engine/runScenario';
import type { RunSettings } from './runSettings';
import type { ScenarioResult, Verdict } from '../common/scenarioResult';
import type { SourceLocation } from '../common/sourceLocation';
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
    readonly source?: SourceLocation,
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
      const outcomes: Array<Outcome | undefined> = [];
      const target = testInfo.project.name;
      const one = async (index: number) => {
        const scenario = batch.scenarios[index];
        const previous = earlier?.get(resultKey(target, scenario.doc.id, testInfo.retry - 1));
        if (previous?.entry.verdict === 'passed') {
          const attempt = { testId: testInfo.testId, target, retry: testInfo.retry };
          writeResult(settings.reportDir, attempt, JSON.stringify(previous.entry));
          return;
        }
        outcomes[index] = {
          id: scenario.doc.id,
          at: scenario.at,
          ...(await runOne(scenario, run, testInfo, settings, step)),
        };
      };
      await inLanes(batch.scenarios.length, scenariosInFlight(run, settings), one);
      const notPassed = outcomes.filter((o): o is Outcome => o !== undefined && o.verdict !== 'passed');
      if (notPassed.length) throw batchVerdict(notPassed, testInfo);
    },
    { location: { ...first, file: resolve(first.file) } },
  );
}

/**
 * How many of a batch's scenarios run at once: as many as the target takes requests at once (a live target hides its
 * latency so; each scenario's own requests stay in order), or `--concurrency`. A target that follows one scenario at a
 * time (cassettes, a recorder) runs one. The CLI sets 1 when scenarios share one existing object.
 */
function scenariosInFlight(run: RunContext, settings: RunSettings): number {
  if (run.target.beginScenario) return 1;
  return settings.scenarioConcurrency ?? run.target.requestCap ?? 1;
}

/** Calls `task(0..count-1)` with at most `lanes` at once, each lane taking the next index when its last one ends. */
async function inLanes(count: number, lanes: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, count)) }, lane));
}

/** How one scenario of the batch ended, with its rendered (redacted) failures and the YAML of the first one. */
interface Outcome {
  id: string;
  verdict: Verdict;
  at: Scenario['at'];
  text?: string;
  source?: SourceLocation;
}

/** At most this many scenarios' failures are written out in the batch's own error; each scenario's step has all. */
const shownInBatchError = 5;

/**
 * The batch's own failure, which Playwright's HTML report and its console show first: which scenarios did not pass and
 * why, with their YAML frames, located at the first failing expectation (each scenario's step holds its failures too).
 */
function batchVerdict(notPassed: Outcome[], testInfo: TestInfo): ScenarioVerdict {
  // Shown at the top of the batch's page in the HTML report and kept in results.json: which scenarios to open.
  for (const o of notPassed)
    testInfo.annotations.push({ type: `${o.verdict} scenario`, description: `${o.id} (${o.at.file}:${o.at.line})` });
  const failed = notPassed.filter((o) => o.verdict === 'failed');
  const head = failed.length
    ? `${failed.length} scenario(s) broke the contract`
    : `no verdict for ${notPassed.length} scenario(s)`;
  const rest =
    failed.length && notPassed.length > failed.length
      ? `; no verdict for ${notPassed.length - failed.length} more`
      : '';
  const shown = [...failed, ...notPassed.filter((o) => o.verdict !== 'failed')].slice(0, shownInBatchError);
  const more =
    notPassed.length > shown.length
      ? `\n\n...and ${notPassed.length - shown.length} more: see each scenario's step`
      : '';
  const texts = shown.map((o) => o.text ?? `${o.verdict}: ${o.id}`).join('\n\n');
  const source = shown.find((o) => o.source)?.source ?? notPassed[0].at;
  return new ScenarioVerdict(failed.length ? 'failed' : 'errored', `${head}${rest}\n\n${texts}${more}`, source);
}

async function runOne(
  scenario: Scenario,
  run: RunContext,
  testInfo: TestInfo,
  settings: RunSettings,
  step: StepRunner,
): Promise<Omit<Outcome, 'id' | 'at'>> {
  const started = performance.now();
  let recorded = false;
  /** Hands the result on and returns the redactor it used; undefined when it was already recorded. */
  const record = async (result: ScenarioResult) => {
    if (recorded) return undefined; // a scenario that timed out and finished later is not reported twice
    recorded = true;
    // Built after the scenario, not once per batch: a credential may have been issued a new token during it.
    const redact = redactor(run.target.secrets());
    await attachResult(testInfo, result, redact, settings.reportDir, await reproductionOf(run.target));
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
    return { verdict: 'passed' };
  } catch (error) {
    if (error instanceof ScenarioVerdict) return { verdict: error.verdict, text: error.message, source: error.source };
    // Only the step's own time limit ends it any other way.
    const timeout = failure('harness.timeout', {
      message: `the scenario did not finish within ${settings.scenarioTimeoutMs} ms (CONFORMANCE_TIMEOUT_MS) and was abandoned: ${(error as Error).message}`,
      source: scenario.at,
    });
    await record(errored(timeout));
    return { verdict: 'errored', text: `errored: ${id}\n\n${renderFailures([timeout])}`, source: scenario.at };
  }
}

/** Where a transcript's curl lines should send a person, for a target whose own base URL they cannot call. */
async function reproductionOf(target: Target): Promise<TranscriptReproduction | undefined> {
  if (!target.reproduce) return undefined;
  return { from: target.baseUrl, ...target.reproduce, presented: await target.authorization() };
}
