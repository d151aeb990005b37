// Imported, not required on use: Playwright's runner loads these modules (and so caches their transpiled code) for the
// workers, which cannot write that cache; the heavy libraries behind them (msw, msal-node) load on first use.
import { createRecordingsTargetFor } from '../recordings/recordingsConfig';
import { withCassetteRecorder } from '../recordings/withCassetteRecorder';
import { createReplayTarget } from '../replay/replayTarget';
import { readSeed } from '../replay/readSeed';
import type { RunSettings } from './runSettings';
import type { TargetConfig } from '../targets/targetConfig';
import { targetEnvironment } from '../targets/targetConfig';
import { createLiveTarget } from '../targets/liveTarget';
import type { Target } from '../targets/target';

/**
 * Creates the target a run asked for (once per worker); replay breaks and variant from the settings apply to replay
 * targets.
 */
export function createTarget(
  name: string,
  config: TargetConfig,
  settings: Pick<RunSettings, 'replayBreaks' | 'replayVariant' | 'replaySeedFile'>,
  env: NodeJS.ProcessEnv = process.env,
): Target {
  if (config.kind === 'recordings') return createRecordingsTargetFor(name, config, env);
  if (config.kind === 'replay')
    return withCassetteRecorder(
      createReplayTarget({
        breaks: [...(config.breaks ?? []), ...settings.replayBreaks],
        variant: settings.replayVariant ?? config.variant,
        seed: readSeed(settings.replaySeedFile),
      }),
      name,
      config,
      env,
    );
  return withCassetteRecorder(
    createLiveTarget(
      { name, maxConcurrency: config.maxConcurrency, timeoutMs: config.timeoutMs },
      targetEnvironment(config, env),
    ),
    name,
    config,
    env,
  );
}
