import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One line of the write journal; ids and property values only, never a credential. `baseUrl` says which service it was
 * written to.
 */
export type JournalEntry = { baseUrl?: string } & (
  | { op: 'create-intent'; key: string; name: string; listPath: string; match: unknown; at: string }
  | { op: 'created'; key: string; deletePath: string; uncertain?: boolean; at: string }
  | {
      op: 'snapshot';
      key: string;
      getPath: string;
      updatePath: string;
      properties: Record<string, unknown>;
      at: string;
    }
  | { op: 'done'; key: string; at: string }
);

/** What a run must undo: a scratch object to delete, a snapshot to put back, or a create whose answer never came. */
export type PendingWrite = Exclude<JournalEntry, { op: 'done' }> & {
  created?: Extract<JournalEntry, { op: 'created' }>;
};

/**
 * An append-only, fsync'd record of every write a live run makes, written before the write, so a killed run can be
 * undone.
 */
export class Journal {
  constructor(
    readonly file: string,
    readonly baseUrl: string,
  ) {}

  /** Appends one entry and forces it to disk before returning. */
  record(entry: JournalEntry extends infer E ? (E extends unknown ? Omit<E, 'at' | 'baseUrl'> : never) : never): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, `${JSON.stringify({ ...entry, baseUrl: this.baseUrl, at: new Date().toISOString() })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The writes not yet marked done, oldest first; a torn last line (a kill mid-write) is ignored. */
  pending(): PendingWrite[] {
    if (!existsSync(this.file)) return [];
    const byKey = new Map<string, PendingWrite>();
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue;
      }
      if (entry.op === 'done') byKey.delete(entry.key);
      else if (entry.op === 'created') {
        const intent = byKey.get(entry.key);
        byKey.set(entry.key, intent ? { ...intent, created: entry } : { ...entry });
      } else byKey.set(entry.key, entry);
    }
    return [...byKey.values()];
  }

  /** Marks every pending entry recorded against `baseUrl` as handled (the user undid them there); returns how many. */
  forget(baseUrl: string): number {
    const entries = this.pending().filter((p) => p.baseUrl === baseUrl);
    for (const entry of entries) this.record({ op: 'done', key: entry.key });
    this.compact();
    return entries.length;
  }

  /** Rewrites the file down to the pending entries, so it does not grow without bound. */
  compact(): void {
    if (!existsSync(this.file)) return;
    const keep = this.pending().flatMap((p) => (p.created ? [withoutCreated(p), p.created] : [withoutCreated(p)]));
    const temp = `${this.file}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, keep.map((e) => `${JSON.stringify(e)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
  }
}

function withoutCreated(p: PendingWrite): JournalEntry {
  const { created: _, ...entry } = p;
  return entry as JournalEntry;
}
