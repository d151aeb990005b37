import type { Contracts } from '../contract/loadContracts';
import { didYouMean } from '../common/didYouMean';
import { generatorArgumentOk, generatorArguments, generators, placeholderPlaces } from './interpolate';
import type { Problem } from '../common/problem';
import type { Expectation, ScenarioDoc, SuiteDoc } from './types';
import type { Locator, YamlPath } from '../common/sourceLocation';
import { walkExpectations } from './walkExpectations';

/** Variable roots every scenario can read besides the suite's variables. */
export const builtinRoots = ['run', ...Object.keys(generators)];

/** Checks what the schema cannot: names, references between steps, variables and contract ids. */
export function lintScenario(
  doc: ScenarioDoc,
  suite: SuiteDoc,
  locate: Locator,
  contracts: Contracts,
  locateKey: Locator = locate,
): Problem[] {
  const problems: Problem[] = [];
  const report = (path: YamlPath, code: string, message: string, hint?: string) =>
    problems.push({ code, message, location: locate(path), hint });
  const reportKey = (path: YamlPath, code: string, message: string, hint?: string) =>
    problems.push({ code, message, location: locateKey(path), span: String(path.at(-1)).length, hint });
  const fixtures = Object.keys(suite.fixtures ?? {});
  for (const name of Object.keys(doc.uses ?? {}))
    if (!fixtures.includes(name))
      reportKey(
        ['uses', name],
        'scenario.fixture.unknown',
        `the suite declares no fixture \`${name}\``,
        hintFor(name, fixtures),
      );
  // A `uses:` entry the suite does not declare is reported above; it defines no variable, so {pki.id} is not hinted
  // towards the misspelt name.
  const used = Object.keys(doc.uses ?? {}).filter((name) => fixtures.includes(name));
  const roots = new Set([...builtinRoots, ...Object.keys(suite.variables ?? {}), ...used]);
  // The suite's fixtures this scenario does not use: {pki.id} without `uses: { pki }` is hinted to add it.
  const unused = fixtures.filter((name) => !used.includes(name));
  checkPlaceholders(doc.variables, ['variables'], { roots, unused }, [], false, report);
  for (const name of Object.keys(doc.variables ?? {})) roots.add(name);
  const earlier: string[] = [];
  doc.steps.forEach((step, i) => {
    const at: YamlPath = ['steps', i];
    if (earlier.includes(step.name))
      report(
        [...at, 'name'],
        'scenario.step.duplicate',
        `another step is already named \`${step.name}\``,
        'give every step its own name',
      );
    checkPlaceholders(step.request, [...at, 'request'], { roots, unused }, earlier, false, report);
    walkExpectations(step.expect, [...at, 'expect'], (e, path) => {
      checkPlaceholders(
        e.body?.matches,
        [...path, 'body', 'matches'],
        { roots, unused },
        [...earlier, step.name],
        true,
        report,
      );
      checkPlaceholders(e.headers, [...path, 'headers'], { roots, unused }, [...earlier, step.name], true, report);
      lintReferences(e, path, roots, earlier, doc, report);
    });
    problems.push(...lintContracts(step.expect, [...at, 'expect'], locate, contracts));
    earlier.push(step.name);
    for (const name of Object.keys(step.capture ?? {})) roots.add(name);
  });
  return problems;
}

/** Reports contract ids that no file under contracts/ declares (used for suites too). */
export function lintContracts(
  expectation: Expectation | undefined,
  path: YamlPath,
  locate: Locator,
  contracts: Contracts,
): Problem[] {
  const problems: Problem[] = [];
  walkExpectations(expectation, path, (e, at) => {
    for (const [id, where] of [
      [e.body?.schema, [...at, 'body', 'schema']],
      [e.headerSchema, [...at, 'headerSchema']],
    ] as const) {
      if (id !== undefined && !contracts.ids.has(id))
        problems.push({
          code: 'scenario.contract.unknown',
          message: `no contract has the \`$id\` ${JSON.stringify(id)}`,
          location: locate(where),
          hint: hintFor(id, contracts.ids) ?? 'add it under contracts/ or fix the name',
        });
    }
  });
  return problems;
}

type Report = (path: YamlPath, code: string, message: string, hint?: string) => void;

function checkPlaceholders(
  value: unknown,
  base: YamlPath,
  { roots, unused }: { roots: Set<string>; unused: string[] },
  steps: string[],
  inExpect: boolean,
  report: Report,
): void {
  for (const { name, path: inner } of placeholderPlaces(value)) {
    const path = [...base, ...inner];
    const [head, arg] = name.split(':', 2);
    if (arg !== undefined) {
      if (!(head in generators))
        report(
          path,
          'scenario.variable.unknown',
          `{${name}} calls no known generator`,
          `generators: ${Object.keys(generators).join(', ')}`,
        );
      else if (!generatorArgumentOk(head, arg))
        report(
          path,
          'scenario.variable.argument',
          `{${name}} has an argument ${head} does not take`,
          generatorArguments[head],
        );
      continue;
    }
    const [root, second] = name.split('.');
    if (root === 'request' && inExpect) continue;
    if (root === 'steps') {
      if (!second || !steps.includes(second))
        report(
          path,
          'scenario.variable.step',
          `{${name}} refers to no earlier step \`${second ?? ''}\``,
          hintFor(second ?? '', steps) ?? `earlier steps: ${steps.join(', ') || 'none'}`,
        );
      continue;
    }
    if (!roots.has(root)) {
      const fixture = unused.includes(root);
      const defined = `defined here: ${[...roots, 'steps', ...(inExpect ? ['request'] : [])].join(', ')}`;
      report(
        path,
        'scenario.variable.unknown',
        `{${name}} is not defined at this point`,
        fixture
          ? `the suite's fixture \`${root}\` is not in this scenario's \`uses:\`; add \`uses: { ${root}: scratch }\``
          : (hintFor(root, roots) ?? defined),
      );
    }
  }
}

function lintReferences(
  e: Expectation,
  path: YamlPath,
  roots: Set<string>,
  earlier: string[],
  doc: ScenarioDoc,
  report: Report,
): void {
  const persisted = e.body?.persisted;
  if (persisted !== undefined) {
    const name = typeof persisted === 'string' ? persisted : persisted.step;
    const target = doc.steps.find((s) => s.name === name);
    if (!earlier.includes(name))
      report(
        [...path, 'body', 'persisted'],
        'scenario.step.unknown',
        `\`persisted\` names no earlier step \`${name}\``,
        hintFor(name, earlier),
      );
    else if (!target || target.request.body === undefined || typeof target.request.body !== 'object')
      report(
        [...path, 'body', 'persisted'],
        'scenario.step.nobody',
        `step \`${name}\` sends no JSON object body to compare with`,
      );
  }
  for (const key of ['unchanged', 'serverManaged'] as const) {
    const from = e.body?.[key]?.from;
    if (from !== undefined && !roots.has(from.split('.')[0]))
      report(
        [...path, 'body', key, 'from'],
        'scenario.variable.unknown',
        `\`${from}\` is not a variable captured by an earlier step`,
        hintFor(from, roots),
      );
  }
}

function hintFor(word: string, known: Iterable<string>): string | undefined {
  const guess = didYouMean(word, known);
  return guess ? `did you mean \`${guess}\`?` : undefined;
}
