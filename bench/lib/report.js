// Medians, ratios, marginal costs and the target checks; RESULTS.md and results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
export function targets(rows, margins, throttled) {
  const n = Math.max(...rows.map((r) => r.n));
  const at = (tool, size = n) => rows.find((r) => r.tool === tool && r.n === size && r.validRuns > 0);
  const live = at('graph-conformance-live');
  const replay = at('graph-conformance-replay');
  const stepci = at('stepci');
  const fetchAjv = at('fetch-ajv');
  const list = [];
  const add = (what, value, limit, ok) => list.push({ what, value, limit, met: ok === undefined ? null : ok });
  const ratio = (what, ours, peer, limit) =>
    ours && add(what, peer && ours.wallMs / peer.wallMs, limit, peer ? ours.wallMs / peer.wallMs <= limit : undefined);
  // The targets of the performance issue (bench/README.md): one run, medians, side by side.
  ratio(`graph-conformance-live wall ≤ 0.5 × Step CI (N = ${n})`, live, stepci, 0.5);
  ratio(`graph-conformance-replay wall ≤ 0.4 × Step CI (N = ${n})`, replay, stepci, 0.4);
  ratio(`graph-conformance-replay wall ≤ 2 × fetch+ajv (N = ${n})`, replay, fetchAjv, 2);
  for (const [tool, limit] of [
    ['graph-conformance-live', 1.5],
    ['graph-conformance-replay', 1.0],
  ]) {
    const m = margins.find((x) => x.tool === tool && x.n === n);
    if (m)
      add(
        `${tool} marginal ≤ ${limit} ms/scenario (1 → ${n})`,
        m.wallMsPerScenario,
        limit,
        m.wallMsPerScenario <= limit,
      );
  }
  const stepciOne = at('stepci', 1);
  for (const tool of ['graph-conformance-live', 'graph-conformance-replay']) {
    const one = at(tool, 1);
    if (one) ratio(`${tool} N = 1 no slower than Step CI's N = 1`, one, stepciOne, 1);
  }
  for (const ours of [live, replay].filter(Boolean))
    add(`${ours.tool} peak memory ≤ 400 MB, whole process tree (N = ${n})`, ours.peakRssMb, 400, ours.peakRssMb <= 400);
  list.push(...throttledTargets(throttled));
  return list;
}

const THROTTLED_TARGET =
  'graph-conformance-live throttled nightly ≥ 95 % of the ideal rate (3N/R against its wall time), none failed or errored';

/** The throttled nightly's target: ideal time (3N requests at R per second) over our wall time, no scenario lost. */
function throttledTargets(throttled) {
  const ours = throttled?.find((t) => t.tool === 'graph-conformance-live');
  if (!ours) return [];
  const value = ours.wallMs ? ours.idealMs / ours.wallMs : undefined;
  const met = ours.ok !== false && ours.failed === 0 && ours.errored === 0 && value >= 0.95;
  return [{ what: THROTTLED_TARGET, value, limit: 0.95, met }];
}

