import { test, expect } from '@playwright/test';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv } from '../../src/contract/createAjv';
import { operationContracts } from '../../src/openapi/operationContracts';
import { readDescription, type Description } from '../../src/openapi/readDescription';
import { selectOperations } from '../../src/openapi/selectOperations';
import { runCli, showOutput, stackTraceLine } from '../cli/runCli';
import { tempDir } from '../cli/tempDir';

// `conformance import openapi` on a Graph-shaped fixture: each conversion rule is shown to hold by validating bodies
// that keep it and bodies that break it against the generated contracts with the project's own strict ajv.

const fixture = join(__dirname, '..', 'fixtures', 'openapi', 'pki-3.0.yaml');
const item = '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/{certificateBasedAuthPki-id}';

function contractsOf(description: Description, operation: string) {
  const { selected } = selectOperations(description, { operations: [operation] });
  expect(selected).toHaveLength(1);
  const ajv = createAjv();
  const contracts = operationContracts(description, selected[0], 'test.');
  for (const c of contracts) ajv.addSchema(c.schema);
  const valid = (kind: string, body: unknown) => {
    const validate = ajv.getSchema(`test.${selected[0].operation.operationId}.${kind}`)!;
    return validate(body) ? 'valid' : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).join('; ');
  };
  return { contracts, valid };
}

const patch = () => contractsOf(readDescription(fixture, 'pki-3.0.yaml'), `PATCH ${item}`);
const pki = { '@odata.type': '#microsoft.graph.certificateBasedAuthPki' };

test('request contract: read-only properties are refused, write-only ones kept and required, nullable is a null type', () => {
  const { valid } = patch();
  expect(valid('request', { ...pki, displayName: 'x', uploadToken: 'abc_-' })).toBe('valid');
  expect(valid('request', { ...pki, displayName: null, status: null, uploadToken: 'a' })).toBe('valid');
  expect(valid('request', { ...pki, uploadToken: 'a', lastModifiedDateTime: '2026-01-01T00:00:00Z' })).toContain(
    '/lastModifiedDateTime false schema',
  );
  // id is read-only in the entity base type two allOf levels down, and required there: refused, no longer required.
  expect(valid('request', { ...pki, uploadToken: 'a', id: 'x' })).toContain('/id false schema');
  expect(valid('request', { ...pki })).toContain('required');
});

test('formats: int32 numbers are integers in range, base64url a pattern, date-time and uuid checked, enums closed', () => {
  const { valid } = patch();
  const body = (extra: object) => ({ ...pki, uploadToken: 'a', ...extra });
  expect(valid('request', body({ revision: 7 }))).toBe('valid');
  expect(valid('request', body({ revision: 1.5 }))).toContain('/revision type');
  expect(valid('request', body({ revision: 2 ** 31 }))).toContain('/revision maximum');
  expect(valid('request', { ...pki, uploadToken: 'a+b' })).toContain('/uploadToken pattern');
  expect(valid('request', body({ deletedDateTime: 'yesterday' }))).toContain('/deletedDateTime');
  expect(valid('request', body({ tenantId: 'not-a-guid' }))).toContain('/tenantId format');
  expect(valid('request', body({ status: 'bogus' }))).toContain('/status enum');
});

test('response contract: write-only properties are not promised, read-only ones are; ranges and the error envelope', () => {
  const { valid, contracts } = patch();
  const answer = { ...pki, id: '0b7e2c1d-1111-4222-8333-944445555666', lastModifiedDateTime: '2026-01-01T00:00:00Z' };
  expect(valid('response.2XX', answer)).toBe('valid');
  expect(valid('response.2XX', { ...answer, revision: 'seven' })).toContain('/revision type');
  expect(valid('response.2XX', { id: answer.id })).toContain('required');
  expect(contracts.map((c) => c.fileName.replace(/^.*UpdateCertificateBasedAuthConfigurations\./, ''))).toEqual([
    'request.json',
    'response.2XX.json',
    'response.4XX.json',
    'response.5XX.json',
  ]);
  expect(valid('response.4XX', { error: { code: 'BadRequest', message: 'no' } })).toBe('valid');
  expect(valid('response.4XX', { error: { message: 'no code' } })).toContain('/error required');
});

