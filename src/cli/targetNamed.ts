import { renderProblems } from '../report/renderProblem';
import { projectRoot } from '../run/runSettings';
import { loadTargets } from '../target/loadTargets';
import type { TargetConfig } from '../target/targetConfig';
import { log, UsageError } from './log';

/** The configuration of the target a command names; undefined (problems already printed, exit 2) when targets.yaml is broken. */
export function targetNamed(name: string): TargetConfig | undefined {
  const targets = loadTargets(projectRoot);
  if (targets.problems.length) {
    log.raw(renderProblems(targets.problems));
    return undefined;
  }
  const config = targets.targets[name];
  if (!config) throw new UsageError(`unknown target ${JSON.stringify(name)}; known targets: ${Object.keys(targets.targets).join(', ')} (targets.yaml declares more)`);
  return config;
}
