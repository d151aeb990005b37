/** A request as it was sent, after {variables} were resolved. */
export interface SentRequest {
  method: string;
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  bodyText?: string;
  /** The body as JSON when the scenario gave one (`body:`), for echo and persistence checks. */
  json?: unknown;
}

/** A response as it was received. */
export interface ReceivedResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  bodyText: string;
  durationMs: number;
  /** An earlier attempt was lost in transport: the service may have acted on it before this answer (set by retries). */
  afterLostAttempt?: boolean;
  /** The attempts before this answer that were retried, by why (set by retries; absent when the first one answered). */
  retried?: RetryCounts;
}

/** Attempts a target retried: throttled (429), unavailable (503/504), lost in transport. */
export interface RetryCounts {
  throttled: number;
  unavailable: number;
  lost: number;
}

/** One request and its answer, as the checks see them. */
export interface Exchange {
  step: string;
  request: SentRequest;
  response: ReceivedResponse;
}

const unparsed = Symbol('unparsed');
const parsed = new WeakMap<ReceivedResponse, unknown>();

/** The response body as JSON, parsed once; `undefined` when it is empty or not JSON. */
export function responseJson(response: ReceivedResponse): unknown {
  if (!parsed.has(response)) {
    let value: unknown = unparsed;
    if (response.bodyText.trim() !== '') {
      try {
        value = JSON.parse(response.bodyText);
      } catch {
        value = unparsed;
      }
    }
    parsed.set(response, value);
  }
  const value = parsed.get(response);
  return value === unparsed ? undefined : value;
}
