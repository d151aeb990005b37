import { renderProblems } from '../../src/report/renderProblem';
import { loadRun, type LoadedRun } from '../../src/scenario/loadRun';
import { runScenario } from '../../src/engine/runScenario';
import { runSettings } from '../../src/runner/runSettings';
import type { ScenarioResult } from '../../src/common/scenarioResult';
import { createReplayTarget } from '../../src/replay/replayTarget';

let loaded: LoadedRun | undefined;

/**
 * The default suite (every scenario under scenarios/, no --grep or --tag), loaded once per worker; throws on authoring
 * problems.
 */
export function defaultSuite(): LoadedRun {
  // An empty environment: a CONFORMANCE_GREP left in the shell must not shrink the proof.
  loaded ??= loadRun(runSettings({}));
  if (loaded.problems.length > 0) {
    throw new Error(`the default suite does not load:\n${renderProblems(loaded.problems)}`);
  }
  return loaded;
}

/**
 * Runs the whole default suite, one scenario after another, against a fresh replay target, and closes it whatever
 * happens.
 */
export async function runDefaultSuite(options: Parameters<typeof createReplayTarget>[0]): Promise<ScenarioResult[]> {
  const { contracts, scenarios } = defaultSuite();
  // msw patches this process's globals: one target at a time, so the scenarios run sequentially.
  const target = createReplayTarget(options);
  try {
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) results.push(await runScenario(scenario, { target, contracts, runId: 'proof' }));
    return results;
  } finally {
    await target.close();
  }
}

/** One line per failure (`scenario code step pointer`), for assertion messages a reader can act on. */
export function failureLines(results: ScenarioResult[]): string[] {
  return results.flatMap((r) =>
    r.failures.map((f) => `${r.id} [${r.verdict}] ${f.code} step=${f.step ?? '-'} ${f.pointer ?? ''}`),
  );
}
