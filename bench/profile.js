#!/usr/bin/env node
// node profile.js [--n 1000] [--harness DIR] [--targets live,replay]
// Where graph-conformance's time goes on the bench workload: a timeline of one run (CLI → runner → first request → last → exit),
// per-test costs from Playwright's own results.json, the cost of loading the suite, of the reporters, and CPU profiles by package.
// Writes bench/PROFILE.md. Measurements only: it changes nothing in the harness.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summariseProfiles } from './lib/cpu-profile.js';
import { emitAll } from './lib/emit.js';
import { measure } from './lib/measure.js';
import { median } from './lib/report.js';
import { startServer } from './lib/server.js';
import { benchDir, command, harness, harnessLabel, useHarness } from './lib/tools.js';
import { makeWorkload } from './lib/workload.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    harness: { type: 'string' },
    targets: { type: 'string', default: 'live,replay' },
  },
});
if (values.harness) useHarness(values.harness);
const n = Number(values.n);
const workDir = join(benchDir, '.work', `profile-${n}`);
const log = (line) => process.stderr.write(`${line}\n`);
const server = await startServer();
const workload = makeWorkload(n, 'profile');
const paths = emitAll(workload, join(workDir, 'workload'));
const out = [
  `# Where graph-conformance's time goes (N = ${n})`,
  '',
  `Harness: ${harnessLabel()}. One run per line unless stated; the machine was shared, so read the CPU figures before the wall ones.`,
  '',
];
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '–');
const per = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : '–');

function tests(resultsJson) {
  const list = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        for (const r of t.results)
          list.push({ start: Date.parse(r.startTime), duration: r.duration, title: spec.title });
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of resultsJson.suites) walk(s);
  return list.sort((a, b) => a.start - b.start);
}

async function timeline(tool) {
  const runDir = join(workDir, `timeline-${tool}`);
  const { cmd, args, env, cwd } = command(tool, paths, server, runDir);
  server.load(workload);
  const t0 = Date.now();
  const run = await measure(cmd, args, { env, cwd });
  const reportDir = join(runDir, 'report');
  const pw = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8'));
  const conf = JSON.parse(readFileSync(join(reportDir, 'conformance.json'), 'utf8'));
  const list = tests(pw);
  const runnerStart = Date.parse(pw.stats.startTime);
  const first = list[0].start;
  const last = list.at(-1).start + list.at(-1).duration;
  const gaps = list.slice(1).map((t, i) => t.start - (list[i].start + list[i].duration));
  const scenarioMs = conf.scenarios.map((s) => s.durationMs ?? NaN);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const rows = [
    [
      'whole process (wall / CPU / peak tree / largest process)',
      `${ms(run.wallMs)} / ${ms(run.cpuMs)} / ${run.peakRssMb.toFixed(0)} MB / ${run.maxProcRssMb.toFixed(0)} MB (${run.processes} processes)`,
    ],
    [
      'CLI start → runner begins its run (the runner boots while the CLI checks the YAML, then passes its gate; config, spec load)',
      ms(runnerStart - t0),
    ],
    ['runner begins → first batch starts (worker spawn, worker spec load, fixture)', ms(first - runnerStart)],
    [
      `first batch start → last batch end (${list.length} batches, ${scenarioMs.length} scenarios)`,
      `${ms(last - first)} = ${per((last - first) / scenarioMs.length)} per scenario`,
    ],
    [
      '  of which inside batches (Playwright test duration, sum)',
      `${ms(sum(list.map((t) => t.duration)))} = ${per(sum(list.map((t) => t.duration)) / scenarioMs.length)} per scenario`,
    ],
    [
      '  of which runScenario itself (conformance.json durationMs, sum; 1 ms resolution)',
      `${ms(sum(scenarioMs))} = ${per(sum(scenarioMs) / scenarioMs.length)} per scenario`,
    ],
    ['  between batches (runner ↔ worker, reporters’ onTestEnd), median gap', gaps.length ? per(median(gaps)) : '–'],
    [
      'last batch end → process exit (teardown, HTML/JSON/conformance+JUnit reporters, CLI)',
      ms(t0 + run.wallMs - last),
    ],
  ];
  out.push(`## ${tool}: timeline`, '', '| phase | time |', '|---|--:|', ...rows.map(([a, b]) => `| ${a} | ${b} |`), '');
  log(`${tool}: timeline done (${Math.round(run.wallMs)} ms)`);
}

async function reporters(tool) {
  const live = tool.endsWith('live');
  const base = command(tool, paths, server, join(workDir, `reporters-${tool}`));
  const env = {
    ...base.env,
    CONFORMANCE_TARGET: live ? 'live' : 'replay',
    CONFORMANCE_SCENARIOS: paths.ours.suite,
    CONFORMANCE_RUN_ID: 'profile',
  };
  const cli = join(harness(), 'node_modules', '@playwright', 'test', 'cli.js');
  const config = join(harness(), 'playwright.config.ts');
  const lines = [];
  for (const [label, extra] of [
    [
      'Playwright directly (no plan: it reads the YAML itself), configured reporters (list, html, json, conformance + junit)',
      [],
    ],
    ['Playwright directly, --reporter=dot only', ['--reporter=dot']],
    ['Playwright directly, --reporter=dot, --list (collect tests only, run none)', ['--reporter=dot', '--list']],
  ]) {
    server.load(workload);
    rmSync(join(workDir, `reporters-${tool}`), { recursive: true, force: true });
    const run = await measure(process.execPath, [cli, 'test', '-c', config, ...extra], { env, cwd: harness() });
    lines.push(
      `| ${label} | ${ms(run.wallMs)} | ${ms(run.cpuMs)} | exit ${run.code}, served ${live ? server.stats().served : '(replay)'} |`,
    );
  }
  out.push(
    `## ${tool}: the runner without our CLI, with and without reporters`,
    '',
    '| run | wall | CPU | |',
    '|---|--:|--:|---|',
    ...lines,
    '',
  );
  log(`${tool}: reporter comparison done`);
}

