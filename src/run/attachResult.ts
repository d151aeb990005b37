import type { TestInfo } from '@playwright/test';
import { redactor } from '../report/redact';
import { transcript } from '../report/transcript';
import type { ScenarioResult } from './scenarioResult';

/** Name of the attachment the conformance reporter reads the verdict from. */
export const resultAttachment = 'conformance-result.json';

/** Attaches the redacted HTTP transcript (with curl lines) and the machine-readable result to the test. */
export async function attachResult(testInfo: TestInfo, result: ScenarioResult, secrets: string[]): Promise<void> {
  const redact = redactor(secrets);
  await testInfo.attach('http-transcript.txt', { body: redact(transcript(result.exchanges)), contentType: 'text/plain' });
  const summary = { ...result, exchanges: result.exchanges.map((x) => ({ step: x.step, method: x.request.method, url: x.request.url,
    status: x.response.status, requestId: x.response.headers['request-id'], clientRequestId: x.request.headers['client-request-id'] })) };
  await testInfo.attach(resultAttachment, { body: redact(JSON.stringify(summary)), contentType: 'application/json' });
}
