import { sameScalar } from './compareValues';

/** The properties of `sent` (minus `except` and OData annotations) whose value in `body` differs. */
export function propertyDifferences(sent: unknown, body: unknown, except: string[] = []): Array<{ property: string; expected: unknown; actual: unknown }> {
  if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) return [];
  const received = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return Object.entries(sent as Record<string, unknown>)
    .filter(([property]) => !except.includes(property) && !property.startsWith('@'))
    .filter(([property, value]) => !sameDeep(value, received[property]))
    .map(([property, value]) => ({ property, expected: value, actual: received[property] }));
}

function sameDeep(a: unknown, b: unknown): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return sameScalar(a, b);
}
