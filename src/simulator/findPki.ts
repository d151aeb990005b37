import { graphErrors, type GraphErrorSpec } from './graphError';
import type { PkiObject } from './pkiStore';
import type { SimContext } from './simContext';

/**
 * The object an item request addresses; `madeUp` marks one invented by the unknown-id-returns-200 break, never stored.
 */
export type Lookup = { ok: true; object: PkiObject; madeUp: boolean } | { ok: false; error: GraphErrorSpec };

/**
 * Looks up an id, answering 404 Request_ResourceNotFound (or what an unknown-id break answers instead) when it is
 * absent.
 */
export function findPki(id: string, ctx: SimContext): Lookup {
  const object = ctx.store.get(id);
  if (object) return { ok: true, object, madeUp: false };
  if (ctx.breaks.has('unknown-id-returns-200')) {
    const madeUp: PkiObject = {
      id,
      deletedDateTime: null,
      displayName: 'Contoso PKI',
      lastModifiedDateTime: ctx.now().toISOString(),
      status: 'succeeded',
      statusDetails: null,
    };
    return { ok: true, object: madeUp, madeUp: true };
  }
  if (ctx.breaks.has('unknown-id-returns-400')) return { ok: false, error: graphErrors.badRequestForId(id) };
  if (ctx.breaks.has('unknown-id-returns-500')) return { ok: false, error: graphErrors.internal() };
  return { ok: false, error: graphErrors.notFound(id) };
}
