/**
 * Self-tests of the contracts: every JSON Schema under contracts/ compiles in ajv strict mode without a warning, and
 * accepts or rejects each sample of ./samples for the stated reason.
 */
import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { samples, type Violation } from './samples';

const CONTRACTS_DIR = path.resolve(__dirname, '../../contracts');
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** The ids scenarios and the vendor comparison reference; adding or renaming one is an interface change. */
const EXPECTED_IDS = [
  'graph.beta.certificateBasedAuthPki',
  'graph.beta.certificateBasedAuthPki.collection',
  'graph.beta.certificateBasedAuthPki.patch',
  'graph.collection',
  'graph.error',
  'graph.headers.success',
  'graph.headers.noContent',
  'graph.headers.error',
  'graph.headers.throttled',
  'docs.current.certificateBasedAuthPki.patch',
  'metadata.certificateBasedAuthPki',
  'metadata.certificateBasedAuthPki.patch',
];

interface ContractFile {
  file: string;
  schema: Record<string, unknown>;
}

/** Every .json file under contracts/, parsed; each one is a schema. */
function loadContractFiles(): ContractFile[] {
  return fs
    .readdirSync(CONTRACTS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(fs.readFileSync(path.join(CONTRACTS_DIR, file), 'utf8')) }));
}

/** Compiles all contracts together, as the harness does; anything ajv logs is collected as a warning. */
function compileContracts(files: ContractFile[]) {
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger: { log: collect, warn: collect, error: collect } });
  addFormats(ajv);
  for (const { schema } of files) ajv.addSchema(schema);
  for (const { schema } of files) ajv.getSchema(String(schema.$id)); // compiles now; strict-mode violations throw
  return { ajv, warnings };
}

let compiled: ReturnType<typeof compileContracts> | undefined;
const contracts = () => (compiled ??= compileContracts(loadContractFiles()));

const escapePointer = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The pointer an error is about: for errors that name a property (required, additionalProperties, propertyNames), that
 * property.
 */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const named = params.missingProperty ?? params.additionalProperty ?? params.propertyName ?? error.propertyName;
  return typeof named === 'string' ? `${error.instancePath}/${escapePointer(named)}` : error.instancePath;
}

/**
 * Validates one sample; reports expected violations that did not occur and errors that were not expected (so a sample
 * cannot fail for another reason).
 */
function judge(id: string, data: unknown, violations: Violation[]) {
  const validate = contracts().ajv.getSchema(id);
  if (!validate) throw new Error(`contract ${id} is not loaded; check the $id in contracts/`);
  const valid = validate(data) as boolean;
  const errors = (validate.errors ?? []).map((e) => ({
    keyword: e.keyword,
    pointer: pointerOf(e),
    schemaPath: e.schemaPath,
  }));
  const missing = violations
    .filter(([keyword, pointer]) => !errors.some((e) => e.keyword === keyword && e.pointer === pointer))
    .map(([keyword, pointer]) => `${keyword} at ${JSON.stringify(pointer)}`);
  const unexplained = errors.filter(
    (e) => !violations.some(([keyword, pointer]) => keyword === e.keyword && pointer === e.pointer),
  );
  return { valid, missing, unexplained };
}

test.describe('contract files', () => {
  test('compile together in ajv strict mode with no warning', () => {
    expect(contracts().warnings).toEqual([]);
  });

  test('carry exactly the expected $ids, once each', () => {
    const ids = loadContractFiles().map(({ schema }) => schema.$id);
    expect([...ids].sort()).toEqual([...EXPECTED_IDS].sort());
  });

  test('declare draft 2020-12, a title and a description', () => {
    const lacking = loadContractFiles()
      .filter(({ schema }) => schema.$schema !== DRAFT_2020_12 || !schema.title || !schema.description)
      .map(({ file }) => file);
    expect(lacking).toEqual([]);
  });

  test('share one DateTimeOffset definition (seed resource and metadata)', () => {
    const defs = (id: string) =>
      (loadContractFiles().find(({ schema }) => schema.$id === id)?.schema.$defs ?? {}) as Record<string, unknown>;
    const seed = defs('graph.beta.certificateBasedAuthPki');
    const metadata = defs('metadata.certificateBasedAuthPki');
    expect(seed.nullableDateTimeOffset).toBeDefined();
    expect(metadata.nullableDateTimeOffset).toEqual(seed.nullableDateTimeOffset);
    expect(metadata.dateTimeOffset).toEqual(seed.dateTimeOffset);
  });

  test('each have a sample that passes and one that fails', () => {
    const uncovered = EXPECTED_IDS.filter((id) => {
      const list = samples[id] ?? [];
      return !list.some((s) => s.violations.length === 0) || !list.some((s) => s.violations.length > 0);
    });
    expect(uncovered).toEqual([]);
  });
});

for (const [id, list] of Object.entries(samples)) {
  test.describe(id, () => {
    for (const { title, data, violations } of list) {
      const verdict =
        violations.length === 0 ? 'passes' : `fails: ${violations.map(([k, p]) => `${k} ${p || '(root)'}`).join(', ')}`;
      test(`${title} ${verdict}`, () => {
        const expected = { valid: violations.length === 0, missing: [], unexplained: [] };
        expect(judge(id, data, violations)).toEqual(expected);
      });
    }
  });
}
