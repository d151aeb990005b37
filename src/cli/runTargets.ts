import { UsageError } from '../common/log';
import type { Problem } from '../common/problem';
import { unknownBreaks } from '../simulator/breaks';
import { targetConfigFor } from '../targets/loadTargets';
import type { TargetConfig } from '../targets/targetConfig';

/** The targets a run names, checked before anything is sent: each one's configuration, or why the run cannot start. */
export interface CheckedTargets {
  configs: Record<string, TargetConfig>;
  problems: Problem[];
  /** A sentence for a refusal that is not a file problem (an unknown replay break). */
  refusal?: string;
}

/**
 * Resolves each target of `--target a,b,c` (declared, built in, or `recordings:DIR`) and checks what can be checked
 * without sending: unknown names and repeats are usage errors, replay breaks must exist, cassette folders must load.
 */
export function checkTargets(
  names: string[],
  declared: Record<string, TargetConfig>,
  replayBreaks: string[],
  env: NodeJS.ProcessEnv,
): CheckedTargets {
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length)
    throw new UsageError(`--target names ${JSON.stringify(repeated[0])} twice; name each target once`);
  const configs: Record<string, TargetConfig> = {};
  for (const name of names) {
    const config = targetConfigFor(name, declared);
    if (!config) {
      const known = Object.keys(declared).join(', ');
      throw new UsageError(
        `unknown target ${JSON.stringify(name)}; known targets: ${known}, or recordings:DIR (targets.yaml declares more)`,
      );
    }
    configs[name] = config;
  }
  const problems: Problem[] = [];
  for (const [name, config] of Object.entries(configs)) {
    if (config.kind === 'replay') {
      const unknown = unknownBreaks([...(config.breaks ?? []), ...replayBreaks]);
      if (unknown)
        return {
          configs,
          problems,
          refusal: `CONFORMANCE_REPLAY_BREAKS or targets.yaml: ${unknown}; nothing was sent`,
        };
    }
    if (config.kind === 'recordings')
      problems.push(
        ...(
          require('../recordings/recordingsConfig') as typeof import('../recordings/recordingsConfig')
        ).recordingsProblems(name, config, env),
      );
  }
  return { configs, problems };
}
