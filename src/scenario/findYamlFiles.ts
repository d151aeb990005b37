import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Lists the YAML files named, or found below the folders named, sorted for a stable order. */
export function findYamlFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    if (!isDir) files.add(path);
    else for (const entry of readdirSync(path, { withFileTypes: true, recursive: true }))
      if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.add(join(entry.parentPath ?? entry.path, entry.name));
  }
  return { files: [...files].sort(), missing };
}
