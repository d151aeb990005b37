/** The Content-Type Graph sends with a successful JSON body. */
export const SUCCESS_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** The Content-Type Graph sends with an error envelope. */
export const ERROR_CONTENT_TYPE = 'application/json';

const DIAGNOSTIC = JSON.stringify({
  ServerInfo: { DataCenter: 'Simulator', Slice: 'E', Ring: '1', ScaleUnit: '000', RoleInstance: 'SIM000001' },
});

/** The headers Graph puts on every response, whatever its status. */
export function baseHeaders(
  requestId: string | undefined,
  clientRequestId: string,
  date: Date,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (requestId !== undefined) headers['request-id'] = requestId;
  headers['client-request-id'] = clientRequestId;
  headers.Date = date.toUTCString();
  headers['Strict-Transport-Security'] = 'max-age=31536000';
  headers['Cache-Control'] = 'no-cache';
  headers['x-ms-ags-diagnostic'] = DIAGNOSTIC;
  return headers;
}

/** A different identifier derived from the given one (each hex digit complemented), so breaks need no extra ids. */
export function otherId(id: string): string {
  const twisted = id.replace(/[0-9a-f]/gi, (digit) => (15 - Number.parseInt(digit, 16)).toString(16));
  return twisted === id ? `${id}-other` : twisted;
}