async function loading() {
  const lines = [];
  for (const size of [1, n]) {
    const dir = size === n ? paths : emitAll(makeWorkload(size, 'profile'), join(workDir, `load-${size}`));
    const run = await measure(
      process.execPath,
      [join(benchDir, 'lib', 'load-suite.cjs'), harness(), dir.ours.suite, dir.ours.contracts],
      {},
    );
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1));
    lines.push(
      `| ${r.scenarios} | ${ms(r.registerMs)} | ${ms(r.requireMs)} | ${ms(r.firstLoadMs)} | ${ms(r.secondLoadMs)} | ${ms(run.wallMs)} |`,
    );
  }
  out.push(
    '## Loading the suite (in the CLI; the runner and workers read its JSON plan)',
    '',
    '| scenarios | tsx register | require loadRun (transpile + modules) | loadRun, first | loadRun, again | process wall |',
    '|--:|--:|--:|--:|--:|--:|',
    ...lines,
    '',
  );
  log('loading done');
}

async function profileRun(tool, size, sizePaths, sizeWorkload) {
  const dir = join(workDir, `cpuprof-${tool}-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { cmd, args, env, cwd } = command(tool, sizePaths, server, join(workDir, `prof-run-${tool}`));
  server.load(sizeWorkload);
  const run = await measure(cmd, args, {
    env: { ...env, NODE_OPTIONS: `--require ${join(benchDir, 'lib', 'cpu-prof-hook.cjs')}`, CPU_PROF_DIR: dir },
    cwd,
  });
  return { run, procs: summariseProfiles(dir) };
}

/** CPU profiles of every process at N = 1 and at N: the difference, per scenario and by category, is where the marginal cost goes. */
async function profiles(tool) {
  const one = makeWorkload(1, 'profile');
  const small = await profileRun(tool, 1, emitAll(one, join(workDir, 'workload-1')), one);
  const big = await profileRun(tool, n, paths, workload);
  out.push(
    `## ${tool}: CPU profiles (V8 sampling profiler in every process, 0.5 ms; with it on: N=1 ${ms(small.run.wallMs)} wall / ${ms(small.run.cpuMs)} CPU, N=${n} ${ms(big.run.wallMs)} / ${ms(big.run.cpuMs)})`,
    '',
  );
  for (const p of big.procs.sort((a, b) => b.busyMs - a.busyMs)) {
    const base = small.procs.find((q) => q.kind === p.kind);
    const fixed = new Map(base?.categories ?? []);
    out.push(
      `**${p.kind}**: busy ${ms(base?.busyMs)} at N=1, ${ms(p.busyMs)} at N=${n} → ${per((p.busyMs - (base?.busyMs ?? 0)) / (n - 1))} per extra scenario`,
      '',
      `| category (self time) | N=1 | N=${n} | per extra scenario |`,
      '|---|--:|--:|--:|',
    );
    for (const [c, t] of p.categories.slice(0, 14))
      out.push(`| ${c} | ${ms(fixed.get(c) ?? 0)} | ${ms(t)} | ${per((t - (fixed.get(c) ?? 0)) / (n - 1))} |`);
    out.push(
      '',
      `top functions at N=${n} (self): ${p.functions.map(([f, t]) => `\`${f}\` ${Math.round(t)}`).join(' · ')}`,
      '',
    );
  }
  log(`${tool}: profiles done`);
}

/** What failures cost: the same run with every 100th answer wrong (Playwright replaces its worker after each failed test). */
async function failures(tool) {
  const lines = [];
  for (const every of [0, 100]) {
    const plan = new Map(
      every ? workload.scenarios.filter((s) => s.index % every === every - 1).map((s) => [s.index, 'body']) : [],
    );
    const { cmd, args, env, cwd } = command(tool, paths, server, join(workDir, `failures-${tool}`));
    server.load(workload, { plant: plan });
    const run = await measure(cmd, args, { env, cwd });
    lines.push(`| ${plan.size} | ${ms(run.wallMs)} | ${ms(run.cpuMs)} | exit ${run.code} |`);
  }
  out.push(
    `## ${tool}: the cost of failing scenarios (N = ${n})`,
    '',
    '| failed scenarios | wall | CPU | |',
    '|--:|--:|--:|---|',
    ...lines,
    '',
  );
  log(`${tool}: failure cost done`);
}

for (const target of values.targets.split(',')) {
  const tool = `graph-conformance-${target}`;
  await timeline(tool);
  await reporters(tool);
  await profiles(tool);
  if (target === 'live') await failures(tool);
}
await loading();
await server.close();
writeFileSync(join(benchDir, 'PROFILE.md'), out.join('\n'));
log('wrote bench/PROFILE.md');
