import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../contract/createAjv';

/** Where the published JSON Schemas for scenario and suite files live. */
export const schemasDir = join(__dirname, '..', '..', 'schemas');

let compiled: { scenario: ValidateFunction; suite: ValidateFunction } | undefined;

/** The compiled validators for scenario and suite files (compiled once per process). */
export function documentSchemas(): { scenario: ValidateFunction; suite: ValidateFunction } {
  if (compiled) return compiled;
  const ajv = createAjv({ verbose: true });
  for (const name of ['scenario.schema.json', 'suite.schema.json']) ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, name), 'utf8')) as object);
  compiled = { scenario: ajv.getSchema('scenario.schema.json')!, suite: ajv.getSchema('suite.schema.json')! };
  return compiled;
}
