import type { ErrorObject } from 'ajv';
import { didYouMean } from '../common/didYouMean';
import type { Problem } from '../common/problem';
import type { YamlDocument } from './readYamlFile';
import type { YamlPath } from '../common/sourceLocation';

/**
 * Keywords that only say "the value has another shape" and are redundant when an anyOf at the same place explains it.
 */
const shapeKeywords = new Set(['type', 'const', 'enum', 'pattern', 'anyOf', 'oneOf', 'minimum', 'maximum']);

/** Turns ajv's errors for one document into problems with a place, grouped and with redundant ones dropped. */
export function schemaProblems(errors: ErrorObject[], doc: YamlDocument, kind: string): Problem[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (anyOfPaths.has(error.instancePath) && shapeKeywords.has(error.keyword)) continue;
    kept.push(error);
  }
  // An anyOf with nothing deeper to say becomes one message; otherwise the deeper errors speak for it.
  for (const path of anyOfPaths) {
    const deeper = kept.some((e) => e.instancePath.startsWith(path) && e.keyword !== 'anyOf');
    if (!deeper) kept.push(errors.filter((e) => e.keyword === 'anyOf' && e.instancePath === path).at(-1)!);
  }
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of kept) {
    const problem = toProblem(error, doc, kind);
    const key = `${problem.location.line}:${problem.location.column}:${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}

function toProblem(error: ErrorObject, doc: YamlDocument, kind: string): Problem {
  const path = pointerToPath(error.instancePath);
  const where = describePath(path, kind);
  const code = `${kind}.schema.${error.keyword}`;
  const parent = (error.parentSchema ?? {}) as {
    properties?: Record<string, unknown>;
    description?: string;
    enum?: unknown[];
  };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const guess = didYouMean(key, known);
      return {
        code,
        message: `unknown property \`${key}\` in ${where}`,
        location: doc.locateKey([...path, key]),
        span: key.length,
        hint: guess ? `did you mean \`${guess}\`?` : known.length ? `expected one of: ${known.join(', ')}` : undefined,
      };
    }
    case 'required':
      return {
        code,
        message: `${where} is missing the required property \`${error.params.missingProperty}\``,
        location: doc.locateKey(path),
      };
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      return {
        code,
        message: `${where} is ${show(error.data)}, which is not one of: ${allowed.join(', ')}`,
        location: doc.locate(path),
        hint: guess ? `did you mean \`${guess}\`?` : undefined,
      };
    }
    case 'anyOf':
      return {
        code,
        message: `${where} is ${show(error.data)}, which is not allowed here`,
        location: doc.locate(path),
        hint: parent.description ? `expected: ${parent.description}` : undefined,
      };
    case 'not':
      return {
        code,
        message: `${where} gives both \`body\` and \`rawBody\``,
        location: doc.locateKey([...path, 'rawBody']),
        span: 'rawBody'.length,
        hint: 'keep one: body for JSON, rawBody for exact text',
      };
    default:
      return {
        code,
        message: `${where} ${error.message ?? 'is invalid'} (found ${show(error.data)})`,
        location: doc.locate(path),
        hint: parent.description ? `expected: ${parent.description}` : undefined,
      };
  }
}

/** Converts a JSON pointer (as ajv reports it) to path segments, numbers for array indexes. */
export function pointerToPath(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describePath(path: YamlPath, kind: string): string {
  return path.length === 0
    ? `the ${kind}`
    : `\`${path
        .map((s) => (typeof s === 'number' ? `[${s}]` : s))
        .join('.')
        .replace(/\.\[/g, '[')}\``;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
