import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../contract/createAjv';

/** Where the published JSON Schemas for scenario, suite, targets and baseline files live. */
export const schemasDir = join(__dirname, '..', '..', 'schemas');

/** The kinds of YAML file the harness reads, each with a published schema. */
export type DocumentKind = 'scenario' | 'suite' | 'targets' | 'baseline';

let compiled: Record<DocumentKind, ValidateFunction> | undefined;

/** The compiled validators for scenario, suite, targets and baseline files (compiled once per process). */
export function documentSchemas(): Record<DocumentKind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = createAjv({ verbose: true });
  const kinds: DocumentKind[] = ['scenario', 'suite', 'targets', 'baseline'];
  for (const kind of kinds)
    ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, `${kind}.schema.json`), 'utf8')) as object);
  compiled = Object.fromEntries(kinds.map((k) => [k, ajv.getSchema(`${k}.schema.json`)!])) as Record<
    DocumentKind,
    ValidateFunction
  >;
  return compiled;
}