/** results.json as the last run left it, or undefined. */
export function readResults(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * `--throttle-only`: puts the throttled nightly figures into the existing results.json (every other key kept, the old
 * `throttling` key dropped, the throttled target replaced) and writes RESULTS.md again from the merged figures.
 */
export function mergeThrottled({ file, md, throttled }) {
  const previous = readResults(file) ?? {
    runs: 0,
    results: [],
    marginal: [],
    verification: [],
    targets: [],
    environment: environment(),
    command: '(none: only the throttled nightly has run)',
  };
  // The new figures take the place of the old pass's key (or follow `marginal`), so the file keeps its order.
  const merged = {};
  const placed = 'throttling' in previous || 'throttled' in previous;
  for (const [key, value] of Object.entries(previous)) {
    if (key === 'throttling' || key === 'throttled') merged.throttled = throttled;
    else merged[key] = value;
    if (key === 'marginal' && !placed) merged.throttled = throttled;
  }
  merged.throttled = throttled;
  merged.targets = [
    ...(previous.targets ?? []).filter((g) => !/throttled nightly|^throttl/.test(g.what)),
    ...throttledTargets(throttled),
  ];
  writeFileSync(file, JSON.stringify(merged, null, 2) + '\n');
  writeFileSync(
    md,
    markdown({
      runs: merged.runs,
      rows: merged.results ?? [],
      margins: merged.marginal ?? [],
      throttled,
      verification: merged.verification ?? [],
      goals: merged.targets,
      environment: merged.environment,
      command: merged.command,
    }),
  );
}

/** Writes results.json (the issue's shape plus extra sections) and RESULTS.md. */
export function writeResults({ file, md, runs, rows, margins, throttled, verification, goals, environment, command }) {
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
        throttled: throttled ?? null,
        verification,
        targets: goals,
        environment,
        command,
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(md, markdown({ runs, rows, margins, throttled, verification, goals, environment, command }));
}

function markdown({ runs, rows, margins, throttled, verification, goals, environment, command }) {
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
  if (throttled?.length) lines.push(...throttledSection(throttled));
  lines.push('## Verification (planted wrong answers)', '', '| tool | N | planted | result |', '|---|--:|---|---|');
  for (const v of verification)
    lines.push(
      `| ${v.tool} | ${v.n} | ${v.planted.join(', ')} | ${v.ok ? 'caught exactly the planted failures; every request sent' : `**${v.problems.join('; ')}**`} |`,
    );
  lines.push('');
  return lines.join('\n');
}

/** RESULTS.md's throttled nightly section: one row per tool, then how each tool's figures were counted. */
function throttledSection(throttled) {
  const t = throttled[0];
  const lines = [
    '## Throttled nightly',
    '',
    `\`${t.command}\` on ${t.date}. Each tool in turn against the Graph-like server (\`lib/nightlyServer.js\`): every answer, 429s included, ` +
      `after ${t.latencyMs} ms (uniform, seeded); a token bucket of R = ${t.rate} requests/s holding ${t.burst} token${t.burst === 1 ? '' : 's'}, ` +
      'beyond it 429 with a fractional `Retry-After` (the time until the next token). ' +
      `N = ${t.n} scenarios of three requests on distinct objects: GET, PATCH a new displayName, GET that must show it (3N = ${3 * t.n} requests). ` +
      'Ideal = 3N / R; % of ideal rate = ideal ÷ wall (spawn to exit); the served window is the first request to the last 200. ' +
      'Sent = every request the server received, 429s included; complete = scenarios whose three requests the server answered 200, in order. ' +
      'Each tool runs with its own retry behaviour and concurrency (Step CI: every test at once; Newman: one request after another; ' +
      'graph-conformance: one worker, 4 scenarios in flight).',
    '',
    '| tool | N | wall ms | ideal ms | % of ideal rate | served window ms | sent | 429s | passed | failed | errored | complete | exit | planted lost write caught |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const r of throttled)
    lines.push(
      `| ${r.tool} | ${r.n} | ${fmt(r.wallMs)} | ${fmt(r.idealMs)} | ${fmt((r.idealMs / r.wallMs) * 100, 1)} %${r.complete < r.n ? ' †' : ''} | ${fmt(r.servedWindowMs ?? NaN)} | ${r.sent} | ${r.throttled429} | ${r.passed} | ${r.failed} | ${r.errored} | ${r.complete} | ${r.exitCode} | ${r.plantedCaught === undefined ? 'not checked' : r.plantedCaught ? 'yes' : '**no**'} |`,
    );
  if (throttled.some((r) => r.complete < r.n))
    lines.push(
      '',
      '† The server did not answer every scenario’s three requests 200: the tool gave up on the rest (it does not retry a 429), so its wall time is how soon it stopped, not a rate it achieved.',
    );
  lines.push('', 'How the scenarios were counted:', '');
  for (const r of throttled) lines.push(`- ${r.tool}: ${r.counting}.`);
  const untrusted = throttled.filter((r) => r.ok === false);
  if (untrusted.length) {
    lines.push('', 'Figures not to be trusted (the tool’s report and the server disagree):', '');
    for (const r of untrusted) lines.push(`- ${r.tool}: ${r.problems.join('; ')}`);
  }
  lines.push('');
  return lines;
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
