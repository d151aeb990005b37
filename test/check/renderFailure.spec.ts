/**
 * The rendered text of a failure is pinned verbatim (golden), with the one volatile part, the file path, replaced by a
 * placeholder.
 */
import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { locatorAt } from '../../src/check/check';
import { persistenceConformance } from '../../src/check/checks/persistenceConformance';
import { renderFailure, renderFailures } from '../../src/report/renderFailure';
import { projectRoot } from '../../src/common/projectRoot';
import { loadScenarios } from '../../src/scenario/loadScenarios';
import { contracts, exchange, pki } from './checkKit';

const golden = `contract.body.notPersisted: Change not persisted (step persisted)
  step patch set displayName to "Contoso PKI 20250101", but GET now returns "graph-conformance scratch 20250101"
  --> <file>:33:20
   |
33 |         persisted: patch
   |                    ^ at /body/displayName`;

function persistedFailure() {
  const [scenario] = loadScenarios(
    [resolve(projectRoot, 'scenarios/graph-pki/update/display-name.yaml')],
    contracts,
  ).scenarios;
  if (!scenario) throw new Error('test defect: scenarios/graph-pki/update/display-name.yaml does not load');
  const base = ['steps', 2, 'expect'];
  const patch = exchange({ request: { json: { displayName: 'Contoso PKI 20250101' } } });
  const get = exchange({
    step: 'persisted',
    request: { method: 'GET' },
    body: pki({ displayName: 'graph-conformance scratch 20250101' }),
  });
  const [failure] = persistenceConformance.run({
    exchange: get,
    expectation: scenario.doc.steps[2].expect!,
    contracts,
    scope: {},
    steps: new Map([['patch', patch]]),
    at: locatorAt(scenario.locate, base),
  });
  return { file: scenario.file, failure: { ...failure, step: get.step } };
}

test('a persistence failure renders its code, title, step, message and the YAML line with a caret and the pointer', () => {
  const { file, failure } = persistedFailure();
  expect(renderFailure(failure).replaceAll(file, '<file>')).toBe(golden);
});

test('several failures are separated by one blank line; a failure without source renders without a frame', () => {
  const { file, failure } = persistedFailure();
  const bare = { ...failure, source: undefined, step: undefined };
  expect(renderFailures([failure, bare]).replaceAll(file, '<file>')).toBe(
    `${golden}\n\n${golden.split('\n').slice(0, 2).join('\n').replace(' (step persisted)', '')}`,
  );
});
