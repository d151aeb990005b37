import type { LineCounter, YAMLError } from 'yaml';
import type { Problem } from '../common/problem';

/** Whether the YAML library's error is about indentation (one such mistake yields several errors on its line). */
function isIndentation(error: YAMLError): boolean {
  if (error.code === 'BAD_INDENT') return !/flow/i.test(error.message);
  if (error.code === 'MISSING_CHAR') return /without - indicator/.test(error.message);
  return ['TAB_AS_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY'].includes(error.code);
}

/**
 * Turns the YAML library's errors for one document into problems in the user's terms: a duplicate key names the key,
 * nesting too deep for the parser says so, and an indentation mistake (which the library reports several times over)
 * becomes one problem at the start of the offending line, with the indentation of the line above as the hint.
 */
export function yamlErrorProblems(errors: YAMLError[], text: string, lines: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  let indentationSeen = false;
  const reportedLines = new Set<number>();
  for (const error of errors) {
    const code = `yaml.${error.code.toLowerCase()}`;
    const at = lines.linePos(error.pos[0]);
    // Later errors on a line already reported are echoes of the first: the parser lost its place there.
    if (reportedLines.has(at.line)) continue;
    reportedLines.add(at.line);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim();
      problems.push({
        code,
        message: `the key \`${key}\` appears twice in this mapping`,
        hint: 'keep one of them (YAML would silently use the last)',
        location: { file, line: at.line, column: at.col },
        span: Math.max(1, error.pos[1] - error.pos[0]),
      });
    } else if (/call stack/i.test(error.message)) {
      const start = nestingStart(text, error.pos[0]);
      const from = lines.linePos(start);
      problems.push({
        code,
        message: 'the value nests deeper than the YAML parser can follow (thousands of `[` or `{` levels)',
        hint: 'no scenario needs that depth: write the value out flat, or send it as a `rawBody` string',
        location: { file, line: from.line, column: from.col },
      });
    } else if (isIndentation(error)) {
      // After an indentation mistake the parser's later complaints in the document are mostly its consequences.
      if (indentationSeen) continue;
      indentationSeen = true;
      problems.push(indentationProblem(code, error, text, at.line, file));
    } else {
      problems.push({
        code,
        message: firstLine(error.message),
        location: { file, line: at.line, column: at.col },
        span: Math.max(1, error.pos[1] - error.pos[0]),
      });
    }
  }
  return problems;
}

/** An indentation mistake, located at the first character of its line, with how the line above is indented. */
function indentationProblem(code: string, error: YAMLError, text: string, line: number, file: string): Problem {
  const all = text.split(/\r?\n/);
  const here = all[line - 1] ?? '';
  if (error.code === 'TAB_AS_INDENT' || /^ *\t/.test(here))
    return {
      code: 'yaml.tab_as_indent',
      message: 'a tab indents this line; YAML indents with spaces only',
      hint: 'replace the tab with spaces, as many as the line should be indented',
      location: { file, line, column: here.indexOf('\t') + 1 },
    };
  const column = Math.max(1, here.search(/\S/) + 1);
  const word = /^[\s-]*([^:\s]+)/.exec(here)?.[1] ?? here.trim();
  let above = line - 2;
  while (above >= 0 && all[above].trim() === '') above--;
  const previous = above >= 0 ? all[above] : undefined;
  const previousColumn = previous === undefined ? undefined : previous.search(/\S/) + 1;
  const previousWord = previous === undefined ? '' : (/^[\s-]*([^:\s]+)/.exec(previous)?.[1] ?? '');
  const hint =
    previousColumn === undefined
      ? 'check the indentation: entries of one mapping start at the same column'
      : `\`${word}\` starts at column ${column}; \`${previousWord}\` on line ${above + 1} starts at column ${previousColumn}: ` +
        'entries of one mapping start at the same column, and a nested one further right than its key';
  return {
    code,
    message: `the indentation of this line does not fit the lines around it (${firstLine(error.message).toLowerCase()})`,
    hint,
    location: { file, line, column },
    span: Math.max(1, word.length),
  };
}

/** Where a run of opening brackets that ends at `offset` begins. */
function nestingStart(text: string, offset: number): number {
  let start = Math.min(offset, text.length - 1);
  while (start > 0 && /[[{\s]/.test(text[start - 1])) start--;
  return start;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
