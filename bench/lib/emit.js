// Writes one workload in each tool's own format, under one folder: ours (YAML suite + contract), Step CI, Newman,
// Dredd, fetch+ajv; and the throttled nightly workload (GET, PATCH, GET) for ours, Step CI and Newman.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BODY_SCHEMA, COLLECTION, GUID_RE, MEDIA_TYPE_RE, SUCCESS_CONTENT_TYPE, TOKEN } from './workload.js';

const json = (value) => JSON.stringify(value, null, 1);
const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

/** Writes every format for a workload into `dir` (emptied first); returns the paths the tool runners need. */
export function emitAll(workload, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    ours: emitOurs(workload, dir),
    stepci: emitStepci(workload, dir),
    newman: emitNewman(workload, dir),
    dredd: emitDredd(workload, dir),
    fetchAjv: emitFetchAjv(workload, dir),
  };
}

/**
 * graph-conformance: a suite folder (suite.yaml, no fixtures, no `always:` rules) with one YAML scenario per file, and
 * the contract.
 */
export function emitOurs({ scenarios, tag }, dir) {
  rmSync(join(dir, 'ours'), { recursive: true, force: true });
  const suite = join(dir, 'ours', 'suite');
  const contracts = join(dir, 'ours', 'contracts');
  mkdirSync(suite, { recursive: true });
  mkdirSync(contracts, { recursive: true });
  // For a harness that can seed its replay simulator (CONFORMANCE_REPLAY_SEED, see README.md): the objects the
  // scenarios PATCH.
  const seed = join(dir, 'ours', 'replay-seed.json');
  writeFileSync(
    seed,
    JSON.stringify(scenarios.map((s) => ({ id: s.objectId, displayName: 'Seeded PKI', status: 'succeeded' }))),
  );
  writeOursSuite(suite, contracts, tag, 'Benchmark workload (one PATCH per scenario, four checks)');
  for (const s of scenarios) {
    writeFileSync(
      join(suite, `${s.name}.yaml`),
      [
        `id: ${s.name}`,
        `title: PATCH ${s.body.displayName}`,
        'steps:',
        '  - name: patch',
        '    request:',
        '      method: PATCH',
        `      path: "{collection}/${s.objectId}"`,
        `      headers: { Content-Type: application/json, client-request-id: ${s.clientRequestId} }`,
        `      body: { displayName: ${q(s.body.displayName)} }`,
        '    expect:',
        '      status: 200',
        '      headers:',
        '        content-type: { mediaType: application/json }',
        '        request-id: { format: uuid }',
        '      body: { schema: bench.pki }',
        '',
      ].join('\n'),
    );
  }
  return { suite, contracts, seed };
}

/**
 * Step CI: one test per scenario, one http step each, checks on status, two headers (regex matchers) and the schema (a
 * shared component).
 */
function emitStepci({ scenarios, tag }, dir) {
  const file = join(dir, 'stepci.yml');
  const lines = [
    'version: "1.1"',
    `name: ${tag}`,
    'env:',
    '  base: http://127.0.0.1:0/beta',
    'components:',
    '  schemas:',
    `    Pki: ${JSON.stringify(BODY_SCHEMA)}`,
    'tests:',
  ];
  for (const s of scenarios) {
    lines.push(
      `  ${s.name}:`,
      '    steps:',
      '      - http:',
      `          url: \${{env.base}}${COLLECTION}/${s.objectId}`,
      '          method: PATCH',
      `          headers: { Content-Type: application/json, Authorization: "Bearer ${TOKEN}", client-request-id: ${s.clientRequestId} }`,
      `          json: { displayName: ${q(s.body.displayName)} }`,
      '          check:',
      '            status: 200',
      '            headers:',
      `              Content-Type: [{ match: ${q(MEDIA_TYPE_RE)} }]`,
      `              request-id: [{ match: ${q(GUID_RE)} }]`,
      '            schema: { $ref: "#/components/schemas/Pki" }',
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return { file };
}

/**
 * Newman: a v2.1 collection, one item per scenario; the four checks are one collection-level test script (Postman's
 * idiom).
 */
function emitNewman({ scenarios, tag }, dir) {
  const file = join(dir, 'newman.postman_collection.json');
  const test = [
    `const schema = ${JSON.stringify(BODY_SCHEMA)};`,
    'pm.test("status 200", () => pm.response.to.have.status(200));',
    `pm.test("media type", () => pm.expect(pm.response.headers.get("Content-Type")).to.match(new RegExp(${q(MEDIA_TYPE_RE)}, "i")));`,
    `pm.test("request-id GUID", () => pm.expect(pm.response.headers.get("request-id")).to.match(new RegExp(${q(GUID_RE)})));`,
    'pm.test("body schema", () => pm.response.to.have.jsonSchema(schema));',
  ];
  const collection = {
    info: { name: tag, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: test } }],
    variable: [{ key: 'base', value: 'http://127.0.0.1:0/beta' }],
    item: scenarios.map((s) => ({
      name: s.name,
      request: {
        method: 'PATCH',
        url: `{{base}}${COLLECTION}/${s.objectId}`,
        header: [
          { key: 'Content-Type', value: 'application/json' },
          { key: 'Authorization', value: `Bearer ${TOKEN}` },
          { key: 'client-request-id', value: s.clientRequestId },
        ],
        body: { mode: 'raw', raw: JSON.stringify(s.body) },
      },
    })),
  };
  writeFileSync(file, json(collection));
  return { file };
}

