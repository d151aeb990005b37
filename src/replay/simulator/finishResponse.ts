import type { SimRequest, SimResponse } from '../simRequest';
import type { SimContext } from './simContext';
import { errorEnvelope, type GraphErrorSpec } from './graphError';
import { ODD_ERROR_CONTENT_TYPE, ODD_SUCCESS_CONTENT_TYPE, oddHeaderNames } from './oddButValid';
import { ERROR_CONTENT_TYPE, SUCCESS_CONTENT_TYPE, baseHeaders, otherId } from './responseHeaders';

/** What a handler decided, before the headers, ids and serialisation every response shares. */
export type Outcome =
  | { kind: 'json'; status: number; body: Record<string, unknown>; headers?: Record<string, string> }
  | { kind: 'empty'; status: number }
  | { kind: 'error'; error: GraphErrorSpec };

/** Shortcut for an error outcome. */
export const fail = (error: GraphErrorSpec): Outcome => ({ kind: 'error', error });

const HTML_ERROR = '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>';

/** Turns an outcome into the response: ids, standard headers, media types, breaks on those, then the variant's spelling. */
export function finishResponse(outcome: Outcome, req: SimRequest, ctx: SimContext): SimResponse {
  const { breaks } = ctx;
  const date = ctx.now();
  const guid = ctx.newId();
  const requestId = breaks.has('request-id-not-guid') ? `req-${guid.replace(/-/g, '')}` : guid;
  const echo = req.headers['client-request-id'] ?? requestId;
  const odd = ctx.variant === 'odd-but-valid';
  let response: SimResponse;
  if (outcome.kind === 'error') {
    const clientRequestId = breaks.has('error-client-request-id-not-echoed') ? otherId(echo) : echo;
    const headerRequestId = breaks.has('error-missing-request-id') ? undefined : requestId;
    const headers = baseHeaders(headerRequestId, clientRequestId, date);
    headers['Content-Type'] = breaks.has('error-media-type-text-html')
      ? 'text/html; charset=utf-8'
      : odd
        ? ODD_ERROR_CONTENT_TYPE
        : ERROR_CONTENT_TYPE;
    Object.assign(headers, outcome.error.headers);
    const envelope = errorEnvelope(outcome.error, { requestId, clientRequestId }, date);
    if (breaks.has('error-envelope-missing-code')) delete envelope.error.code;
    const bodyText = breaks.has('error-envelope-not-json') ? HTML_ERROR : JSON.stringify(envelope);
    response = { status: outcome.error.status, headers, bodyText };
  } else {
    const clientRequestId = breaks.has('client-request-id-not-echoed') ? otherId(echo) : echo;
    const headerRequestId = breaks.has('success-missing-request-id') ? undefined : requestId;
    const headers = baseHeaders(headerRequestId, clientRequestId, date);
    if (outcome.kind === 'empty') {
      response = { status: outcome.status, headers };
    } else {
      headers['Content-Type'] = breaks.has('success-media-type-text-plain')
        ? 'text/plain;charset=utf-8'
        : odd
          ? ODD_SUCCESS_CONTENT_TYPE
          : SUCCESS_CONTENT_TYPE;
      if (!breaks.has('odata-version-missing')) {
        headers['OData-Version'] = breaks.has('odata-version-wrong') ? '3.0' : '4.0';
      }
      Object.assign(headers, outcome.headers);
      response = { status: outcome.status, headers, bodyText: JSON.stringify(outcome.body) };
    }
  }
  return odd ? { ...response, headers: oddHeaderNames(response.headers) } : response;
}
