import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files below a folder (recursively) whose names end with `suffix`, sorted; none when the folder is missing. */
export function listFiles(dir: string, suffix: string | RegExp): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  const wanted = (name: string) => (typeof suffix === 'string' ? name.endsWith(suffix) : suffix.test(name));
  return entries
    .filter((e) => e.isFile() && wanted(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}
