import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** `--target recordings:DIR`: the cassettes in any folder, without a targets.yaml entry. */
const recordingsPrefix = 'recordings:';

/**
 * The configuration of a target a run names: a declared or built-in one, or `recordings:DIR` (a folder of cassettes,
 * relative to `cwd`); undefined when there is no such target.
 */
export function targetConfigFor(
  name: string,
  declared: Record<string, TargetConfig>,
  cwd = process.cwd(),
): TargetConfig | undefined {
  if (Object.hasOwn(declared, name)) return declared[name];
  if (!name.startsWith(recordingsPrefix) || name.length === recordingsPrefix.length) return undefined;
  const dir = name.slice(recordingsPrefix.length);
  return { kind: 'recordings', dir: resolve(cwd, dir), description: `the cassettes in ${dir}` };
}
