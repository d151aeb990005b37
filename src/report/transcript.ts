import type { Exchange } from '../common/exchange';
import { curlLine } from './curlLine';

/** Where a transcript's curl lines should go instead of the target's own base URL (see Target.reproduce). */
export interface TranscriptReproduction {
  /** The target's base URL, as the requests name it. */
  from: string;
  command: string;
  baseUrl: string;
  bearer: string;
  /** The Authorization value the target presented, replaced by `bearer` in the curl lines. */
  presented?: string;
}

const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The HTTP conversation of a scenario as readable text, with a curl line per request (not yet redacted). With a
 * reproduction, it starts with the command that serves the same behaviour (the objects the requests name seeded) and
 * the curl lines call that.
 */
export function transcript(exchanges: Exchange[], reproduce?: TranscriptReproduction): string {
  const ids = [...new Set(exchanges.flatMap((x) => new URL(x.request.url).pathname.match(guid) ?? []))];
  const header = reproduce
    ? `# To reproduce: start the simulator (${reproduce.command}${ids.map((id) => ` --seed ${id}`).join('')}), then run the curl lines below.\n\n`
    : '';
  return (
    header +
    exchanges
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
        return [`### step ${x.step}`, `$ ${curlLine(x.request, reproduce)}`, '', ...request, '', ...response].join(
          '\n',
        );
      })
      .join('\n\n')
  );
}
