import { projectRoot } from '../common/projectRoot';
import { loadTargets } from '../targets/loadTargets';
import type { TargetConfig } from '../targets/targetConfig';
import { UsageError } from '../common/log';
import { printProblems } from './printProblems';

/**
 * The configuration of the target a command names; undefined (problems already printed, exit 2) when targets.yaml is
 * broken.
 */
export function targetNamed(name: string): TargetConfig | undefined {
  const targets = loadTargets(projectRoot);
  if (printProblems(targets.problems)) return undefined;
  const config = targets.targets[name];
  if (!config)
    throw new UsageError(
      `unknown target ${JSON.stringify(name)}; known targets: ${Object.keys(targets.targets).join(', ')} (targets.yaml declares more)`,
    );
  return config;
}
