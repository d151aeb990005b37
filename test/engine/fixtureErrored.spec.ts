import { test, expect } from '@playwright/test';
import { runScenario } from '../../src/engine/runScenario';
import type { ReceivedResponse, SentRequest } from '../../src/common/exchange';
import type { Target } from '../../src/targets/target';
import { defaultSuite } from '../proof/runDefaultSuite';

// A scenario whose fixture could not be set up has no verdict: `errored`, never `failed`, whatever the answer to the
// fixture's own request broke (a nightly run must not blame the service for what it could not even start).

/** A target whose every answer is the given status with a Graph error body. */
function answering(status: number): Target {
  return {
    name: 'stub',
    baseUrl: 'http://127.0.0.1:9/beta',
    authorization: async () => 'Bearer stub',
    secrets: () => [],
    close: async () => undefined,
    async send(request: SentRequest): Promise<ReceivedResponse> {
      void request;
      const body = { error: { code: 'UnknownError', message: 'no', innerError: { date: '2026-01-01T00:00:00' } } };
      return { status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body), durationMs: 1 };
    },
  };
}

test('a scratch fixture whose create answers 500: the scenario is errored with harness.fixture, not failed', async () => {
  const { contracts, scenarios } = defaultSuite();
  const scenario = scenarios.find((s) => s.doc.id === 'pki-update-display-name')!;
  const result = await runScenario(scenario, { target: answering(500), contracts, runId: 'fixture' });
  expect(result.verdict).toBe('errored');
  expect(result.failures.map((f) => f.code)).toEqual(['harness.fixture']);
  expect(result.failures[0].message).toMatch(
    /creating the pki fixture answered 500 .*its answer also broke contract\.status\.unexpected/,
  );
});

test('a fixture that is set up keeps the contract failures of its own answers: those are verdicts', async () => {
  const { contracts, scenarios } = defaultSuite();
  const scenario = scenarios.find((s) => s.doc.id === 'pki-update-display-name')!;
  // 201 with an id: the fixture exists; its answer lacks every header the suite's rules ask for.
  const target = answering(201);
  target.send = async () => ({ status: 201, headers: {}, bodyText: JSON.stringify({ id: 'x1' }), durationMs: 1 });
  const result = await runScenario(scenario, { target, contracts, runId: 'fixture' });
  expect(result.verdict).toBe('failed');
  expect(result.failures.some((f) => f.step === 'pki.create' && f.code.startsWith('contract.'))).toBe(true);
});
