import { connect } from 'node:net';
import { test, expect } from '@playwright/test';
import { startServer } from '../../src/serve/startServer';
import { COLLECTION, GUID, call, errorCode, rawRequest, ready, spawnServe } from './serveHarness';

const CRID = 'c0ffee00-0000-4000-8000-00000000c0de';

test.describe('serve in-process', () => {
  test('create, read, patch (partial, persisted), list and delete through real HTTP', async () => {
    const server = await startServer({ tokens: ['t0k'] });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta$/);
      const created = await call(server.url, 't0k', 'POST', '', { displayName: 'Made', status: 'succeeded' });
      expect(created.status).toBe(201);
      const id = String(created.json?.id);
      const patched = await call(
        server.url,
        't0k',
        'PATCH',
        `/${id}`,
        { displayName: 'Renamed' },
        { 'client-request-id': CRID },
      );
      expect(patched.status).toBe(200);
      expect(patched.json).toMatchObject({ id, displayName: 'Renamed', status: 'succeeded' });
      expect(patched.headers.get('client-request-id')).toBe(CRID);
      expect(patched.headers.get('request-id')).toMatch(GUID);
      expect(patched.headers.get('odata-version')).toBe('4.0');
      const read = await call(server.url, 't0k', 'GET', `/${id}`);
      expect(read.json).toMatchObject({ displayName: 'Renamed', status: 'succeeded' });
      const list = await call(server.url, 't0k', 'GET', '');
      expect((list.json?.value as unknown[]).length).toBe(1);
      expect((await call(server.url, 't0k', 'DELETE', `/${id}`)).status).toBe(204);
      const gone = await call(server.url, 't0k', 'GET', `/${id}`);
      expect([gone.status, errorCode(gone.json)]).toEqual([404, 'Request_ResourceNotFound']);
      expect(server.stats()).toMatchObject({ requests: 6, served: 6, rejected: 0 });
    } finally {
      await server.close();
    }
  });

  test('seeds objects, generates a token when none is given, and rejects other tokens with 401', async () => {
    const server = await startServer({ seedIds: ['seed-1'] });
    try {
      expect(server.tokenGenerated).toBe(true);
      const seeded = await call(server.url, server.token, 'GET', '/seed-1');
      expect(seeded.json).toMatchObject({
        id: 'seed-1',
        displayName: 'Seeded PKI',
        status: 'succeeded',
        statusDetails: 'Seeded for conformance tests',
      });
      const denied = await call(server.url, 'wrong', 'GET', '/seed-1');
      expect([denied.status, errorCode(denied.json)]).toEqual([401, 'InvalidAuthenticationToken']);
    } finally {
      await server.close();
    }
  });

  test("the odd-but-valid variant's header case reaches the wire unchanged", async () => {
    const server = await startServer({ tokens: ['t0k'], variant: 'odd-but-valid', seedIds: ['s'] });
    try {
      const res = await rawRequest(`${server.url}${COLLECTION}/s`, { headers: { authorization: 'Bearer t0k' } });
      const names = res.rawHeaders.filter((_, i) => i % 2 === 0);
      expect(names).toEqual(
        expect.arrayContaining([
          'Request-Id',
          'Client-Request-Id',
          'ODATA-VERSION',
          'CACHE-CONTROL',
          'X-MS-AGS-Diagnostic',
          'content-type',
        ]),
      );
      expect(names).not.toContain('request-id');
      const missing = await rawRequest(`${server.url}${COLLECTION}/nope`, { headers: { authorization: 'Bearer t0k' } });
      expect(missing.status).toBe(404);
      expect(missing.rawHeaders).toContain('Request-Id');
    } finally {
      await server.close();
    }
  });

  test('a body over 1 MiB answers 413 in the Graph envelope and changes nothing', async () => {
    const server = await startServer({ tokens: ['t0k'], seedIds: ['s'] });
    try {
      const big = await call(
        server.url,
        't0k',
        'PATCH',
        '/s',
        { displayName: 'x'.repeat(1024 * 1024 + 10) },
        { 'client-request-id': CRID },
      );
      expect([big.status, errorCode(big.json)]).toEqual([413, 'RequestEntityTooLarge']);
      expect(big.headers.get('request-id')).toMatch(GUID);
      expect(big.headers.get('client-request-id')).toBe(CRID);
      expect((await call(server.url, 't0k', 'GET', '/s')).json).toMatchObject({ displayName: 'Seeded PKI' });
      expect(server.stats()).toMatchObject({ rejected: 1, served: 1 });
    } finally {
      await server.close();
    }
  });

  test('malformed HTTP and a client leaving mid-body do not stop the server', async () => {
    const server = await startServer({ tokens: ['t0k'], seedIds: ['s'] });
    try {
      const { port } = new URL(server.url);
      const reply = await new Promise<string>((done) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('NONSENSE\r\n\r\n'));
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('close', () => done(text));
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
      await new Promise<void>((done) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`PATCH /beta${COLLECTION}/s HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"displ`);
          setTimeout(() => socket.destroy(), 50);
        });
        socket.on('close', () => done());
      });
      await expect.poll(() => server.stats().aborted).toBe(1);
      expect((await call(server.url, 't0k', 'GET', '/s')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

test.describe('serve through the CLI', () => {
  test('prints the ready line and the generated token, serves CRUD, and exits 0 on SIGTERM', async () => {
    const cli = spawnServe(['--port', '0', '--seed', 'abc', '--fault-stats']);
    try {
      const url = await ready(cli);
      await expect.poll(() => cli.stdout().split('\n').length).toBeGreaterThan(2);
      const lines = cli.stdout().trimEnd().split('\n');
      expect(lines[0]).toBe(`conformance serve: listening on ${url}`);
      const token = /^conformance serve: token (\S+) /.exec(lines[1] ?? '')?.[1] ?? '';
      expect(token).not.toBe('');
      const patched = await call(url, token, 'PATCH', '/abc', { statusDetails: 'Patched over HTTP' });
      expect(patched.json).toMatchObject({ id: 'abc', displayName: 'Seeded PKI', statusDetails: 'Patched over HTTP' });
      expect((await call(url, token, 'GET', '/abc')).json).toMatchObject({ statusDetails: 'Patched over HTTP' });
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.stdout()).toMatch(
        /^conformance serve: 2 requests, 2 served by the simulator, faulted: none, 0 rejected, 0 aborted \(fault-seed \d+\)$/m,
      );
      expect(cli.stderr()).toBe('');
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  test('takes the token from GRAPH_ACCESS_TOKEN and then prints no token line; SIGINT also closes cleanly', async () => {
    const cli = spawnServe(['--port', '0', '--seed', 'abc'], { GRAPH_ACCESS_TOKEN: 'from-env' });
    try {
      const url = await ready(cli);
      expect(cli.stdout()).toBe(`conformance serve: listening on ${url}\n`);
      expect((await call(url, 'from-env', 'GET', '/abc')).status).toBe(200);
      cli.child.kill('SIGINT');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
    } finally {
      cli.child.kill('SIGKILL');
    }
  });
});
