import { loadContracts, type Contracts } from '../contract/loadContracts';
import { loadScenarios } from './loadScenarios';
import type { Problem } from '../common/problem';
import type { Scenario } from './types';
import { selectScenarios } from './selectScenarios';

/** Where a run's scenarios and contracts are, and which scenarios it selects. */
export interface RunSources {
  scenarioPaths: string[];
  contractsDir: string;
  grep?: RegExp;
  tag?: string;
  /** Scenario ids to leave out. */
  exclude?: string[];
}

/** The contracts and selected scenarios of a run, or the problems that stop it before anything is sent. */
export interface LoadedRun {
  contracts: Contracts;
  scenarios: Scenario[];
  problems: Problem[];
  /** Weak scenarios among the selected ones (they run; `lint --strict` refuses them). */
  warnings: Problem[];
}

/**
 * Loads contracts and scenarios and applies --grep/--tag; every authoring problem is collected (contracts compiled now
 * unless `lazy`).
 */
export function loadRun(settings: RunSources, lazy = false): LoadedRun {
  const contracts = loadContracts(settings.contractsDir, process.cwd(), !lazy);
  const loaded = loadScenarios(settings.scenarioPaths, contracts);
  const problems = [...contracts.problems, ...loaded.problems];
  const excluded = new Set(settings.exclude ?? []);
  const scenarios = selectScenarios(loaded.scenarios, settings.grep, settings.tag).filter(
    (s) => !excluded.has(s.doc.id),
  );
  const selected = new Set(scenarios.map((s) => s.file));
  const warnings = loaded.warnings.filter((w) => selected.has(w.location.file));
  return { contracts, scenarios, problems, warnings };
}

let cached: LoadedRun | undefined;

/**
 * loadRun, once per process, compiling contracts on first use: the CLI has linted everything before Playwright starts.
 */
export function loadRunOnce(settings: RunSources): LoadedRun {
  cached ??= loadRun(settings, true);
  return cached;
}
