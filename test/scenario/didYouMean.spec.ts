import { test, expect } from '@playwright/test';
import { didYouMean } from '../../src/common/didYouMean';

const stepKeys = ['name', 'request', 'capture', 'expect'];

test.describe('suggests the closest known word', () => {
  for (const [word, known, expected] of [
    ['expcet', stepKeys, 'expect'],
    ['reqeust', stepKeys, 'request'],
    ['captur', stepKeys, 'capture'],
    ['shcema', ['schema', 'empty', 'odataType', 'matches'], 'schema'],
    ['PATCHH', ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], 'PATCH'],
    ['colection', ['run', 'uuid', 'collection', 'pkiType'], 'collection'],
    [
      'graph.beta.certificateBasedAuthPkii',
      ['graph.error', 'graph.beta.certificateBasedAuthPki'],
      'graph.beta.certificateBasedAuthPki',
    ],
  ] as const) {
    test(`${word} → ${expected}`, () => expect(didYouMean(word, known)).toBe(expected));
  }
});

test('ignores case when comparing but returns the known spelling', () => {
  expect(didYouMean('EXPECT', stepKeys)).toBe('expect');
  expect(didYouMean('patch', ['GET', 'PATCH'])).toBe('PATCH');
});

test('suggests nothing when no word is close', () => {
  expect(didYouMean('nothingLikeIt', stepKeys)).toBeUndefined();
  expect(didYouMean('auth', ['default', 'none', 'invalid'])).toBeUndefined();
  expect(didYouMean('x', [])).toBeUndefined();
});

test('allows at least two edits for short words and about a third of the length for long ones', () => {
  expect(didYouMean('nme', ['name'])).toBe('name'); // 1 edit
  expect(didYouMean('nm', ['name'])).toBe('name'); // 2 edits
  expect(didYouMean('xyz', ['name'])).toBeUndefined(); // 4 edits
  expect(didYouMean('statusDtails', ['statusDetails'])).toBe('statusDetails');
  expect(didYouMean('lastModifiedDate', ['lastModifiedDateTime'])).toBe('lastModifiedDateTime'); // 4 edits of 16
});

test('prefers the nearer of two candidates, and the first of equally near ones', () => {
  expect(didYouMean('stat', ['state', 'status'])).toBe('state');
  expect(didYouMean('ab', ['ax', 'xb'])).toBe('ax');
});

test('accepts any iterable of known words (a Set, as lint passes)', () => {
  expect(didYouMean('expcet', new Set(stepKeys))).toBe('expect');
});
