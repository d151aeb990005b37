import { readFileSync } from 'node:fs';
import type { SimulatorOptions } from '../simulator/createSimulator';

/** The replay simulator's starting objects from a JSON file (an array of objects with an id), or none. */
export function readSeed(file: string | undefined): SimulatorOptions['seed'] {
  if (!file) return undefined;
  const seed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(seed) || seed.some((o) => typeof (o as { id?: unknown })?.id !== 'string'))
    throw new Error(`CONFORMANCE_REPLAY_SEED: ${file} must hold a JSON array of objects, each with a string id`);
  return seed as SimulatorOptions['seed'];
}
