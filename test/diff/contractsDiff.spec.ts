import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffContracts, type Difference } from '../../src/diff/diffContracts';
import { flattenContract } from '../../src/diff/flattenContract';
import { runCli, showOutput } from '../cli/runCli';
import { tempDir } from '../cli/tempDir';

// `conformance contracts diff`: each kind of difference is found and classified for a client and a server, for a
// request body and for a response body; the three formats agree; --fail-on decides the exit code.

const before = {
  $id: 'a.body',
  type: 'object',
  additionalProperties: false,
  required: ['kept'],
  properties: {
    kept: { type: 'string' },
    dropped: { type: 'string' },
    nowRequired: { type: 'string' },
    nowOptional: { type: 'string' },
    nowRefused: { type: 'string' },
    nullableLost: { type: ['string', 'null'] },
    widened: { type: 'integer' },
    renamedFormat: { type: 'string', format: 'date-time' },
    colours: { enum: ['red', 'green'] },
    base: { $ref: '#/$defs/base' },
  },
  $defs: { base: { type: 'string', format: 'uuid' } },
};
const after = {
  $id: 'b.body',
  allOf: [
    {
      type: 'object',
      required: ['kept', 'nowRequired'],
      properties: {
        kept: { type: 'string' },
        nowRequired: { type: 'string' },
        nowOptional: { type: 'string' },
        nowRefused: false,
        nullableLost: { type: 'string' },
        widened: { type: ['integer', 'string'] },
        renamedFormat: { type: 'string', format: 'date' },
        colours: { enum: ['red', 'blue'] },
        base: { type: 'string', format: 'uuid' },
        added: { type: 'boolean' },
      },
    },
  ],
};

const registry = () => undefined;
const diff = (direction: 'request' | 'response') =>
  diffContracts('body', direction, flattenContract(before, registry), flattenContract(after, registry));
const table = (ds: Difference[]) =>
  ds.map((d) => `${d.property ?? '-'} ${d.kind} client:${d.client} server:${d.server}`);

test('a request body: each change, and who it breaks (clients write requests, servers read them)', () => {
  expect(table(diff('request'))).toEqual([
    '- closed-removed client:safe server:may-break',
    'added property-added client:safe server:may-break',
    'colours enum-values-added client:safe server:may-break',
    'colours enum-values-removed client:breaking server:safe',
    'dropped property-removed client:may-break server:safe',
    'nowRefused refused-added client:breaking server:safe',
    'nowRequired required-added client:breaking server:safe',
    'nullableLost nullable-removed client:breaking server:safe',
    'renamedFormat format-changed client:may-break server:may-break',
    'widened types-widened client:safe server:may-break',
  ]);
});

test('a response body: the same changes, classified the other way round (servers write, clients read)', () => {
  const byProperty = Object.fromEntries(
    diff('response').map((d) => [`${d.property ?? '-'} ${d.kind}`, [d.client, d.server]]),
  );
  expect(byProperty['added property-added']).toEqual(['safe', 'safe']);
  expect(byProperty['nowRequired required-added']).toEqual(['safe', 'breaking']);
  expect(byProperty['widened types-widened']).toEqual(['may-break', 'safe']);
  expect(byProperty['colours enum-values-removed']).toEqual(['safe', 'breaking']);
  expect(byProperty['nullableLost nullable-removed']).toEqual(['safe', 'breaking']);
  // A $ref and the schema it names are the same thing: no difference for `base`.
  expect(Object.keys(byProperty).some((k) => k.startsWith('base '))).toBe(false);
});

test('the CLI: text, JSON and markdown agree; --fail-on breaking fails, identical contracts pass', () => {
  const dir = tempDir('contracts-diff');
  const [a, b] = [join(dir, 'a.patch.json'), join(dir, 'b.patch.json')];
  writeFileSync(a, JSON.stringify(before));
  writeFileSync(b, JSON.stringify(after));
  const json = runCli(['contracts', 'diff', a, b, '--format', 'json']);
  expect(json.status, showOutput(json)).toBe(0);
  const report = JSON.parse(json.stdout) as { differences: Difference[] };
  expect(report.differences).toHaveLength(10);
  expect(report.differences.every((d) => d.direction === 'request')).toBe(true);
  const md = runCli(['contracts', 'diff', a, b, '--format', 'markdown']).stdout;
  expect(md.split('\n').filter((l) => l.startsWith('| body') || l.startsWith('| a.patch'))).toHaveLength(10);
  expect(md).toContain('| nowRequired | required-added | false | true | breaking | safe |');
  const text = runCli(['contracts', 'diff', a, b, '--fail-on', 'breaking']);
  expect(text.status).toBe(1);
  expect(text.stdout).toContain('10 difference(s); breaking for clients 4, for servers 0');
  const same = runCli(['contracts', 'diff', a, a, '--fail-on', 'may-break']);
  expect(same.status, showOutput(same)).toBe(0);
  expect(same.stdout).toContain('0 difference(s)');
});

test('folders pair contracts by file name; one only on one side is a contract difference; an OpenAPI operation is a side', () => {
  const dir = tempDir('contracts-diff-folders');
  for (const side of ['a', 'b']) mkdirSync(join(dir, side));
  writeFileSync(join(dir, 'a', 'thing.json'), JSON.stringify(before));
  writeFileSync(join(dir, 'b', 'thing.json'), JSON.stringify(before));
  writeFileSync(join(dir, 'a', 'gone.json'), JSON.stringify({ $id: 'gone', type: 'object' }));
  const folders = JSON.parse(
    runCli(['contracts', 'diff', join(dir, 'a'), join(dir, 'b'), '--format', 'json']).stdout,
  ) as {
    differences: Difference[];
  };
  expect(folders.differences.map((d) => [d.contract, d.kind])).toEqual([['gone.json', 'contract-only-in-a']]);
  const op = `test/fixtures/openapi/pki-3.0.yaml#PATCH /directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/{certificateBasedAuthPki-id}`;
  const vsSeed = runCli([
    'contracts',
    'diff',
    'contracts/graph-pki/certificateBasedAuthPki.patch.json',
    op,
    '--format',
    'json',
  ]);
  expect(vsSeed.status, showOutput(vsSeed)).toBe(0);
  const kinds = (JSON.parse(vsSeed.stdout) as { differences: Difference[] }).differences.map(
    (d) => `${d.property} ${d.kind}`,
  );
  // The fixture description refuses lastModifiedDateTime (read-only) and adds uploadToken as required.
  expect(kinds).toContain('lastModifiedDateTime refused-added');
  expect(kinds).toContain('uploadToken property-added');
});
