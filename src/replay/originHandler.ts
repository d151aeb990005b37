import { RequestHandler, type DefaultBodyType, type HttpResponse } from 'msw';

/** A request as the in-process targets read it: headers flattened, body text read (undefined for GET and HEAD). */
export interface InterceptedRequest {
  request: Request;
  url: URL;
  headers: Record<string, string>;
  bodyText: string | undefined;
}

/**
 * An msw request handler for every request to one origin. msw's `http.all` parses the request's cookies for each
 * request through tough-cookie's public-suffix lookup, about 1 ms that Graph's API (bearer tokens, no cookies) never
 * needs; this handler matches on the origin alone and hands the resolver the request already read.
 */
class OriginHandler extends RequestHandler<{ header: string }, undefined> {
  constructor(private readonly origin: string, answer: (intercepted: InterceptedRequest) => Promise<HttpResponse<DefaultBodyType> | Response>) {
    super({
      info: { header: `${origin}/*` },
      resolver: async ({ request }) => {
        const headers: Record<string, string> = {};
        request.headers.forEach((value: string, name: string) => (headers[name] = value));
        const bodyText = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.text();
        return answer({ request, url: new URL(request.url), headers, bodyText });
      },
    });
  }

  predicate({ request }: { request: Request }): boolean {
    return request.url.startsWith(`${this.origin}/`);
  }

  log(): void {}
}

/** The handler answering every request under `origin` with `answer`. */
export function originHandler(origin: string, answer: (intercepted: InterceptedRequest) => Promise<HttpResponse<DefaultBodyType> | Response>): RequestHandler {
  return new OriginHandler(origin, answer);
}