test("every example of the description is accepted by its schema's contract; a closed type refuses unknown properties", () => {
  const { valid, contracts } = patch();
  const ajv = createAjv();
  const request = contracts[0].schema as { $defs: Record<string, Record<string, unknown>> };
  // Each component's example against that component alone, as the request contract holds it.
  ajv.addSchema({ ...request, $id: 'defs' });
  // Every `examples` anywhere in the converted schemas, with the JSON pointer of the schema that holds it.
  const examples: Array<[string, unknown]> = [];
  const walk = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    for (const e of (node as { examples?: unknown[] }).examples ?? []) examples.push([pointer, e]);
    for (const [key, value] of Object.entries(node))
      if (key !== 'examples' && value && typeof value === 'object')
        walk(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(request.$defs, '/$defs');
  expect(examples.map(([pointer]) => pointer).sort()).toEqual([
    '/$defs/microsoft.graph.certificateBasedAuthPki/allOf/1/properties/displayName',
    '/$defs/microsoft.graph.pkiStatus',
    '/$defs/microsoft.graph.uploadWindow',
  ]);
  for (const [pointer, example] of examples) {
    const validate = ajv.getSchema(`defs#${pointer}`)!;
    expect(validate(example), `${pointer}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
  const window = { opensDateTime: '2026-01-01T08:00:00Z', hours: 4 };
  expect(valid('request', { ...pki, uploadToken: 'a', uploadWindow: window })).toBe('valid');
  expect(valid('request', { ...pki, uploadToken: 'a', uploadWindow: { ...window, colour: 'red' } })).toContain(
    '/uploadWindow additionalProperties',
  );
  expect(valid('request', { ...pki, uploadToken: 'a', uploadWindow: { ...window, hours: 'four' } })).toContain(
    '/uploadWindow/hours type',
  );
});

test('only the $ref closure is emitted, with provenance and the x-ms-* extensions kept as annotations', () => {
  const { contracts } = patch();
  const request = contracts[0].schema as Record<string, Record<string, unknown>>;
  expect(Object.keys(request.$defs).sort()).toEqual([
    'microsoft.graph.certificateBasedAuthPki',
    'microsoft.graph.directoryObject',
    'microsoft.graph.entity',
    'microsoft.graph.pkiStatus',
    'microsoft.graph.uploadWindow',
  ]);
  expect(request['x-provenance']).toMatchObject({
    source: 'pki-3.0.yaml',
    pointer: `/paths/${item.replace(/\//g, '~1')}/patch/requestBody/content/application~1json/schema`,
    direction: 'request',
  });
  expect(JSON.stringify(request)).toContain(
    '"x-openapi":{"x-ms-discriminator-value":"#microsoft.graph.certificateBasedAuthPki"}',
  );
  expect(JSON.stringify(request)).not.toContain('widget');
});

test('OpenAPI 3.1 is read as JSON Schema; a discriminator on @odata.type dispatches at the contract root', () => {
  const dir = tempDir('openapi-31');
  const file = join(dir, 'things.json');
  writeFileSync(
    file,
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/things': {
          get: {
            operationId: 'things.get',
            responses: {
              '200': {
                description: 'a thing',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          thing: {
            type: 'object',
            required: ['@odata.type'],
            properties: { '@odata.type': { type: 'string' }, note: { type: ['string', 'null'] } },
            discriminator: { propertyName: '@odata.type', mapping: { '#t.big': '#/components/schemas/big' } },
          },
          big: {
            allOf: [
              { $ref: '#/components/schemas/thing' },
              { type: 'object', required: ['size'], properties: { size: { type: 'integer', minimum: 10 } } },
            ],
          },
        },
      },
    }),
  );
  const { valid } = contractsOf(readDescription(file), 'GET /things');
  expect(valid('response.200', { '@odata.type': '#t.small', note: null })).toBe('valid');
  expect(valid('response.200', { '@odata.type': '#t.big', size: 12 })).toBe('valid');
  expect(valid('response.200', { '@odata.type': '#t.big', size: 3 })).toContain('/size minimum');
  expect(valid('response.200', { '@odata.type': '#t.big' })).toContain('required');
});

test('the CLI: a re-import says what changed, an unknown operation names the near ones, bad YAML its line (exit 2)', () => {
  const dir = tempDir('openapi-cli');
  const copy = join(dir, 'pki.yaml');
  copyFileSync(fixture, copy);
  const out = join(dir, 'contracts');
  const args = ['import', 'openapi', copy, '--operation', `PATCH ${item}`, '--out', out];
  const first = runCli(args);
  expect(first.status, showOutput(first)).toBe(0);
  expect(first.stdout).toContain('4 new, 0 changed, 0 unchanged');
  expect(readdirSync(out)).toHaveLength(4);
  writeFileSync(copy, readFileSync(copy, 'utf8').replace('maxLength: 256', 'maxLength: 128'));
  const again = runCli(args);
  expect(again.status, showOutput(again)).toBe(0);
  expect(again.stdout).toContain('0 new, 2 changed, 2 unchanged');
  expect(again.stdout).toMatch(/^changed +\S+\.request /m);

  const unknown = runCli([
    'import',
    'openapi',
    copy,
    '--operation',
    'PUT /directory/publicKeyInfrastructure',
    '--out',
    out,
  ]);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('has no operation "PUT /directory/publicKeyInfrastructure"; near it: GET');

  writeFileSync(copy, 'openapi: 3.0.4\npaths:\n  /x:\n    get: [unclosed\n');
  const broken = runCli(['import', 'openapi', copy, '--out', out]);
  expect(broken.status).toBe(2);
  expect(broken.stderr).toMatch(/not valid YAML: .* \(line \d+, column \d+\); nothing was written/);
  expect(broken.stdout + broken.stderr).not.toMatch(stackTraceLine);
});
