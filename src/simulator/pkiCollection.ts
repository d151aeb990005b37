import type { SimRequest } from './simRequest';
import { fail, type Outcome } from './finishResponse';
import type { PkiObject } from './pkiStore';
import { readJsonBody } from './readJsonBody';
import { encodeSkipToken, readListQuery } from './readQuery';
import { sortObjects } from './listOptions';
import { contextUrl, pkiEntityBody, renderPki, resourceUrl } from './renderPki';
import type { PkiRoute, SimContext } from './simContext';
import { validatePkiBody } from './validatePkiBody';

// Graph's usual default page size when the caller gives no $top.
const DEFAULT_PAGE_SIZE = 100;
const CARRIED = new Set(['$filter', '$orderby']);

/** GET on the collection: one page of objects, with @odata.nextLink when more remain. */
export function listPki(req: SimRequest, route: PkiRoute, ctx: SimContext): Outcome {
  const query = readListQuery(req.query, ctx.breaks);
  if (!query.ok) return fail(query.error);
  const { top = DEFAULT_PAGE_SIZE, offset, select, count, filter, orderBy } = query.value;
  const all = sortObjects(filter ? ctx.store.list().filter(filter) : ctx.store.list(), orderBy);
  const body: Record<string, unknown> = {};
  if (ctx.variant !== 'odd-but-valid') body['@odata.context'] = contextUrl(route.version, false, select);
  if (count) body['@odata.count'] = all.length;
  if (offset + top < all.length) {
    // The next page keeps the caller's $filter and $orderby as sent.
    const carried = [...req.query].filter(([name]) => CARRIED.has(name.toLowerCase()));
    const next = new URLSearchParams([...carried, ['$top', String(top)]]);
    if (select) next.set('$select', select.join(','));
    next.set('$skiptoken', encodeSkipToken(offset + top));
    body['@odata.nextLink'] = `${resourceUrl(route.version)}?${next.toString().replace(/%24/g, '$')}`;
  }
  body.value = all.slice(offset, offset + top).map((object) => renderPki(object, ctx, select));
  return { kind: 'json', status: 200, body };
}

/** POST on the collection: validated like PATCH, stored, answered 201 with the entity and its Location. */
export function createPki(req: SimRequest, route: PkiRoute, ctx: SimContext): Outcome {
  const read = readJsonBody(req, ctx.breaks);
  if (!read.ok) return fail(read.error);
  const valid = validatePkiBody(read.body, ctx.breaks);
  if (!valid.ok) return fail(valid.error);
  const object: PkiObject = {
    id: ctx.newId(),
    deletedDateTime: null,
    displayName: null,
    status: null,
    statusDetails: null,
    ...valid.changes,
    lastModifiedDateTime: ctx.now().toISOString(),
  };
  ctx.store.put(object);
  return {
    kind: 'json',
    status: ctx.breaks.has('post-returns-200') ? 200 : 201,
    body: pkiEntityBody(object, route, ctx),
    headers: { Location: resourceUrl(route.version, object.id) },
  };
}
