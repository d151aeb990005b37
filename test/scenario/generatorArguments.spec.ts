import { test, expect } from '@playwright/test';
import { interpolate } from '../../src/scenario/interpolate';
import { loadAndRender } from './loadCase';
import { sampleDir } from './probeInChild';

// A generator argument is authoring input: lint must catch a bad one, so that `run` never meets it (exit 2, not 3).

const scenarioWith = (displayName: string) => `id: generator-argument
title: A generator called with a bad argument
steps:
  - name: patch
    request:
      method: PATCH
      path: "{collection}/x"
      headers: { Content-Type: application/json }
      body: { displayName: "${displayName}" }
`;

test('good generator arguments pass lint', () => {
  for (const call of ['{text:0}', '{text:256}', '{text}', '{uuid}', 'id {uuid} at {now}']) {
    const { problems, scenarios } = loadAndRender([sampleDir({ 's.yaml': scenarioWith(call) })]);
    expect(problems, call).toEqual([]);
    expect(scenarios).toHaveLength(1);
  }
});

test('interpolate throws a RangeError, not an UnknownVariableError, for {text:-1}', () => {
  expect(() => interpolate('{text:-1}', {})).toThrow(RangeError);
  expect(interpolate('{text:abc}', {})).toBe('');
});

for (const call of ['{text:-1}', '{text:abc}']) {
  test(`lint reports ${call} as a problem at the string that holds it`, () => {
    const { problems } = loadAndRender([sampleDir({ 's.yaml': scenarioWith(call) })]);
    // Any code will do; the problem must exist and point at line 9, where the call is written.
    expect(problems.map((p) => p.location.line)).toEqual([9]);
  });
}
