/** A HAR as this project's tests hand it around: plain JSON. */
type Json = Record<string, unknown>;

/**
 * Rewrites a cassette the way Chrome's dev tools export a capture: no `_conformance`, private `_` fields, pages,
 * capitalised and HTTP/2 pseudo headers, base64 bodies.
 */
export function browserStyle(har: { log: Json & { entries: Json[] } }): Json {
  const log = {
    ...har.log,
    creator: { name: 'WebInspector', version: '537.36' },
    pages: [{ id: 'page_1', title: 'Graph Explorer', startedDateTime: '2025-01-01T12:00:00.000Z', pageTimings: {} }],
  };
  delete (log as Json)._conformance;
  delete (log as Json).comment;
  log.entries = har.log.entries.map((entry) => {
    const request = entry.request as Json & {
      headers: Array<{ name: string; value: string }>;
      url: string;
      method: string;
    };
    const response = entry.response as Json & { content: { text?: string } };
    const url = new URL(request.url);
    const headers = [
      { name: ':authority', value: url.host },
      { name: ':method', value: request.method },
      { name: ':path', value: url.pathname + url.search },
      { name: ':scheme', value: 'https' },
      ...request.headers.map((h) => ({
        name: h.name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase()),
        value: h.value,
      })),
      { name: 'Accept', value: '*/*' },
      { name: 'User-Agent', value: 'Mozilla/5.0' },
    ];
    const text = response.content.text ?? '';
    return {
      ...entry,
      pageref: 'page_1',
      _initiator: { type: 'script' },
      _priority: 'High',
      _resourceType: 'fetch',
      serverIPAddress: '20.190.151.7',
      connection: '443',
      request: { ...request, headers },
      response: {
        ...response,
        _transferSize: text.length + 300,
        _error: null,
        content: {
          size: text.length,
          mimeType: 'application/json',
          compression: 0,
          text: Buffer.from(text).toString('base64'),
          encoding: 'base64',
        },
      },
    };
  });
  return { log };
}

const collection =
  'https://graph.microsoft.com/beta/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';
const id = '7c1d4e59-2f3a-4b6c-9d8e-0a1b2c3d4e5f';

function entry(
  method: string,
  url: string,
  status: number,
  headers: Record<string, string>,
  body: string,
  requestHeaders: Record<string, string> = {},
): Json {
  return {
    startedDateTime: '2025-01-01T12:00:00.000Z',
    time: 87.3,
    _resourceType: 'fetch',
    request: {
      method,
      url,
      httpVersion: 'http/2.0',
      headers: Object.entries(requestHeaders).map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      cookies: [],
      content: {
        size: body.length,
        mimeType: headers['content-type'] ?? 'x-unknown',
        text: Buffer.from(body).toString('base64'),
        encoding: 'base64',
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: 900,
    },
    cache: {},
    timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 80, receive: 6 },
  };
}

/**
 * A small capture such as Graph Explorer's network tab exports: one call outside the suite, a good GET, a PATCH
 * answered with HTML, a request with no answer.
 */
export function graphExplorerCapture(): Json {
  const client = '0f4e2d1c-9b8a-4765-8321-fedcba987654';
  const ok = {
    'content-type':
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    'odata-version': '4.0',
    'request-id': 'b2a1c3d4-e5f6-4789-8abc-def012345678',
    'client-request-id': client,
  };
  const pki = {
    '@odata.context':
      'https://graph.microsoft.com/beta/$metadata#directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/$entity',
    '@odata.type': '#microsoft.graph.certificateBasedAuthPki',
    id,
    deletedDateTime: null,
    displayName: 'Contoso PKI',
    lastModifiedDateTime: '2025-01-01T11:00:00Z',
    status: 'succeeded',
    statusDetails: null,
  };
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [],
      entries: [
        entry('GET', 'https://graph.microsoft.com/v1.0/me', 200, ok, '{"displayName":"Megan"}', {
          'client-request-id': client,
        }),
        entry('GET', `${collection}/${id}`, 200, ok, JSON.stringify(pki), { 'client-request-id': client }),
        {
          ...entry(
            'PATCH',
            `${collection}/${id}`,
            400,
            { ...ok, 'content-type': 'text/html' },
            '<html>Bad Request</html>',
            { 'Content-Type': 'application/json', 'client-request-id': client },
          ),
        },
        entry('PATCH', `${collection}/${id}`, 0, {}, ''),
      ],
    },
  };
}
