import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { unknownBreaks } from '../simulator/breaks';
import { createSimulator } from '../simulator/createSimulator';
import { createTimers } from './createTimers';
import { FaultSpecError } from '../simulator/faults/faultAction';
import { parseFaults, type ActiveFault } from '../simulator/faults/parseFaults';
import { planFaults } from '../simulator/faults/planFaults';
import { graphErrors } from '../simulator/graphError';
import { isLoopbackHost, urlHost } from './loopbackHost';
import { MAX_BODY_BYTES, readSimRequest } from './readSimRequest';
import { ServeError } from './serveError';
import type { ServeStats } from './serveStats';
import { writeSimResponse } from './writeSimResponse';

/** How to start the simulator over HTTP; every field is optional. */
export interface ServeOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** A loopback address (default 127.0.0.1); anything else is refused. */
  host?: string;
  /** Accepted bearer tokens; absent or empty: one random token is generated. */
  tokens?: string[];
  /** Fault profiles, each `name` or `name:key=value;...`, comma lists allowed. */
  faults?: string[];
  /** Simulator break names (see src/simulator/breaks.ts). */
  breaks?: string[];
  variant?: 'plain' | 'odd-but-valid';
  /** Ids of objects to create at start ("Seeded PKI", status succeeded). */
  seedIds?: string[];
  /** Seed of the faults' random draws; absent: a random one, reported by stats(). */
  faultSeed?: number;
  /** Largest accepted request body (default 1 MiB). */
  maxBodyBytes?: number;
}

/** A running server: where it listens, which token it accepts, what it has done, and how to stop it. */
export interface RunningServer {
  /** e.g. http://127.0.0.1:PORT/beta */
  url: string;
  /** The first accepted token. */
  token: string;
  /** True when `token` was generated because none was given. */
  tokenGenerated: boolean;
  stats(): ServeStats;
  /** Stops listening, drops held and idle connections; resolves when the server is closed. */
  close(): Promise<void>;
}

function checkOptions(options: ServeOptions): ActiveFault[] {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new ServeError(
      `--host ${host} is not a loopback address; serve only listens on this machine (127.0.0.1, ::1 or localhost)`,
    );
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ServeError(`--port takes a whole number from 0 to 65535; got ${port}`);
  const unknown = unknownBreaks(options.breaks ?? []);
  if (unknown) throw new ServeError(unknown);
  const bad = (options.seedIds ?? []).find((id) => id.trim() === '' || id.includes('/'));
  if (bad !== undefined) throw new ServeError(`--seed takes an object id without "/"; got ${JSON.stringify(bad)}`);
  try {
    return parseFaults(options.faults ?? [], options.faultSeed ?? 0);
  } catch (error) {
    throw error instanceof FaultSpecError ? new ServeError(error.message) : error;
  }
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): ServeError {
  if (error.code === 'EADDRINUSE')
    return new ServeError(
      `port ${port} on ${host} is already in use; pick another with --port, or --port 0 for a free one`,
    );
  if (error.code === 'EACCES')
    return new ServeError(
      `not allowed to listen on port ${port} on ${host}; ports below 1024 need privileges, so pick a higher one`,
    );
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return new ServeError(`cannot listen on ${host}: this machine has no such address`);
  return new ServeError(`cannot listen on ${host}:${port}: ${error.message}`);
}

/**
 * Starts the simulator on a loopback HTTP server, with faults applied before the simulator sees a request; rejects with
 * a ServeError on a bad option or a taken port.
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const faultSeed = options.faultSeed ?? randomInt(2 ** 31);
  const faults = checkOptions({ ...options, faultSeed });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const variant = options.variant ?? 'plain';
  const tokens = options.tokens?.length ? options.tokens : [`sim-${randomBytes(18).toString('base64url')}`];
  const simulator = createSimulator({
    acceptedTokens: tokens,
    breaks: options.breaks,
    variant,
    seed: (options.seedIds ?? []).map((id) => ({
      id,
      displayName: 'Seeded PKI',
      status: 'succeeded',
      statusDetails: 'Seeded for conformance tests',
    })),
  });
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const stats: ServeStats = { requests: 0, served: 0, faulted: {}, rejected: 0, aborted: 0, faultSeed };
  for (const fault of faults) stats.faulted[fault.name] = 0;
  const timers = createTimers();

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests += 1;
    const read = await readSimRequest(req, maxBody).catch(() => undefined);
    if (!read) {
      stats.aborted += 1;
      return void req.socket.destroy();
    }
    if (!read.ok) {
      stats.rejected += 1;
      return writeSimResponse(res, simulator.error(graphErrors.tooLarge(maxBody), read.request));
    }
    const plan = planFaults(faults, read.request, performance.now());
    for (const name of plan.struck) stats.faulted[name] = (stats.faulted[name] ?? 0) + 1;
    if (plan.delayMs > 0 && !(await timers.sleep(plan.delayMs))) return void req.socket.destroy();
    const action = plan.action;
    if (action?.kind === 'reset') return void req.socket.resetAndDestroy();
    if (action?.kind === 'hang') {
      await timers.sleep(action.ms);
      return void req.socket.destroy();
    }
    if (action?.kind === 'respond') return writeSimResponse(res, simulator.error(action.error, read.request));
    const answer = simulator.handle(read.request);
    stats.served += 1;
    writeSimResponse(res, answer);
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    // A broken client must never take the process down: answer 500 if still possible, otherwise drop the connection.
    res.on('error', () => undefined);
    serve(req, res).catch(() => {
      stats.rejected += 1;
      if (res.headersSent || res.destroyed) return void req.socket.destroy();
      const request = {
        method: req.method ?? 'GET',
        path: '/',
        query: new URLSearchParams(),
        headers: {},
        bodyText: undefined,
      };
      writeSimResponse(res, simulator.error(graphErrors.internal(), request));
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    server.listen(port, host, () => resolve());
  });
  server.removeAllListeners('error');
  server.on('error', () => undefined);
  const address = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${address.port}/beta`,
    token: tokens[0],
    tokenGenerated: !options.tokens?.length,
    stats: () => ({ ...stats, faulted: { ...stats.faulted } }),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        timers.cancelAll();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still being answered get a moment to finish, then their connections are dropped.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      })),
  };
}
