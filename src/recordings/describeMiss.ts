import type { Cassette, RecordedEntry } from './cassette';
import type { Comparison, PlayedRequest } from './compareEntry';
import { message } from '../common/log';
import { counted } from '../common/counted';

/** A recorded entry as messages name it: `#3 PATCH /path?query (step patch)`. */
export function describeEntry(entry: RecordedEntry): string {
  const query = entry.query.length ? `?${entry.query.map(([n, v]) => `${n}=${v}`).join('&')}` : '';
  return `#${entry.index} ${entry.method} ${entry.path}${query}${entry.step ? ` (step ${entry.step})` : ''}`;
}

/**
 * The message for a request no unused entry matches: which request, the nearest recorded entry and how it differs, and
 * what to do next.
 */
export function describeMiss(
  cassette: Cassette,
  request: PlayedRequest,
  candidates: Array<{ entry: RecordedEntry; used: boolean; comparison: Comparison }>,
  { rerecord, barrier }: { rerecord?: string; barrier?: RecordedEntry } = {},
): string {
  const query = request.query.length ? `?${request.query.map(([n, v]) => `${n}=${v}`).join('&')}` : '';
  const head = message(
    'recordings',
    `no recorded answer in ${cassette.file} for ${request.method} ${request.path}${query}`,
  );
  const next = rerecord ? `\n  if the scenario changed, record it again: ${rerecord}` : '';
  if (candidates.length === 0) return `${head}\n  the cassette holds no answered request${next}`;
  const nearest = [...candidates].sort(
    (a, b) =>
      a.comparison.score + Number(a.used) - (b.comparison.score + Number(b.used)) || a.entry.index - b.entry.index,
  )[0];
  const { entry, comparison } = nearest;
  if (comparison.differences.length === 0 && !nearest.used && barrier) {
    return (
      `${head}\n  nearest recorded entry: ${describeEntry(entry)} matches, but was recorded after ${describeEntry(barrier)}, ` +
      `which has not been replayed: its answer reflects that change${next}`
    );
  }
  if (comparison.differences.length === 0) {
    const same = candidates.filter((c) => c.comparison.differences.length === 0).length;
    return (
      `${head}\n  nearest recorded entry: ${describeEntry(entry)} matches, but has already been answered: ` +
      `the cassette holds ${counted(same, 'such request', 'such requests')} and this is request ${same + 1}${next}`
    );
  }
  return (
    `${head}\n  nearest recorded entry: ${describeEntry(entry)}${nearest.used ? ', already answered' : ''}\n` +
    `${comparison.differences.map((d) => `  - ${d}`).join('\n')}${next}`
  );
}
