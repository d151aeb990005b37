import { basename, dirname, join, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Contracts } from '../contract/loadContracts';
import { findYamlFiles } from './findYamlFiles';
import { lintContracts, lintScenario } from './lintScenario';
import { fileProblem, type Problem } from '../common/problem';
import { readValidatedDocuments } from './readValidatedDocuments';
import { readYamlFile } from './readYamlFile';
import { weakWrites } from './weakWrites';
import type { Expectation, Scenario, ScenarioDoc, Suite, SuiteDoc } from './types';
import type { YamlPath } from '../common/sourceLocation';

/** Everything loaded from the scenario folders, and every problem found on the way. */
export interface LoadedScenarios {
  suites: Suite[];
  scenarios: Scenario[];
  problems: Problem[];
  /** Weak but valid scenarios (see weakWrites): reported, never stopping a run. */
  warnings: Problem[];
}

const suiteFileName = 'suite.yaml';

/**
 * Reads, validates and cross-checks every scenario and suite file under the given paths; all problems are collected.
 */
export function loadScenarios(paths: string[], contracts: Contracts, cwd = process.cwd()): LoadedScenarios {
  const result: LoadedScenarios = { suites: [], scenarios: [], problems: [], warnings: [] };
  const { files, missing } = findYamlFiles(paths);
  for (const path of missing) result.problems.push(fileProblem(path, 'file.missing', 'no such file or folder'));
  const context: LoadContext = { cwd, contracts, result, suites: new Map() };
  const ids = new Map<string, Scenario>();
  for (const path of files.filter((f) => basename(f) !== suiteFileName)) {
    const suite = suiteFor(dirname(path), context);
    const file = relative(cwd, path);
    if (suite === null) continue;
    if (suite === undefined) {
      result.problems.push(
        fileProblem(
          file,
          'scenario.suite.missing',
          `no ${suiteFileName} in this folder or above it`,
          `create one beside the scenarios (see README.md)`,
        ),
      );
      continue;
    }
    const before = result.problems.length;
    const docs = readValidatedDocuments(path, cwd, 'scenario', result.problems);
    if (docs.length === 0 && result.problems.length === before)
      result.problems.push(
        fileProblem(
          file,
          'scenario.file.empty',
          'the file holds no scenario (it is empty, or only comments)',
          'write a scenario in it, or delete it',
        ),
      );
    for (const doc of docs) {
      const scenario: Scenario = {
        doc: doc.value as ScenarioDoc,
        file,
        index: doc.index,
        at: doc.locate(['id']),
        suite,
        locate: doc.locate,
      };
      const lint = lintScenario(scenario.doc, suite.doc, doc.locate, contracts, doc.locateKey);
      result.problems.push(...lint);
      const clash = ids.get(scenario.doc.id);
      if (clash) {
        result.problems.push({
          code: 'scenario.id.duplicate',
          message: `the id \`${scenario.doc.id}\` is already used in ${clash.file}:${clash.locate(['id']).line}`,
          location: doc.locate(['id']),
          hint: 'ids must be unique across the suite',
        });
      }
      ids.set(scenario.doc.id, scenario);
      if (lint.length === 0 && !clash) result.scenarios.push(scenario);
    }
  }
  for (const path of files.filter((f) => basename(f) === suiteFileName)) suiteFor(dirname(path), context);
  clashesOutside(ids, new Set(files.map((f) => resolve(f))), context);
  result.warnings = result.scenarios.flatMap(weakWrites);
  return result;
}

interface LoadContext {
  cwd: string;
  contracts: Contracts;
  result: LoadedScenarios;
  suites: Map<string, Suite | null>;
}

/** The nearest suite.yaml at or above a folder: undefined when there is none, null when it is broken. */
function suiteFor(dir: string, context: LoadContext): Suite | null | undefined {
  const { cwd, suites: cache } = context;
  for (let current = dir; ; current = dirname(current)) {
    const path = join(current, suiteFileName);
    if (cache.has(path)) return cache.get(path);
    if (existsSync(path)) {
      const suite = loadSuite(path, context);
      cache.set(path, suite);
      return suite;
    }
    if (dirname(current) === current || relative(cwd, current).startsWith('..') || relative(cwd, current) === '')
      return undefined;
  }
}

function loadSuite(path: string, { cwd, contracts, result }: LoadContext): Suite | null {
  const docs = readValidatedDocuments(path, cwd, 'suite', result.problems);
  const file = relative(cwd, path);
  if (docs.length !== 1) {
    if (docs.length > 1)
      result.problems.push(fileProblem(file, 'suite.documents', 'a suite file holds exactly one YAML document'));
    return null;
  }
  const suite: Suite = { doc: docs[0].value as SuiteDoc, file, index: docs[0].index, locate: docs[0].locate };
  const { always = {}, probe, fixtures = {} } = suite.doc;
  const expectations: Array<[Expectation | undefined, YamlPath]> = [
    ...Object.entries(always).map(([key, e]): [Expectation, YamlPath] => [e, ['always', key]]),
    [probe?.expect, ['probe', 'expect']],
    ...Object.entries(fixtures).flatMap(([name, f]) =>
      (['create', 'get', 'update', 'delete'] as const).map((part): [Expectation | undefined, YamlPath] => [
        f[part].expect,
        ['fixtures', name, part, 'expect'],
      ]),
    ),
  ];
  const problems = expectations.flatMap(([e, path]) => lintContracts(e, path, suite.locate, contracts));
  result.problems.push(...problems);
  result.suites.push(suite);
  return problems.length ? null : suite;
}

/**
 * Ids must be unique across a suite, not only across the files named: a scenario linted or run on its own is compared
 * with the ids of every other scenario file of its suite (read, not validated).
 */
function clashesOutside(ids: Map<string, Scenario>, named: Set<string>, { cwd, result }: LoadContext): void {
  const suiteDirs = new Set([...ids.values()].map((s) => dirname(resolve(cwd, s.suite.file))));
  for (const dir of suiteDirs)
    for (const path of findYamlFiles([dir]).files) {
      if (named.has(resolve(path)) || basename(path) === suiteFileName) continue;
      for (const doc of readYamlFile(path).documents) {
        const id = (doc.value as { id?: unknown }).id;
        const mine = typeof id === 'string' ? ids.get(id) : undefined;
        if (!mine || dirname(resolve(cwd, mine.suite.file)) !== dir) continue;
        const elsewhere = `${relative(cwd, path)}:${doc.locate(['id']).line}`;
        result.problems.push({
          code: 'scenario.id.duplicate',
          message: `the id \`${mine.doc.id}\` is already used in ${elsewhere}, another scenario of the suite`,
          location: mine.locate(['id']),
          hint: 'ids must be unique across the suite',
        });
        result.scenarios = result.scenarios.filter((s) => s !== mine);
      }
    }
}
