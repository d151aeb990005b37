import { renderProblems } from '../report/renderProblem';
import type { Scenario } from '../scenario/types';
import type { TargetConfig } from '../targets/targetConfig';
import { readPlan, type PlannedRun } from './runPlan';
import { type RunSettings } from './runSettings';
import { projectRoot } from '../common/projectRoot';

let plan: PlannedRun | undefined;

function planOf(settings: RunSettings): PlannedRun | undefined {
  if (settings.planFile) plan ??= readPlan(settings.planFile);
  return plan;
}

/**
 * The scenarios this run executes, once per process: from the plan `conformance run` wrote, or, when Playwright is
 * started by hand, loaded and checked from the YAML (a problem then stops the run with the same report `lint` gives).
 */
export function plannedScenarios(settings: RunSettings): Scenario[] {
  const planned = planOf(settings);
  if (planned) return planned.scenarios;
  // Without a plan only: the YAML and schema machinery is not loaded when `conformance run` has done that work.
  const loaded = (require('../scenario/loadRun') as typeof import('../scenario/loadRun')).loadRunOnce(settings);
  if (loaded.problems.length) throw new Error(`the scenarios cannot run:\n${renderProblems(loaded.problems)}`);
  return loaded.scenarios;
}

/**
 * The configuration of one of the run's targets (a Playwright project's name): from the plan, or from targets.yaml when
 * Playwright is started by hand.
 */
export function plannedTarget(settings: RunSettings, name: string): TargetConfig {
  const loadTargets = () => require('../targets/loadTargets') as typeof import('../targets/loadTargets');
  const config =
    planOf(settings)?.targets?.[name] ??
    loadTargets().targetConfigFor(name, loadTargets().loadTargets(projectRoot).targets);
  if (!config) throw new Error(`unknown target ${JSON.stringify(name)}: targets.yaml does not declare it`);
  return config;
}
