import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { buildCassette, type RecordedScenario } from '../../src/recordings/buildCassette';
import { CassetteRedactor } from '../../src/recordings/cassetteRedactor';
import { readCassette } from '../../src/recordings/readCassette';
import { redactRules } from '../../src/recordings/redactRules';
import { writeCassette } from '../../src/recordings/writeCassette';

const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ0ZW5hbnQifQ.c2lnbmF0dXJl';
const secret = 'client-secret-value-123';
const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const object = 'C721DC42-B383-E883-BF80-2D539946CF8C';
const runId = '20250101120000';

function recorded(): RecordedScenario {
  return {
    scenario: 'demo',
    target: 'live',
    baseUrl: 'https://graph.microsoft.com/beta',
    runId,
    existing: {},
    sends: [
      {
        step: 'patch',
        request: {
          method: 'PATCH',
          url: `https://graph.microsoft.com/beta/things/${object}?tenant=${tenant}&code=abc123`,
          headers: {
            authorization: `Bearer ${token}`,
            cookie: 'session=1',
            'content-type': 'application/json',
            'x-api-key': 'k',
          },
          bodyText: JSON.stringify({
            displayName: `Contoso ${runId}`,
            owner: 'alice@contoso.com',
            client_secret: 'other',
            note: secret,
          }),
        },
        response: {
          status: 200,
          durationMs: 12,
          headers: {
            'content-type': 'application/json',
            'set-cookie': 'a=b',
            'request-id': tenant,
            date: 'Wed, 01 Jan 2025 12:00:00 GMT',
          },
          bodyText: JSON.stringify({
            id: object,
            displayName: `Contoso ${runId}`,
            owners: ['alice@contoso.com', 'bob@contoso.com'],
            access_token: token,
          }),
        },
      },
    ],
  };
}

function redactor(): CassetteRedactor {
  const rules = redactRules([{ pattern: '[a-z]+@contoso\\.com', as: 'upn' }], { CONFORMANCE_REDACT: 'org=Contoso' });
  return new CassetteRedactor({ secrets: [token, secret], rules, runId });
}

test('credentials, cookies, secrets, configured values, the run id and ids become stable placeholders', () => {
  const har = buildCassette(recorded(), redactor());
  const [entry] = har.log.entries;
  expect(entry.request.url).toBe(
    'https://graph.microsoft.com/beta/things/00000000-0000-4000-8000-000000000001?tenant=00000000-0000-4000-8000-000000000002&code={{REDACTED:code}}',
  );
  expect(Object.fromEntries(entry.request.headers.map((h) => [h.name, h.value]))).toEqual({
    authorization: '{{REDACTED:authorization}}',
    cookie: '{{REDACTED:cookie}}',
    'content-type': 'application/json',
    'x-api-key': '{{REDACTED:x-api-key}}',
  });
  expect(JSON.parse(entry.request.postData!.text!)).toEqual({
    displayName: '{{REDACTED:org}} {{run.id}}',
    owner: '{{REDACTED:upn}}',
    client_secret: '{{REDACTED:client_secret}}',
    note: '{{REDACTED:secret}}',
  });
  expect(Object.fromEntries(entry.response.headers.map((h) => [h.name, h.value]))).toMatchObject({
    'set-cookie': '{{REDACTED:set-cookie}}',
    'request-id': '00000000-0000-4000-8000-000000000002',
  });
  // The same id gets the same placeholder in the URL, the query and the answer; distinct configured values are
  // numbered.
  expect(JSON.parse(entry.response.content.text!)).toEqual({
    id: '00000000-0000-4000-8000-000000000001',
    displayName: '{{REDACTED:org}} {{run.id}}',
    owners: ['{{REDACTED:upn}}', '{{REDACTED:upn-2}}'],
    access_token: '{{REDACTED:access_token}}',
  });
  expect(entry.startedDateTime).toBe('2025-01-01T12:00:00.000Z');
  expect(JSON.stringify(har)).not.toMatch(
    /alice|bob|Contoso|client-secret-value|eyJ|20250101120000|72f988bf|C721DC42/i,
  );
});

test('a written cassette is valid HAR 1.2, byte-for-byte the same when written again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-redaction-'));
  writeCassette(join(dir, 'a.har'), buildCassette(recorded(), redactor()));
  writeCassette(join(dir, 'b.har'), buildCassette(recorded(), redactor()));
  expect(readFileSync(join(dir, 'a.har'), 'utf8')).toBe(readFileSync(join(dir, 'b.har'), 'utf8'));
  const read = readCassette(join(dir, 'a.har'));
  expect(read.problems).toEqual([]);
  expect(read.cassette!.entries[0]).toMatchObject({
    index: 1,
    step: 'patch',
    method: 'PATCH',
    path: '/things/00000000-0000-4000-8000-000000000001',
    status: 200,
  });
  expect(readFileSync(join(dir, 'a.har'), 'utf8')).toMatch(/^\{\n {2}"log": \{\n {4}"_conformance": \{\n {6}"baseUrl"/);
});

test('an existing object that a live run worked on is noted by its placeholder, even when its id is not a GUID', () => {
  const scenario = { ...recorded(), existing: { GRAPH_PKI_ID: 'pki-42' } };
  scenario.sends[0].request.url = 'https://graph.microsoft.com/beta/things/pki-42';
  const har = buildCassette(scenario, new CassetteRedactor({ secrets: [], rules: [], runId, ids: ['pki-42'] }));
  expect(har.log._conformance!.existing).toEqual({ GRAPH_PKI_ID: '00000000-0000-4000-8000-000000000001' });
  expect(har.log.entries[0].request.url).toBe(
    'https://graph.microsoft.com/beta/things/00000000-0000-4000-8000-000000000001',
  );
});
