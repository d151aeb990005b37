import { mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioEntry } from '../common/scenarioResult';

/** Where workers leave each scenario's result for the conformance reporter: cheaper than an attachment per test. */
export function resultsDir(reportDir: string): string {
  return join(reportDir, '.results');
}

/** One scenario result as a worker wrote it, with the Playwright test (batch), target and attempt it ran in. */
export interface ChannelRecord {
  testId: string;
  /** The Playwright project, which is the target the scenario ran against. */
  target: string;
  retry: number;
  entry: ScenarioEntry;
  /** For a scenario that did not pass: its rendered failures and HTTP transcript (redacted), for reports/matrix.html. */
  detail?: ScenarioDetail;
}

/** What a person opens to see why a scenario did not pass against a target. */
export interface ScenarioDetail {
  failures: string;
  transcript: string;
}

/** How results are found: a scenario's id is unique in a target, and each attempt writes again. */
export function resultKey(target: string, id: string, retry: number): string {
  return `${target}\u0000${id}#${retry}`;
}

const openFiles = new Map<string, number>();

/**
 * Called by a worker after each scenario: appends one line to this process's file (opened once per worker). `entryJson`
 * is the ScenarioEntry, already serialised (and redacted).
 */
export function writeResult(
  reportDir: string,
  attempt: Omit<ChannelRecord, 'entry' | 'detail'>,
  entryJson: string,
  detail?: ScenarioDetail,
): void {
  let fd = openFiles.get(reportDir);
  if (fd === undefined) {
    mkdirSync(resultsDir(reportDir), { recursive: true });
    fd = openSync(join(resultsDir(reportDir), `${process.pid}.jsonl`), 'a');
    openFiles.set(reportDir, fd);
  }
  const more = detail ? `,"detail":${JSON.stringify(detail)}` : '';
  writeSync(
    fd,
    `{"testId":${JSON.stringify(attempt.testId)},"target":${JSON.stringify(attempt.target)},"retry":${attempt.retry},"entry":${entryJson}${more}}\n`,
  );
}

/** Called by the reporter when the run begins: results of an earlier run must not leak into this one. */
export function clearResults(reportDir: string): void {
  rmSync(resultsDir(reportDir), { recursive: true, force: true });
}

/** Every result the workers wrote, by resultKey(target, scenario id, retry). */
export function readResults(reportDir: string): Map<string, ChannelRecord> {
  const results = new Map<string, ChannelRecord>();
  let files: string[];
  try {
    files = readdirSync(resultsDir(reportDir));
  } catch {
    return results;
  }
  for (const file of files)
    for (const line of readFileSync(join(resultsDir(reportDir), file), 'utf8').split('\n')) {
      if (!line) continue;
      let record: ChannelRecord;
      try {
        record = JSON.parse(line) as ChannelRecord;
      } catch {
        continue; // a line cut short (the worker died mid-write): its scenario is reported as having no result
      }
      results.set(resultKey(record.target, record.entry.id, record.retry), record);
    }
  return results;
}
