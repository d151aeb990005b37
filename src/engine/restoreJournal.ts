import { counted } from '../common/counted';
import { buildRequest } from './buildRequest';
import type { ReceivedResponse } from '../common/exchange';
import { subsetDifferences } from '../check/compareValues';
import type { PendingWrite } from '../targets/journal';
import type { Target } from '../targets/target';

/** What restoring did, one line per journal entry, for the console. */
export interface RestoreOutcome {
  undone: string[];
  failed: string[];
  /** Entries written against another base URL, counted by that URL: never replayed against this one. */
  elsewhere: Map<string, number>;
}

/** One line per other base URL the journal holds entries for: how many, and the two ways to be rid of them. */
export function describeElsewhere(outcome: RestoreOutcome, target: Target): string[] {
  return [...outcome.elsewhere].map(
    ([url, n]) =>
      `${counted(n, 'journal entry', 'journal entries')} recorded against ${url} (not ${target.baseUrl}) left alone: ` +
      `set GRAPH_BASE_URL=${url} to undo them, or run \`conformance restore --target ${target.name} --forget ${url}\` ` +
      'once they are handled',
  );
}

/**
 * Undoes every pending write in the target's journal: deletes scratch objects (found by id, or by their create body
 * when the answer never came) and puts snapshots back.
 */
export async function restoreJournal(target: Target): Promise<RestoreOutcome> {
  const outcome: RestoreOutcome = { undone: [], failed: [], elsewhere: new Map() };
  const journal = target.journal;
  if (!journal) return outcome;
  for (const entry of journal.pending()) {
    if (entry.baseUrl !== undefined && entry.baseUrl !== target.baseUrl) {
      outcome.elsewhere.set(entry.baseUrl, (outcome.elsewhere.get(entry.baseUrl) ?? 0) + 1);
      continue;
    }
    try {
      const line = await undo(entry, target);
      journal.record({ op: 'done', key: entry.key });
      outcome.undone.push(line);
    } catch (error) {
      outcome.failed.push(`${describe(entry)}: ${(error as Error).message}`);
    }
  }
  if (outcome.failed.length === 0 && outcome.elsewhere.size === 0) journal.compact();
  return outcome;
}

async function undo(entry: PendingWrite, target: Target): Promise<string> {
  if (entry.op === 'snapshot') {
    const current = await call(target, 'GET', entry.getPath);
    if (current.status === 404) return `${entry.getPath} no longer exists; nothing to restore`;
    expectStatus(current, [200], `GET ${entry.getPath}`);
    const now = JSON.parse(current.bodyText) as Record<string, unknown>;
    const changed = Object.fromEntries(
      Object.entries(entry.properties).filter(([k, v]) => subsetDifferences(v, now[k]).length > 0),
    );
    if (Object.keys(changed).length === 0) return `${entry.getPath} already has its original values`;
    expectStatus(await call(target, 'PATCH', entry.updatePath, changed), [200, 204], `PATCH ${entry.updatePath}`);
    return `restored ${Object.keys(changed).join(', ')} of ${entry.getPath}`;
  }
  if (entry.op === 'created' || entry.created) {
    const created = entry.op === 'created' ? entry : entry.created!;
    expectStatus(await call(target, 'DELETE', created.deletePath), [200, 204, 404], `DELETE ${created.deletePath}`);
    const swept = created.uncertain && entry.op === 'create-intent' ? `; ${await deleteByMatch(entry, target)}` : '';
    return `deleted scratch object ${created.deletePath}${swept}`;
  }
  if (entry.op === 'create-intent') return deleteByMatch(entry, target);
  return 'nothing to do';
}

/**
 * The run was killed between sending a create and recording its id: find objects made by that request by their create
 * body.
 */
async function deleteByMatch(entry: Extract<PendingWrite, { op: 'create-intent' }>, target: Target): Promise<string> {
  const found: string[] = [];
  for (let path: string | undefined = entry.listPath; path;) {
    const page = await call(target, 'GET', path);
    expectStatus(page, [200], `GET ${path}`);
    const body = JSON.parse(page.bodyText) as { value?: Array<Record<string, unknown>>; '@odata.nextLink'?: string };
    for (const item of body.value ?? [])
      if (typeof item.id === 'string' && subsetDifferences(entry.match, item).length === 0) found.push(item.id);
    const next = body['@odata.nextLink'];
    path = next
      ? next.slice(next.indexOf(new URL(target.baseUrl).pathname) + new URL(target.baseUrl).pathname.length)
      : undefined;
  }
  for (const id of found)
    expectStatus(
      await call(target, 'DELETE', `${entry.listPath}/${id}`),
      [200, 204, 404],
      `DELETE ${entry.listPath}/${id}`,
    );
  return found.length
    ? `deleted ${found.length} scratch object(s) left by an interrupted create (${found.join(', ')})`
    : 'an interrupted create left no object behind';
}

async function call(target: Target, method: string, path: string, body?: unknown): Promise<ReceivedResponse> {
  const headers = body === undefined ? undefined : { 'content-type': 'application/json' };
  return target.send(await buildRequest({ method, path, headers, body }, {}, target));
}

function expectStatus(response: ReceivedResponse, accepted: number[], what: string): void {
  if (!accepted.includes(response.status))
    throw new Error(`${what} answered ${response.status} (request-id ${response.headers['request-id'] ?? 'none'})`);
}

function describe(entry: PendingWrite): string {
  return entry.op === 'snapshot'
    ? `restore ${entry.getPath}`
    : entry.op === 'created'
      ? `delete ${entry.deletePath}`
      : `clean up create of ${entry.name}`;
}
