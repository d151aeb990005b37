/**
 * How OData orders two property values in Graph's directory: null (or absent) first, strings case-insensitively, other
 * scalars by value. The simulator sorts by it and the `collection_items` check judges an order by it.
 */
export function compareODataValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'accent' });
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}
