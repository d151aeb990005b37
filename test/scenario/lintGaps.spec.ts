import { test, expect } from '@playwright/test';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../cli/tempDir';
import { projectRoot, runCli, showOutput } from '../cli/runCli';

// Lint gaps a user met: a misspelt `uses:` entry hinted the wrong way round, a duplicate id found only when the whole
// tree was linted, and weak scenarios that pass against a server which stores nothing.

/** A folder holding the PKI suite.yaml and the given scenario files. */
function suiteWith(files: Record<string, string>): string {
  const dir = tempDir('lint-gaps');
  copyFileSync(join(projectRoot, 'scenarios', 'graph-pki', 'suite.yaml'), join(dir, 'suite.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const read = (id: string, uses = 'pki') => `id: ${id}
title: Reads the scratch object
uses: { ${uses}: scratch }
steps:
  - name: get
    request: { method: GET, path: "{collection}/{pki.id}" }
    expect: { status: 200 }
`;

test('a misspelt uses: entry: the hint for {pki.id} names the declared fixture, not the misspelling', () => {
  const dir = suiteWith({ 'typo.yaml': read('typo', 'pkii') });
  const result = runCli(['lint', dir], { timeoutMs: 60_000 });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).toMatch(/the suite declares no fixture `pkii`[\s\S]*did you mean `pki`\?/);
  expect(result.stderr).toContain(
    "the suite's fixture `pki` is not in this scenario's `uses:`; add `uses: { pki: scratch }`",
  );
  expect(result.stderr).not.toContain('did you mean `pkii`');
});

test('linting one file finds a duplicate id in another file of its suite', () => {
  const dir = suiteWith({ 'a.yaml': read('same-id'), 'b.yaml': read('same-id') });
  const result = runCli(['lint', join(dir, 'b.yaml')], { timeoutMs: 60_000 });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).toMatch(
    /error\[scenario\.id\.duplicate\]: the id `same-id` is already used in \S*a\.yaml:1, another scenario of the suite/,
  );
  expect(result.stderr).toMatch(/--> \S*b\.yaml:1:5/);
});

// The case from the field: statusDetails set, then cleared; the object started with statusDetails null, so a server
// that persists nothing passes the final read-back.
const setThenClear = `id: set-then-clear
title: statusDetails is set and cleared
uses: { pki: scratch }
steps:
  - name: set
    request: { method: PATCH, path: "{collection}/{pki.id}", headers: { Content-Type: application/json }, body: { statusDetails: "x" } }
    expect: { status: 200 }
  - name: clear
    request: { method: PATCH, path: "{collection}/{pki.id}", headers: { Content-Type: application/json }, body: { statusDetails: null } }
    expect: { status: 200 }
  - name: after
    request: { method: GET, path: "{collection}/{pki.id}" }
    expect: { status: 200, body: { persisted: clear } }
`;

test('weak writes are warnings in lint (exit 0) and errors with --strict (exit 2), each at its place', () => {
  const dir = suiteWith({ 'weak.yaml': setThenClear });
  const lint = runCli(['lint', dir], { timeoutMs: 60_000 });
  expect(lint.status, showOutput(lint)).toBe(0);
  expect(lint.stderr).toMatch(
    /warning\[scenario\.write\.unverified\]: step `set` writes statusDetails, but no later step reads it back\n {2}--> \S*weak\.yaml:5:11/,
  );
  expect(lint.stderr).toMatch(
    /warning\[scenario\.write\.noChange\]: step `clear` sets statusDetails to null, which the pki object held before the scenario wrote anything/,
  );
  expect(lint.stdout).toMatch(/2 warnings$/m);
  const strict = runCli(['lint', '--strict', dir], { timeoutMs: 60_000 });
  expect(strict.status, showOutput(strict)).toBe(2);
  expect(strict.stderr).toMatch(/2 problems in 1 file; nothing was sent/);
});

test('a scenario that writes and reads back a new value raises no warning', () => {
  const strong = setThenClear
    .replace('statusDetails: null', 'statusDetails: "y"')
    .replace('persisted: clear', 'persisted: clear, matches: { statusDetails: "y" }');
  const dir = suiteWith({
    'strong.yaml': strong.replace(
      '  - name: clear',
      '  - name: check\n    request: { method: GET, path: "{collection}/{pki.id}" }\n    expect: { status: 200, body: { persisted: set } }\n  - name: clear',
    ),
  });
  const result = runCli(['lint', '--strict', dir], { timeoutMs: 60_000 });
  expect(result.status, showOutput(result)).toBe(0);
  expect(result.stderr).toBe('');
});

const createThenList = (items: string) => `id: listed
title: Creates an object and lists it
steps:
  - name: create
    request: { method: POST, path: "{collection}", headers: { Content-Type: application/json }, body: { displayName: "x {run.id}" } }
    capture: { made: $body }
    expect: { status: 201 }
  - name: list
    request: { method: GET, path: "{collection}" }
    expect: { status: 200, body: { items: ${items} } }
`;

test('a listing reads a create back only when its items name the created id or a written property', () => {
  const weak = runCli(['lint', suiteWith({ 'weak.yaml': createThenList('{ count: { min: 1 } }') })], {
    timeoutMs: 60_000,
  });
  expect(weak.stderr, showOutput(weak)).toMatch(
    /warning\[scenario\.write\.unverified\]: step `create` writes displayName, but no later step reads it back/,
  );
  for (const items of [
    '{ includes: ["{made.id}"] }',
    '{ every: { displayName: "x {run.id}" } }',
    '{ sortedBy: { property: displayName } }',
  ]) {
    const strong = runCli(['lint', '--strict', suiteWith({ 'strong.yaml': createThenList(items) })], {
      timeoutMs: 60_000,
    });
    expect(strong.status, `${items}\n${showOutput(strong)}`).toBe(0);
  }
});
