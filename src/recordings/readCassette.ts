import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../contract/createAjv';
import { jsonErrorPosition } from '../contract/jsonPosition';
import { fileProblem, type Problem } from '../common/problem';
import { readYamlFile, type YamlDocument } from '../scenario/readYamlFile';
import { schemaProblems } from '../scenario/schemaProblems';
import { schemasDir } from '../scenario/documentSchemas';
import { toCassette, type Cassette } from './cassette';
import type { Har } from './har';

/**
 * HAR files above this size are refused: a cassette of one scenario is a few kilobytes, a browser capture rarely tens
 * of megabytes.
 */
export const maxHarBytes = 64 * 1024 * 1024;

let validator: ValidateFunction | undefined;

/** The compiled schemas/har.schema.json (once per process). */
function harValidator(): ValidateFunction {
  validator ??= createAjv({ verbose: true }).compile(
    JSON.parse(readFileSync(join(schemasDir, 'har.schema.json'), 'utf8')) as object,
  );
  return validator;
}

/**
 * Reads one HAR file: the cassette, or every problem that stops it from being replayed (not JSON, truncated, not HAR,
 * bad URL or base64).
 */
export function readCassette(path: string, cwd = process.cwd()): { cassette?: Cassette; problems: Problem[] } {
  const file = relative(cwd, path) || path;
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > maxHarBytes)
      return {
        problems: [fileProblem(file, 'har.tooLarge', `the file is ${size} bytes; at most ${maxHarBytes} are read`)],
      };
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problems: [
        fileProblem(
          file,
          'har.unreadable',
          code ? `cannot read the file: ${code}` : 'the file is not valid UTF-8 text',
        ),
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [jsonProblem(file, text, error as Error)] };
  }
  const validate = harValidator();
  if (!validate(value)) return { problems: schemaProblems(validate.errors ?? [], locatorFor(path, file), 'har') };
  const har = value as Har;
  const problems = semanticProblems(har, locatorFor(path, file));
  return problems.length ? { problems } : { cassette: toCassette(har, file), problems };
}

function jsonProblem(file: string, text: string, error: Error): Problem {
  const position = /position (\d+)/.exec(error.message);
  if (/end of JSON input/.test(error.message) || (position && Number(position[1]) >= text.trimEnd().length)) {
    const lines = text.split('\n');
    return {
      code: 'har.truncated',
      message: `the file ends in the middle of the JSON (${text.length} characters): it was cut off while being written or copied`,
      location: { file, line: lines.length, column: lines.at(-1)!.length + 1 },
      hint: 'record or export the HAR again',
    };
  }
  return {
    code: 'har.json',
    message: `not valid JSON: ${error.message}`,
    location: { file, ...jsonErrorPosition(text, error) },
  };
}

/**
 * Locates JSON pointers in the file through the YAML parser (JSON is YAML); falls back to the whole file when it
 * cannot.
 */
function locatorFor(path: string, file: string): YamlDocument {
  const doc = readYamlFile(path).documents[0];
  const whole = () => ({ file, line: 0, column: 0 });
  if (!doc) return { value: undefined, index: 0, locate: whole, locateKey: whole };
  return {
    value: doc.value,
    index: doc.index,
    locate: (p) => ({ ...doc.locate(p), file }),
    locateKey: (p) => ({ ...doc.locateKey(p), file }),
  };
}

/** What the schema cannot say: URLs that do not parse, base64 that is not base64. */
function semanticProblems(har: Har, doc: YamlDocument): Problem[] {
  const problems: Problem[] = [];
  const base = har.log._conformance?.baseUrl;
  if (base !== undefined && !URL.canParse(base))
    problems.push({
      code: 'har.url',
      message: `\`log._conformance.baseUrl\` ${JSON.stringify(base)} is not a valid URL`,
      location: doc.locate(['log', '_conformance', 'baseUrl']),
    });
  har.log.entries.forEach((entry, i) => {
    if (!URL.canParse(entry.request.url))
      problems.push({
        code: 'har.url',
        message: `\`log.entries[${i}].request.url\` ${JSON.stringify(entry.request.url.slice(0, 80))} is not a valid URL`,
        location: doc.locate(['log', 'entries', i, 'request', 'url']),
      });
    const content = entry.response.content;
    if (
      content.encoding === 'base64' &&
      content.text !== undefined &&
      !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(content.text)
    )
      problems.push({
        code: 'har.base64',
        message: `\`log.entries[${i}].response.content.text\` says encoding base64 but is not base64`,
        location: doc.locate(['log', 'entries', i, 'response', 'content', 'text']),
        hint: 'drop `encoding` if the text is the body itself',
      });
  });
  return problems;
}
