import { test, expect } from '@playwright/test';
import {
  interpolate,
  lookup,
  placeholdersIn,
  readPath,
  UnknownVariableError,
  type Scope,
} from '../../src/scenario/interpolate';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const scope: Scope = {
  pki: { id: 'c721dc42', displayName: 'Contoso PKI', status: null, tags: ['a', 'b'], nested: { n: 7 } },
  run: { id: '20250101' },
  count: 3,
  flag: false,
  collection: '/directory/pki',
};

test.describe("a string that is one whole placeholder keeps the value's type", () => {
  for (const [text, expected] of [
    ['{count}', 3],
    ['{flag}', false],
    ['{pki.status}', null],
    ['{pki.tags}', ['a', 'b']],
    ['{pki.nested}', { n: 7 }],
    ['{pki.nested.n}', 7],
    ['{pki.id}', 'c721dc42'],
  ] as const) {
    test(`${text} → ${JSON.stringify(expected)}`, () => expect(interpolate(text, scope)).toEqual(expected));
  }

  test('a missing property of a known root is undefined, not an error', () => {
    expect(interpolate('{pki.nope}', scope)).toBeUndefined();
    expect(interpolate('{pki.id.deeper}', scope)).toBeUndefined();
  });
});

test.describe('embedded placeholders become text', () => {
  test('strings are inserted as they are', () => {
    expect(interpolate('{collection}/{pki.id}', scope)).toBe('/directory/pki/c721dc42');
    expect(interpolate('Contoso PKI {run.id}!', scope)).toBe('Contoso PKI 20250101!');
  });

  test('other values are inserted as JSON', () => {
    expect(interpolate('n={count} f={flag} s={pki.status} t={pki.tags} o={pki.nested}', scope)).toBe(
      'n=3 f=false s=null t=["a","b"] o={"n":7}',
    );
  });

  test('placeholders are resolved in nested objects, arrays and keys', () => {
    expect(
      interpolate(
        { path: '{collection}/{pki.id}', list: ['{count}', { deep: '{pki.nested.n}' }], '{pki.id}': 1, n: 5, z: null },
        scope,
      ),
    ).toEqual({ path: '/directory/pki/c721dc42', list: [3, { deep: 7 }], c721dc42: 1, n: 5, z: null });
  });

  test('text without placeholders and non-strings pass through unchanged', () => {
    for (const value of ['plain', '', 0, true, null, [1, 'x'], { a: { b: 'c' } }])
      expect(interpolate(value, scope)).toEqual(value);
  });
});

test.describe('generators', () => {
  test('{uuid} is a fresh v4 GUID at every use', () => {
    const a = interpolate('{uuid}', scope) as string;
    const b = interpolate('{uuid}', scope) as string;
    expect(a).toMatch(GUID);
    expect(b).toMatch(GUID);
    expect(a).not.toBe(b);
    expect(interpolate('id-{uuid}', scope)).toMatch(/^id-[0-9a-f-]{36}$/);
  });

  test('{text:N} is N characters, embedded or whole', () => {
    expect(interpolate('{text:5}', scope)).toBe('xxxxx');
    expect((interpolate('{text:257}', scope) as string).length).toBe(257);
    expect(interpolate('<{text:3}>', scope)).toBe('<xxx>');
    expect(interpolate('{text:0}', scope)).toBe('');
  });

  test('{text} without a length gives ten characters, and lengths are capped at a million', () => {
    expect(interpolate('{text}', scope)).toBe('x'.repeat(10));
    expect((interpolate('{text:99999999}', scope) as string).length).toBe(1_000_000);
  });

  test('{now} is the current instant as an ISO date-time', () => {
    const before = Date.now();
    const now = interpolate('{now}', scope) as string;
    expect(new Date(now).toISOString()).toBe(now);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before - 1);
  });

  test('a scope variable named like a generator wins over the generator', () => {
    expect(interpolate('{uuid}', { uuid: 'fixed' })).toBe('fixed');
  });
});

test.describe('unknown roots', () => {
  test('an unknown root throws UnknownVariableError naming it and the known roots', () => {
    const error = catchError(() => interpolate('{colection}/x', scope));
    expect(error).toBeInstanceOf(UnknownVariableError);
    expect((error as UnknownVariableError).variable).toBe('colection');
    expect((error as UnknownVariableError).known).toEqual(Object.keys(scope));
    expect((error as Error).message).toBe('unknown variable {colection}');
  });

  test('an unknown generator throws and lists the generators', () => {
    const error = catchError(() => lookup('lorem:5', scope)) as UnknownVariableError;
    expect(error).toBeInstanceOf(UnknownVariableError);
    expect(error.variable).toBe('lorem:5');
    expect(error.known).toEqual(['uuid', 'now', 'text']);
  });

  test('the error surfaces from inside nested values too', () => {
    expect(() => interpolate({ a: [{ b: 'x {nope.y}' }] }, scope)).toThrow(UnknownVariableError);
  });
});

test.describe('JSON braces in raw bodies are left alone', () => {
  for (const raw of [
    '{"displayName": "Contoso PKI",}',
    '{"a":{"b":[1,2,{}]}}',
    '{ "spaced": true }',
    '{}',
    '{1}',
    '{-x}',
    '{ notAPlaceholder }',
  ])
    test(raw, () => expect(interpolate(raw, scope)).toBe(raw));

  test('a raw JSON body with a placeholder inside a string value resolves only the placeholder', () => {
    expect(interpolate('{"displayName": "{pki.displayName} {run.id}", "n": {count}}', scope)).toBe(
      '{"displayName": "Contoso PKI 20250101", "n": 3}',
    );
  });
});

test.describe('placeholdersIn lists what lint must check', () => {
  test('names from strings, keys, arrays and nested objects, in order', () => {
    expect(
      placeholdersIn({ '{k}': ['{a.b}', { c: 'x {text:3} {steps.patch.response.body.id}' }], raw: '{"json": 1}' }),
    ).toEqual(['k', 'a.b', 'text:3', 'steps.patch.response.body.id']);
  });

  test('nothing for values without placeholders', () => {
    expect(placeholdersIn([1, null, true, '{"a":1}', { b: 'c' }])).toEqual([]);
  });
});

test('readPath follows keys and array indexes and stops at non-objects', () => {
  expect(readPath({ a: [{ b: 1 }] }, ['a', '0', 'b'])).toBe(1);
  expect(readPath({ a: 'text' }, ['a', 'length'])).toBeUndefined();
  expect(readPath(null, ['a'])).toBeUndefined();
  expect(readPath({ a: 1 }, [])).toEqual({ a: 1 });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
