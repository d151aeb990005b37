import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Har } from './har';
import { stableJson } from '../common/stableJson';

/** Times a re-recording changes though the exchange is the same: ISO date-times and HTTP dates. */
const times =
  /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?|[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT/g;

/**
 * Writes a cassette as stable JSON (sorted keys, 2 spaces), through a temporary file so a reader never sees half of it.
 * A cassette that differs from the one already there only in its times is left as it is, byte for byte, so
 * re-recording a set diffs only where the service answered differently. Returns whether the file was written.
 */
export function writeCassette(file: string, har: Har): boolean {
  const text = stableJson(har);
  if (existsSync(file) && readFileSync(file, 'utf8').replace(times, 'T') === text.replace(times, 'T')) return false;
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  return true;
}
