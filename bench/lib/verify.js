// Judges one run: did the tool send every request (the server's count, or for replay the exchanges our report lists),
// did its own
// report account for every scenario, and did it fail exactly the planted scenarios for the planted reasons?

/**
 * `outcome` is what the tool's output says (tools.js readers), `stats` what the loopback server counted, `plan` index →
 * planted kind (empty for a measured run). Returns { ok, served, problems }.
 */
export function judge(tool, workload, run, outcome, stats, plan = new Map()) {
  const problems = [];
  const n = workload.n;
  if (outcome.error) return { ok: false, served: 0, problems: [outcome.error, firstLines(run)] };
  let served;
  if (tool === 'graph-conformance-replay') {
    served = replayServed(workload, outcome.exchanges, plan, problems);
    if (stats.served + stats.rejected > 0)
      problems.push(`the replay run reached the loopback server ${stats.served + stats.rejected} times`);
  } else {
    served = stats.served;
    if (stats.served !== n || stats.distinct !== n)
      problems.push(
        `the server served ${stats.served} requests for ${stats.distinct} distinct scenarios; expected ${n}`,
      );
    if (stats.rejected)
      problems.push(`the server rejected ${stats.rejected} requests: ${JSON.stringify(stats.reasons)}`);
  }
  if (outcome.passed + outcome.failed !== n)
    problems.push(`the tool reported ${outcome.passed} passed + ${outcome.failed} failed, not ${n} scenarios`);
  if (outcome.checks && outcome.checks.executed !== 4 * n)
    problems.push(`the tool ran ${outcome.checks.executed} assertions, not ${4 * n}`);
  const planted = new Map([...plan].map(([i, kind]) => [workload.scenarios[i].name, kind]));
  for (const [name, kinds] of outcome.failures) {
    if (!planted.has(name)) problems.push(`${name} failed (${kinds.join(', ')}) but nothing was planted there`);
    else if (!kinds.includes(planted.get(name)))
      problems.push(
        `${name} failed for ${kinds.join(', ') || 'no reason shown'}, not for the planted ${planted.get(name)}`,
      );
  }
  for (const [name, kind] of planted)
    if (!outcome.failures.has(name)) problems.push(`the planted wrong ${kind} in ${name} was not reported`);
  const wantExit = plan.size ? 'non-zero' : 0;
  if (plan.size ? run.code === 0 : run.code !== 0) problems.push(`exit code ${run.code}, expected ${wantExit}`);
  return { ok: problems.length === 0, served, problems };
}

/** Replay: the requests our report says were answered, matched to the workload by object id and client-request-id. */
function replayServed(workload, exchanges = [], plan, problems) {
  const byId = new Map(workload.scenarios.map((s) => [s.objectId, s]));
  const seen = new Set();
  let served = 0;
  for (const e of exchanges) {
    const s = byId.get(e.url.slice(e.url.lastIndexOf('/') + 1));
    if (
      !s ||
      e.method !== 'PATCH' ||
      e.clientRequestId !== s.clientRequestId ||
      !e.url.startsWith('https://graph.microsoft.com/beta/')
    ) {
      problems.push(`unexpected exchange ${e.method} ${e.url}`);
      continue;
    }
    if (e.status !== 200 && !plan.has(s.index)) problems.push(`${s.name} was answered ${e.status}`);
    served++;
    seen.add(s.index);
  }
  if (served !== workload.n || seen.size !== workload.n)
    problems.push(`the report lists ${served} exchanges for ${seen.size} distinct scenarios; expected ${workload.n}`);
  return served;
}

function firstLines(run) {
  return `exit ${run.code}; output: ${(run.stdout + run.stderr).split('\n').slice(-15).join('\n')}`;
}
