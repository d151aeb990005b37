import type { TestInfo } from '@playwright/test';
import { renderFailures } from '../report/renderFailure';
import { transcript, type TranscriptReproduction } from '../report/transcript';
import { writeResult } from './resultChannel';
import { entryOf, type ScenarioResult } from '../common/scenarioResult';

/**
 * Hands the result to the conformance reporter and, for a scenario that did not pass (or with
 * CONFORMANCE_ATTACH=always), attaches its failures and the redacted HTTP transcript with curl lines.
 */
export async function attachResult(
  testInfo: TestInfo,
  result: ScenarioResult,
  redact: (text: string) => string,
  reportDir: string,
  reproduce?: TranscriptReproduction,
): Promise<void> {
  const failures = result.failures.length
    ? redact(`${result.verdict}: ${result.id}\n\n${renderFailures(result.failures)}\n`)
    : undefined;
  const exchanges =
    result.verdict !== 'passed' || process.env.CONFORMANCE_ATTACH === 'always'
      ? redact(transcript(result.exchanges, reproduce))
      : undefined;
  writeResult(
    reportDir,
    { testId: testInfo.testId, target: testInfo.project.name, retry: testInfo.retry },
    redact(JSON.stringify(entryOf(result, testInfo.retry))),
    result.verdict === 'passed' ? undefined : { failures: failures ?? '', transcript: exchanges ?? '' },
  );
  // Playwright's HTML report shows a step's attachments but not its error, so a failed scenario's failures are attached
  // too.
  if (failures) await testInfo.attach(`${result.id}.failures.txt`, { body: failures, contentType: 'text/plain' });
  if (exchanges)
    await testInfo.attach(`${result.id}.http-transcript.txt`, { body: exchanges, contentType: 'text/plain' });
}
