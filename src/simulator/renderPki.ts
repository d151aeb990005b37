import type { PkiObject } from './pkiStore';
import type { PkiRoute, SimContext } from './simContext';
import { oddEntity } from './oddButValid';
import { PKI_ODATA_TYPE } from './validatePkiBody';

/** A property that $select may name, in the order Graph serialises them. */
export type PkiProperty =
  'id' | 'deletedDateTime' | 'displayName' | 'lastModifiedDateTime' | 'status' | 'statusDetails';

/** Every selectable property, in serialisation order. */
export const PKI_PROPERTIES: readonly PkiProperty[] = [
  'id',
  'deletedDateTime',
  'displayName',
  'lastModifiedDateTime',
  'status',
  'statusDetails',
];

const GRAPH_ORIGIN = 'https://graph.microsoft.com';
const COLLECTION_PATH = 'directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';

/** The absolute URL of the collection or of one object, for Location and @odata.nextLink. */
export function resourceUrl(version: PkiRoute['version'], id?: string): string {
  return `${GRAPH_ORIGIN}/${version}/${COLLECTION_PATH}${id === undefined ? '' : `/${id}`}`;
}

/** The @odata.context of the collection (or of one entity), with the $select list as OData writes it. */
export function contextUrl(version: PkiRoute['version'], entity: boolean, select?: readonly PkiProperty[]): string {
  const projection = select ? `(${select.join(',')})` : '';
  return `${GRAPH_ORIGIN}/${version}/$metadata#${COLLECTION_PATH}${projection}${entity ? '/$entity' : ''}`;
}

function odataType(ctx: SimContext): string {
  if (ctx.breaks.has('odata-type-wrong')) return '#microsoft.graph.directoryObject';
  if (ctx.breaks.has('odata-type-lowercase')) return PKI_ODATA_TYPE.toLowerCase();
  return PKI_ODATA_TYPE;
}

function propertyValue(object: PkiObject, name: PkiProperty, ctx: SimContext): unknown {
  const value = object[name];
  if (name === 'lastModifiedDateTime' && ctx.breaks.has('last-modified-not-date-time')) {
    return new Date(object.lastModifiedDateTime).toUTCString();
  }
  if (name === 'displayName' && typeof value === 'string' && ctx.breaks.has('display-name-wrong-type-in-body')) {
    return value.length;
  }
  return value;
}

/** Serialises one object (optionally projected by $select) as an entity, without @odata.context. */
export function renderPki(
  object: PkiObject,
  ctx: SimContext,
  select?: readonly PkiProperty[],
): Record<string, unknown> {
  const entity: Record<string, unknown> = { '@odata.type': odataType(ctx) };
  for (const name of select ?? PKI_PROPERTIES) entity[name] = propertyValue(object, name, ctx);
  return ctx.variant === 'odd-but-valid' ? oddEntity(entity) : entity;
}

/**
 * A single-entity response body: @odata.context (omitted by the odd variant, which OData minimal metadata tolerates)
 * then the entity.
 */
export function pkiEntityBody(
  object: PkiObject,
  route: PkiRoute,
  ctx: SimContext,
  select?: readonly PkiProperty[],
): Record<string, unknown> {
  const entity = renderPki(object, ctx, select);
  if (ctx.variant === 'odd-but-valid') return entity;
  return { '@odata.context': contextUrl(route.version, true, select), ...entity };
}
