import { isAbsolute, join, relative } from 'node:path';
import { projectRoot } from '../common/projectRoot';
import type { Problem } from '../common/problem';
import type { Target } from '../targets/target';
import type { TargetConfig } from '../targets/targetConfig';
import { loadCassetteSet } from './loadCassettes';
import { createCassetteReplayTarget } from './cassetteReplayTarget';

/**
 * The folder a recordings target replays: its `dir` (relative to the project root); CONFORMANCE_RECORDINGS_DIR
 * overrides it for the built-in `recordings`.
 */
export function recordingsDir(name: string, config: TargetConfig, env: NodeJS.ProcessEnv = process.env): string {
  const dir = (name === 'recordings' && env.CONFORMANCE_RECORDINGS_DIR) || config.dir || join('recordings', 'live');
  return isAbsolute(dir) ? dir : join(projectRoot, dir);
}

/**
 * Every reason a recordings target cannot replay (folder missing or empty, broken HAR files); checked before a run
 * starts.
 */
export function recordingsProblems(
  name: string,
  config: TargetConfig,
  env: NodeJS.ProcessEnv = process.env,
): Problem[] {
  const dir = recordingsDir(name, config, env);
  return loadCassetteSet(dir).problems.map((p) =>
    p.code === 'recordings.missing' || p.code === 'recordings.empty'
      ? {
          ...p,
          message: `${p.message}: the ${name} target has nothing to replay`,
          hint: `record it: ${recordHint(dir)}`,
        }
      : p,
  );
}

/** Creates the recordings target a `kind: recordings` entry describes, loading its cassettes once. */
export function createRecordingsTargetFor(
  name: string,
  config: TargetConfig,
  env: NodeJS.ProcessEnv = process.env,
): Target {
  const dir = recordingsDir(name, config, env);
  const set = loadCassetteSet(dir);
  const shown = relative(process.cwd(), dir) || dir;
  const broken =
    set.problems[0] &&
    `the cassettes in ${shown} cannot be read: ${set.problems[0].message} (${set.problems[0].location.file}); run \`conformance verify-recordings ${shown}\``;
  return createCassetteReplayTarget(name, {
    basePath: set.cassettes[0]?.basePath ?? '/beta',
    cassetteFor: (scenario) =>
      broken ||
      set.byScenario.get(scenario) ||
      `no cassette for scenario ${scenario} in ${shown}; record the missing ones into this set: ${recordHint(dir, true)}`,
  });
}

/** The command that records into this very set (not recordings/live), only what it lacks when `missing`. */
function recordHint(dir: string, missing = false): string {
  const shown = relative(process.cwd(), dir) || dir;
  return `npx conformance record --target live --allow-writes --dir ${shown}${missing ? ' --only-missing' : ''}`;
}