/**
 * Dredd: a Swagger 2.0 description, one path per scenario (Dredd makes one transaction per path, method and response);
 * status, Content-Type and the body schema are checked by Dredd itself from the description, request-id by hooks.cjs.
 */
function emitDredd({ scenarios, tag }, dir) {
  const file = join(dir, 'dredd.swagger.json');
  const paths = {};
  for (const s of scenarios) {
    paths[`${COLLECTION}/${s.objectId}`] = {
      patch: {
        operationId: s.name,
        consumes: ['application/json'],
        produces: [SUCCESS_CONTENT_TYPE],
        parameters: [
          { name: 'Authorization', in: 'header', required: true, type: 'string', 'x-example': `Bearer ${TOKEN}` },
          { name: 'client-request-id', in: 'header', required: true, type: 'string', 'x-example': s.clientRequestId },
          { name: 'body', in: 'body', required: true, schema: { type: 'object', example: s.body } },
        ],
        responses: {
          200: {
            description: 'updated',
            headers: { 'request-id': { type: 'string' } },
            schema: { $ref: '#/definitions/Pki' },
          },
        },
      },
    };
  }
  const names = new Map(scenarios.map((s) => [s.objectId, s.name]));
  writeFileSync(
    file,
    json({
      swagger: '2.0',
      info: { title: tag, version: '1' },
      host: '127.0.0.1:0',
      basePath: '/beta',
      schemes: ['http'],
      paths,
      definitions: { Pki: BODY_SCHEMA },
    }),
  );
  return { file, names };
}

/** fetch + ajv: the requests and the schema as plain JSON, read by fetch-ajv.js. */
function emitFetchAjv({ scenarios }, dir) {
  const file = join(dir, 'fetch-ajv.json');
  writeFileSync(
    file,
    JSON.stringify({
      schema: BODY_SCHEMA,
      mediaType: MEDIA_TYPE_RE,
      guid: GUID_RE,
      requests: scenarios.map((s) => ({
        name: s.name,
        path: `${COLLECTION}/${s.objectId}`,
        clientRequestId: s.clientRequestId,
        body: s.body,
      })),
    }),
  );
  return { file };
}

/**
 * The throttled nightly workload in the three formats it is run in, into `dir` (emptied first): each scenario GETs its
 * object, PATCHes a new displayName and GETs it again; each checks status 200 three times and the last body's
 * displayName.
 */
export function emitNightly(workload, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    ours: emitNightlyOurs(workload, dir),
    stepci: emitNightlyStepci(workload, dir),
    newman: emitNightlyNewman(workload, dir),
  };
}

