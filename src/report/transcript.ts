import type { Exchange } from '../common/exchange';
import { curlLine } from './curlLine';

/** The HTTP conversation of a scenario as readable text, with a curl line per request (not yet redacted). */
export function transcript(exchanges: Exchange[]): string {
  return exchanges
    .map((x) => {
      const url = new URL(x.request.url);
      const request = [
        `${x.request.method} ${url.pathname}${url.search} HTTP/1.1`,
        `Host: ${url.host}`,
        ...Object.entries(x.request.headers).map(([k, v]) => `${k}: ${v}`),
        '',
        x.request.bodyText ?? '',
      ];
      const response = [
        `HTTP/1.1 ${x.response.status}  (${x.response.durationMs} ms)`,
        ...Object.entries(x.response.headers).map(([k, v]) => `${k}: ${v}`),
        '',
        x.response.bodyText,
      ];
      return [`### step ${x.step}`, `$ ${curlLine(x.request)}`, '', ...request, '', ...response].join('\n');
    })
    .join('\n\n');
}
