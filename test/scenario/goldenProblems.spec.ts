import { test, expect } from '@playwright/test';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  brokenDir,
  goldenDir,
  loadAndRender,
  messagesOnly,
  normalize,
  positionOf,
  projectRoot,
  readGolden,
} from './loadCase';

/** Where one problem must point: its code, the text it must point at (first occurrence) in which file of the case. */
interface Expected {
  code: string;
  at: string | null;
  file?: string;
  occurrence?: number;
  after?: boolean;
}

/**
 * A folder of broken scenarios, the problems it must produce in order, and (for a known src defect) why the golden does
 * not match yet.
 */
interface Case {
  name: string;
  dir?: string;
  problems: Expected[];
  defect?: string;
  runnable?: string[];
}

const cases: Case[] = [
  {
    name: 'unknown-property',
    problems: [
      { code: 'scenario.schema.additionalProperties', at: 'expcet:' },
      { code: 'scenario.schema.additionalProperties', at: 'shcema:' },
    ],
  },
  {
    name: 'bad-enum',
    problems: [
      { code: 'scenario.schema.enum', at: 'PATCHH' },
      { code: 'scenario.schema.enum', at: 'nobody' },
    ],
  },
  {
    name: 'bad-status',
    problems: [
      { code: 'scenario.schema.anyOf', at: '2xy' },
      { code: 'scenario.schema.anyOf', at: '[200, 600]' },
      { code: 'scenario.schema.anyOf', at: '600' },
    ],
  },
  { name: 'body-and-raw-body', problems: [{ code: 'scenario.schema.not', at: 'rawBody:' }] },
  {
    name: 'missing-required',
    problems: [
      { code: 'scenario.schema.required', at: 'id:' },
      { code: 'scenario.schema.required', at: 'name: no-request-here' },
      { code: 'scenario.schema.pattern', at: 'no-request-here' },
      { code: 'scenario.schema.required', at: 'request:' },
      { code: 'scenario.schema.required', at: 'request:' },
    ],
  },
  {
    name: 'unknown-contract',
    problems: [
      { code: 'scenario.contract.unknown', at: 'graph.beta.certificateBasedAuthPkii' },
      { code: 'scenario.contract.unknown', at: 'graph.headers.sucess' },
    ],
  },
  {
    name: 'unknown-variable',
    problems: [
      { code: 'scenario.variable.unknown', at: '"{colection}' },
      { code: 'scenario.variable.unknown', at: '"{label} {nothingLikeIt}"' },
      { code: 'scenario.variable.unknown', at: '"{text:20} {lorem:5}"' },
    ],
  },
  {
    name: 'step-reference',
    problems: [
      { code: 'scenario.variable.step', at: '"{steps.second' },
      { code: 'scenario.step.unknown', at: 'second }' },
      { code: 'scenario.variable.step', at: '"{steps.frist' },
      { code: 'scenario.variable.unknown', at: 'befor }' },
    ],
  },
  { name: 'duplicate-step', problems: [{ code: 'scenario.step.duplicate', at: 'read', occurrence: 2 }] },
  {
    name: 'duplicate-id',
    runnable: ['broken-duplicate-id'],
    problems: [{ code: 'scenario.id.duplicate', at: 'broken-duplicate-id', file: 'second.yaml' }],
  },
  { name: 'undeclared-fixture', problems: [{ code: 'scenario.fixture.unknown', at: 'pkk' }] },
  {
    name: 'no-suite',
    dir: join(projectRoot, 'test', 'fixtures', 'orphan'),
    problems: [{ code: 'scenario.suite.missing', at: null }],
  },
  { name: 'yaml-syntax', problems: [{ code: 'yaml.bad_indent', at: 'expect:' }] },
  { name: 'duplicate-key', problems: [{ code: 'yaml.duplicate_key', at: 'request:', occurrence: 2 }] },
  {
    name: 'tab-indentation',
    // One mistake, one problem: the parser's two follow-on complaints about the same line are dropped.
    problems: [{ code: 'yaml.tab_as_indent', at: '\tmethod' }],
  },
  { name: 'bad-indentation', problems: [{ code: 'yaml.bad_indent', at: 'path:' }] },
  { name: 'unterminated-string', problems: [{ code: 'yaml.missing_char', at: 'never ends', after: true }] },
];

const dirOf = (c: Case) => c.dir ?? join(brokenDir, c.name);

test('every folder under test/fixtures/broken has a case here', () => {
  const folders = readdirSync(brokenDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(folders).toEqual(
    cases
      .filter((c) => !c.dir)
      .map((c) => c.name)
      .sort(),
  );
});

for (const c of cases) {
  test.describe(c.name, () => {
    test('renders exactly as its golden file', () => {
      // A known src defect: the golden states the right place; this flips to "unexpectedly passed" once src is fixed.
      test.fail(!!c.defect, c.defect);
      const { text } = loadAndRender([dirOf(c)]);
      if (process.env.UPDATE_GOLDEN && !c.defect) {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(join(goldenDir, `${c.name}.txt`), normalize(text));
      }
      expect(normalize(text)).toBe(readGolden(c.name));
    });

    test('every problem points at the right line and column', () => {
      test.fail(!!c.defect, c.defect);
      const { problems } = loadAndRender([dirOf(c)]);
      const files = readdirSync(dirOf(c)).filter((f) => f.endsWith('.yaml') && f !== 'suite.yaml');
      const want = c.problems.map((p) => {
        if (p.at === null) return `${p.code} (whole file)`;
        const file = join(dirOf(c), p.file ?? files[0]);
        const pos = positionOf(file, p.at, p.occurrence);
        return `${p.code} ${pos.line}:${pos.column + (p.after ? p.at.length : 0)}`;
      });
      const got = problems.map((p) =>
        p.location.line === 0 ? `${p.code} (whole file)` : `${p.code} ${p.location.line}:${p.location.column}`,
      );
      expect(got).toEqual(want);
    });

    test('its messages and hints match the golden file', () => {
      // Locations aside, so a defect case still guards its wording.
      expect(messagesOnly(normalize(loadAndRender([dirOf(c)]).text))).toBe(messagesOnly(readGolden(c.name)));
    });

    test('no broken scenario is kept as runnable', () => {
      expect(loadAndRender([dirOf(c)]).scenarios.map((s) => s.doc.id)).toEqual(c.runnable ?? []);
    });
  });
}

test('all problems of all folders are reported at once, with a count per file', () => {
  const { problems, text } = loadAndRender([brokenDir, join(projectRoot, 'test', 'fixtures', 'orphan')]);
  expect(problems).toHaveLength(cases.reduce((n, c) => n + c.problems.length, 0));
  expect(text).toMatch(new RegExp(`\\n${problems.length} problems in ${cases.length} files; nothing was sent\\.\\n$`));
});
