import { statSync } from 'node:fs';
import { listFiles } from '../common/listFiles';

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
    else for (const file of listFiles(path, /\.ya?ml$/)) files.add(file);
  }
  return { files: [...files].sort(), missing };
}
