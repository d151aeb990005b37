import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeFrame } from '../../src/report/codeFrame';
import { renderProblem, renderProblems } from '../../src/report/renderProblem';
import type { Problem } from '../../src/common/problem';
import { tempDir } from '../cli/tempDir';

// The Hurl-style frame every problem and failure is shown with: ` --> file:line:col`, a gutter, the line, carets.

const dir = tempDir('frame');
const sample = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
/** Replaces the temp folder so expected text reads as it would for a project file. */
const tidy = (text: string) => text.split(`${dir}/`).join('<dir>/');

const twelve = sample('twelve.yaml', Array.from({ length: 12 }, (_, i) => `line${i + 1}: value${i + 1}`).join('\n'));

test('frames a line with a gutter as wide as the line number and carets under the span', () => {
  expect(tidy(codeFrame({ file: twelve, line: 3, column: 8 }, 6, 'did you mean `x`?'))).toBe(
    ['  --> <dir>/twelve.yaml:3:8', '  |', '3 | line3: value3', '  |        ^^^^^^ did you mean `x`?'].join('\n'),
  );
  expect(tidy(codeFrame({ file: twelve, line: 12, column: 1 }))).toBe(
    ['  --> <dir>/twelve.yaml:12:1', '   |', '12 | line12: value12', '   | ^'].join('\n'),
  );
});

test('a span running past the end of the line is cut at the line end', () => {
  expect(tidy(codeFrame({ file: twelve, line: 1, column: 8 }, 50)).split('\n')[3]).toBe('  |        ^^^^^^');
});

test('a whole-file location (line 0) names the file and gives the hint on its own line', () => {
  expect(tidy(codeFrame({ file: twelve, line: 0, column: 0 }, 1, 'save it as UTF-8 text'))).toBe(
    '  --> <dir>/twelve.yaml\n   = save it as UTF-8 text',
  );
  expect(tidy(codeFrame({ file: twelve, line: 0, column: 0 }))).toBe('  --> <dir>/twelve.yaml');
});

test('an unreadable file or a line past its end still gives the location and the hint', () => {
  expect(codeFrame({ file: join(dir, 'gone.yaml'), line: 2, column: 3 }, 1, 'hint')).toBe(
    `  --> ${join(dir, 'gone.yaml')}:2:3\n   = hint`,
  );
  expect(tidy(codeFrame({ file: twelve, line: 40, column: 1 }))).toBe('  --> <dir>/twelve.yaml:40:1');
});

test('CRLF files show the line without a carriage return', () => {
  const crlf = sample('crlf.yaml', 'id: a\r\ntitle: b\r\n');
  expect(codeFrame({ file: crlf, line: 2, column: 8 })).not.toContain('\r');
  expect(codeFrame({ file: crlf, line: 2, column: 8 }).split('\n')[2]).toBe('2 | title: b');
});

test('a line over 160 characters is shortened with an ellipsis', () => {
  const long = sample('long.yaml', `body: ${'['.repeat(300)}`);
  expect(codeFrame({ file: long, line: 1, column: 7 }).split('\n')[2]).toBe(`1 | body: ${'['.repeat(148)}...`);
});

test('on a shortened line the caret stays within the text shown', () => {
  const long = sample('long2.yaml', `body: ${'['.repeat(2000)}`);
  const [, , source, carets] = codeFrame({ file: long, line: 1, column: 841 }).split('\n');
  expect(carets.length).toBeLessThanOrEqual(source.length + 2);
});

test('under a line indented with a tab the caret lines up with the text it marks', () => {
  const tabs = sample('tabs.yaml', 'steps:\n\tmethod: GET\n');
  const [, , source, carets] = codeFrame({ file: tabs, line: 2, column: 10 }, 3).split('\n');
  // Whatever the terminal's tab width, the text before the caret must be made of the same characters as the source's.
  expect(carets.slice(4, 4 + 9)).toBe(source.slice(4, 4 + 9).replace(/[^\t]/g, ' '));
});

test('renderProblem gives the code, the message, the frame and the hint', () => {
  const problem: Problem = {
    code: 'scenario.schema.enum',
    message: '`steps[0].request.method` is "PATCHH"',
    location: { file: twelve, line: 2, column: 8 },
    span: 6,
    hint: 'did you mean `PATCH`?',
  };
  expect(tidy(renderProblem(problem))).toBe(
    [
      'error[scenario.schema.enum]: `steps[0].request.method` is "PATCHH"',
      '  --> <dir>/twelve.yaml:2:8',
      '  |',
      '2 | line2: value2',
      '  |        ^^^^^^ did you mean `PATCH`?',
      '',
    ].join('\n'),
  );
});

test('renderProblems ends with a count of problems and files, singular or plural', () => {
  const at = (file: string, line: number): Problem => ({
    code: 'c.d',
    message: 'm',
    location: { file, line, column: 1 },
  });
  expect(renderProblems([at(twelve, 1)])).toMatch(/\n\n1 problem in 1 file; nothing was sent\.\n$/);
  expect(renderProblems([at(twelve, 1), at(twelve, 2), at(join(dir, 'other.yaml'), 0)])).toMatch(
    /\n3 problems in 2 files; nothing was sent\.\n$/,
  );
  expect(renderProblems([at(twelve, 1), at(twelve, 2)]).split('error[c.d]').length - 1).toBe(2);
});
