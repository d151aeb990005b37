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
}

/** The contracts and selected scenarios of a run, or the problems that stop it before anything is sent. */
export interface LoadedRun {
  contracts: Contracts;
  scenarios: Scenario[];
  problems: Problem[];
}

/**
 * Loads contracts and scenarios and applies --grep/--tag; every authoring problem is collected (contracts compiled now
 * unless `lazy`).
 */
export function loadRun(settings: RunSources, lazy = false): LoadedRun {
  const contracts = loadContracts(settings.contractsDir, process.cwd(), !lazy);
  const loaded = loadScenarios(settings.scenarioPaths, contracts);
  const problems = [...contracts.problems, ...loaded.problems];
  return { contracts, scenarios: selectScenarios(loaded.scenarios, settings.grep, settings.tag), problems };
}

let cached: LoadedRun | undefined;

/**
 * loadRun, once per process, compiling contracts on first use: the CLI has linted everything before Playwright starts.
 */
export function loadRunOnce(settings: RunSources): LoadedRun {
  cached ??= loadRun(settings, true);
  return cached;
}
