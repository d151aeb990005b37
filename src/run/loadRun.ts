import { loadContracts, type Contracts } from '../contract/loadContracts';
import { loadScenarios } from '../scenario/loadScenarios';
import type { Problem } from '../scenario/problem';
import type { Scenario } from '../scenario/types';
import type { RunSettings } from './runSettings';
import { selectScenarios } from './selectScenarios';

/** The contracts and selected scenarios of a run, or the problems that stop it before anything is sent. */
export interface LoadedRun {
  contracts: Contracts;
  scenarios: Scenario[];
  problems: Problem[];
}

/** Loads contracts and scenarios and applies --grep/--tag; every authoring problem is collected (contracts compiled now unless `lazy`). */
export function loadRun(settings: RunSettings, lazy = false): LoadedRun {
  const contracts = loadContracts(settings.contractsDir, process.cwd(), !lazy);
  const loaded = loadScenarios(settings.scenarioPaths, contracts);
  const problems = [...contracts.problems, ...loaded.problems];
  return { contracts, scenarios: selectScenarios(loaded.scenarios, settings.grep, settings.tag), problems };
}

let cached: LoadedRun | undefined;

/** loadRun, once per process, compiling contracts on first use: the CLI has linted everything before Playwright starts. */
export function loadRunOnce(settings: RunSettings): LoadedRun {
  cached ??= loadRun(settings, true);
  return cached;
}
