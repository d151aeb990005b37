import { Bindings } from './bindings';
import type { Cassette, RecordedEntry } from './cassette';
import { bindHeaders, compareEntry, type PlayedRequest } from './compareEntry';
import { describeMiss } from './describeMiss';
import { fillSlots } from './slots';

/** A recorded answer made ready to send back: slots replaced by what this run sent. */
export interface PlayedResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  bodyText: string;
}

/** The answer to one replayed request, or why there is none (naming the nearest recorded entry). */
export type PlayOutcome = { entry: RecordedEntry; response: PlayedResponse } | { miss: string };

// Hop-by-hop and transfer headers describe the recorded connection, not the answer; the body is replayed decoded.
const dropped = new Set(['content-encoding', 'transfer-encoding', 'connection', 'keep-alive']);
const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Replays one scenario's cassette in order: each request gets the first unused entry it matches (the nth identical
 * request gets the nth recorded answer), never one past an unreplayed write.
 */
export class CassettePlayer {
  private readonly used = new Set<number>();
  private readonly bindings = Bindings.empty();

  constructor(
    readonly cassette: Cassette,
    private readonly runId: string,
    private readonly rerecord?: string,
  ) {}

  /**
   * Finds the answer to a request and marks its entry used; a miss leaves the state as it was. No request is answered
   * past a recorded write that was not replayed.
   */
  play(request: PlayedRequest): PlayOutcome {
    let barrier: RecordedEntry | undefined;
    for (const entry of this.cassette.entries) {
      if (this.used.has(entry.index) || entry.status === 0) continue;
      const comparison = compareEntry(entry, request, this.bindings, this.runId);
      if (comparison.differences.length > 0) {
        // Later answers reflect this write: serving them without it would make persistence checks pass by accident.
        if (writes.has(entry.method)) {
          barrier = entry;
          break;
        }
        continue;
      }
      this.used.add(entry.index);
      this.bindings.commit(comparison.bindings);
      bindHeaders(entry, request, this.bindings, this.runId);
      return { entry, response: this.render(entry) };
    }
    const candidates = this.cassette.entries
      .filter((e) => e.status !== 0)
      .map((entry) => ({
        entry,
        used: this.used.has(entry.index),
        comparison: compareEntry(entry, request, this.bindings, this.runId),
      }));
    return { miss: describeMiss(this.cassette, request, candidates, { rerecord: this.rerecord, barrier }) };
  }

  /** Recorded entries no request has asked for yet. */
  unused(): RecordedEntry[] {
    return this.cassette.entries.filter((e) => !this.used.has(e.index) && e.status !== 0);
  }

  private render(entry: RecordedEntry): PlayedResponse {
    const bodyText = fillSlots(entry.responseBody, this.bindings, this.runId);
    const headers: Array<[string, string]> = [];
    for (const [name, value] of entry.responseHeaders) {
      const key = name.toLowerCase();
      if (dropped.has(key)) continue;
      headers.push([
        name,
        key === 'content-length' ? String(Buffer.byteLength(bodyText)) : fillSlots(value, this.bindings, this.runId),
      ]);
    }
    return { status: entry.status, statusText: entry.statusText, headers, bodyText };
  }
}
