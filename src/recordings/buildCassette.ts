import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from '../common/projectRoot';
import type { ReceivedResponse, SentRequest } from '../common/exchange';
import type { CassetteRedactor } from './cassetteRedactor';
import type { Har, HarEntry, HarNameValue } from './har';

/** What a recording target collected during one scenario, before redaction. */
export interface RecordedScenario {
  scenario: string;
  target: string;
  baseUrl: string;
  runId: string;
  /** Fixture variables that named an existing object, with its real id. */
  existing: Record<string, string>;
  sends: Array<{ request: SentRequest; response: ReceivedResponse; step?: string }>;
}

const epoch = new Date(0).toISOString();
let version: string | undefined;

/**
 * Builds the HAR 1.2 cassette of one scenario, every value passed through the redactor in the order the traffic
 * happened.
 */
export function buildCassette(recorded: RecordedScenario, redactor: CassetteRedactor): Har {
  const entries = recorded.sends.map(({ request, response, step }) => entry(request, response, step, redactor));
  version ??= (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const existing = Object.fromEntries(
    Object.entries(recorded.existing).map(([variable, id]) => [variable, redactor.id(id)]),
  );
  return {
    log: {
      version: '1.2',
      creator: { name: 'graph-conformance', version },
      comment:
        'Recorded by `conformance record`; secrets, ids, the run id and configured values are replaced by placeholders.',
      entries,
      _conformance: {
        scenario: recorded.scenario,
        target: recorded.target,
        baseUrl: redactor.url(recorded.baseUrl),
        ...(Object.keys(existing).length ? { existing } : {}),
      },
    },
  };
}

function entry(
  request: SentRequest,
  response: ReceivedResponse,
  step: string | undefined,
  redactor: CassetteRedactor,
): HarEntry {
  const url = redactor.url(request.url);
  const requestHeaders = headers(request.headers, redactor);
  const requestBody = request.bodyText === undefined ? undefined : redactor.text(request.bodyText);
  const responseHeaders = headers(response.headers, redactor);
  const responseBody = redactor.text(response.bodyText);
  const date = Date.parse(response.headers.date ?? '');
  const location = responseHeaders.find((h) => h.name === 'location')?.value;
  return {
    _step: step,
    _afterLostAttempt: response.afterLostAttempt || undefined,
    startedDateTime: Number.isNaN(date) ? epoch : new Date(date).toISOString(),
    time: 0,
    timings: { send: 0, wait: 0, receive: 0 },
    cache: {},
    request: {
      method: request.method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: requestHeaders,
      cookies: [],
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: requestBody === undefined ? 0 : Buffer.byteLength(requestBody),
      postData:
        requestBody === undefined ? undefined : { mimeType: request.headers['content-type'] ?? '', text: requestBody },
    },
    response: {
      status: response.status,
      statusText: STATUS_CODES[response.status] ?? '',
      httpVersion: 'HTTP/1.1',
      headers: responseHeaders,
      cookies: [],
      content: {
        size: Buffer.byteLength(responseBody),
        mimeType: response.headers['content-type'] ?? '',
        text: responseBody,
      },
      redirectURL: location ?? '',
      headersSize: -1,
      bodySize: Buffer.byteLength(responseBody),
    },
  };
}

function headers(map: Record<string, string>, redactor: CassetteRedactor): HarNameValue[] {
  return Object.keys(map)
    .sort()
    .map((name) => ({ name, value: redactor.header(name, map[name]) }));
}
