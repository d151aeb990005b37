import { readFileSync } from 'node:fs';
import { listFiles } from '../common/listFiles';
import { relative } from 'node:path';
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import { createAjv } from './createAjv';
import { jsonErrorPosition } from './jsonPosition';
import { fileProblem, type Problem } from '../common/problem';

/** The compiled contracts of a run, looked up by `$id`. */
export interface Contracts {
  ids: ReadonlySet<string>;
  /** Validates a value; returns ajv's errors, or an empty list when it conforms. */
  validate(id: string, value: unknown): ErrorObject[];
  problems: Problem[];
}

/**
 * Loads every `*.json` schema under the folder; bad files become problems, not exceptions. With `compileAll` (lint, the
 * CLI) every contract is checked and compiled now so a broken one is reported before anything is sent; otherwise (a
 * worker, after the CLI checked them) each compiles on first use, unchecked.
 */
export function loadContracts(dir: string, cwd = process.cwd(), compileAll = true): Contracts {
  const ajv: Ajv2020 = createAjv({ alreadyChecked: !compileAll });
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const files = listFiles(dir, '.json');
  if (files.length === 0)
    problems.push(
      fileProblem(relative(cwd, dir) || dir, 'contract.none', 'no contract (*.json) was found in this folder'),
    );
  for (const path of files) {
    const file = relative(cwd, path);
    const text = readFileSync(path, 'utf8');
    let schema: { $id?: unknown };
    try {
      schema = JSON.parse(text) as { $id?: unknown };
    } catch (error) {
      problems.push({
        code: 'contract.json',
        message: `not valid JSON: ${(error as Error).message}`,
        location: { file, ...jsonErrorPosition(text, error as Error) },
      });
      continue;
    }
    if (typeof schema.$id !== 'string') {
      problems.push(fileProblem(file, 'contract.id', 'the contract has no `$id`', 'add "$id": "<name scenarios use>"'));
      continue;
    }
    if (ids.has(schema.$id)) {
      problems.push(
        fileProblem(
          file,
          'contract.duplicate',
          `the \`$id\` ${JSON.stringify(schema.$id)} is already used by another contract`,
        ),
      );
      continue;
    }
    try {
      ajv.addSchema(schema as object);
      ids.add(schema.$id);
    } catch (error) {
      problems.push(
        fileProblem(
          file,
          'contract.invalid',
          `the schema is not valid JSON Schema 2020-12: ${(error as Error).message}`,
        ),
      );
    }
  }
  for (const id of compileAll ? [...ids] : []) {
    try {
      ajv.getSchema(id);
    } catch (error) {
      problems.push(
        fileProblem(
          `contracts (${id})`,
          'contract.compile',
          `the contract ${JSON.stringify(id)} does not compile: ${(error as Error).message}`,
        ),
      );
      ids.delete(id);
    }
  }
  return {
    ids,
    problems,
    validate(id, value) {
      const validate = ajv.getSchema(id);
      if (!validate) throw new Error(`harness defect: contract ${id} was not checked at load time`);
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}
