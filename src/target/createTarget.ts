import { withRecording } from '../recordings/recordingTarget';
import { createReplayTarget } from '../replay/replayTarget';
import type { RunSettings } from '../run/runSettings';
import type { TargetConfig } from './targetConfig';
import { targetEnvironment } from './targetConfig';
import type { Target } from './target';

/** Creates the target a run asked for (once per worker); replay breaks and variant from the settings apply to replay targets. */
export function createTarget(name: string, config: TargetConfig, settings: Pick<RunSettings, 'replayBreaks' | 'replayVariant'>, env: NodeJS.ProcessEnv = process.env): Target {
  if (config.kind === 'recordings') return (require('../recordings/recordingsConfig') as typeof import('../recordings/recordingsConfig')).createRecordingsTargetFor(name, config, env);
  if (config.kind === 'replay')
    return withRecording(createReplayTarget({ breaks: [...(config.breaks ?? []), ...settings.replayBreaks], variant: settings.replayVariant ?? config.variant }), name, config, env);
  // Required here, not imported: replay runs should not load the auth library.
  const { createLiveTarget } = require('./liveTarget') as typeof import('./liveTarget');
  return withRecording(createLiveTarget({ name, maxConcurrency: config.maxConcurrency, timeoutMs: config.timeoutMs }, targetEnvironment(config, env)), name, config, env);
}
