import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lazyLocators } from '../scenario/lazyLocators';
import type { Scenario, ScenarioDoc, Suite, SuiteDoc } from '../scenario/types';
import type { SourceLocation } from '../common/sourceLocation';
import type { TargetConfig } from '../targets/targetConfig';

/**
 * The checked and selected scenarios of one run, as JSON. `conformance run` parses and validates the YAML once and
 * writes this; Playwright's runner and every worker read it instead of parsing and validating the YAML again.
 */
interface RunPlan {
  /** The working directory the files are relative to. */
  cwd: string;
  /** The run's targets by name, as targets.yaml (or the built-in list) declares them. */
  targets?: Record<string, TargetConfig>;
  suites: Array<{ file: string; index: number; doc: SuiteDoc }>;
  scenarios: Array<{ file: string; index: number; at: SourceLocation; suite: number; doc: ScenarioDoc }>;
}

/** What a plan holds, ready to run. */
export interface PlannedRun {
  scenarios: Scenario[];
  targets?: Record<string, TargetConfig>;
}

/** Writes the plan for these scenarios (files relative to `cwd`) and these targets. */
export function writePlan(path: string, { scenarios, targets }: PlannedRun, cwd = process.cwd()): void {
  const suites = [...new Set(scenarios.map((s) => s.suite))];
  const plan: RunPlan = {
    cwd,
    targets,
    suites: suites.map((s) => ({ file: s.file, index: s.index, doc: s.doc })),
    scenarios: scenarios.map((s) => ({
      file: s.file,
      index: s.index,
      at: s.at,
      suite: suites.indexOf(s.suite),
      doc: s.doc,
    })),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(plan));
}

/**
 * The scenarios and targets of a plan; the scenarios' locators read the YAML again only if a failure needs a position.
 */
export function readPlan(path: string): PlannedRun {
  const plan = JSON.parse(readFileSync(path, 'utf8')) as RunPlan;
  const located = <T extends { file: string; index: number }>(entry: T) => ({
    ...entry,
    ...lazyLocators(resolve(plan.cwd, entry.file), entry.index, entry.file),
  });
  const suites: Suite[] = plan.suites.map((s) => {
    const { locate, doc, file, index } = located(s);
    return { doc, file, index, locate };
  });
  const scenarios = plan.scenarios.map((s) => {
    const { locate, doc, file, index, at } = located(s);
    return { doc, file, index, at, locate, suite: suites[s.suite] };
  });
  return { scenarios, targets: plan.targets };
}

/** Removes a plan once the run is over. */
export function removePlan(path: string): void {
  rmSync(path, { force: true });
}
