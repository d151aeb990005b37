import { test, expect } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { probe, sampleDir, summary, type ProbeResult } from './probeInChild';

// Each sample is loaded in a child process with a hard limit: the loader must return (never throw, crash or hang)
// and either accept the file or report a clear problem. The limit is generous; nothing here measures speed.
test.describe.configure({ timeout: 120_000 });

const valid = (id: string) =>
  `id: ${id}\ntitle: A valid scenario\nsteps:\n  - name: read\n    request: { method: GET, path: "{collection}" }\n`;

function expectReturned(result: ProbeResult): void {
  expect(result.signal, summary(result)).toBeNull();
  expect(result.status, summary(result)).toBe(0);
}

function expectOneProblem(result: ProbeResult, code: string, message: RegExp): void {
  expectReturned(result);
  expect(
    result.problems.map((p) => p.code),
    summary(result),
  ).toEqual([code]);
  expect(result.problems[0].message).toMatch(message);
  expect(result.scenarios).toEqual([]);
  expect(result.rendered).toMatch(/\n1 problem in 1 file; nothing was sent\.\n$/);
}

test('an alias bomb ("billion laughs") is refused, not expanded', () => {
  let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  const result = probe(sampleDir({ 'bomb.yaml': bomb }));
  expectOneProblem(result, 'yaml.aliases', /alias/i);
  expect(result.rendered).toContain('use at most 100 alias expansions');
});

test('a 2 MB file is refused by size before it is parsed', () => {
  const big = `${valid('big')}description: "${'x'.repeat(2 * 1024 * 1024)}"\n`;
  expectOneProblem(
    probe(sampleDir({ 'big.yaml': big })),
    'yaml.tooLarge',
    /^the file is \d+ bytes; at most 1048576 are read$/,
  );
});

test('a binary file is refused as binary', () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  expectOneProblem(probe(sampleDir({ 'image.yaml': bytes })), 'yaml.binary', /binary/);
});

test('invalid UTF-8 is refused as an encoding problem', () => {
  const text = Buffer.concat([
    Buffer.from('id: latin1\ntitle: "caf'),
    Buffer.from([0xe9, 0x20, 0xff, 0xfe]),
    Buffer.from('"\nsteps: []\n'),
  ]);
  expectOneProblem(probe(sampleDir({ 'latin1.yaml': text })), 'yaml.encoding', /not valid UTF-8/);
});

test('a 10,000-deep flow sequence as the whole document is a problem, not a stack overflow', () => {
  const result = probe(sampleDir({ 'deep.yaml': `${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }));
  expectReturned(result);
  expect(result.problems.length, summary(result)).toBeGreaterThan(0);
  expect(result.problems[0].line).toBe(1);
  expect(result.scenarios).toEqual([]);
});

test('a 10,000-deep flow sequence inside a request body is a problem on its line', () => {
  const deep = `${valid('deep-body')
    .trimEnd()
    .replace(/ }$/, `, body: ${'['.repeat(10_000)}${']'.repeat(10_000)} }`)}\n`;
  const result = probe(sampleDir({ 'deep.yaml': deep }));
  expectReturned(result);
  expect(
    result.problems.map((p) => `${p.code}@${p.line}`),
    summary(result),
  ).toEqual(['yaml.resource_exhaustion@5']);
  expect(result.scenarios).toEqual([]);
});

test("the too-deep problem says what is wrong and what to do, in the user's terms, where the nesting starts", () => {
  const result = probe(sampleDir({ 'deep.yaml': `${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }));
  expectReturned(result);
  expect(result.problems[0].message).toMatch(/nests deeper/i);
  expect(result.problems[0].column, 'the caret stands where the nesting starts').toBe(1);
  expect(result.rendered).toMatch(/\^ no scenario needs that depth/);
});

test("a 600-deep body (within the parser's reach) is accepted and linted without overflow", () => {
  const deep = `${valid('deep-ok')
    .trimEnd()
    .replace(/ }$/, `, body: ${'['.repeat(600)}"{nope}"${']'.repeat(600)} }`)}\n`;
  const result = probe(sampleDir({ 'deep.yaml': deep }));
  expectReturned(result);
  expect(
    result.problems.map((p) => p.code),
    summary(result),
  ).toEqual(['scenario.variable.unknown']);
});

