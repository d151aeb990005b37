import { fetchTransport } from '../targets/fetchTransport';
import type { Target } from '../targets/target';
import { createSimulator, type SimulatorOptions } from '../simulator/createSimulator';
import { interceptOrigin } from '../targets/interceptOrigin';
import { message } from '../common/log';

/** The token the replay target presents and its simulator accepts; not a secret, but redacted like one. */
export const replayToken = 'replay-token-not-a-secret';

/** The token the `serve` command in a replay transcript accepts (a person's own loopback simulator). */
const reproduceToken = 'local-token';

/** Base URL of the replay target: Graph's own, intercepted in-process by msw so nothing leaves the machine. */
export const replayBaseUrl = 'https://graph.microsoft.com/beta';

/** Starts msw in this process, answering Graph's URLs from a fresh stateful simulator; other URLs are errors. */
export function createReplayTarget(
  options: Pick<SimulatorOptions, 'breaks' | 'variant' | 'seed'> = {},
  timeoutMs = 30_000,
): Target {
  const simulator = createSimulator({ acceptedTokens: [replayToken], ...options });
  const origin = new URL(replayBaseUrl).origin;
  const server = interceptOrigin(
    origin,
    ({ method, url, headers, bodyText }) =>
      simulator.handle({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        bodyText: bodyText === '' && headers['content-length'] === undefined ? undefined : bodyText,
      }),
    (method, url) =>
      message(
        'replay',
        `${method} ${url} matches nothing the replay target answers (only ${origin}/*); it was not sent to the network`,
      ),
  );
  const flags = [
    ...(options.breaks ?? []).map((b) => ` --break ${b}`),
    options.variant === 'odd-but-valid' ? ' --variant odd-but-valid' : '',
  ];
  return {
    name: 'replay',
    reproduce: {
      command: `npx conformance serve --port 8080 --token ${reproduceToken}${flags.join('')}`,
      baseUrl: 'http://127.0.0.1:8080/beta',
      bearer: reproduceToken,
    },
    baseUrl: replayBaseUrl,
    authorization: async () => `Bearer ${replayToken}`,
    send: (request) => fetchTransport(request, timeoutMs),
    secrets: () => [replayToken],
    close: async () => server.close(),
  };
}
