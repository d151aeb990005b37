import { statSync } from 'node:fs';
import { listFiles } from '../common/listFiles';
import { counted } from '../common/counted';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../common/projectRoot';
import { log, UsageError } from '../common/log';
import { runCommand } from './runCommand';
import { targetNamed } from './targetNamed';

/**
 * `conformance record --target NAME [--dir DIR] [run options]`: runs the scenarios and writes one redacted HAR cassette
 * per scenario to recordings/<target>/ (or DIR).
 */
export async function recordCommand(args: string[]): Promise<number> {
  const { dir, rest } = takeDir(args);
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
  process.env.CONFORMANCE_RECORD_DIR = out;
  const started = Date.now();
  const code = await runCommand(rest);
  const written = listFiles(out, '.har').filter((f) => statSync(f).mtimeMs >= started - 1000).length;
  if (written > 0 || code !== 2)
    log.info(`recorded ${counted(written, 'cassette')} in ${relative(process.cwd(), out) || out}`);
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
