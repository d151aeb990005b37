import { parseArgs } from 'node:util';
import { log } from '../common/log';
import { counted } from '../common/counted';
import { runSettings } from '../runner/runSettings';
import { CredentialError } from '../targets/auth/credentialError';
import { createTarget } from '../runner/createTarget';
import { describeElsewhere, restoreJournal } from '../engine/restoreJournal';
import { targetNamed } from './targetNamed';

/**
 * `conformance restore --target NAME [--forget URL]`: undoes every write an interrupted run left in the target's
 * journal; `--forget URL` instead drops the entries recorded against another base URL, once the user has handled them.
 */
export async function restoreCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { target: { type: 'string' }, forget: { type: 'string' } } });
  const name = values.target ?? 'live';
  const config = targetNamed(name);
  if (!config) return 2;
  if (config.kind !== 'live') {
    log.info(`${name} is a ${config.kind} target: nothing outside this process was changed, nothing to restore`);
    return 0;
  }
  let target;
  try {
    target = createTarget(name, config, runSettings());
  } catch (error) {
    if (!(error instanceof CredentialError)) throw error;
    log.error(`no usable credential for ${name}: ${error.message}`);
    return 3;
  }
  if (values.forget !== undefined) {
    const forgotten = target.journal?.forget(values.forget.replace(/\/$/, '')) ?? 0;
    log.info(
      `forgot ${counted(forgotten, 'journal entry', 'journal entries')} of ${name} recorded against ${values.forget}`,
    );
    return 0;
  }
  const pending = target.journal?.pending().length ?? 0;
  if (pending === 0) {
    log.info(`nothing to restore for ${name}: its journal has no pending change`);
    return 0;
  }
  const outcome = await restoreJournal(target);
  for (const line of outcome.undone) log.info(`restored: ${line}`);
  for (const line of outcome.failed) log.error(`could not undo: ${line}`);
  for (const line of describeElsewhere(outcome, target)) log.error(line);
  log.info(`${outcome.undone.length} of ${pending} pending change(s) undone`);
  return outcome.failed.length || outcome.elsewhere.size ? 3 : 0;
}
