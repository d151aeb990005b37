import { randomUUID } from 'node:crypto';
import type { Target } from '../targets/target';
import { responseJson, type Exchange, type SentRequest } from '../common/exchange';

/**
 * Journals objects a scenario's own steps create (outside fixtures), so a killed run can delete them, and deletes any
 * the scenario left behind.
 */
export class CreateTracker {
  private readonly open = new Map<string, string>();

  constructor(private readonly target: Target) {}

  /** Before a POST: records the intent with the body that identifies the object. Returns the journal key. */
  beforeSend(request: SentRequest): string | undefined {
    if (request.method !== 'POST' || !this.target.journal) return undefined;
    const key = randomUUID();
    this.target.journal.record({
      op: 'create-intent',
      key,
      name: 'step',
      listPath: this.path(request.url),
      match: request.json ?? {},
    });
    return key;
  }

  /** After an answer: a created object is recorded by id; a successful DELETE closes the record of what it deleted. */
  afterSend(key: string | undefined, exchange: Exchange): void {
    const journal = this.target.journal;
    if (!journal) return;
    const { request, response } = exchange;
    if (key !== undefined) {
      const id = (responseJson(response) as { id?: unknown } | undefined)?.id;
      if (response.status < 300 && typeof id === 'string') {
        const path = `${this.path(request.url)}/${id}`;
        // A retried create may have made an object whose answer was lost: the entry stays open so the end-of-run
        // restore sweeps for it.
        journal.record({ op: 'created', key, deletePath: path, uncertain: response.afterLostAttempt || undefined });
        this.open.set(path, response.afterLostAttempt ? '' : key);
      } else if (!response.afterLostAttempt) journal.record({ op: 'done', key });
    }
    const path = this.path(request.url);
    if (request.method === 'DELETE' && (response.status < 300 || response.status === 404) && this.open.has(path)) {
      const openKey = this.open.get(path)!;
      if (openKey) journal.record({ op: 'done', key: openKey });
      this.open.delete(path);
    }
  }

  /** Objects created and not deleted by the scenario, as paths relative to the base URL. */
  leftovers(): Array<{ path: string; key: string }> {
    return [...this.open].map(([path, key]) => ({ path, key }));
  }

  private path(url: string): string {
    return url.slice(this.target.baseUrl.length).split('?')[0];
  }
}
