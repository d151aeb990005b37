import { statSync } from 'node:fs';
import { listFiles } from '../common/listFiles';
import { loadCassetteSet } from '../recordings/loadCassettes';
import { loadRun } from '../scenario/loadRun';
import { parseRunOptions } from './runOptions';
import { counted } from '../common/counted';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../common/projectRoot';
import { log, UsageError } from '../common/log';
import { runCommand } from './runCommand';
import { targetNamed } from './targetNamed';

/**
 * `conformance record --target NAME [--dir DIR] [--only-missing] [run options]`: runs the scenarios and writes one
 * redacted HAR cassette per scenario to recordings/<target>/ (or DIR); `--only-missing` records just the scenarios the
 * set has no cassette for.
 */
export async function recordCommand(args: string[]): Promise<number> {
  const { dir, rest: given } = takeDir(args);
  const onlyMissing = given.includes('--only-missing');
  const rest = given.filter((a) => a !== '--only-missing');
  const target = parseArgs({
    args: rest,
    strict: false,
    allowPositionals: true,
    options: { target: { type: 'string' } },
  }).values.target;
  if (typeof target !== 'string')
    throw new UsageError('record needs --target NAME: the target to record, e.g. --target live');
  const config = targetNamed(target);
  if (!config) return 2;
  if (config.kind === 'recordings')
    throw new UsageError(`${target} replays cassettes; record from the service itself (e.g. --target live)`);
  for (const rule of config.redact ?? []) {
    try {
      if (rule.pattern !== undefined) new RegExp(rule.pattern);
    } catch (error) {
      log.error(
        `targets.yaml: target ${target}: redact pattern ${JSON.stringify(rule.pattern)} is not a valid regular expression: ${(error as Error).message}; nothing was sent`,
      );
      return 2;
    }
  }
  const out = resolve(dir ?? join(projectRoot, 'recordings', target));
  const shown = relative(process.cwd(), out) || out;
  if (onlyMissing) {
    // The scenarios that already have a cassette in the set are left out; their cassettes are not touched.
    const recorded = [...loadCassetteSet(out).byScenario.keys()];
    const selected = loadRun(parseRunOptions(rest).settings).scenarios;
    if (selected.every((s) => recorded.includes(s.doc.id))) {
      log.info(`every selected scenario already has a cassette in ${shown}; nothing to record`);
      return 0;
    }
    process.env.CONFORMANCE_EXCLUDE_IDS = recorded.join(',');
  }
  process.env.CONFORMANCE_RECORD_DIR = out;
  const started = Date.now();
  const code = await runCommand(rest);
  const written = listFiles(out, '.har').filter((f) => statSync(f).mtimeMs >= started - 1000).length;
  if (written > 0 || code !== 2)
    log.info(
      `recorded ${counted(written, 'cassette')} in ${shown} (a cassette whose exchanges did not change is kept as it was)`,
    );
  return code;
}

/** Removes `--dir DIR` (or `--dir=DIR`) from the arguments; everything else goes to `run`. */
function takeDir(args: string[]): { dir?: string; rest: string[] } {
  const rest: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dir') {
      dir = args[++i];
      if (dir === undefined || dir.startsWith('--'))
        throw new UsageError('--dir takes the folder to write the cassettes to');
    } else if (args[i].startsWith('--dir=')) dir = args[i].slice('--dir='.length);
    else rest.push(args[i]);
  }
  return { dir, rest };
}
