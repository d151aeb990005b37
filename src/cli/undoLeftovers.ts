import { log } from '../common/log';
import { describeElsewhere, restoreJournal } from '../engine/restoreJournal';
import type { Target } from '../targets/target';

/**
 * Undoes what the journal says is still changed and reports each step; returns what could not be undone (empty when
 * everything was). Entries recorded against another base URL are said once per URL, with their count (and once per
 * run: `noteElsewhere` is false for the restore after the scenarios).
 */
export async function undoLeftovers(target: Target, whose: string, noteElsewhere = true): Promise<string[]> {
  const outcome = await restoreJournal(target);
  for (const line of outcome.undone) log.info(`restore (${whose}): ${line}`);
  for (const line of outcome.failed)
    log.error(`could not undo (${whose}): ${line}; run \`conformance restore --target ${target.name}\``);
  if (noteElsewhere) for (const line of describeElsewhere(outcome, target)) log.error(`note: ${line}`);
  return outcome.failed;
}
