// Where the bench's loopback servers listen.

/** Listens on 127.0.0.1 (a free port); resolves with the port and the Graph-like base URL. */
export async function listenLoopback(server) {
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const port = server.address().port;
  return { port, baseUrl: `http://127.0.0.1:${port}/beta` };
}
