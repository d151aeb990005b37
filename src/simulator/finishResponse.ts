import type { SimRequest, SimResponse } from './simRequest';
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

const HTML_ERROR =
  '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>';

/**
 * The ids and date every response carries: a GUID request-id (unless a break spoils it) and the caller's
 * client-request-id echoed.
 */
function responseIds(req: SimRequest, ctx: SimContext): { date: Date; requestId: string; echo: string } {
  const guid = ctx.newId();
  const requestId = ctx.breaks.has('request-id-not-guid') ? `req-${guid.replace(/-/g, '')}` : guid;
  return { date: ctx.now(), requestId, echo: req.headers['client-request-id'] ?? requestId };
}

/** Respells header names when the variant asks for unusual (but equivalent) case. */
function spelled(response: SimResponse, ctx: SimContext): SimResponse {
  return ctx.variant === 'odd-but-valid' ? { ...response, headers: oddHeaderNames(response.headers) } : response;
}

/**
 * Renders a Graph error: the envelope, a GUID request-id, the client-request-id echo, a JSON media type, the breaks on
 * those and the variant's spelling.
 */
export function errorResponse(error: GraphErrorSpec, req: SimRequest, ctx: SimContext): SimResponse {
  const { breaks } = ctx;
  const { date, requestId, echo } = responseIds(req, ctx);
  const clientRequestId = breaks.has('error-client-request-id-not-echoed') ? otherId(echo) : echo;
  const headers = baseHeaders(breaks.has('error-missing-request-id') ? undefined : requestId, clientRequestId, date);
  headers['Content-Type'] = breaks.has('error-media-type-text-html')
    ? 'text/html; charset=utf-8'
    : ctx.variant === 'odd-but-valid'
      ? ODD_ERROR_CONTENT_TYPE
      : ERROR_CONTENT_TYPE;
  Object.assign(headers, error.headers);
  const envelope = errorEnvelope(error, { requestId, clientRequestId }, date);
  if (breaks.has('error-envelope-missing-code')) delete envelope.error.code;
  const bodyText = breaks.has('error-envelope-not-json') ? HTML_ERROR : JSON.stringify(envelope);
  return spelled({ status: error.status, headers, bodyText }, ctx);
}

/**
 * Turns an outcome into the response: ids, standard headers, media types, breaks on those, then the variant's spelling.
 */
export function finishResponse(outcome: Outcome, req: SimRequest, ctx: SimContext): SimResponse {
  if (outcome.kind === 'error') return errorResponse(outcome.error, req, ctx);
  const { breaks } = ctx;
  const { date, requestId, echo } = responseIds(req, ctx);
  const clientRequestId = breaks.has('client-request-id-not-echoed') ? otherId(echo) : echo;
  const headers = baseHeaders(breaks.has('success-missing-request-id') ? undefined : requestId, clientRequestId, date);
  if (outcome.kind === 'empty') return spelled({ status: outcome.status, headers }, ctx);
  headers['Content-Type'] = breaks.has('success-media-type-text-plain')
    ? 'text/plain;charset=utf-8'
    : ctx.variant === 'odd-but-valid'
      ? ODD_SUCCESS_CONTENT_TYPE
      : SUCCESS_CONTENT_TYPE;
  if (!breaks.has('odata-version-missing'))
    headers['OData-Version'] = breaks.has('odata-version-wrong') ? '3.0' : '4.0';
  Object.assign(headers, outcome.headers);
  return spelled({ status: outcome.status, headers, bodyText: JSON.stringify(outcome.body) }, ctx);
}
