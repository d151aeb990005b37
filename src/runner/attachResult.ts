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
  writeResult(
    reportDir,
    { testId: testInfo.testId, retry: testInfo.retry },
    redact(JSON.stringify(entryOf(result, testInfo.retry))),
  );
  // Playwright's HTML report shows a step's attachments but not its error, so a failed scenario's failures are attached
  // too.
  if (result.failures.length)
    await testInfo.attach(`${result.id}.failures.txt`, {
      body: redact(`${result.verdict}: ${result.id}\n\n${renderFailures(result.failures)}\n`),
      contentType: 'text/plain',
    });
  if (result.verdict !== 'passed' || process.env.CONFORMANCE_ATTACH === 'always')
    await testInfo.attach(`${result.id}.http-transcript.txt`, {
      body: redact(transcript(result.exchanges, reproduce)),
      contentType: 'text/plain',
    });
}