/** graph-conformance: one YAML scenario of three steps per file; `matches` checks the last GET's displayName. */
function emitNightlyOurs({ scenarios, tag }, dir) {
  const suite = join(dir, 'ours', 'suite');
  const contracts = join(dir, 'ours', 'contracts');
  mkdirSync(suite, { recursive: true });
  mkdirSync(contracts, { recursive: true });
  writeOursSuite(suite, contracts, tag, 'Throttled nightly workload (GET, PATCH displayName, GET per scenario)');
  for (const s of scenarios) {
    const path = `"{collection}/${s.objectId}"`;
    writeFileSync(
      join(suite, `${s.name}.yaml`),
      [
        `id: ${s.name}`,
        `title: GET, PATCH displayName ${q(s.newName)}, GET shows it`,
        'steps:',
        '  - name: before',
        `    request: { method: GET, path: ${path} }`,
        '    expect: { status: 200 }',
        '  - name: patch',
        '    request:',
        '      method: PATCH',
        `      path: ${path}`,
        '      headers: { Content-Type: application/json }',
        `      body: { displayName: ${q(s.newName)} }`,
        '    expect: { status: 200 }',
        '  - name: after',
        `    request: { method: GET, path: ${path} }`,
        `    expect: { status: 200, body: { matches: { displayName: ${q(s.newName)} } } }`,
        '',
      ].join('\n'),
    );
  }
  return { suite, contracts };
}

/** Step CI: one test of three http steps per scenario; `check.status` on each, `check.jsonpath` on the last. */
function emitNightlyStepci({ scenarios, tag }, dir) {
  const file = join(dir, 'stepci.yml');
  const lines = ['version: "1.1"', `name: ${tag}`, 'env:', '  base: http://127.0.0.1:0/beta', 'tests:'];
  const auth = `Authorization: "Bearer ${TOKEN}"`;
  for (const s of scenarios) {
    const url = `\${{env.base}}${COLLECTION}/${s.objectId}`;
    lines.push(
      `  ${s.name}:`,
      '    steps:',
      '      - name: before',
      '        http:',
      `          url: ${url}`,
      '          method: GET',
      `          headers: { ${auth} }`,
      '          check: { status: 200 }',
      '      - name: patch',
      '        http:',
      `          url: ${url}`,
      '          method: PATCH',
      `          headers: { Content-Type: application/json, ${auth} }`,
      `          json: { displayName: ${q(s.newName)} }`,
      '          check: { status: 200 }',
      '      - name: after',
      '        http:',
      `          url: ${url}`,
      '          method: GET',
      `          headers: { ${auth} }`,
      '          check:',
      '            status: 200',
      `            jsonpath: { $.displayName: ${q(s.newName)} }`,
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return { file };
}

/**
 * Newman: a v2.1 collection with one folder per scenario holding its three requests, each with its own test script
 * (status 200; on the last, the displayName too).
 */
function emitNightlyNewman({ scenarios, tag }, dir) {
  const file = join(dir, 'newman.postman_collection.json');
  const status = 'pm.test("status 200", () => pm.response.to.have.status(200));';
  const request = (name, method, s, extra = {}, tests = [status]) => ({
    name,
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: tests } }],
    request: {
      method,
      url: `{{base}}${COLLECTION}/${s.objectId}`,
      header: [{ key: 'Authorization', value: `Bearer ${TOKEN}` }, ...(extra.header ?? [])],
      ...(extra.body ? { body: extra.body } : {}),
    },
  });
  const collection = {
    info: { name: tag, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    variable: [{ key: 'base', value: 'http://127.0.0.1:0/beta' }],
    item: scenarios.map((s) => ({
      name: s.name,
      item: [
        request('before', 'GET', s),
        request('patch', 'PATCH', s, {
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: { mode: 'raw', raw: JSON.stringify({ displayName: s.newName }) },
        }),
        request('after', 'GET', s, {}, [
          status,
          `pm.test("displayName persisted", () => pm.expect(pm.response.json().displayName).to.eql(${q(s.newName)}));`,
        ]),
      ],
    })),
  };
  writeFileSync(file, json(collection));
  return { file };
}

/** Our suite's shared files: the body contract and suite.yaml with the collection variable. */
function writeOursSuite(suite, contracts, tag, title) {
  writeFileSync(
    join(contracts, 'bench.pki.json'),
    json({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'bench.pki', ...BODY_SCHEMA }),
  );
  writeFileSync(
    join(suite, 'suite.yaml'),
    [`suite: ${tag}`, `title: ${title}`, 'variables:', `  collection: ${COLLECTION}`, ''].join('\n'),
  );
}
