import { createReplayTarget } from '../replay/replayTarget';
import type { RunSettings } from '../run/runSettings';
import type { TargetConfig } from './targetConfig';
import { targetEnvironment } from './targetConfig';
import type { Target } from './target';

/** Creates the target a run asked for (once per worker); replay breaks and variant from the settings apply to replay targets. */
export function createTarget(name: string, config: TargetConfig, settings: Pick<RunSettings, 'replayBreaks' | 'replayVariant'>, env: NodeJS.ProcessEnv = process.env): Target {
  if (config.kind === 'replay')
    return createReplayTarget({ breaks: [...(config.breaks ?? []), ...settings.replayBreaks], variant: settings.replayVariant ?? config.variant });
  // Required here, not imported: replay runs should not load the auth library.
  const { createLiveTarget } = require('./liveTarget') as typeof import('./liveTarget');
  return createLiveTarget({ name, maxConcurrency: config.maxConcurrency, timeoutMs: config.timeoutMs }, targetEnvironment(config, env));
}
