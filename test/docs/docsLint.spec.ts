import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { runCli, showOutput, stackTraceLine } from '../cli/runCli';

// `conformance docs lint` on pages written in the annotated markdown of Graph's docs repository: a clean page passes,
// and each fixture problem is found once, at its line, with its code.

const pages = join('test', 'fixtures', 'docs');
const page = (...parts: string[]) => join(pages, ...parts);

interface Found {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

function lint(...paths: string[]): { status: number | null; problems: Found[] } {
  const run = runCli(['docs', 'lint', ...paths, '--format', 'json']);
  expect(run.stdout + run.stderr).not.toMatch(stackTraceLine);
  return { status: run.status, problems: (JSON.parse(run.stdout) as { problems: Found[] }).problems };
}

const codesAt = (problems: Found[]) => problems.map((p) => `${p.line} ${p.code}`).sort();

test('a clean page and a resource page: no problem, exit 0', () => {
  const { status, problems } = lint(page('beta', 'api', 'clean-update.md'), page('beta', 'resources'));
  expect(problems).toEqual([]);
  expect(status).toBe(0);
});

test('every kind of problem on the broken update page, each at its line (exit 1)', () => {
  const { status, problems } = lint(page('beta', 'api', 'broken-update.md'));
  expect(status).toBe(1);
  expect(codesAt(problems)).toEqual(
    [
      '9 docs.link.case',
      '15 docs.property.case',
      '17 docs.property.unknown',
      '34 docs.example.notJson',
      '48 docs.http.blankLine',
      '76 docs.response.wrapped',
      '77 docs.example.placeholder',
      '84 docs.annotation.malformed',
      '91 docs.annotation.missing',
      '95 docs.annotation.unpaired',
    ].sort(),
  );
  const comma = problems.find((p) => p.code === 'docs.example.notJson')!;
  expect([comma.line, comma.column]).toEqual([34, 31]);
  expect(comma.message).toContain('a trailing comma');
  expect(problems.find((p) => p.code === 'docs.property.case')!.message).toContain('spells it "displayName"');
});

test('a required property the example omits, a placeholder for a date-time, a response that pairs nothing', () => {
  const { problems } = lint(page('beta', 'api', 'create-pki.md'));
  expect(codesAt(problems)).toEqual([
    '15 docs.example.requiredOmitted',
    '32 docs.example.placeholder',
    '54 docs.annotation.unpaired',
  ]);
  expect(problems.find((p) => p.code === 'docs.example.placeholder')!.hint).toContain('date-time');
});

test('a /beta/ URL on a v1.0 page', () => {
  const { problems } = lint(page('v1.0', 'api', 'get-pki.md'));
  expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['docs.url.beta', 19, 32]]);
});

test('text output: the line, carets and a hint, as the scenario lint shows them; bad usage exits 2', () => {
  const run = runCli(['docs', 'lint', page('beta', 'api', 'create-pki.md')]);
  expect(run.status, showOutput(run)).toBe(1);
  expect(run.stdout).toContain('error[docs.example.requiredOmitted]: "displayName" is marked Required');
  expect(run.stdout).toMatch(/--> test\/fixtures\/docs\/beta\/api\/create-pki\.md:15:2\n\s+\|\n15 \| \|displayName\|/);
  expect(run.stdout).toMatch(/\^{11} send it in the example/);
  expect(run.stdout).toContain('3 problems in 1 page of 1');
  const missing = runCli(['docs', 'lint', 'no/such/page.md']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('no/such/page.md: no such file or folder');
});
