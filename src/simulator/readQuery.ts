import type { BreakName } from './breaks';
import { graphErrors, type GraphErrorSpec } from './graphError';
import { PKI_PROPERTIES, type PkiProperty } from './renderPki';
import { readFilter, readOrderBy, type PkiFilter, type PkiOrder } from './listOptions';

/** The query options a collection GET understands, already checked. */
export interface ListQuery {
  top: number | undefined;
  offset: number;
  select: PkiProperty[] | undefined;
  count: boolean;
  filter: PkiFilter | undefined;
  orderBy: PkiOrder | undefined;
}

type Read<T> = { ok: true; value: T } | { ok: false; error: GraphErrorSpec };

// Graph lists support these, but the simulator does not evaluate them; failing loudly beats answering as if it had.
const NOT_IMPLEMENTED = new Set(['$search', '$expand']);

/** Reads $select (case-insensitive names, answered in model order); an unknown or empty name is a 400. */
export function readSelect(query: URLSearchParams): Read<PkiProperty[] | undefined> {
  const raw = query.get('$select');
  if (raw === null) return { ok: true, value: undefined };
  const chosen = new Set<PkiProperty>();
  for (const part of raw.split(',')) {
    const name = PKI_PROPERTIES.find((p) => p.toLowerCase() === part.trim().toLowerCase());
    if (!name) return { ok: false, error: graphErrors.unknownSelect(part.trim()) };
    chosen.add(name);
  }
  return { ok: true, value: PKI_PROPERTIES.filter((p) => chosen.has(p)) };
}

/** Encodes a list offset as an opaque $skiptoken. */
export function encodeSkipToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeSkipToken(token: string): number | undefined {
  const match = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** Reads a collection GET's query options; options without a `$` are not OData's and are ignored. */
export function readListQuery(query: URLSearchParams, breaks: ReadonlySet<BreakName>): Read<ListQuery> {
  const value: ListQuery = {
    top: undefined,
    offset: 0,
    select: undefined,
    count: false,
    filter: undefined,
    orderBy: undefined,
  };
  for (const [rawName, raw] of query) {
    const name = rawName.toLowerCase();
    if (!name.startsWith('$') || name === '$select') continue;
    if (name === '$top') {
      const top = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(top >= 1 && top <= 999)) return { ok: false, error: graphErrors.badTop(raw) };
      value.top = breaks.has('top-ignored') ? undefined : top;
    } else if (name === '$skip') {
      if (!breaks.has('skip-accepted')) return { ok: false, error: graphErrors.skipUnsupported() };
      value.offset = Number(raw) || 0;
    } else if (name === '$filter') {
      const filter = readFilter(raw);
      if (!filter.ok) return filter;
      value.filter = breaks.has('filter-ignored') ? undefined : filter.value;
    } else if (name === '$orderby') {
      const order = readOrderBy(raw);
      if (!order.ok) return order;
      value.orderBy = breaks.has('orderby-ignored') ? undefined : order.value;
    } else if (name === '$skiptoken') {
      const offset = decodeSkipToken(raw);
      if (offset === undefined) return { ok: false, error: graphErrors.badSkipToken() };
      value.offset = offset;
    } else if (name === '$count') {
      if (raw !== 'true' && raw !== 'false') return { ok: false, error: graphErrors.badCount(raw) };
      value.count = raw === 'true';
    } else {
      return {
        ok: false,
        error: NOT_IMPLEMENTED.has(name) ? graphErrors.unsupportedQuery(rawName) : graphErrors.unknownQuery(rawName),
      };
    }
  }
  const select = readSelect(query);
  if (!select.ok) return select;
  value.select = select.value;
  return { ok: true, value };
}
