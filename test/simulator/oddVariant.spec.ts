import { test, expect } from '@playwright/test';
import { isJsonMediaType } from '../../src/simulator/readJsonBody';
import { CRID, SEED_ID, UNKNOWN_ID, body, header, makeSim, pki } from './simHarness';

const item = `/${SEED_ID}`;
const echo = { headers: { 'client-request-id': CRID } };
const steps = [
  pki('GET', '', echo),
  pki('GET', item, echo),
  pki('PATCH', item, { ...echo, body: { displayName: 'Odd', deletedDateTime: '2025-02-03T04:05:06Z' } }),
  pki('GET', item, { query: '$select=displayName,lastModifiedDateTime' }),
  pki('POST', '', { body: { displayName: 'Made' } }),
  pki('PATCH', item, { raw: '{', headers: { 'content-type': 'application/json' } }),
  pki('GET', `/${UNKNOWN_ID}`),
  pki('DELETE', item, echo),
];

// What a tolerant client would compare: no @odata.context, no open-type extras, dates as instants, key order ignored.
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .filter(([k]) => k !== '@odata.context' && k !== 'extensionAttribute')
    .map(([k, v]) => [k, k.endsWith('DateTime') && typeof v === 'string' ? Date.parse(v) : normalise(v)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

test.describe("variant 'odd-but-valid'", () => {
  const plain = makeSim();
  const odd = makeSim({ variant: 'odd-but-valid' });
  const pairs = steps.map((step) => [plain.handle(step), odd.handle(step)] as const);

  test('answers the same statuses, header values and (normalised) bodies as the plain server', () => {
    for (const [p, o] of pairs) {
      expect(o.status).toBe(p.status);
      for (const name of ['request-id', 'client-request-id', 'odata-version', 'date', 'cache-control']) {
        expect(header(o, name), name).toBe(header(p, name));
      }
      if (p.bodyText !== undefined)
        expect(normalise(JSON.parse(o.bodyText ?? ''))).toEqual(normalise(JSON.parse(p.bodyText)));
    }
  });

  test('spells header names in odd case', () => {
    const [, o] = pairs[1] ?? [];
    expect(Object.keys(o?.headers ?? {})).toEqual(
      expect.arrayContaining(['Request-Id', 'ODATA-VERSION', 'content-type']),
    );
  });

  test('reorders and recases Content-Type parameters, keeping a JSON media type', () => {
    for (const [p, o] of pairs) {
      const contentType = header(o, 'content-type');
      if (contentType === undefined) continue;
      expect(contentType).not.toBe(header(p, 'content-type'));
      expect(isJsonMediaType(contentType)).toBe(true);
    }
  });

  test('omits @odata.context, adds an open-type property, reorders properties and writes dates with 7 digits and an offset', () => {
    const [p, o] = pairs[2] ?? [];
    if (!p || !o) throw new Error('missing responses');
    const oddBody = body(o);
    expect(oddBody['@odata.context']).toBeUndefined();
    expect(oddBody.extensionAttribute).toBe('x');
    expect(Object.keys(oddBody).filter((k) => k in body(p))).not.toEqual(
      Object.keys(body(p)).filter((k) => k in oddBody),
    );
    expect(oddBody.lastModifiedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/);
    expect(oddBody.deletedDateTime).toBe('2025-02-03T04:05:06.0000000+00:00');
  });

  test('lastModifiedDateTime still never goes backwards', () => {
    const sim = makeSim({ variant: 'odd-but-valid' });
    const stamps = [1, 2, 3].map(() =>
      Date.parse(String(body(sim.handle(pki('PATCH', item, { body: { status: 'x' } }))).lastModifiedDateTime)),
    );
    expect(stamps[1]).toBeGreaterThan(stamps[0] ?? Infinity);
    expect(stamps[2]).toBeGreaterThan(stamps[1] ?? Infinity);
  });
});
