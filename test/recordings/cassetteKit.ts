import { toCassette, type Cassette } from '../../src/recordings/cassette';
import type { Har, HarEntry } from '../../src/recordings/har';
import type { PlayedRequest } from '../../src/recordings/compareEntry';

/** What a test says about one recorded exchange. */
export interface EntrySpec {
  method?: string;
  path: string;
  body?: string;
  contentType?: string;
  step?: string;
  status?: number;
  answer?: string;
  headers?: Record<string, string>;
  afterLostAttempt?: boolean;
}

/** The base URL of the cassettes these tests build. */
export const base = 'https://graph.microsoft.com/beta';

/** A HAR entry built from a spec, as `conformance record` would write it (already redacted). */
export function harEntry(spec: EntrySpec): HarEntry {
  const requestHeaders = [
    { name: 'authorization', value: '{{REDACTED:authorization}}' },
    ...(spec.contentType ? [{ name: 'content-type', value: spec.contentType }] : []),
  ];
  return {
    _step: spec.step,
    _afterLostAttempt: spec.afterLostAttempt,
    request: {
      method: spec.method ?? 'GET',
      url: `${base}${spec.path}`,
      headers: requestHeaders,
      postData: spec.body === undefined ? undefined : { mimeType: spec.contentType ?? '', text: spec.body },
    },
    response: {
      status: spec.status ?? 200,
      headers: Object.entries(spec.headers ?? { 'content-type': 'application/json' }).map(([name, value]) => ({
        name,
        value,
      })),
      content: { text: spec.answer ?? '{}' },
    },
  };
}

/** A cassette of the given entries for scenario `demo`, loaded as the replay loads one. */
export function cassette(specs: EntrySpec[], file = 'recordings/test/demo.har'): Cassette {
  const har: Har = {
    log: {
      version: '1.2',
      entries: specs.map(harEntry),
      _conformance: { scenario: 'demo', target: 'live', baseUrl: base },
    },
  };
  return toCassette(JSON.parse(JSON.stringify(har)) as Har, file);
}

/** A request as the replay sees it. */
export function request(method: string, path: string, fields: Partial<PlayedRequest> = {}): PlayedRequest {
  return { method, path, query: [], headers: {}, ...fields };
}
