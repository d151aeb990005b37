/** A HAR name/value pair (a header or a query parameter). */
export interface HarNameValue {
  name: string;
  value: string;
}

/**
 * A HAR request, as far as graph-conformance reads it (browser exports add more fields; they are kept out of the way).
 */
export interface HarRequest {
  method: string;
  url: string;
  httpVersion?: string;
  headers: HarNameValue[];
  queryString?: HarNameValue[];
  cookies?: HarNameValue[];
  headersSize?: number;
  bodySize?: number;
  postData?: { mimeType?: string; text?: string; params?: Array<{ name: string; value?: string }> };
}

/** A HAR response, as far as graph-conformance reads it; `content.text` is base64 when `content.encoding` says so. */
export interface HarResponse {
  status: number;
  statusText?: string;
  httpVersion?: string;
  headers: HarNameValue[];
  cookies?: HarNameValue[];
  content: { size?: number; mimeType?: string; text?: string; encoding?: string };
  redirectURL?: string;
  headersSize?: number;
  bodySize?: number;
}

/** One HAR entry; `_step` names the scenario step that sent it (a HAR private field, ignored by other tools). */
export interface HarEntry {
  startedDateTime?: string;
  time?: number;
  request: HarRequest;
  response: HarResponse;
  cache?: Record<string, never>;
  timings?: { send: number; wait: number; receive: number };
  _step?: string;
  /**
   * The answer came after an attempt whose answer was lost (the service may have acted on it): replayed with the same
   * flag.
   */
  _afterLostAttempt?: boolean;
}

/**
 * What `conformance record` adds to a cassette's log: which scenario and target it records, and the base URL its paths
 * are relative to.
 */
export interface CassetteInfo {
  scenario: string;
  target: string;
  baseUrl: string;
  /** Fixture variables that named an existing object (e.g. GRAPH_PKI_ID), with that object's placeholder id. */
  existing?: Record<string, string>;
}

/** A HAR 1.2 document. */
export interface Har {
  log: {
    version?: string;
    creator?: { name: string; version: string };
    comment?: string;
    entries: HarEntry[];
    _conformance?: CassetteInfo;
  };
}
