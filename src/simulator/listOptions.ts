import { graphErrors, type GraphErrorSpec } from './graphError';
import type { PkiObject } from './pkiStore';
import { compareODataValues } from '../common/odataOrder';

type Read<T> = { ok: true; value: T } | { ok: false; error: GraphErrorSpec };

/** A $filter the simulator evaluates: every clause must hold (OData `and`). */
export type PkiFilter = (object: PkiObject) => boolean;

// The string properties a directory collection filters and orders by; the others answer 400 as Graph does.
const FILTERABLE = ['id', 'displayName', 'status', 'statusDetails'] as const;
const ORDERABLE = ['displayName', 'lastModifiedDateTime'] as const;

function propertyNamed<T extends string>(names: readonly T[], raw: string): T | undefined {
  return names.find((name) => name.toLowerCase() === raw.toLowerCase());
}

// An OData string literal: single quotes, a quote doubled inside.
const LITERAL = String.raw`'((?:[^']|'')*)'`;
const COMPARISON = new RegExp(String.raw`^(\w+)\s+(eq|ne)\s+(?:${LITERAL}|(null))$`, 'i');
const STARTS_WITH = new RegExp(String.raw`^startswith\(\s*(\w+)\s*,\s*${LITERAL}\s*\)$`, 'i');

function clause(text: string): Read<PkiFilter> {
  const comparison = COMPARISON.exec(text);
  const startsWith = comparison ? undefined : STARTS_WITH.exec(text);
  const match = comparison ?? startsWith;
  if (!match)
    return { ok: false, error: graphErrors.badFilter(`'${text}' is not "property eq 'text'", "ne" or startswith`) };
  const property = propertyNamed(FILTERABLE, match[1]);
  if (!property) return { ok: false, error: graphErrors.badFilter(`'${match[1]}' cannot be filtered on`) };
  const read = (object: PkiObject) => object[property];
  if (startsWith) {
    const prefix = startsWith[2].replace(/''/g, "'").toLowerCase();
    return { ok: true, value: (o) => (read(o) ?? '').toLowerCase().startsWith(prefix) };
  }
  const operand = comparison![4] ? null : comparison![3].replace(/''/g, "'").toLowerCase();
  const equal = (o: PkiObject) => (read(o)?.toLowerCase() ?? null) === operand;
  return { ok: true, value: comparison![2].toLowerCase() === 'eq' ? equal : (o) => !equal(o) };
}

/** Reads $filter: clauses joined by `and`, each an `eq`/`ne` comparison with a string or null, or `startswith`. */
export function readFilter(raw: string): Read<PkiFilter> {
  const clauses: PkiFilter[] = [];
  // Splits on " and " outside string literals.
  for (const part of raw.split(/\s+and\s+(?=(?:[^']*'[^']*')*[^']*$)/i)) {
    const read = clause(part.trim());
    if (!read.ok) return read;
    clauses.push(read.value);
  }
  return { ok: true, value: (object) => clauses.every((test) => test(object)) };
}

/** An $orderby: one property and a direction. */
export interface PkiOrder {
  property: (typeof ORDERABLE)[number];
  descending: boolean;
}

/** Reads $orderby: one orderable property, optionally `asc` or `desc`. */
export function readOrderBy(raw: string): Read<PkiOrder> {
  const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(raw);
  const property = match && propertyNamed(ORDERABLE, match[1]);
  if (!property)
    return { ok: false, error: graphErrors.badOrderBy(`'${raw}' is not one of ${ORDERABLE.join(', ')}, asc or desc`) };
  return { ok: true, value: { property, descending: match[2]?.toLowerCase() === 'desc' } };
}

/** Sorts objects by an order; strings case-insensitively, nulls first ascending, ties by id so pages are stable. */
export function sortObjects(objects: PkiObject[], order: PkiOrder | undefined): PkiObject[] {
  if (!order) return objects;
  const sign = order.descending ? -1 : 1;
  return [...objects].sort(
    (a, b) => sign * compareODataValues(a[order.property], b[order.property]) || a.id.localeCompare(b.id),
  );
}
