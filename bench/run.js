#!/usr/bin/env node
// npm run bench [-- --sizes 1,200,1000 --runs 5 --tools a,b --throttle-n 500 --throttle-rate 20 --no-throttle --no-verify --smoke]
// Benchmarks graph-conformance (live and replay) against Step CI, Newman, Dredd and plain fetch+ajv on one workload; see README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { emitAll, emitOurs } from './lib/emit.js';
import { machineLoad, measure, stopCurrent } from './lib/measure.js';
import { environment, marginals, mergeThrottled, readResults, summarise, targets, writeResults } from './lib/report.js';
import { startServer } from './lib/server.js';
import { THROTTLED_TOOLS, throttledNightly, verifyNightly } from './lib/throttle.js';
import {
  TOOL_NAMES,
  benchDir,
  command,
  harness,
  harnessLabel,
  missing,
  useHarness,
  useReplaySeed,
} from './lib/tools.js';
import { judge } from './lib/verify.js';
import { makeWorkload, plantPlan } from './lib/workload.js';
import { cpus } from 'node:os';

const cpuCount = cpus().length;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,200,1000' },
    runs: { type: 'string', default: '3' },
    tools: { type: 'string', default: TOOL_NAMES.join(',') },
    'verify-n': { type: 'string', default: '8' },
    'no-verify': { type: 'boolean' },
    'no-throttle': { type: 'boolean' },
    'throttle-n': { type: 'string', default: '500' },
    'throttle-rate': { type: 'string', default: '20' },
    'throttle-burst': { type: 'string', default: '1' },
    'throttle-seed': { type: 'string', default: '1' },
    'quiet-load': { type: 'string', default: '0.2' },
    'quiet-wait': { type: 'string', default: '20' },
    smoke: { type: 'boolean' },
    'max-noise': { type: 'string', default: '0.25' },
    'noise-retries': { type: 'string', default: '2' },
    'throttle-only': { type: 'boolean' },
    'replay-seed': { type: 'boolean' },
    harness: { type: 'string' },
  },
});
const smoke = values.smoke ?? false;
const sizes = (smoke ? '5' : values.sizes).split(',').map(Number);
const runs = smoke ? 1 : Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runs >= 1))
  throw new Error('--sizes takes whole numbers ≥ 1, --runs a whole number ≥ 1');
const log = (line) => process.stderr.write(`${line}\n`);
const workDir = join(benchDir, '.work');
mkdirSync(workDir, { recursive: true });

if (values.harness) useHarness(values.harness);
if (values['replay-seed']) useReplaySeed();
log(`graph-conformance measured from ${harness()}`);
const asked = values.tools.split(',');
for (const tool of asked)
  if (!TOOL_NAMES.includes(tool)) throw new Error(`unknown tool ${tool}; known: ${TOOL_NAMES.join(', ')}`);
// The peers are bench/'s own dependencies, pinned by bench/package-lock.json: installed on first use, so the bench works
// from a fresh clone in one command. Only the root package (our harness) is left to the user's `npm ci`.
if (asked.some((tool) => !tool.startsWith('graph-conformance') && missing(tool))) {
  log('installing the peer tools into bench/ (npm ci, from bench/package-lock.json)');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: ['ignore', 2, 2] });
  if (npm.status !== 0) log(`npm ci in bench/ failed (exit ${npm.status}); the tools it did not install are skipped`);
}
const tools = [];
for (const tool of asked) {
  const why = missing(tool);
  if (why) log(`skipping ${tool}: ${why}`);
  else tools.push(tool);
}

const server = await startServer();
process.on('SIGINT', () => {
  stopCurrent();
  process.exit(130);
});

/** Waits (up to --quiet-wait seconds) until the rest of the machine uses less than --quiet-load of its CPU. */
async function waitQuiet() {
  const limit = Number(values['quiet-load']);
  const deadline = Date.now() + Number(values['quiet-wait']) * 1000;
  let load = await machineLoad(300);
  while (load > limit && Date.now() < deadline) load = await machineLoad(1000);
  return load;
}

