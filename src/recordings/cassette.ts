import type { CassetteInfo, Har, HarEntry } from './har';

/** One recorded request and its answer, normalised for matching and checking. */
export interface RecordedEntry {
  /** 1-based position in the HAR file, as messages show it (`#3`). */
  index: number;
  step?: string;
  method: string;
  url: string;
  /** The URL's path without the cassette's base path, percent-decoded, e.g. `/directory/.../00000000-...`. */
  path: string;
  /** Decoded query parameters in the order sent. */
  query: Array<[string, string]>;
  /** Header names lower-cased, repeated headers joined with ', '; HTTP/2 pseudo-headers dropped. */
  requestHeaders: Record<string, string>;
  requestBody?: string;
  /** 0 when the capture holds no answer (a browser's blocked or failed request). */
  status: number;
  statusText: string;
  /** As recorded, names in their recorded case. */
  responseHeaders: Array<[string, string]>;
  /** The decoded body text (base64 content decoded). */
  responseBody: string;
  time: number;
  /** Recorded after a lost attempt (see ReceivedResponse.afterLostAttempt). */
  afterLostAttempt: boolean;
}

/**
 * A HAR file ready to replay or verify: its entries, and what `conformance record` noted about it (absent for foreign
 * HARs).
 */
export interface Cassette {
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  info?: CassetteInfo;
  /** The path prefix request paths are relative to, e.g. `/beta` (for a foreign HAR: its first entry's). */
  basePath: string;
  entries: RecordedEntry[];
}

/**
 * The base path of a recorded URL when the cassette does not say: Graph's version segment (`/beta`, `/v1.0`), else
 * none.
 */
export function versionSegment(url: URL): string {
  return /^\/(beta|v\d+(?:\.\d+)?)(?=\/|$)/.exec(url.pathname)?.[0] ?? '';
}

/**
 * Normalises a validated HAR document into a cassette; without `_conformance.baseUrl` each entry's path is taken after
 * its own version segment.
 */
export function toCassette(har: Har, file: string): Cassette {
  const base = har.log._conformance?.baseUrl;
  const fixed = base === undefined ? undefined : new URL(base).pathname.replace(/\/$/, '');
  const first = har.log.entries[0]?.request.url;
  const basePath = fixed ?? (first ? versionSegment(new URL(first)) : '');
  return {
    file,
    info: har.log._conformance,
    basePath,
    entries: har.log.entries.map((entry, i) => toEntry(entry, i + 1, fixed)),
  };
}

/** A URL's path relative to a base path, percent-decoded where it can be. */
export function relativePath(url: URL, basePath: string): string {
  const path =
    url.pathname.startsWith(`${basePath}/`) || url.pathname === basePath
      ? url.pathname.slice(basePath.length)
      : url.pathname;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function toEntry(entry: HarEntry, index: number, fixedBase: string | undefined): RecordedEntry {
  const { request, response } = entry;
  const url = new URL(request.url);
  const basePath = fixedBase ?? versionSegment(url);
  const requestHeaders: Record<string, string> = {};
  for (const { name, value } of request.headers) {
    if (name.startsWith(':')) continue;
    const key = name.toLowerCase();
    requestHeaders[key] = requestHeaders[key] === undefined ? value : `${requestHeaders[key]}, ${value}`;
  }
  const content = response.content;
  const text = content.text ?? '';
  return {
    index,
    step: entry._step,
    method: request.method.toUpperCase(),
    url: request.url,
    path: relativePath(url, basePath),
    query: [...url.searchParams.entries()],
    requestHeaders,
    requestBody: requestBodyOf(entry),
    status: response.status,
    statusText: response.statusText ?? '',
    responseHeaders: response.headers.filter((h) => !h.name.startsWith(':')).map((h) => [h.name, h.value]),
    responseBody: content.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text,
    time: entry.time ?? 0,
    afterLostAttempt: entry._afterLostAttempt === true,
  };
}

function requestBodyOf({ request }: HarEntry): string | undefined {
  const post = request.postData;
  if (!post) return undefined;
  if (post.text !== undefined) return post.text === '' ? undefined : post.text;
  if (post.params?.length) return new URLSearchParams(post.params.map((p) => [p.name, p.value ?? ''])).toString();
  return undefined;
}
