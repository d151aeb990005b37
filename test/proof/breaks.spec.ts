/**
 * The proof that the checks bite: the default suite, run against the simulator with one break at a time, fails for the
 * rule that break violates.
 */
import { test, expect } from '@playwright/test';
import { breaks } from '../../src/simulator/breaks';
import { defaultSuite, failureLines, runDefaultSuite } from './runDefaultSuite';
import { expectedCatches } from './expectedCatches';

test.describe('the table of expected catches', () => {
  test('names every break of the registry, and nothing else', () => {
    expect(
      Object.keys(expectedCatches).sort(),
      'a break without a proof: add it to test/proof/expectedCatches.ts',
    ).toEqual(Object.keys(breaks).sort());
  });

  test('names only scenarios of the default suite and contract codes', () => {
    const ids = new Set(defaultSuite().scenarios.map((s) => s.doc.id));
    const unknown = Object.entries(expectedCatches).flatMap(([name, c]) => [
      ...[...c.scenarios, ...Object.keys(c.knownErrored ?? {})]
        .filter((id) => !ids.has(id))
        .map((id) => `${name}: no scenario ${id}`),
      ...c.codes
        .filter((code) => !code.startsWith('contract.'))
        .map((code) => `${name}: ${code} is not a contract code`),
      ...Object.keys(c.at ?? {})
        .filter((code) => !c.codes.includes(code as never))
        .map((code) => `${name}: at names ${code}, which codes lacks`),
      ...(c.codes.length === 0 || c.scenarios.length === 0
        ? [`${name}: needs at least one code and one scenario`]
        : []),
    ]);
    expect(unknown).toEqual([]);
  });
});

test.describe('each break is caught by the default suite', () => {
  for (const [name, expected] of Object.entries(expectedCatches)) {
    test(name, async () => {
      test.fail(expected.gap !== undefined, `known gap: ${expected.gap}`);
      const results = await runDefaultSuite({ breaks: [name] });
      // Messages list the failures of the scenarios that matter here, not of the whole suite.
      const lines = failureLines(
        results.filter((r) => expected.scenarios.includes(r.id) || r.verdict === 'errored'),
      ).join('\n');
      const verdict = (id: string) => results.find((r) => r.id === id)?.verdict;

      // A contract violation must never be reported as a harness problem; known engine defects are listed, and must
      // still happen.
      const errored = results
        .filter((r) => r.verdict === 'errored')
        .map((r) => r.id)
        .sort();
      expect(errored, `errored scenarios under ${name}:\n${lines}`).toEqual(
        Object.keys(expected.knownErrored ?? {}).sort(),
      );
      expect(
        results.some((r) => r.verdict === 'failed'),
        `no scenario failed under ${name}`,
      ).toBe(true);
      expect(
        expected.scenarios.map((id) => `${id}: ${verdict(id)}`),
        lines,
      ).toEqual(expected.scenarios.map((id) => `${id}: failed`));

      const catching = results.filter((r) => expected.scenarios.includes(r.id)).flatMap((r) => r.failures);
      const missing = expected.codes
        .map((code) => ({ code, pointer: expected.at?.[code] }))
        .filter(
          ({ code, pointer }) =>
            !catching.some((f) => f.code === code && (pointer === undefined || f.pointer === pointer)),
        )
        .map(({ code, pointer }) => `${code}${pointer ? ` at ${pointer}` : ''}`);
      expect(missing, `codes the expected scenarios did not report under ${name}; they reported:\n${lines}`).toEqual(
        [],
      );
    });
  }
});