/** One run of one tool on one workload: measured, then judged against what the server counted. */
async function runOnce(tool, workload, paths, runDir, plan) {
  const { cmd, args, env, cwd, read } = command(tool, paths, server, runDir);
  server.load(workload, { plant: tool === 'graph-conformance-replay' ? undefined : plan });
  const loadBefore = await waitQuiet();
  const run = await measure(cmd, args, { env, cwd });
  const verdict = judge(tool, workload, run, read(run), server.stats(), plan);
  const noise = run.foreignCpuMs / (run.wallMs * cpuCount);
  return {
    tool,
    n: workload.n,
    ok: verdict.ok,
    noise,
    noisy: noise > Number(values['max-noise']),
    problems: verdict.problems,
    served: verdict.served,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssMb: run.peakRssMb,
    maxProcRssMb: run.maxProcRssMb,
    foreignCpuMs: run.foreignCpuMs,
    loadBefore,
  };
}

/**
 * The throttled nightly (lib/throttle.js): graph-conformance (live), Step CI and Newman (those of --tools that are
 * installed) on N scenarios of GET, PATCH, GET against the Graph-like server at R requests/s; first, unless --no-verify,
 * its planted check (one lost write each tool must catch). Smoke runs it at N = 5, 100 requests/s. Returns the results
 * (undefined when none of the three tools is measured) and the problems that make the pass fail.
 */
async function nightly(commandLine) {
  const which = THROTTLED_TOOLS.filter((tool) => tools.includes(tool));
  if (!which.length) return { problems: [] };
  const n = smoke ? 5 : Number(values['throttle-n']);
  const rate = smoke ? 100 : Number(values['throttle-rate']);
  const burst = Number(values['throttle-burst']);
  if (!Number.isInteger(n) || n < 1 || !(rate > 0) || !(burst >= 1))
    throw new Error(
      '--throttle-n takes a whole number ≥ 1, --throttle-rate a number > 0, --throttle-burst a number ≥ 1',
    );
  const verdicts = values['no-verify']
    ? new Map()
    : await verifyNightly(workDir, { n: smoke ? 5 : Number(values['verify-n']), tools: which, log });
  const results = await throttledNightly(workDir, {
    n,
    rate,
    burst,
    seed: Number(values['throttle-seed']),
    tools: which,
    log,
    settle: waitQuiet,
    date: new Date().toISOString(),
    commandLine: `${commandLine}${smoke ? ' --smoke' : ` --throttle-n ${n} --throttle-rate ${rate}`}${burst === 1 ? '' : ` --throttle-burst ${burst}`}`,
  });
  const problems = [];
  for (const [tool, found] of verdicts) if (found.length) problems.push(`${tool} missed the planted lost write`);
  for (const r of results) {
    if (verdicts.has(r.tool)) r.plantedCaught = verdicts.get(r.tool).length === 0;
    if (!r.ok) problems.push(`${r.tool}: ${r.problems.join('; ')}`);
  }
  // Our harness retries 429s: every scenario must pass (a correctness check, not a timing one).
  const ours = results.find((r) => r.tool === 'graph-conformance-live');
  if (ours && ours.passed !== n)
    problems.push(
      `graph-conformance-live passed ${ours.passed}/${n} throttled scenarios (${ours.failed} failed, ${ours.errored} errored)`,
    );
  return { results, problems };
}

if (values['throttle-only']) {
  await server.close();
  const { results, problems } = await nightly('node bench/run.js --throttle-only');
  if (results && !smoke) {
    mergeThrottled({ file: join(benchDir, 'results.json'), md: join(benchDir, 'RESULTS.md'), throttled: results });
    log('merged the throttled nightly into bench/results.json and bench/RESULTS.md');
  }
  for (const p of problems) log(`throttled nightly: ${p}`);
  process.exit(problems.length || !results ? 1 : 0);
}

// 1. Verification: one pass with planted wrong answers; each tool must fail exactly those scenarios, for the planted reasons.
const verification = [];
if (!values['no-verify']) {
  const n = smoke ? 5 : Number(values['verify-n']);
  const workload = makeWorkload(n, 'verify');
  const plan = plantPlan(n);
  const paths = emitAll(workload, join(workDir, 'verify'));
  // Replay answers from the simulator, which cannot be told to lie: the planted scenario sends a 257-character displayName, which it rejects (400).
  const replayPlan = new Map([[[...plan.keys()][0], 'status']]);
  const replayWorkload = {
    ...workload,
    scenarios: workload.scenarios.map((s) =>
      replayPlan.has(s.index) ? { ...s, body: { displayName: 'x'.repeat(257) } } : s,
    ),
  };
  const replayPaths = { ours: emitOurs(replayWorkload, join(workDir, 'verify-replay')) };
  for (const tool of tools) {
    const replay = tool === 'graph-conformance-replay';
    const r = await runOnce(
      tool,
      replay ? replayWorkload : workload,
      replay ? replayPaths : paths,
      join(workDir, 'verify', `run-${tool}`),
      replay ? replayPlan : plan,
    );
    const planted = [...(replay ? replayPlan : plan)].map(
      ([i, kind]) => `${workload.scenarios[i].name}: ${replay ? 'displayName over 256 (simulator answers 400)' : kind}`,
    );
    verification.push({ tool, n, planted, ok: r.ok, problems: r.problems, served: r.served });
    log(
      `verify ${tool}: ${r.ok ? `ok (served ${r.served}/${n}, failed exactly the ${planted.length} planted)` : `FAILED: ${r.problems.join('; ')}`}`,
    );
  }
}

