import { test, expect } from '@playwright/test';
import { breaks } from '../../src/simulator/breaks';
import { createSimulator } from '../../src/simulator/createSimulator';
import { breakCases } from './breakCases';
import { diffResponses } from './responseDiff';
import { TOKEN, makeSim } from './simHarness';

test.describe('breaks registry', () => {
  test('every break has a description, a rule and a case below, and every case names a break', () => {
    for (const [name, info] of Object.entries(breaks)) {
      expect(info.description, name).not.toBe('');
      expect(info.rule, name).not.toBe('');
    }
    expect(Object.keys(breakCases).sort()).toEqual(Object.keys(breaks).sort());
  });

  test('an unknown break name throws, naming it', () => {
    expect(() => createSimulator({ acceptedTokens: [TOKEN], breaks: ['patch-returns-204', 'no-such-break'] })).toThrow(
      'conformance simulator: unknown break "no-such-break"; known breaks are listed in src/simulator/breaks.ts.',
    );
  });
});

test.describe('each break changes exactly what it claims, compared with the faithful simulator', () => {
  for (const [name, { steps, diff }] of Object.entries(breakCases)) {
    test(name, () => {
      const faithful = makeSim();
      const broken = makeSim({ breaks: [name] });
      const expected = steps.map((step) => faithful.handle(step));
      const actual = steps.map((step) => broken.handle(step));
      expect(diffResponses(expected, actual).sort()).toEqual([...diff].sort());
    });
  }

  // The odd variant must not hide or add differences: the same breaks show the same changes there.
  for (const name of [
    'patch-not-persisted',
    'odata-version-missing',
    'error-envelope-missing-code',
    'accepts-unknown-property',
  ]) {
    test(`${name} (odd-but-valid variant)`, () => {
      const { steps, diff } = breakCases[name] ?? { steps: [], diff: [] };
      const faithful = makeSim({ variant: 'odd-but-valid' });
      const broken = makeSim({ variant: 'odd-but-valid', breaks: [name] });
      const diffs = diffResponses(
        steps.map((s) => faithful.handle(s)),
        steps.map((s) => broken.handle(s)),
      );
      expect(diffs.sort()).toEqual([...diff].sort());
    });
  }
});
