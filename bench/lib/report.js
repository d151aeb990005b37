// Medians, ratios, marginal costs and the target checks; RESULTS.md and results.json.
import { writeFileSync } from 'node:fs';
import os from 'node:os';

export const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

const OURS = ['graph-conformance-live', 'graph-conformance-replay'];
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** Summarises the valid runs: one row per tool and size, with medians. */
export function summarise(samples, tools, sizes) {
  const rows = [];
  for (const tool of tools)
    for (const n of sizes) {
      const mine = samples.filter((s) => s.tool === tool && s.n === n);
      // Noisy runs (the rest of the machine busy) count only when a round has no quiet one: then its least noisy run
      // stands in.
      const valid = rounds(mine.filter((s) => s.ok));
      rows.push({
        tool,
        n,
        wallMs: Math.round(median(valid.map((s) => s.wallMs))),
        cpuMs: Math.round(median(valid.map((s) => s.cpuMs))),
        peakRssMb: Math.round(median(valid.map((s) => s.peakRssMb)) * 10) / 10,
        maxProcRssMb: Math.round(median(valid.map((s) => s.maxProcRssMb)) * 10) / 10,
        served: valid.length ? Math.min(...valid.map((s) => s.served)) : 0,
        validRuns: valid.length,
        invalidRuns: mine.filter((s) => !s.ok).length,
        noisyRuns: mine.filter((s) => s.ok && s.noisy).length,
        foreignCpuMs: Math.round(median(valid.map((s) => s.foreignCpuMs))),
      });
    }
  return rows;
}

/** One sample per round: the quiet run if there is one, else the least noisy. */
function rounds(samples) {
  const byRound = new Map();
  for (const s of samples) {
    const best = byRound.get(s.round);
    if (!best || (best.noisy && s.noise < best.noise)) byRound.set(s.round, s);
  }
  return [...byRound.values()];
}

/** (t(N) − t(1)) / (N − 1) for each tool and each N > 1, in ms per scenario (wall and CPU). */
export function marginals(rows) {
  const out = [];
  for (const row of rows) {
    const base = rows.find((r) => r.tool === row.tool && r.n === 1);
    if (row.n === 1 || !base) continue;
    out.push({
      tool: row.tool,
      n: row.n,
      wallMsPerScenario: (row.wallMs - base.wallMs) / (row.n - 1),
      cpuMsPerScenario: (row.cpuMs - base.cpuMs) / (row.n - 1),
    });
  }
  return out;
}

/** The issue's targets, judged on these medians (a missing figure is "not measured", never a pass). */
export function targets(rows, margins, throttle) {
  const n = Math.max(...rows.map((r) => r.n));
  const at = (tool) => rows.find((r) => r.tool === tool && r.n === n && r.validRuns > 0);
  const live = at('graph-conformance-live');
  const replay = at('graph-conformance-replay');
  const stepci = at('stepci');
  const fetchAjv = at('fetch-ajv');
  const list = [];
  const add = (what, value, limit, ok) => list.push({ what, value, limit, met: ok === undefined ? null : ok });
  for (const ours of [live, replay].filter(Boolean)) {
    add(
      `${ours.tool} wall ≤ 0.5 × Step CI (N = ${n})`,
      stepci && ours.wallMs / stepci.wallMs,
      0.5,
      stepci ? ours.wallMs / stepci.wallMs <= 0.5 : undefined,
    );
    add(
      `${ours.tool} wall ≤ 3 × fetch+ajv (N = ${n})`,
      fetchAjv && ours.wallMs / fetchAjv.wallMs,
      3,
      fetchAjv ? ours.wallMs / fetchAjv.wallMs <= 3 : undefined,
    );
    const m = margins.find((x) => x.tool === ours.tool && x.n === n);
    add(
      `${ours.tool} marginal ≤ 2 ms/scenario (1 → ${n})`,
      m?.wallMsPerScenario,
      2,
      m ? m.wallMsPerScenario <= 2 : undefined,
    );
    add(`${ours.tool} peak memory ≤ 300 MB, whole process tree (N = ${n})`, ours.peakRssMb, 300, ours.peakRssMb <= 300);
    add(
      `${ours.tool} peak memory ≤ 300 MB, largest single process (N = ${n})`,
      ours.maxProcRssMb,
      300,
      ours.maxProcRssMb <= 300,
    );
  }
  if (throttle)
    add(
      `throttling ≥ 85 % of ideal N/R (served window)`,
      throttle.efficiencyServed,
      0.85,
      throttle.failedScenarios === 0 && throttle.efficiencyServed >= 0.85,
    );
  return list;
}

