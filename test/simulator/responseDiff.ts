import type { SimResponse } from '../../src/simulator/simRequest';

function parse(text: string | undefined): { json: true; value: unknown } | { json: false } {
  if (text === undefined) return { json: false };
  try {
    return { json: true, value: JSON.parse(text) as unknown };
  } catch {
    return { json: false };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Objects with no key in common (an error envelope against an entity) count as one difference, not one per key.
function diffValues(a: unknown, b: unknown, pointer: string, out: string[]): void {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    if (keys.every((k) => !(k in a) || !(k in b))) return void out.push(pointer);
    for (const key of keys) diffValues(a[key], b[key], `${pointer}/${key}`, out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => diffValues(item, b[i], `${pointer}/${i}`, out));
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(pointer);
  }
}

function lowerKeys(headers: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Lists where two response sequences differ: "i status", "i header name", "i body /pointer" ("i body" for the whole
 * body).
 */
export function diffResponses(expected: SimResponse[], actual: SimResponse[]): string[] {
  const out: string[] = [];
  expected.forEach((a, i) => {
    const b = actual[i];
    if (!b) return void out.push(`${i} missing`);
    if (a.status !== b.status) out.push(`${i} status`);
    const ha = lowerKeys(a.headers);
    const hb = lowerKeys(b.headers);
    for (const name of new Set([...ha.keys(), ...hb.keys()]))
      if (ha.get(name) !== hb.get(name)) out.push(`${i} header ${name}`);
    const ba = parse(a.bodyText);
    const bb = parse(b.bodyText);
    if (ba.json && bb.json) {
      const pointers: string[] = [];
      diffValues(ba.value, bb.value, '', pointers);
      for (const p of pointers) out.push(p === '' ? `${i} body` : `${i} body ${p}`);
    } else if (a.bodyText !== b.bodyText) {
      out.push(`${i} body`);
    }
  });
  return out;
}
