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

/** The run's target configuration: from the plan, or from targets.yaml when Playwright is started by hand. */
export function plannedTarget(settings: RunSettings): TargetConfig {
  const config =
    planOf(settings)?.target ??
    (require('../targets/loadTargets') as typeof import('../targets/loadTargets')).loadTargets(projectRoot).targets[
      settings.target
    ];
  if (!config) throw new Error(`unknown target ${JSON.stringify(settings.target)}: targets.yaml does not declare it`);
  return config;
}
