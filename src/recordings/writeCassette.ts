import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Har } from './har';
import { stableJson } from './stableJson';

/**
 * Writes a cassette as stable JSON (sorted keys, 2 spaces), through a temporary file so a reader never sees half of it.
 */
export function writeCassette(file: string, har: Har): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, stableJson(har));
  renameSync(temp, file);
}
