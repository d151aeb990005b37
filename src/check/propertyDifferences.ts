import { subsetDifferences } from './compareValues';

/** The properties of `sent` (minus `except` and OData annotations) whose value in `body` differs. */
export function propertyDifferences(
  sent: unknown,
  body: unknown,
  except: string[] = [],
): Array<{ property: string; expected: unknown; actual: unknown }> {
  if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) return [];
  const received = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return Object.entries(sent as Record<string, unknown>)
    .filter(([property]) => !except.includes(property) && !property.startsWith('@'))
    .filter(([property, value]) => !sameDeep(value, received[property]))
    .map(([property, value]) => ({ property, expected: value, actual: received[property] }));
}

/** Equal both ways round: member order does not matter, date-times compare as instants at any depth. */
function sameDeep(a: unknown, b: unknown): boolean {
  return subsetDifferences(a, b).length === 0 && subsetDifferences(b, a).length === 0;
}
