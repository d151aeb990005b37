/** A Graph error the simulator is about to send: status, machine-readable code and human message. */
export interface GraphErrorSpec {
  status: number;
  code: string;
  message: string;
  /** Extra headers the error needs (Allow on 405, WWW-Authenticate on 401). */
  headers?: Record<string, string>;
}

/** The identifiers Graph repeats inside every error's innerError. */
export interface ErrorIds {
  requestId: string;
  clientRequestId: string;
}

const PKI_TYPE = 'microsoft.graph.certificateBasedAuthPki';
const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", ' +
  'client_id="00000003-0000-0000-c000-000000000000"';

const spec = (status: number, code: string, message: string, headers?: Record<string, string>): GraphErrorSpec =>
  headers ? { status, code, message, headers } : { status, code, message };

/**
 * Every error the simulator can answer, worded once so the messages stay consistent (codes follow docs/graph-pki.md
 * §4).
 */
export const graphErrors = {
  tokenMissing: () =>
    spec(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': WWW_AUTHENTICATE }),
  tokenInvalid: () =>
    spec(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', {
      'WWW-Authenticate': WWW_AUTHENTICATE,
    }),
  emptyPayload: () => spec(400, 'BadRequest', 'Empty Payload. JSON content expected.'),
  unreadablePayload: () =>
    spec(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ),
  notAnObject: () => spec(400, 'BadRequest', 'Unable to read JSON request payload: the payload must be a JSON object.'),
  unsupportedMediaType: (mediaType: string) =>
    spec(
      415,
      'UnsupportedMediaType',
      `The content type '${mediaType}' is not supported; send Content-Type: application/json.`,
    ),
  invalidProperty: (name: string) => spec(400, 'Request_BadRequest', `Invalid property '${name}'.`),
  foreignType: (type: string) =>
    spec(400, 'Request_BadRequest', `A type named '${type}' could not be resolved; expected '#${PKI_TYPE}'.`),
  readOnly: (name: string) => spec(400, 'Request_BadRequest', `Property '${name}' is read-only and cannot be set.`),
  navigation: (name: string) =>
    spec(
      400,
      'Request_BadRequest',
      `Property '${name}' is a navigation property and cannot be set in the request body.`,
    ),
  wrongType: (name: string, expected: string) =>
    spec(400, 'Request_BadRequest', `Invalid value for property '${name}': expected ${expected}.`),
  tooLong: (length: number) =>
    spec(
      400,
      'Request_BadRequest',
      `Invalid value for property 'displayName': ${length} characters, the maximum is 256.`,
    ),
  notFound: (id: string) =>
    spec(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  badRequestForId: (id: string) => spec(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`),
  internal: () => spec(500, 'UnknownError', 'An internal server error occurred.'),
  tooLarge: (limit: number) =>
    spec(
      413,
      'RequestEntityTooLarge',
      `The request body is larger than ${limit} bytes, the most this server accepts.`,
      {
        Connection: 'close',
      },
    ),
  unknownSegment: (segment: string) =>
    spec(404, 'ResourceNotFound', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (allow: string) =>
    spec(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', { Allow: allow }),
  badTop: (value: string) =>
    spec(400, 'Request_BadRequest', `Invalid page size specified: '${value}'. Must be between 1 and 999 inclusive.`),
  skipUnsupported: () =>
    spec(400, 'Request_BadRequest', "'$skip' is not supported by the service; follow '@odata.nextLink' instead."),
  badSkipToken: () =>
    spec(
      400,
      'Request_BadRequest',
      "The '$skiptoken' value is not valid; use the '@odata.nextLink' the service returned.",
    ),
  badCount: (value: string) =>
    spec(400, 'BadRequest', `'${value}' is not a valid value for '$count'; use true or false.`),
  unsupportedQuery: (option: string) =>
    spec(400, 'Request_UnsupportedQuery', `The query option '${option}' is not implemented by the simulator.`),
  badFilter: (reason: string) =>
    spec(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause: ${reason}.`),
  badOrderBy: (reason: string) => spec(400, 'Request_UnsupportedQuery', `Unsupported or invalid $orderby: ${reason}.`),
  unknownQuery: (option: string) => spec(400, 'BadRequest', `The query parameter '${option}' is not supported.`),
  unknownSelect: (name: string) =>
    spec(400, 'Request_BadRequest', `Could not find a property named '${name}' on type '${PKI_TYPE}'.`),
};

/** Builds the Graph error envelope, with innerError.date written without a zone as Graph does. */
export function errorEnvelope(error: GraphErrorSpec, ids: ErrorIds, date: Date): { error: Record<string, unknown> } {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: date.toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}
