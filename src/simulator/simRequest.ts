/** An HTTP request as the simulator sees it, independent of how it arrived (msw or a loopback server). */
export interface SimRequest {
  method: string;
  /** Path as sent, including the API version segment, e.g. `/beta/directory/...`; no query string. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Raw request body text, `undefined` when none was sent. */
  bodyText: string | undefined;
}

/** An HTTP response produced by the simulator. */
export interface SimResponse {
  status: number;
  /** Header names as the simulator chooses to spell them. */
  headers: Record<string, string>;
  /** Raw body text; `undefined` for no body (204). */
  bodyText?: string;
}
