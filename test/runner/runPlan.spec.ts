import { test, expect } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContracts } from '../../src/contract/loadContracts';
import { readPlan, writePlan } from '../../src/runner/runPlan';
import { loadScenarios } from '../../src/scenario/loadScenarios';
import type { Scenario } from '../../src/scenario/types';
import type { YamlPath } from '../../src/common/sourceLocation';
import type { TargetConfig } from '../../src/targets/targetConfig';
import { projectRoot } from '../cli/runCli';
import { tempDir } from '../cli/tempDir';

// The plan `conformance run` hands Playwright: the checked scenarios as JSON, read back by the runner and every worker.

const contracts = loadContracts(join(projectRoot, 'contracts'), projectRoot);
const graphPki = join(projectRoot, 'scenarios', 'graph-pki');

/**
 * Loads scenario folders with files relative to `cwd`, as `conformance run` does; the fixtures here have no problems.
 */
function load(paths: string[], cwd: string): Scenario[] {
  const loaded = loadScenarios(paths, contracts, cwd);
  expect(loaded.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line}`)).toEqual([]);
  return loaded.scenarios;
}

/** Writes a plan in a fresh folder and returns its path. */
function planFile(scenarios: Scenario[], cwd: string, target?: TargetConfig): string {
  const path = join(tempDir('plan'), 'nested', 'plan.json');
  writePlan(path, { scenarios, targets: target ? { vendor: target } : undefined }, cwd);
  return path;
}

/** The data of a scenario that must survive the plan: everything but the functions. */
function data(s: Scenario) {
  return {
    doc: s.doc,
    file: s.file,
    index: s.index,
    at: s.at,
    suite: { doc: s.suite.doc, file: s.suite.file, index: s.suite.index },
  };
}

const paths: YamlPath[] = [
  ['id'],
  ['title'],
  ['steps', 0, 'name'],
  ['steps', 0, 'request', 'path'],
  ['steps', 1, 'expect', 'status'],
  ['steps', 1, 'request'],
  ['steps', 7, 'missing'],
];

test.describe('the default suite through a plan', () => {
  let loaded: Scenario[];
  let read: Scenario[];
  test.beforeAll(() => {
    loaded = load([join(projectRoot, 'scenarios')], projectRoot);
    read = readPlan(planFile(loaded, projectRoot)).scenarios;
  });

  test('the read scenarios have the same docs, files, document indexes, `at` positions and suites, in the same order', () => {
    expect(loaded.length).toBeGreaterThan(20);
    expect(read.map(data)).toEqual(loaded.map(data));
    expect(read[0].file).toMatch(/^scenarios\/graph-pki\/.+\.yaml$/);
  });

  test('scenarios of one suite share one Suite object, as when loaded', () => {
    expect(new Set(loaded.map((s) => s.suite)).size).toBe(1);
    for (const s of read) expect(s.suite, s.doc.id).toBe(read[0].suite);
  });

  test('locate gives the same positions as on the loaded scenarios, for scenarios and their suite', () => {
    let beyondFirstLine = 0;
    for (const [i, s] of read.entries()) {
      for (const path of paths) {
        const position = s.locate(path);
        expect(position, `${s.doc.id} ${path.join('.')}`).toEqual(loaded[i].locate(path));
        if (position.line > 1) beyondFirstLine++;
      }
    }
    // The positions compared are real ones, not the line 1 column 1 of a file that could not be read.
    expect(beyondFirstLine).toBeGreaterThan(read.length * 4);
    for (const path of [['variables', 'collection'], ['fixtures', 'pki', 'create', 'expect', 'status'], ['always']])
      expect(read[0].suite.locate(path), path.join('.')).toEqual(loaded[0].suite.locate(path));
  });
});

test('each suite keeps its own Suite object: two suites in one plan are not merged', () => {
  const dir = tempDir('plan-suites');
  for (const name of ['first', 'second']) {
    mkdirSync(join(dir, name));
    const suite = readFileSync(join(graphPki, 'suite.yaml'), 'utf8').replace(/^suite: graph-pki$/m, `suite: ${name}`);
    writeFileSync(join(dir, name, 'suite.yaml'), suite);
    for (const file of ['unknown-id.yaml', 'no-token.yaml'])
      writeFileSync(
        join(dir, name, file),
        readFileSync(join(graphPki, 'reject', file), 'utf8').replace(/^id: pki-reject-/m, `id: ${name}-`),
      );
  }
  const loaded = load([dir], dir);
  const read = readPlan(planFile(loaded, dir)).scenarios;
  expect(read.map(data)).toEqual(loaded.map(data));
  const [a, b] = [read.filter((s) => s.file.startsWith('first/')), read.filter((s) => s.file.startsWith('second/'))];
  expect([a.length, b.length]).toEqual([2, 2]);
  expect(a[1].suite).toBe(a[0].suite);
  expect(b[1].suite).toBe(b[0].suite);
  expect(a[0].suite).not.toBe(b[0].suite);
  expect([a[0].suite.doc.suite, b[0].suite.doc.suite]).toEqual(['first', 'second']);
});

test('the second document of a multi-document file is located in that document', () => {
  const dir = tempDir('plan-documents');
  copyFileSync(join(graphPki, 'suite.yaml'), join(dir, 'suite.yaml'));
  const one = readFileSync(join(graphPki, 'reject', 'unknown-id.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'two.yaml'),
    `${one}---\n${one.replace('id: pki-reject-unknown-id', 'id: pki-reject-unknown-id-again')}`,
  );
  const loaded = load([dir], dir);
  const read = readPlan(planFile(loaded, dir)).scenarios;
  expect(read.map((s) => [s.doc.id, s.index])).toEqual([
    ['pki-reject-unknown-id', 0],
    ['pki-reject-unknown-id-again', 1],
  ]);
  expect(read[1].locate(['id']).line).toBeGreaterThan(one.split('\n').length);
  for (const [i, s] of read.entries())
    for (const path of paths) expect(s.locate(path), `${s.doc.id} ${path.join('.')}`).toEqual(loaded[i].locate(path));
});

test('a read scenario parses its YAML only when first asked for a position, and only once', () => {
  const dir = tempDir('plan-lazy');
  copyFileSync(join(graphPki, 'suite.yaml'), join(dir, 'suite.yaml'));
  copyFileSync(join(graphPki, 'update', 'display-name.yaml'), join(dir, 'display-name.yaml'));
  const loaded = load([dir], dir);
  const plan = planFile(loaded, dir);
  const [askedBefore, askedAfter] = [readPlan(plan), readPlan(plan)];
  const path = ['steps', 1, 'expect', 'status'];
  const real = loaded[0].locate(path);
  expect(real.line).toBeGreaterThan(1);
  expect(askedBefore.scenarios[0].locate(path)).toEqual(real);

  rmSync(join(dir, 'display-name.yaml'));
  rmSync(join(dir, 'suite.yaml'));
  // Parsed when first asked, before the file went: the positions stay.
  expect(askedBefore.scenarios[0].locate(path)).toEqual(real);
  expect(askedBefore.scenarios[0].locate(['id'])).toEqual(loaded[0].locate(['id']));
  // Never asked while the file was there: readPlan did not parse it, and the locator falls back instead of throwing.
  expect(askedAfter.scenarios[0].locate(path)).toEqual({ file: 'display-name.yaml', line: 1, column: 1 });
  expect(askedAfter.scenarios[0].suite.locate(['variables'])).toEqual({ file: 'suite.yaml', line: 1, column: 1 });
  // `at` comes from the plan itself, so reports still point at the scenario's id.
  expect(askedAfter.scenarios[0].at).toEqual(loaded[0].at);
  expect(askedAfter.scenarios[0].at.line).toBeGreaterThan(1);
});

test('the target config passes through the plan unchanged, and a plan without one reads back without one', () => {
  const scenarios = load([join(graphPki, 'reject', 'unknown-id.yaml')], projectRoot);
  const target: TargetConfig = {
    kind: 'live',
    description: 'a vendor',
    baseUrl: 'http://127.0.0.1:9/beta',
    authorityHost: 'http://127.0.0.1:9',
    credentialsFrom: 'VENDOR_',
    maxConcurrency: 2,
    timeoutMs: 5000,
    redact: [{ env: 'MY_UPN', as: 'upn' }, { pattern: '[a-z]+@contoso\\.com' }],
  };
  expect(readPlan(planFile(scenarios, projectRoot, target)).targets).toEqual({ vendor: target });
  expect(
    readPlan(planFile(scenarios, projectRoot, { kind: 'replay', breaks: ['patch-not-persisted'] })).targets,
  ).toEqual({ vendor: { kind: 'replay', breaks: ['patch-not-persisted'] } });
  expect(readPlan(planFile(scenarios, projectRoot)).targets).toBeUndefined();
});