// 2. Measurement: every round runs every size and every tool, the tools' order rotated each round.
const samples = [];
const workloads = new Map(
  sizes.map((n) => {
    const workload = makeWorkload(n);
    return [n, { workload, paths: emitAll(workload, join(workDir, `n-${n}`)) }];
  }),
);
for (let round = 0; round < runs; round++) {
  for (const n of sizes) {
    const order = tools.map((_, i) => tools[(i + round) % tools.length]);
    for (const tool of order) {
      const { workload, paths } = workloads.get(n);
      // A run during which the rest of the machine used more than --max-noise of its CPU is repeated (up to --noise-retries times).
      for (let attempt = 0; attempt <= (smoke ? 0 : Number(values['noise-retries'])); attempt++) {
        const s = {
          ...(await runOnce(tool, workload, paths, join(workDir, `n-${n}`, `run-${tool}`), new Map())),
          round,
        };
        samples.push(s);
        log(
          `[${round + 1}/${runs}] N=${n} ${tool}: wall ${Math.round(s.wallMs)} ms, CPU ${Math.round(s.cpuMs)} ms, peak ${s.peakRssMb.toFixed(1)} MB (largest process ${s.maxProcRssMb.toFixed(1)}), served ${s.served}, other CPU ${Math.round(s.foreignCpuMs)} ms (${Math.round(s.noise * 100)} %)` +
            (s.ok ? '' : ` — NOT COUNTED: ${s.problems.join('; ')}`) +
            (s.noisy ? ' — noisy' : ''),
        );
        if (!s.noisy) break;
      }
    }
  }
}

await server.close();

// 3. The throttled nightly (in smoke mode at N = 5, checked for correctness only).
const mainCommand = `npm run bench -- --sizes ${sizes.join(',')} --runs ${runs}`;
const throttledPass = values['no-throttle'] ? { problems: [] } : await nightly(mainCommand);

// 4. Results.
const rows = summarise(samples, tools, sizes);
const margins = marginals(rows);
const failedVerification = verification.filter((v) => !v.ok);
const invalid = samples.filter((s) => !s.ok);
if (smoke) {
  log(
    `smoke: ${tools.length} tools, N=${sizes[0]}: ${samples.length - invalid.length} runs sent every request and passed; ${verification.length - failedVerification.length}/${verification.length} caught exactly the planted answers` +
      (throttledPass.results
        ? `; throttled nightly (${throttledPass.results.length} tools, N=5): ${throttledPass.problems.length ? throttledPass.problems.join('; ') : 'reports agree with the server, ours passed every scenario, the planted lost write caught'}`
        : ''),
  );
  process.exitCode =
    failedVerification.length || invalid.length || throttledPass.problems.length || !tools.length ? 1 : 0;
} else {
  // Without a throttled pass this time (--no-throttle), the last one's figures stay, with their own date and command.
  const throttled = throttledPass.results ?? readResults(join(benchDir, 'results.json'))?.throttled ?? undefined;
  const goals = targets(rows, margins, throttled);
  const cmd = mainCommand;
  writeResults({
    file: join(benchDir, 'results.json'),
    md: join(benchDir, 'RESULTS.md'),
    runs,
    rows,
    margins,
    throttled,
    verification,
    goals,
    environment: { ...environment(), harness: harnessLabel() },
    command: cmd,
  });
  for (const p of throttledPass.problems) log(`throttled nightly: ${p}`);
  log(
    `wrote bench/RESULTS.md and bench/results.json (${invalid.length} runs not counted, ${failedVerification.length} tools failed verification, ${throttledPass.problems.length} throttled nightly problems)`,
  );
  process.exitCode = failedVerification.length || invalid.length || throttledPass.problems.length ? 1 : 0;
}
