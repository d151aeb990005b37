import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Verdict } from '../common/scenarioResult';
import type { HistoryRun, HistoryVerdict } from './historyRecord';

/** The schema's version (PRAGMA user_version); a file written by a newer harness is refused, not misread. */
const schemaVersion = 1;

const schema = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  target TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  exit_code INTEGER,
  passed INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  errored INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  source TEXT NOT NULL,
  metadata TEXT NOT NULL,
  UNIQUE (target, started_at, finished_at)
);
CREATE INDEX IF NOT EXISTS runs_by_target ON runs (target, started_at);
CREATE TABLE IF NOT EXISTS verdicts (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  scenario TEXT NOT NULL,
  title TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('passed', 'failed', 'errored', 'skipped')),
  codes TEXT NOT NULL,
  duration_ms INTEGER,
  retries INTEGER NOT NULL,
  earlier TEXT NOT NULL,
  throttled INTEGER NOT NULL,
  unavailable INTEGER NOT NULL,
  lost INTEGER NOT NULL,
  PRIMARY KEY (run_id, scenario)
);
`;

/** Why a history file cannot be used; the CLI prints it and exits 2. */
export class HistoryError extends Error {}

interface RunRow {
  id: number;
  target: string;
  started_at: string;
  finished_at: string;
  exit_code: number | null;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  source: string;
  metadata: string;
}

interface VerdictRow {
  run_id: number;
  scenario: string;
  title: string;
  verdict: Verdict;
  codes: string;
  duration_ms: number | null;
  retries: number;
  earlier: string;
  throttled: number;
  unavailable: number;
  lost: number;
}

/** The nightly history: an SQLite file (better-sqlite3) of runs and their verdicts, one target per run entry. */
export class HistoryDb {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  /** Opens (creating when `create`) the history file; a file that is not a history, or a newer one, is refused. */
  static open(file: string, create = true): HistoryDb {
    if (!create && !existsSync(file))
      throw new HistoryError(`${file}: no history yet (\`conformance run --history ${file}\` starts one)`);
    let db: Database.Database;
    try {
      mkdirSync(dirname(file), { recursive: true });
      db = new Database(file);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > schemaVersion)
        throw new HistoryError(
          `${file} was written by a newer graph-conformance (history schema ${version}; this one reads ${schemaVersion})`,
        );
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.exec(schema);
      db.pragma(`user_version = ${schemaVersion}`);
    } catch (error) {
      if (error instanceof HistoryError) throw error;
      throw new HistoryError(`${file} cannot be used as a history database: ${(error as Error).message}`);
    }
    return new HistoryDb(db, file);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Appends runs in one transaction; a run already stored (same target, start and end: a report imported twice) is
   * skipped. Returns how many were added.
   */
  append(runs: HistoryRun[]): number {
    const insertRun = this.db.prepare(
      `INSERT OR IGNORE INTO runs (target, started_at, finished_at, exit_code, passed, failed, errored, skipped, source, metadata)
       VALUES (@target, @startedAt, @finishedAt, @exitCode, @passed, @failed, @errored, @skipped, @source, @metadata)`,
    );
    const insertVerdict = this.db.prepare(
      `INSERT INTO verdicts (run_id, scenario, title, verdict, codes, duration_ms, retries, earlier, throttled, unavailable, lost)
       VALUES (@runId, @scenario, @title, @verdict, @codes, @durationMs, @retries, @earlier, @throttled, @unavailable, @lost)`,
    );
    const add = this.db.transaction((all: HistoryRun[]) => {
      let added = 0;
      for (const run of all) {
        const info = insertRun.run({
          target: run.target,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          exitCode: run.exitCode ?? null,
          ...run.totals,
          source: run.source,
          metadata: JSON.stringify(run.metadata),
        });
        if (info.changes === 0) continue;
        added++;
        for (const v of run.verdicts)
          insertVerdict.run({
            runId: info.lastInsertRowid,
            scenario: v.scenario,
            title: v.title,
            verdict: v.verdict,
            codes: v.codes.join(' '),
            durationMs: v.durationMs ?? null,
            retries: v.retries,
            earlier: v.earlier.join(' '),
            throttled: v.throttled,
            unavailable: v.unavailable,
            lost: v.lost,
          });
      }
      return added;
    });
    return add(runs);
  }

  /** The targets with runs, by name. */
  targets(): string[] {
    return (this.db.prepare('SELECT DISTINCT target FROM runs ORDER BY target').all() as Array<{ target: string }>).map(
      (r) => r.target,
    );
  }

  /** How many runs the file holds. */
  runCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
  }

  /** The last `limit` runs of a target, oldest first, with their verdicts; `before` leaves out runs from then on. */
  lastRuns(target: string, limit: number, before?: string): HistoryRun[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM runs WHERE target = ? AND (? IS NULL OR started_at < ?) ORDER BY started_at DESC, id DESC LIMIT ?`,
      )
      .all(target, before ?? null, before ?? null, limit) as RunRow[];
    rows.reverse();
    if (rows.length === 0) return [];
    const verdicts = this.db
      .prepare(`SELECT * FROM verdicts WHERE run_id IN (${rows.map(() => '?').join(',')}) ORDER BY rowid`)
      .all(...rows.map((r) => r.id)) as VerdictRow[];
    const byRun = new Map<number, HistoryVerdict[]>();
    for (const v of verdicts) {
      const list = byRun.get(v.run_id) ?? [];
      list.push({
        scenario: v.scenario,
        title: v.title,
        verdict: v.verdict,
        codes: v.codes ? v.codes.split(' ') : [],
        ...(v.duration_ms !== null ? { durationMs: v.duration_ms } : {}),
        retries: v.retries,
        earlier: v.earlier ? (v.earlier.split(' ') as Verdict[]) : [],
        throttled: v.throttled,
        unavailable: v.unavailable,
        lost: v.lost,
      });
      byRun.set(v.run_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      target: r.target,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      ...(r.exit_code !== null ? { exitCode: r.exit_code } : {}),
      totals: { passed: r.passed, failed: r.failed, errored: r.errored, skipped: r.skipped },
      source: r.source,
      metadata: JSON.parse(r.metadata) as Record<string, string>,
      verdicts: byRun.get(r.id) ?? [],
    }));
  }
}
