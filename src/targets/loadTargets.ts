import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../common/problem';
import { readValidatedDocuments } from '../scenario/readValidatedDocuments';
import { builtinTargets, type TargetConfig } from './targetConfig';

/** The targets a run can name, and the problems in targets.yaml. */
export interface LoadedTargets {
  targets: Record<string, TargetConfig>;
  problems: Problem[];
}

/** Reads targets.yaml from the folder (if there is one) on top of the built-in `replay` and `live`. */
export function loadTargets(dir: string, cwd = process.cwd()): LoadedTargets {
  const path = join(dir, 'targets.yaml');
  const problems: Problem[] = [];
  if (!existsSync(path)) return { targets: { ...builtinTargets }, problems };
  const docs = readValidatedDocuments(path, cwd, 'targets', problems);
  const declared = (docs[0]?.value as { targets?: Record<string, TargetConfig> } | undefined)?.targets ?? {};
  return { targets: { ...builtinTargets, ...declared }, problems };
}
