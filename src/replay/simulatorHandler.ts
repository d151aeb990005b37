import { http, HttpResponse } from 'msw';
import type { Simulator } from './simulator/createSimulator';

/** An msw handler that answers every request under a base URL from the simulator. */
export function simulatorHandler(baseOrigin: string, simulator: Simulator) {
  return http.all(`${baseOrigin}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const bodyText = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.text();
    const answer = simulator.handle({ method: request.method, path: url.pathname, query: url.searchParams, headers,
      bodyText: bodyText === '' && headers['content-length'] === undefined ? undefined : bodyText });
    return new HttpResponse(answer.bodyText ?? null, { status: answer.status, headers: answer.headers });
  });
}
