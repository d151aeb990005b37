// The limit reference: plain fetch (undici, keep-alive) and ajv, one request after another, the same four checks,
// nothing else. Usage: node fetch-ajv.js WORKLOAD.json BASE_URL TOKEN   → prints each failure as a JSON line, then "N
// passed, M failed".
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const [file, baseUrl, token] = process.argv.slice(2);
const { schema, mediaType, guid, requests } = JSON.parse(readFileSync(file, 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const mediaTypeRe = new RegExp(mediaType, 'i');
const guidRe = new RegExp(guid);

let passed = 0;
let failed = 0;
for (const r of requests) {
  const failures = [];
  try {
    const response = await fetch(baseUrl + r.path, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        'client-request-id': r.clientRequestId,
      },
      body: JSON.stringify(r.body),
    });
    const text = await response.text();
    if (response.status !== 200) failures.push({ check: 'status', actual: response.status });
    if (!mediaTypeRe.test(response.headers.get('content-type') ?? ''))
      failures.push({ check: 'mediaType', actual: response.headers.get('content-type') });
    if (!guidRe.test(response.headers.get('request-id') ?? ''))
      failures.push({ check: 'requestId', actual: response.headers.get('request-id') });
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!validate(body))
      failures.push({ check: 'body', actual: validate.errors?.map((e) => `${e.instancePath} ${e.message}`) });
  } catch (error) {
    failures.push({ check: 'transport', actual: String(error) });
  }
  if (failures.length) {
    failed++;
    console.log(JSON.stringify({ name: r.name, failures }));
  } else passed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
