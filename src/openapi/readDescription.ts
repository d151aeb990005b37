import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';

/** An OpenAPI description as read: 3.0 or 3.1, the file it came from and a hash of its text. */
export interface Description {
  file: string;
  doc: OpenAPIV3.Document | OpenAPIV3_1.Document;
  /** 3.1 schemas are JSON Schema 2020-12 already; 3.0 ones are converted (nullable, formats, ...). */
  version: '3.0' | '3.1';
  sha256: string;
}

/** Why a description cannot be read: the file, and where in it when the parser says. */
export class DescriptionError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/**
 * Reads an OpenAPI description (JSON, or YAML through js-yaml: Microsoft's Graph description is about 35 MB of YAML,
 * which js-yaml reads in seconds and a few hundred MB where the `yaml` package used for scenarios takes tens of seconds
 * and over 1 GB; bench/openapiScale.js measures it). YAML is read with the core schema: no dates or other surprises.
 */
export function readDescription(path: string, file = path): Description {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DescriptionError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let doc: unknown;
  if (/^\s*[{[]/.test(text)) {
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new DescriptionError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
  } else {
    const yaml = require('js-yaml') as typeof import('js-yaml');
    try {
      doc = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
    } catch (error) {
      const mark = (error as { mark?: { line: number; column: number } }).mark;
      const reason = (error as { reason?: string }).reason ?? (error as Error).message;
      throw new DescriptionError(`${file}: not valid YAML: ${reason}`, mark && mark.line + 1, mark && mark.column + 1);
    }
  }
  const version = (doc as { openapi?: unknown } | null)?.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\./.test(version))
    throw new DescriptionError(
      `${file}: not an OpenAPI 3.0 or 3.1 description (its \`openapi\` field is ${JSON.stringify(version ?? null)})`,
    );
  if (typeof (doc as { paths?: unknown }).paths !== 'object')
    throw new DescriptionError(`${file}: the description has no \`paths\``);
  return {
    file,
    doc: doc as Description['doc'],
    version: version.startsWith('3.1') ? '3.1' : '3.0',
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}
