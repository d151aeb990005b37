import type { SimRequest } from './simRequest';
import type { BreakName } from './breaks';
import { findPki } from './findPki';
import { fail, type Outcome } from './finishResponse';
import { nextModified, type PkiChanges, type PkiObject, type PkiWritable } from './pkiStore';
import { readJsonBody } from './readJsonBody';
import { pkiEntityBody } from './renderPki';
import { otherId } from './responseHeaders';
import type { PkiRoute, SimContext } from './simContext';
import { validatePkiBody } from './validatePkiBody';

const WRITABLE: readonly PkiWritable[] = ['deletedDateTime', 'displayName', 'status', 'statusDetails'];
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

function effectiveChanges(changes: PkiChanges, breaks: ReadonlySet<BreakName>): PkiChanges {
  const out: PkiChanges = { ...changes };
  if (breaks.has('patch-ignores-status')) delete out.status;
  if (breaks.has('patch-ignores-deleted-date-time')) delete out.deletedDateTime;
  if (breaks.has('patch-not-partial')) for (const name of WRITABLE) if (!(name in changes)) out[name] = null;
  return out;
}

function stampAfter(previous: string, ctx: SimContext): string {
  if (ctx.breaks.has('last-modified-not-bumped')) return previous;
  if (ctx.breaks.has('last-modified-goes-backwards')) return new Date(Date.parse(previous) - ONE_DAY_MS).toISOString();
  return nextModified(previous, ctx.now());
}

// The persistence breaks still store the new lastModifiedDateTime, so that a later GET never shows it going back.
function toStore(current: PkiObject, updated: PkiObject, breaks: ReadonlySet<BreakName>): PkiObject {
  const { lastModifiedDateTime } = updated;
  if (breaks.has('patch-not-persisted')) return { ...current, lastModifiedDateTime };
  if (breaks.has('persisted-only-display-name'))
    return { ...current, displayName: updated.displayName, lastModifiedDateTime };
  return updated;
}

function toEcho(current: PkiObject, updated: PkiObject, breaks: ReadonlySet<BreakName>): PkiObject {
  if (breaks.has('patch-not-echoed')) return current;
  if (breaks.has('patch-changes-id')) return { ...updated, id: otherId(updated.id) };
  return updated;
}

/**
 * PATCH on one object: the body is checked before the id is looked up (deserialisation comes first), then applied
 * partially.
 */
export function patchPki(req: SimRequest, route: PkiRoute & { id: string }, ctx: SimContext): Outcome {
  const read = readJsonBody(req, ctx.breaks);
  if (!read.ok) return fail(read.error);
  const valid = validatePkiBody(read.body, ctx.breaks);
  if (!valid.ok) return fail(valid.error);
  const lookup = findPki(route.id, ctx);
  if (!lookup.ok) return fail(lookup.error);
  const current = lookup.object;
  const updated: PkiObject = {
    ...current,
    ...effectiveChanges(valid.changes, ctx.breaks),
    lastModifiedDateTime: stampAfter(current.lastModifiedDateTime, ctx),
  };
  if (!lookup.madeUp) ctx.store.put(toStore(current, updated, ctx.breaks));
  if (ctx.breaks.has('patch-returns-204')) return { kind: 'empty', status: 204 };
  const status = ctx.breaks.has('patch-returns-201') ? 201 : 200;
  return { kind: 'json', status, body: pkiEntityBody(toEcho(current, updated, ctx.breaks), route, ctx) };
}
