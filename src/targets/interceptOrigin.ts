import type { RequestHandler as MswRequestHandler } from 'msw';

/** A request as the in-process targets read it: headers flattened, body text read (undefined for GET and HEAD). */
export interface InterceptedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  bodyText: string | undefined;
}

/** The answer to give, or `network-error` for a request that must fail as if the connection dropped. */
export type InterceptedAnswer =
  { status: number; statusText?: string; headers: HeadersInit; bodyText?: string | null } | 'network-error';

/**
 * Answers every request this process sends to `origin` with `answer`, through msw; any other request fails with
 * `outside(request)` and reaches no network. msw is loaded here, on first use, so processes that never build an
 * in-process target (the CLI, Playwright's runner, live workers) do not pay for it.
 *
 * The handler matches on the origin alone: msw's `http.all` would also parse each request's cookies through
 * tough-cookie's public-suffix lookup, about 1 ms per request that Graph's API (bearer tokens, no cookies) never needs.
 */
export function interceptOrigin(
  origin: string,
  answer: (request: InterceptedRequest) => InterceptedAnswer,
  outside: (method: string, url: string) => string,
): { close(): void } {
  const { RequestHandler, HttpResponse } = require('msw') as typeof import('msw');
  const { setupServer } = require('msw/node') as typeof import('msw/node');

  class OriginHandler extends RequestHandler<{ header: string }, undefined> {
    constructor() {
      super({
        info: { header: `${origin}/*` },
        resolver: async ({ request }) => {
          const headers: Record<string, string> = {};
          request.headers.forEach((value: string, name: string) => (headers[name] = value));
          const bodyText = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.text();
          const given = answer({ method: request.method, url: new URL(request.url), headers, bodyText });
          if (given === 'network-error') return HttpResponse.error();
          return new HttpResponse(given.bodyText ?? null, {
            status: given.status,
            statusText: given.statusText,
            headers: given.headers,
          });
        },
      });
    }

    predicate({ request }: { request: Request }): boolean {
      return request.url.startsWith(`${origin}/`);
    }

    log(): void {}
  }

  const handler: MswRequestHandler = new OriginHandler();
  const server = setupServer(handler);
  server.listen({
    onUnhandledRequest: (request) => {
      throw new Error(outside(request.method, request.url));
    },
  });
  return { close: () => server.close() };
}
