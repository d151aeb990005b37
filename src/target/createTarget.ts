import { createReplayTarget } from '../replay/replayTarget';
import type { RunSettings } from '../run/runSettings';
import type { Target } from './target';

/** The names `--target` accepts. */
export const targetNames = ['replay'] as const;

/** Creates the target a run asked for (once per worker). */
export async function createTarget(settings: RunSettings): Promise<Target> {
  switch (settings.target) {
    case 'replay':
      return createReplayTarget({ breaks: settings.replayBreaks, variant: settings.replayVariant });
    default:
      throw new Error(`unknown target ${JSON.stringify(settings.target)}; known: ${targetNames.join(', ')}`);
  }
}
