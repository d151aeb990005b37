// The Graph-like server of the throttled nightly pass: node:http on 127.0.0.1 (keep-alive) holding each workload
// object's displayName, answering GET and PATCH of them after 100 ms ± 30 ms (seeded, so runs are comparable), and
// letting R requests per second through a token bucket (429 + fractional Retry-After beyond it).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { COLLECTION, SUCCESS_CONTENT_TYPE, TOKEN } from './workload.js';
import { listenLoopback } from './listen.js';

const PREFIX = `/beta${COLLECTION}/`;
const CONTEXT = `https://graph.microsoft.com/beta/$metadata#directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/$entity`;
/** Graph's throttling headers on a 429 (documentation values; no tool reads them). */
const THROTTLE_SCOPE =
  'Tenant_Application/ReadWrite/00000000-0000-4000-8000-00000000b3c4/00000000-0000-4000-8000-0000000007e1';

/** The latency of every answer, 429s included: uniform in [70, 130] ms. */
export const LATENCY_MS = { min: 70, max: 130 };

/**
 * Starts the server on a free port; `load(workload, options)` arms it for one run (objects back to their initial names,
 * counters and the latency sequence reset).
 */
export async function startNightlyServer() {
  let objects = new Map();
  let bucket;
  let plant = new Set();
  let random;
  let stats;
  const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
    const arrivedAt = performance.now();
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      // Drawn in arrival order, so the same tool meets the same sequence of latencies on every run.
      const delay = LATENCY_MS.min + (LATENCY_MS.max - LATENCY_MS.min) * random();
      const reply = answer(req, Buffer.concat(chunks).toString('utf8'), arrivedAt);
      setTimeout(() => send(res, reply), delay);
    });
  });
  server.keepAliveTimeout = 60_000;

  /** Decides the answer when the request arrives (the token is taken, the write applied, then); it is sent later. */
  function answer(req, bodyText, now) {
    stats.received++;
    stats.firstAt ??= now;
    if (bucket && !bucket.take(now)) {
      stats.throttled++;
      // The time until the next token, as of the decision (what the client then waits on top of the answer's latency).
      const retryAfter = (Math.ceil(bucket.waitMs(now)) / 1000).toFixed(3);
      return { status: 429, retryAfter, body: error('TooManyRequests', 'Too many requests; see Retry-After.') };
    }
    const method = req.method;
    if ((method !== 'GET' && method !== 'PATCH') || !req.url.startsWith(PREFIX)) return reject(404, 'unknownRoute');
    const object = objects.get(req.url.slice(PREFIX.length));
    if (!object) return reject(404, 'unknownId');
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return reject(401, 'badToken');
    if (method === 'PATCH') {
      if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) return reject(415, 'badContentType');
      let body;
      try {
        body = JSON.parse(bodyText);
      } catch {
        return reject(400, 'malformedBody');
      }
      if (body?.displayName !== object.scenario.newName || Object.keys(body).length !== 1)
        return reject(400, 'wrongBody');
      object.patched++;
      if (plant.has(object.scenario.index)) stats.planted++;
      else {
        object.displayName = body.displayName;
        object.lastModifiedDateTime = new Date().toISOString();
      }
      return ok(object, req, body.displayName);
    }
    // A GET before any PATCH of this object was served is the scenario's first, after one its last.
    if (object.patched) object.readAfter++;
    else object.readBefore++;
    return ok(object, req);
  }

  function ok(object, req, echoed) {
    stats.served++;
    const entity = {
      '@odata.context': CONTEXT,
      '@odata.type': '#microsoft.graph.certificateBasedAuthPki',
      id: object.scenario.objectId,
      deletedDateTime: null,
      displayName: echoed ?? object.displayName,
      lastModifiedDateTime: object.lastModifiedDateTime,
      status: 'succeeded',
      statusDetails: null,
    };
    return { status: 200, body: JSON.stringify(entity), clientRequestId: req.headers['client-request-id'] };
  }

  function reject(status, why) {
    stats.rejected++;
    stats.reasons[why] = (stats.reasons[why] ?? 0) + 1;
    return { status, body: error(why, why) };
  }

  /** Writes a decided answer: Graph's headers, the quota header on every answer, Retry-After and the throttle headers on a 429. */
  function send(res, { status, body, retryAfter, clientRequestId }) {
    const requestId = randomUUID();
    const headers = {
      'Content-Type': status === 200 ? SUCCESS_CONTENT_TYPE : 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'request-id': requestId,
      'client-request-id': clientRequestId ?? requestId,
      'x-ms-resource-unit': '1',
      Date: new Date().toUTCString(),
    };
    if (status === 200) Object.assign(headers, { 'OData-Version': '4.0', 'Cache-Control': 'no-cache' });
    if (retryAfter)
      Object.assign(headers, {
        'Retry-After': retryAfter,
        'x-ms-throttle-scope': THROTTLE_SCOPE,
        'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
      });
    res.writeHead(status, headers);
    res.end(body);
    if (status === 200) stats.lastOkAt = performance.now();
  }

  const { port, baseUrl } = await listenLoopback(server);
  return {
    port,
    baseUrl,
    /**
     * Arms the server for one run: the workload's objects at their initial names, an optional rate limit (`ratePerSecond`,
     * `burst` tokens, default 1), planted lost writes (indexes whose PATCH is answered 200 but not stored), a latency seed.
     */
    load(workload, options = {}) {
      objects = new Map(
        workload.scenarios.map((s) => [
          s.objectId,
          {
            scenario: s,
            displayName: s.initialName,
            lastModifiedDateTime: '2026-01-01T00:00:00Z',
            readBefore: 0,
            patched: 0,
            readAfter: 0,
          },
        ]),
      );
      bucket = options.ratePerSecond ? tokenBucket(options.ratePerSecond, options.burst ?? 1) : undefined;
      plant = new Set(options.plant ?? []);
      random = mulberry32(options.seed ?? 1);
      stats = {
        received: 0,
        throttled: 0,
        served: 0,
        rejected: 0,
        planted: 0,
        reasons: {},
        firstAt: undefined,
        lastOkAt: undefined,
      };
    },
    /**
     * What happened since the last load; `complete` counts the scenarios whose three requests were each answered 200 in
     * order (a GET, a PATCH, a GET after it), `extra` the 200s beyond three per scenario.
     */
    stats() {
      const all = [...objects.values()];
      const complete = all.filter((o) => o.readBefore && o.patched && o.readAfter);
      return {
        ...stats,
        complete: complete.length,
        incomplete: all.filter((o) => !complete.includes(o)).map((o) => o.scenario.name),
        extra: stats.served - 3 * complete.length,
      };
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}

function error(code, message) {
  return JSON.stringify({ error: { code, message, innerError: { date: new Date().toISOString() } } });
}

/**
 * A token bucket of `rate` tokens per second holding at most `burst` (1 is the strictest reading of "R per second":
 * requests evenly spaced), full at the start.
 */
export function tokenBucket(rate, burst = 1) {
  const perMs = rate / 1000;
  const slack = 0.05 * perMs; // 0.05 ms of timer jitter is not a second request in the same slot
  let tokens = burst;
  let at = -Infinity;
  const refill = (now) => {
    tokens = Math.min(burst, tokens + (now - at) * perMs);
    at = now;
  };
  return {
    take(now) {
      refill(now);
      if (tokens + slack < 1) return false;
      tokens -= 1;
      return true;
    },
    /** Milliseconds until the next token. */
    waitMs(now) {
      refill(now);
      return Math.max(1, (1 - tokens) / perMs);
    },
  };
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
