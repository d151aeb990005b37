import { escapeHtml } from '../report/escapeHtml';
import type { HistoryReport } from './historyText';

/**
 * A small self-contained page of the history: per target, the changes since the previous run, the flaky scenarios and
 * the target's trouble, and a table with each scenario's strip of its last runs (one square per run, oldest first)
 * beside its median and p95 duration.
 */
export function historyHtml(report: HistoryReport): string {
  const sections = report.targets.map((t) => {
    const flaky = new Set(t.flaky.map((f) => f.scenario));
    const fresh = new Set(t.changes.newFailures.map((f) => f.scenario));
    const durations = new Map(t.durations.map((d) => [d.scenario, d]));
    const rows = t.strips
      .map((s) => {
        const squares = s.verdicts
          .map(
            (v, i) =>
              `<span class="sq ${v ?? 'absent'}" title="${escapeHtml(t.runStarts[i])}: ${v ?? 'not run'}"></span>`,
          )
          .join('');
        const d = durations.get(s.scenario);
        const notes = [fresh.has(s.scenario) ? 'new failure' : '', flaky.has(s.scenario) ? 'flaky' : '']
          .filter(Boolean)
          .map((n) => `<span class="note">${n}</span>`)
          .join(' ');
        return `<tr data-scenario="${escapeHtml(s.scenario)}"><th scope="row"><span class="id">${escapeHtml(s.scenario)}</span> ${notes}<span class="title">${escapeHtml(s.title)}</span></th><td class="strip">${squares}</td><td>${d ? d.medianMs : '-'}</td><td>${d ? d.p95Ms : '-'}</td></tr>`;
      })
      .join('\n');
    const c = t.changes;
    const tr = t.trouble;
    return `<section data-target="${escapeHtml(t.target)}">
<h2>${escapeHtml(t.target)}</h2>
<p>${t.runs} run(s); last ${escapeHtml(t.last?.startedAt ?? '-')}${t.previous ? `, previous ${escapeHtml(t.previous.startedAt)}` : ''}.
Since the previous run: <b>${c.newFailures.length}</b> new failure(s), <b>${c.fixed.length}</b> fixed, <b>${c.newlyErrored.length}</b> newly errored.
Flaky: <b>${t.flaky.length}</b>. Target trouble (not flakiness): ${tr.errored} errored, ${tr.throttled} throttled, ${tr.unavailable} unavailable, ${tr.lost} lost, ${tr.retried} retried, ${tr.runsWithoutVerdict} run(s) without a verdict.</p>
<table><thead><tr><th scope="col">scenario</th><th scope="col">last runs</th><th scope="col">median ms</th><th scope="col">p95 ms</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Conformance history</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
tbody th { font-weight: normal; }
.id { font-family: ui-monospace, monospace; font-weight: 600; }
.title { display: block; color: #57606a; }
.note { font-size: .8em; background: #ffebe9; border-radius: .5em; padding: 0 .4em; }
.strip { white-space: nowrap; }
.sq { display: inline-block; width: .8rem; height: .8rem; margin-right: 2px; border-radius: 2px; }
.sq.passed { background: #2da44e; } .sq.failed { background: #cf222e; } .sq.errored { background: #d4a72c; }
.sq.skipped, .sq.absent { background: #d0d7de; }
</style>
</head>
<body>
<h1>Conformance history</h1>
<p>${escapeHtml(report.file)}: the last ${report.window} runs of each target.</p>
${sections.join('\n') || '<p>No runs yet.</p>'}
</body>
</html>
`;
}