test('an empty file is a problem naming the file: it holds no scenario', () => {
  const result = probe(sampleDir({ 'empty.yaml': '', 'real.yaml': valid('real') }));
  expectReturned(result);
  expect(
    result.problems.map((p) => `${p.code} ${p.file}`),
    summary(result),
  ).toEqual([expect.stringMatching(/^scenario\.file\.empty \S*empty\.yaml$/)]);
});

test('a file with only comments is a problem too: it holds no scenario', () => {
  const result = probe(
    sampleDir({
      'notes.yaml': '# yaml-language-server: $schema=x\n# nothing here yet\n\n   # indented\n',
      'real.yaml': valid('real'),
    }),
  );
  expectReturned(result);
  expect(
    result.problems.map((p) => p.code),
    summary(result),
  ).toEqual(['scenario.file.empty']);
});

test('a multi-document file yields one scenario per document; empty documents are skipped', () => {
  const result = probe(
    sampleDir({ 'many.yaml': `${valid('first')}---\n${valid('second')}---\n---\n# only a comment\n...\n` }),
  );
  expectReturned(result);
  expect(result.problems, summary(result)).toEqual([]);
  expect(result.scenarios).toEqual(['first', 'second']);
});

test('a problem in the second document of a file is located by its line in the whole file', () => {
  const second = valid('second').replace('    request:', '    expcet: { status: 200 }\n    request:');
  const result = probe(sampleDir({ 'many.yaml': `${valid('first')}---\n${second}` }));
  expectReturned(result);
  expect(
    result.problems.map((p) => `${p.code}@${p.line}:${p.column}`),
    summary(result),
  ).toEqual(['scenario.schema.additionalProperties@11:5']);
  expect(result.scenarios).toEqual(['first']);
});

test('a duplicate id between two documents of one file is reported at the second', () => {
  const result = probe(sampleDir({ 'twins.yaml': `${valid('twin')}---\n${valid('twin')}` }));
  expectReturned(result);
  expect(
    result.problems.map((p) => `${p.code}@${p.line}:${p.column}`),
    summary(result),
  ).toEqual(['scenario.id.duplicate@7:5']);
});

test('a suite.yaml with two documents is a problem, and its scenarios do not run', () => {
  const dir = sampleDir({ 'real.yaml': valid('real') });
  appendFileSync(join(dir, 'suite.yaml'), `---\nsuite: other\ntitle: Another\n`);
  const result = probe(dir);
  expectReturned(result);
  expect(
    result.problems.map((p) => p.code),
    summary(result),
  ).toEqual(['suite.documents']);
  expect(result.scenarios).toEqual([]);
});

test('CRLF line endings and a byte-order mark keep lines and columns right', () => {
  const broken = valid('crlf').replace('    request:', '    expcet: 1\n    request:');
  const result = probe(
    sampleDir({ 'crlf.yaml': broken.replace(/\n/g, '\r\n'), 'bom.yaml': `\uFEFF${broken.replace('crlf', 'bom')}` }),
  );
  expectReturned(result);
  expect(
    result.problems.map((p) => `${p.file.split('/').pop()} ${p.code}@${p.line}:${p.column}`),
    summary(result),
  ).toEqual([
    'bom.yaml scenario.schema.additionalProperties@5:5',
    'crlf.yaml scenario.schema.additionalProperties@5:5',
  ]);
  expect(result.rendered).toContain('5 |     expcet: 1\n  |     ^^^^^^ did you mean `expect`?');
});

test('unknown tags (!secret, !!js/function) are problems, never executed', () => {
  const text = valid('tags')
    .replace('title: A valid scenario', 'title: !secret A valid scenario')
    .replace('path: "{collection}"', 'path: !!js/function "{collection}"');
  const result = probe(sampleDir({ 'tags.yaml': text }));
  expectReturned(result);
  expect(
    result.problems.map((p) => `${p.code}@${p.line}:${p.column}`),
    summary(result),
  ).toEqual(['yaml.tag_resolve_failed@2:8', 'yaml.tag_resolve_failed@5:35']);
});
