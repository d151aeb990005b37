// The throttled nightly pass: graph-conformance (live), Step CI and Newman, one after another, against the Graph-like
// server (lib/nightlyServer.js: 100 ms ± 30 ms per answer, R requests per second, 429 + Retry-After beyond that) on N
// scenarios of GET, PATCH, GET. Each tool keeps its own retry behaviour; what each sent, passed, failed and errored is
// counted from the server and from the tool's own report.
import { join } from 'node:path';
import { emitNightly } from './emit.js';
import { measure } from './measure.js';
import { LATENCY_MS, startNightlyServer } from './nightlyServer.js';
import { command } from './tools.js';
import { makeNightlyWorkload } from './workload.js';

/** The tools of the pass, in the order they run and are listed. */
export const THROTTLED_TOOLS = ['graph-conformance-live', 'stepci', 'newman'];

/** How each tool's passed / failed / errored scenarios are counted from its own report (written into results). */
const COUNTING = {
  'graph-conformance-live':
    'conformance.json totals: passed, failed (a broken expectation), errored (no verdict, e.g. throttled beyond the retry budget)',
  stepci:
    'the "Tests:" summary (one test per scenario); errored = tests with a step that threw (shown ⚠︎ with an error other than "skipped because previous one failed"); a step answered 429 fails its status check, so counts failed, and Step CI skips the rest of that test',
  newman:
    'one folder per scenario; failed = folders with a failed assertion in the failure table, errored = folders with a request error (a failure that is not an AssertionError) and no failed assertion',
};

/**
 * Runs the pass once per tool (`settle()` awaited before each, e.g. to wait for a quiet machine); returns one result per
 * tool: the figures of results.json's `throttled` array plus what the server counted and the problems, if any, that make
 * the run's figures untrustworthy (`ok: false`).
 */
export async function throttledNightly(
  workDir,
  { n, rate, burst, tools, log, seed = 1, settle = async () => {}, date, commandLine },
) {
  const server = await startNightlyServer();
  try {
    const workload = makeNightlyWorkload(n);
    const paths = emitNightly(workload, join(workDir, 'nightly'));
    const results = [];
    for (const tool of tools) {
      await settle();
      server.load(workload, { ratePerSecond: rate, burst, seed });
      const { run, outcome } = await runTool(tool, paths, server, join(workDir, 'nightly', `run-${tool}`));
      const stats = server.stats();
      const problems = judgeThrottled(tool, workload, run, outcome, stats);
      const idealMs = ((3 * n) / rate) * 1000;
      const result = {
        tool,
        n,
        wallMs: Math.round(run.wallMs),
        idealMs,
        sent: stats.received,
        passed: outcome.passed ?? 0,
        failed: outcome.failed ?? 0,
        errored: outcome.errored ?? 0,
        throttled429: stats.throttled,
        served200: stats.served,
        complete: stats.complete,
        rate,
        burst,
        latencyMs: `${(LATENCY_MS.min + LATENCY_MS.max) / 2} ± ${(LATENCY_MS.max - LATENCY_MS.min) / 2}`,
        servedWindowMs: stats.lastOkAt === undefined ? null : Math.round(stats.lastOkAt - stats.firstAt),
        exitCode: run.code,
        ok: problems.length === 0,
        problems,
        counting: COUNTING[tool],
        date,
        command: commandLine,
      };
      results.push(result);
      log(
        `throttled ${tool}: N=${n} R=${rate}/s → wall ${result.wallMs} ms vs ideal ${idealMs} ms (${pct(idealMs / result.wallMs)} of ideal), ` +
          `sent ${result.sent} (${result.throttled429} × 429), passed ${result.passed}, failed ${result.failed}, errored ${result.errored}, ` +
          `server saw ${result.complete}/${n} scenarios complete, exit ${run.code}` +
          (problems.length ? ` — NOT TRUSTED: ${problems.join('; ')}` : ''),
      );
    }
    return results;
  } finally {
    await server.close();
  }
}

/**
 * The planted check of the pass (no rate limit): one scenario's PATCH is answered 200 but not stored, so its last GET
 * shows the old displayName; each tool must fail exactly that scenario and pass the others. Returns tool → problems.
 */
export async function verifyNightly(workDir, { n, tools, log }) {
  const server = await startNightlyServer();
  try {
    const workload = makeNightlyWorkload(n, 'nightly-verify');
    const paths = emitNightly(workload, join(workDir, 'nightly-verify'));
    const planted = workload.scenarios[Math.floor(n / 2)].name;
    const verdicts = new Map();
    for (const tool of tools) {
      server.load(workload, { plant: [Math.floor(n / 2)] });
      const { run, outcome } = await runTool(tool, paths, server, join(workDir, 'nightly-verify', `run-${tool}`));
      const stats = server.stats();
      const problems = [];
      if (outcome.error) problems.push(outcome.error);
      else {
        if (stats.complete !== n || stats.extra || stats.rejected)
          problems.push(
            `the server saw ${stats.complete}/${n} scenarios complete, ${stats.extra} extra and ${stats.rejected} rejected requests`,
          );
        if (stats.planted !== 1) problems.push(`the planted PATCH was served ${stats.planted} times`);
        const failed = [...outcome.failures.keys()];
        if (failed.length !== 1 || failed[0] !== planted)
          problems.push(`failed ${failed.join(', ') || 'nothing'}; expected exactly ${planted}`);
        if (run.code === 0) problems.push('exit code 0 with a planted failure');
      }
      verdicts.set(tool, problems);
      log(
        `verify throttled ${tool}: ${problems.length ? `FAILED: ${problems.join('; ')}` : `ok (failed exactly ${planted}: its PATCH was not stored)`}`,
      );
    }
    return verdicts;
  } finally {
    await server.close();
  }
}

