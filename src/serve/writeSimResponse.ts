import type { ServerResponse } from 'node:http';
import type { SimResponse } from '../simulator/simRequest';

/** Writes a simulator answer to the wire, keeping each header name spelled exactly as the simulator spelled it. */
export function writeSimResponse(res: ServerResponse, answer: SimResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = answer.status;
  // setHeader keeps the given case on the wire; Node only lower-cases names for its own lookups.
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.bodyText);
}