/** Writes results.json (the issue's shape plus extra sections) and RESULTS.md. */
export function writeResults({ file, md, runs, rows, margins, throttle, verification, goals, environment, command }) {
  const results = rows.map(
    ({ tool, n, wallMs, cpuMs, peakRssMb, served, maxProcRssMb, validRuns, invalidRuns, noisyRuns, foreignCpuMs }) => ({
      tool,
      n,
      wallMs,
      cpuMs,
      peakRssMb,
      served,
      maxProcRssMb,
      validRuns,
      invalidRuns,
      noisyRuns,
      foreignCpuMs,
    }),
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        runs,
        results,
        marginal: margins,
        throttling: throttle ?? null,
        verification,
        targets: goals,
        environment,
        command,
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(md, markdown({ runs, rows, margins, throttle, verification, goals, environment, command }));
}

function markdown({ runs, rows, margins, throttle, verification, goals, environment, command }) {
  const sizes = [...new Set(rows.map((r) => r.n))];
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`${command}\` on ${environment.date} (${environment.cpus} × ${environment.cpuModel}, ${environment.memGb} GB, Node ${environment.node}). ` +
      `Medians of ${runs} runs per tool and size, tools alternating within each round. Wall = spawn to exit; CPU = user + system of the whole process tree; ` +
      'peak = largest summed resident set of the process tree (sampled every 10 ms); largest = the biggest single process’s VmHWM (what `/usr/bin/time -f %M` reports); other CPU = what the rest of the machine used meanwhile (noise): a run during which it exceeded 25 % of the machine was repeated ' +
      '(up to twice) and only the quietest attempt of each round counts.',
    '',
  ];
  for (const n of sizes) {
    const base = {
      live: rows.find((r) => r.tool === OURS[0] && r.n === n),
      replay: rows.find((r) => r.tool === OURS[1] && r.n === n),
    };
    lines.push(
      `## N = ${n}`,
      '',
      '| tool | wall ms | CPU ms | peak MB | largest MB | served | wall ÷ ours (live) | wall ÷ ours (replay) | marginal wall ms/scenario | marginal CPU ms/scenario | runs counted (noisy re-runs) | other CPU ms |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    );
    for (const r of rows.filter((x) => x.n === n)) {
      const m = margins.find((x) => x.tool === r.tool && x.n === n);
      lines.push(
        `| ${r.tool} | ${fmt(r.wallMs)} | ${fmt(r.cpuMs)} | ${fmt(r.peakRssMb, 1)} | ${fmt(r.maxProcRssMb, 1)} | ${r.served} | ${fmt(r.wallMs / base.live?.wallMs, 2)} | ${fmt(r.wallMs / base.replay?.wallMs, 2)} | ${m ? fmt(m.wallMsPerScenario, 2) : '–'} | ${m ? fmt(m.cpuMsPerScenario, 2) : '–'} | ${r.validRuns}${r.invalidRuns ? `, ${r.invalidRuns} invalid` : ''} (${r.noisyRuns}) | ${fmt(r.foreignCpuMs)} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Targets', '', '| target | value | limit | met |', '|---|--:|--:|---|');
  for (const g of goals)
    lines.push(
      `| ${g.what} | ${fmt(g.value, 2)} | ${g.limit} | ${g.met === null ? 'not measured' : g.met ? 'yes' : '**no**'} |`,
    );
  lines.push('');
  if (throttle) {
    lines.push(
      '## Throttling',
      '',
      `graph-conformance (live) against the loopback server limited to ${throttle.rate} requests/s (429 + fractional \`Retry-After\` beyond that), N = ${throttle.n}: ` +
        `ideal ${fmt(throttle.idealMs)} ms; served window ${fmt(throttle.servedWindowMs)} ms (**${fmt(throttle.efficiencyServed * 100, 1)} %** of ideal); whole process ${fmt(throttle.wallMs)} ms (${fmt(throttle.efficiencyWall * 100, 1)} %); ` +
        `${throttle.throttled} answers were 429; scenarios passed ${throttle.passed}, failed ${throttle.failedScenarios}, errored ${throttle.errored}.`,
      '',
    );
  }
  lines.push('## Verification (planted wrong answers)', '', '| tool | N | planted | result |', '|---|--:|---|---|');
  for (const v of verification)
    lines.push(
      `| ${v.tool} | ${v.n} | ${v.planted.join(', ')} | ${v.ok ? 'caught exactly the planted failures; every request sent' : `**${v.problems.join('; ')}**`} |`,
    );
  lines.push('');
  return lines.join('\n');
}

export function environment() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memGb: Math.round(os.totalmem() / 2 ** 30),
  };
}
