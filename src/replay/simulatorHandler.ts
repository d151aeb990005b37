import { HttpResponse } from 'msw';
import { originHandler } from './originHandler';
import type { Simulator } from './simulator/createSimulator';

/** An msw handler that answers every request under a base URL from the simulator. */
export function simulatorHandler(baseOrigin: string, simulator: Simulator) {
  return originHandler(baseOrigin, async ({ request, url, headers, bodyText }) => {
    const answer = simulator.handle({ method: request.method, path: url.pathname, query: url.searchParams, headers,
      bodyText: bodyText === '' && headers['content-length'] === undefined ? undefined : bodyText });
    return new HttpResponse(answer.bodyText ?? null, { status: answer.status, headers: answer.headers });
  });
}
