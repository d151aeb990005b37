import { isDateTime } from './formats';

/** One place where an actual value differs from the expected one. */
export interface Difference {
  pointer: string;
  expected: unknown;
  actual: unknown;
}

/** Equal scalars, with date-times compared as instants and null treated like an absent value. */
export function sameScalar(expected: unknown, actual: unknown): boolean {
  if ((expected === null || expected === undefined) && (actual === null || actual === undefined)) return true;
  if (isDateTime(expected) && isDateTime(actual))
    return Date.parse(expected) === Date.parse(actual) && sameFraction(expected, actual);
  return expected === actual;
}

/** Where `actual` fails to contain `expected`: objects by their listed keys, arrays element by element. */
export function subsetDifferences(expected: unknown, actual: unknown, pointer = ''): Difference[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [{ pointer, expected, actual }];
    return expected.flatMap((item, i) => subsetDifferences(item, actual[i], `${pointer}/${i}`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [{ pointer, expected, actual }];
    return Object.entries(expected).flatMap(([key, value]) =>
      subsetDifferences(
        value,
        (actual as Record<string, unknown>)[key],
        `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      ),
    );
  }
  return sameScalar(expected, actual) ? [] : [{ pointer, expected, actual }];
}

/** Date.parse keeps milliseconds only; compare the sub-millisecond digits too, ignoring trailing zeros. */
function sameFraction(a: string, b: string): boolean {
  const fraction = (s: string) => (/\.(\d+)/.exec(s)?.[1] ?? '').padEnd(12, '0').slice(3);
  return fraction(a) === fraction(b);
}
