import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback proxy in front of the served simulator, for tests that must lose or hold an answer on its way back.

/** What a proxy's hook decides for an answer the server gave: pass it on, or drop the client's connection instead. */
export type ProxyDecision = 'forward' | 'reset';

/**
 * A loopback HTTP proxy in front of the server that lets a test act at the moment the server has answered and the
 * client has not yet heard.
 */
export interface Proxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `upstream` (a server's /beta URL); `onAnswer` sees each request and the server's status, and may
 * hold the answer.
 */
export async function startProxy(
  upstream: string,
  onAnswer: (method: string, path: string, status: number) => ProxyDecision | Promise<ProxyDecision>,
): Promise<Proxy> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent: false,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', async () => {
            const decision = await onAnswer(
              req.method ?? 'GET',
              (req.url ?? '').replace(target.pathname, ''),
              answer.statusCode ?? 0,
            );
            if (decision === 'reset') return void req.socket.resetAndDestroy();
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
