/** persistence_conformance: a later read returns every property an earlier step wrote, with the value written. */
import { test, expect } from '@playwright/test';
import { persistenceConformance } from '../../src/check/checks/persistenceConformance';
import { exchange, here, pki, runCheck } from './checkKit';

const patch = exchange({
  request: { json: { status: 'running', deletedDateTime: '2024-10-29T02:05:57Z' } },
  body: pki({ status: 'running' }),
});
const get = (body: Record<string, unknown>) => exchange({ step: 'persisted', request: { method: 'GET' }, body });

test('a written value the later GET does not return fails, naming the step that wrote it', () => {
  const x = get(pki({ status: 'succeeded', deletedDateTime: '2024-10-29T02:05:57Z' }));
  expect(runCheck(persistenceConformance, { body: { persisted: 'patch' } }, x, { steps: { patch } })).toEqual([
    {
      code: 'contract.body.notPersisted',
      title: 'Change not persisted',
      message: 'step patch set status to "running", but GET now returns "succeeded"',
      pointer: '/body/status',
      expected: 'running',
      actual: 'succeeded',
      source: here,
    },
  ]);
});

test('faithful: the written instant read back in another spelling, and excepted properties', () => {
  const x = get(pki({ status: 'running', deletedDateTime: '2024-10-29T02:05:57.0000000+00:00' }));
  expect(runCheck(persistenceConformance, { body: { persisted: 'patch' } }, x, { steps: { patch } })).toEqual([]);
  const stale = get(pki({ status: 'succeeded', deletedDateTime: '2024-10-29T02:05:57Z' }));
  expect(
    runCheck(persistenceConformance, { body: { persisted: { step: 'patch', except: ['status'] } } }, stale, {
      steps: { patch },
    }),
  ).toEqual([]);
});

test('a step that left no exchange is a harness defect, thrown (evaluateExchange turns it into harness.crash)', () => {
  expect(() =>
    runCheck(persistenceConformance, { body: { persisted: 'nope' } }, get(pki()), { steps: { patch } }),
  ).toThrow('harness defect: step nope ran before but left no exchange');
});