/** One measured run of one tool; `outcome` is { passed, failed, errored, failures: Map(name → [kinds]) } or { error }. */
async function runTool(tool, paths, server, runDir) {
  const { cmd, args, env, cwd, read } = command(tool, paths, server, runDir);
  const run = await measure(cmd, args, { env, cwd });
  const outcome = tool === 'stepci' ? readStepciNightly(run) : tool === 'newman' ? readNewmanNightly(run) : read(run);
  if (tool === 'graph-conformance-live' && !outcome.error) outcome.failed -= outcome.errored;
  return { run, outcome };
}

/**
 * Can the run's figures be trusted? The tool's report accounts for N scenarios, the server rejected nothing (every
 * request was one of the workload's), what the tool passed is what the server completed (three 200s in order), and the
 * exit code says the same. Peers failing on 429 is a result, not a problem.
 */
function judgeThrottled(tool, workload, run, outcome, stats) {
  const n = workload.n;
  if (outcome.error)
    return [outcome.error, `exit ${run.code}: ${(run.stdout + run.stderr).split('\n').slice(-10).join('\n')}`];
  const problems = [];
  if (outcome.passed + outcome.failed + outcome.errored !== n)
    problems.push(
      `the report counts ${outcome.passed} passed + ${outcome.failed} failed + ${outcome.errored} errored, not ${n} scenarios`,
    );
  if (stats.rejected) problems.push(`the server rejected ${stats.rejected} requests: ${JSON.stringify(stats.reasons)}`);
  if (outcome.passed !== stats.complete)
    problems.push(`the tool passed ${outcome.passed} scenarios, the server answered ${stats.complete} completely`);
  if (outcome.requests !== undefined && outcome.requests !== 3 * n)
    problems.push(`the tool reports ${outcome.requests} requests, not ${3 * n}`);
  if (stats.extra) problems.push(`${stats.extra} requests answered 200 beyond three per complete scenario`);
  if ((run.code === 0) !== (outcome.passed === n)) problems.push(`exit ${run.code} with ${outcome.passed}/${n} passed`);
  return problems;
}

/** Step CI's CLI output: the "Tests:" summary, each FAIL line's test, and the tests with a step that threw. */
function readStepciNightly({ stdout }) {
  const summary = /^Tests: (?:(\d+) failed, )?(\d+) passed, (\d+) total/m.exec(stdout);
  if (!summary) return { error: 'no "Tests:" summary in Step CI output' };
  const failures = new Map();
  const errored = new Set();
  const lines = stdout.split('\n');
  lines.forEach((line, i) => {
    const head = /^\s*FAIL\s+(\S+)/.exec(line);
    if (head) failures.set(head[1], []);
    const warned = /^⚠︎ (\S+) › (\S+)/.exec(line.trim());
    if (!warned) return;
    const message = lines.slice(i + 1).find((l) => l.trim()) ?? '';
    if (!message.startsWith('Step was skipped')) errored.add(warned[1]);
  });
  const failed = Number(summary[1] ?? 0);
  return { passed: Number(summary[2]), failed: failed - errored.size, errored: errored.size, failures };
}

/** Newman's CLI output: the summary table's requests, and the failure table by folder (`inside "scenario / step"`). */
function readNewmanNightly({ stdout }) {
  const row = /│\s+requests\s+│\s+(\d+)\s+│\s+(\d+)\s+│/.exec(stdout);
  if (!row) return { error: 'no summary table in Newman output' };
  const failures = new Map();
  const assertion = new Set();
  const re = /^ *\d+\. +([A-Za-z]*Error) +(.+?) *\n(?:.*\n)*? +inside "([^"/]+?) \/ ([^"]+)"/gm;
  for (const m of stdout.matchAll(re)) {
    const [, type, what, scenario] = m;
    if (!failures.has(scenario)) failures.set(scenario, []);
    failures.get(scenario).push(what);
    if (type === 'AssertionError') assertion.add(scenario);
  }
  const folders = new Set(stdout.match(/^❏ .+$/gm) ?? []).size;
  const errored = failures.size - assertion.size;
  return {
    passed: folders - failures.size,
    failed: assertion.size,
    errored,
    failures,
    requests: Number(row[1]),
  };
}

const pct = (x) => `${(x * 100).toFixed(1)} %`;
