import { randomUUID } from 'node:crypto';
import type { SimRequest, SimResponse } from '../replay/simRequest';
import { errorEnvelope, type GraphErrorSpec } from '../replay/simulator/graphError';
import { ODD_ERROR_CONTENT_TYPE, oddHeaderNames } from '../replay/simulator/oddButValid';
import { ERROR_CONTENT_TYPE, baseHeaders } from '../replay/simulator/responseHeaders';

/** The errors the server itself answers, outside the simulator. */
export const serveErrors = {
  tooLarge: (limit: number): GraphErrorSpec => ({
    status: 413,
    code: 'RequestEntityTooLarge',
    message: `The request body is larger than ${limit} bytes, the most this server accepts.`,
    headers: { Connection: 'close' },
  }),
  internal: (): GraphErrorSpec => ({ status: 500, code: 'UnknownError', message: 'An internal server error occurred.' }),
};

/** Renders a Graph error the way the simulator renders its own: envelope, GUID request-id, client-request-id echo, JSON media type, and the variant's header spelling. */
export function graphErrorResponse(error: GraphErrorSpec, req: SimRequest, variant: 'plain' | 'odd-but-valid'): SimResponse {
  const date = new Date();
  const requestId = randomUUID();
  const clientRequestId = req.headers['client-request-id'] ?? requestId;
  const headers = baseHeaders(requestId, clientRequestId, date);
  headers['Content-Type'] = variant === 'odd-but-valid' ? ODD_ERROR_CONTENT_TYPE : ERROR_CONTENT_TYPE;
  Object.assign(headers, error.headers);
  const bodyText = JSON.stringify(errorEnvelope(error, { requestId, clientRequestId }, date));
  return { status: error.status, headers: variant === 'odd-but-valid' ? oddHeaderNames(headers) : headers, bodyText };
}
