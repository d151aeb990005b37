import { readFileSync } from 'node:fs';
import type { SimulatorOptions } from '../replay/simulator/createSimulator';
// Imported, not required on use: Playwright's runner loads these modules (and so caches their transpiled code) for the
// workers, which cannot write that cache; the heavy libraries behind them (msw, msal-node) load on first use.
import { createRecordingsTargetFor } from '../recordings/recordingsConfig';
import { withRecording } from '../recordings/recordingTarget';
import { createReplayTarget } from '../replay/replayTarget';
import type { RunSettings } from '../run/runSettings';
import type { TargetConfig } from './targetConfig';
import { targetEnvironment } from './targetConfig';
import { createLiveTarget } from './liveTarget';
import type { Target } from './target';

/** Creates the target a run asked for (once per worker); replay breaks and variant from the settings apply to replay targets. */
export function createTarget(name: string, config: TargetConfig, settings: Pick<RunSettings, 'replayBreaks' | 'replayVariant' | 'replaySeedFile'>, env: NodeJS.ProcessEnv = process.env): Target {
  if (config.kind === 'recordings') return createRecordingsTargetFor(name, config, env);
  if (config.kind === 'replay')
    return withRecording(createReplayTarget({ breaks: [...(config.breaks ?? []), ...settings.replayBreaks], variant: settings.replayVariant ?? config.variant, seed: readSeed(settings.replaySeedFile) }), name, config, env);
  return withRecording(createLiveTarget({ name, maxConcurrency: config.maxConcurrency, timeoutMs: config.timeoutMs }, targetEnvironment(config, env)), name, config, env);
}

/** The replay simulator's starting objects from a JSON file (an array of objects with an id), or none. */
function readSeed(file: string | undefined): SimulatorOptions['seed'] {
  if (!file) return undefined;
  const seed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(seed) || seed.some((o) => typeof (o as { id?: unknown })?.id !== 'string'))
    throw new Error(`CONFORMANCE_REPLAY_SEED: ${file} must hold a JSON array of objects, each with a string id`);
  return seed as SimulatorOptions['seed'];
}
