import { dirname, join } from 'node:path';
import { interceptOrigin } from '../targets/interceptOrigin';
import { fetchTransport } from '../targets/fetchTransport';
import { TransportError, type Target } from '../targets/target';
import { relativePath, type Cassette, type RecordedEntry } from './cassette';
import { CassettePlayer } from './cassettePlayer';
import type { PlayedRequest } from './compareEntry';
import { message } from '../common/log';

/**
 * The token the recordings target presents; cassettes hold `{{REDACTED:authorization}}` whatever was sent, so any value
 * matches.
 */
export const recordingsToken = 'recordings-token-not-a-secret';

/**
 * Origin of the recordings target: a reserved name (RFC 6761) that can never resolve, so nothing can leave the machine.
 */
export const recordingsOrigin = 'https://recordings.invalid';

/** Where a recordings target finds the cassette of a scenario. */
export interface CassetteSource {
  /** The scenario's cassette, or a sentence saying why there is none. */
  cassetteFor(scenario: string): Cassette | string;
  /** The base path scenario paths are appended to, e.g. `/beta`. */
  basePath: string;
}

/**
 * A target answering each scenario's requests from its HAR cassette through msw, in recorded order; an unmatched
 * request fails naming the nearest entry.
 */
export function createCassetteReplayTarget(
  name: string,
  source: CassetteSource,
  timeoutMs = 30_000,
): Target & { unused(): RecordedEntry[] } {
  let player: CassettePlayer | undefined;
  let unavailable = message('recordings', 'requests are answered from cassettes only inside a scenario');
  let miss: string | undefined;
  // Set by the msw handler for the request in flight (one at a time: a scenario's steps are sequential).
  const answered: { entry?: RecordedEntry } = {};
  const server = interceptOrigin(
    recordingsOrigin,
    ({ method, url, headers, bodyText: text }) => {
      const played: PlayedRequest = {
        method,
        path: relativePath(url, source.basePath),
        query: [...url.searchParams],
        headers,
        bodyText: text === '' ? undefined : text,
      };
      const outcome = player ? player.play(played) : { miss: unavailable };
      if ('miss' in outcome) {
        miss = outcome.miss;
        return 'network-error';
      }
      answered.entry = outcome.entry;
      const { status, statusText, headers: answerHeaders, bodyText } = outcome.response;
      if (status < 200 || status > 599) {
        miss = message(
          'recordings',
          `entry #${outcome.entry.index} of ${player!.cassette.file} has status ${status}, which cannot be replayed`,
        );
        return 'network-error';
      }
      const noBody = [204, 205, 304].includes(status) || method === 'HEAD';
      return { status, statusText, headers: answerHeaders, bodyText: noBody ? null : bodyText };
    },
    (method, url) =>
      message(
        'recordings',
        `${method} ${url} is outside ${recordingsOrigin}; the recordings target answers nothing else and sends nothing to the network`,
      ),
  );
  return {
    name,
    baseUrl: `${recordingsOrigin}${source.basePath}`,
    authorization: async () => `Bearer ${recordingsToken}`,
    async send(request) {
      miss = undefined;
      answered.entry = undefined;
      try {
        const response = await fetchTransport(request, timeoutMs);
        if ((answered.entry as RecordedEntry | undefined)?.afterLostAttempt) response.afterLostAttempt = true;
        return response;
      } catch (error) {
        if (miss !== undefined) throw new TransportError(miss);
        throw error;
      }
    },
    secrets: () => [recordingsToken],
    existingId: (variable) => player?.cassette.info?.existing?.[variable],
    beginScenario({ id, runId }) {
      const cassette = source.cassetteFor(id);
      player =
        typeof cassette === 'string' ? undefined : new CassettePlayer(cassette, runId, rerecordHint(cassette, id));
      unavailable = typeof cassette === 'string' ? message('recordings', cassette) : unavailable;
    },
    async endScenario() {
      // The player stays until the next scenario so `unused()` can still be asked.
    },
    unused: () => player?.unused() ?? [],
    close: async () => server.close(),
  };
}

function rerecordHint(cassette: Cassette, id: string): string | undefined {
  const target = cassette.info?.target;
  if (!target) return undefined;
  const dir = dirname(cassette.file);
  const where = dir === join('recordings', target) ? '' : ` --dir ${dir}`;
  return `npx conformance record --target ${target} --allow-writes${where} --grep '^${id.replace(/\./g, '\\.')}$'`;
}
