// The neutral loopback server every tool talks to: node:http with keep-alive, answering the workload's PATCHes as Graph
// would, counting what it served, optionally planting one wrong answer per check. (The throttled nightly has its own
// server: nightlyServer.js.)
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { COLLECTION, SUCCESS_CONTENT_TYPE, TOKEN } from './workload.js';
import { listenLoopback } from './listen.js';

const PREFIX = `/beta${COLLECTION}/`;
const CONTEXT = `https://graph.microsoft.com/beta/$metadata#directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/$entity`;

/**
 * Starts the server on 127.0.0.1 (a free port); `load(workload, options)` arms it for one run and resets the counters.
 */
export async function startServer() {
  let expected = new Map();
  let plant = new Map();
  let stats;
  const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 60_000;

  function reject(res, status, why) {
    stats.rejected++;
    stats.reasons[why] = (stats.reasons[why] ?? 0) + 1;
    const body = JSON.stringify({ error: { code: why, message: why } });
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'request-id': randomUUID(),
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  }

  function answer(req, res, bodyText) {
    if (req.method !== 'PATCH' || !req.url.startsWith(PREFIX)) return reject(res, 404, 'unknownRoute');
    const scenario = expected.get(req.url.slice(PREFIX.length));
    if (!scenario) return reject(res, 404, 'unknownId');
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return reject(res, 401, 'badToken');
    if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) return reject(res, 415, 'badContentType');
    if (req.headers['client-request-id'] !== scenario.clientRequestId) return reject(res, 400, 'wrongClientRequestId');
    let body;
    try {
      body = JSON.parse(bodyText);
    } catch {
      return reject(res, 400, 'malformedBody');
    }
    if (body?.displayName !== scenario.body.displayName || Object.keys(body).length !== 1)
      return reject(res, 400, 'wrongBody');
    stats.served++;
    stats.seen.add(scenario.index);
    const kind = plant.get(scenario.index);
    if (kind) stats.planted++;
    const entity = {
      '@odata.context': CONTEXT,
      '@odata.type': '#microsoft.graph.certificateBasedAuthPki',
      id: scenario.objectId,
      deletedDateTime: null,
      displayName: kind === 'body' ? 42 : body.displayName,
      lastModifiedDateTime: new Date().toISOString(),
      status: 'succeeded',
      statusDetails: null,
    };
    const text = JSON.stringify(entity);
    res.writeHead(kind === 'status' ? 201 : 200, {
      'Content-Type': kind === 'mediaType' ? 'text/plain' : SUCCESS_CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(text),
      'request-id': kind === 'requestId' ? 'not-a-guid' : randomUUID(),
      'client-request-id': scenario.clientRequestId,
      'OData-Version': '4.0',
      'Cache-Control': 'no-cache',
      'Strict-Transport-Security': 'max-age=31536000',
      Date: new Date().toUTCString(),
    });
    res.end(text);
  }

  const { port, baseUrl } = await listenLoopback(server);
  return {
    port,
    baseUrl,
    /** Arms the server for one run: the workload it expects and planted answers (index → kind). */
    load(workload, options = {}) {
      expected = new Map(workload.scenarios.map((s) => [s.objectId, s]));
      plant = options.plant ?? new Map();
      stats = {
        served: 0,
        planted: 0,
        rejected: 0,
        reasons: {},
        seen: new Set(),
      };
    },
    /** What was served since the last load: `distinct` counts different scenarios answered 200 (or planted). */
    stats: () => ({ ...stats, distinct: stats.seen.size, seen: undefined }),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}
