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

/** Loads contracts and scenarios and applies --grep/--tag; every authoring problem is collected. */
export function loadRun(settings: RunSettings): LoadedRun {
  const contracts = loadContracts(settings.contractsDir);
  const loaded = loadScenarios(settings.scenarioPaths, contracts);
  const problems = [...contracts.problems, ...loaded.problems];
  return { contracts, scenarios: selectScenarios(loaded.scenarios, settings.grep, settings.tag), problems };
}

let cached: LoadedRun | undefined;

/** loadRun, once per process: the runner and each worker load the suite once, and the worker fixture reuses its contracts. */
export function loadRunOnce(settings: RunSettings): LoadedRun {
  cached ??= loadRun(settings);
  return cached;
}
