import type { SimRequest } from './simRequest';
import { findPki } from './findPki';
import { fail, type Outcome } from './finishResponse';
import { readSelect } from './readQuery';
import { contextUrl, pkiEntityBody, renderPki } from './renderPki';
import type { PkiRoute, SimContext } from './simContext';

/** GET on one object, honouring $select. */
export function getPki(req: SimRequest, route: PkiRoute & { id: string }, ctx: SimContext): Outcome {
  const select = readSelect(req.query);
  if (!select.ok) return fail(select.error);
  const lookup = findPki(route.id, ctx);
  if (!lookup.ok) return fail(lookup.error);
  if (ctx.breaks.has('get-wraps-entity-in-value')) {
    const wrapped: Record<string, unknown> = { value: renderPki(lookup.object, ctx, select.value) };
    const context = { '@odata.context': contextUrl(route.version, true, select.value) };
    const body = ctx.variant === 'odd-but-valid' ? wrapped : { ...context, ...wrapped };
    return { kind: 'json', status: 200, body };
  }
  return { kind: 'json', status: 200, body: pkiEntityBody(lookup.object, route, ctx, select.value) };
}

/** DELETE on one object: removed (Graph soft-deletes it to directory/deletedItems, out of this collection), 204. */
export function deletePki(route: PkiRoute & { id: string }, ctx: SimContext): Outcome {
  const lookup = findPki(route.id, ctx);
  if (!lookup.ok) return fail(lookup.error);
  if (!lookup.madeUp && !ctx.breaks.has('delete-not-persisted')) ctx.store.remove(route.id);
  if (ctx.breaks.has('delete-returns-200'))
    return { kind: 'json', status: 200, body: pkiEntityBody(lookup.object, route, ctx) };
  return { kind: 'empty', status: 204 };
}
