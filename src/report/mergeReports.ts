import { exitCodeOf, exitClassOf, totalsOf, type ConformanceReport } from './conformanceReport';

/**
 * One report from the reports of a run's shards: every scenario once, totals and exit recomputed, the earliest start
 * and latest end. Returns the problems instead when the shards do not belong together (other targets, a scenario in
 * two shards, a shard twice).
 */
export function mergeReports(shards: ConformanceReport[]): { report?: ConformanceReport; problems: string[] } {
  const problems: string[] = [];
  const targets = [...new Set(shards.map((s) => s.target))];
  if (targets.length > 1)
    problems.push(`the reports are of different targets (${targets.join(', ')}); merge one target's shards`);
  const seenShards = new Set<string>();
  for (const s of shards) {
    if (s.shard && seenShards.has(s.shard)) problems.push(`shard ${s.shard} is given twice`);
    if (s.shard) seenShards.add(s.shard);
  }
  const byId = new Map<string, string>();
  for (const s of shards)
    for (const scenario of s.scenarios) {
      // A matrix run lists each scenario once per target.
      const key = `${scenario.target ?? ''}\u0000${scenario.id}`;
      const other = byId.get(key);
      const against = scenario.target ? ` against ${scenario.target}` : '';
      if (other !== undefined)
        problems.push(
          `scenario ${scenario.id}${against} is in two of the reports (shards ${other} and ${s.shard ?? '?'})`,
        );
      byId.set(key, s.shard ?? '?');
    }
  if (problems.length) return { problems };
  const scenarios = shards.flatMap((s) => s.scenarios);
  const report: ConformanceReport = {
    target: targets[0] ?? 'unknown',
    startedAt: shards.map((s) => s.startedAt).sort()[0],
    finishedAt: shards
      .map((s) => s.finishedAt)
      .sort()
      .at(-1)!,
    totals: totalsOf(scenarios),
    scenarios,
    ...(shards[0]?.targets ? { targets: shards[0].targets } : {}),
    shards: shards.map((s) => s.shard ?? '?'),
  };
  const restoreFailed = shards.flatMap((s) => s.restoreFailed ?? []);
  if (restoreFailed.length) report.restoreFailed = restoreFailed;
  // A shard that stopped without a verdict (refused, unreachable) keeps the merged run from passing.
  const stopped = shards.filter((s) => s.exit && s.exit.code !== 0 && s.exit.code !== 1 && s.scenarios.length === 0);
  const code = Math.max(
    exitCodeOf(report),
    ...stopped.map((s) => s.exit!.code),
    restoreFailed.length && exitCodeOf(report) === 0 ? 3 : 0,
  );
  const message = stopped.map((s) => `shard ${s.shard ?? '?'}: ${s.exit!.message ?? ''}`).join('; ');
  report.exit = { code, class: exitClassOf(code), ...(message ? { message } : {}) };
  return { report, problems };
}
