// The tools under comparison: how each is started on a workload, and what its own output says it checked and failed.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN } from './workload.js';

const here = dirname(fileURLToPath(import.meta.url));
export const benchDir = resolve(here, '..');
export const rootDir = resolve(benchDir, '..');
let harnessDir = rootDir;

/**
 * Measures another checkout of the harness (e.g. a snapshot of a commit, with node_modules linked to the root's)
 * instead of this one.
 */
export function useHarness(dir) {
  harnessDir = resolve(dir);
}
export const harness = () => harnessDir;
/** The measured harness as reports name it: relative to the project root, never a path of the machine they ran on. */
export const harnessLabel = () => relative(rootDir, harnessDir) || 'this checkout';
let replaySeed = false;

/**
 * Replay with the simulator seeded through CONFORMANCE_REPLAY_SEED (a harness hook) instead of the
 * unknown-id-returns-200 break.
 */
export function useReplaySeed() {
  replaySeed = true;
}
const require = createRequire(join(benchDir, 'package.json'));

/** Every tool, in the order the tables list them. */
export const TOOL_NAMES = [
  'graph-conformance-live',
  'graph-conformance-replay',
  'stepci',
  'newman',
  'dredd',
  'fetch-ajv',
];

function resolveBin(pkg, file) {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), file);
  } catch {
    return undefined;
  }
}

/** Each peer's entry point, resolved when asked (bench/run.js may install the peers after this module loads). */
const bins = {
  get stepci() {
    return resolveBin('stepci', 'dist/index.js');
  },
  get newman() {
    return resolveBin('newman', 'bin/newman.js');
  },
  get dredd() {
    return resolveBin('dredd', 'bin/dredd');
  },
};

/**
 * The environment every tool gets: no colours, no analytics, no CI switch (so our harness uses the same reporter
 * everywhere).
 */
function baseEnv(extra) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', STEPCI_DISABLE_ANALYTICS: '1', ...extra };
  delete env.CI;
  return env;
}

/** Why a tool cannot run here, or undefined when it can. */
export function missing(tool) {
  if (tool.startsWith('graph-conformance'))
    return existsSync(join(harnessDir, 'node_modules', 'tsx'))
      ? undefined
      : 'the root package is not installed (npm ci at the root)';
  if (tool === 'fetch-ajv')
    return resolveBin('ajv', 'package.json') ? undefined : 'ajv is not installed in bench/ (cd bench && npm ci)';
  return bins[tool] && existsSync(bins[tool]) ? undefined : `${tool} is not installed in bench/ (cd bench && npm ci)`;
}

/**
 * The command line for one run: { cmd, args, env, read(result) → outcome }. `runDir` is a scratch folder for reports.
 */
export function command(tool, paths, server, runDir) {
  const node = process.execPath;
  switch (tool) {
    case 'graph-conformance-live':
    case 'graph-conformance-replay': {
      const live = tool.endsWith('live');
      const reportDir = join(runDir, 'report');
      rmSync(runDir, { recursive: true, force: true });
      const env = baseEnv({
        CONFORMANCE_CONTRACTS: paths.ours.contracts,
        CONFORMANCE_REPORT_DIR: reportDir,
        CONFORMANCE_JOURNAL_DIR: join(runDir, 'journal'),
        ...(live
          ? { GRAPH_BASE_URL: server.baseUrl, GRAPH_ACCESS_TOKEN: TOKEN }
          : replaySeed
            ? { CONFORMANCE_REPLAY_SEED: paths.ours.seed }
            : { CONFORMANCE_REPLAY_BREAKS: 'unknown-id-returns-200' }),
      });
      const args = [
        join(harnessDir, 'bin', 'conformance.js'),
        'run',
        ...(live ? ['--target', 'live', '--allow-writes'] : []),
        paths.ours.suite,
      ];
      return { cmd: node, args, env, cwd: harnessDir, read: () => readOurs(join(reportDir, 'conformance.json')) };
    }
    case 'stepci':
      return {
        cmd: node,
        args: [bins.stepci, 'run', paths.stepci.file, '-e', `base=${server.baseUrl}`],
        env: baseEnv(),
        read: readStepci,
      };
    case 'newman':
      return {
        cmd: node,
        args: [bins.newman, 'run', paths.newman.file, '--env-var', `base=${server.baseUrl}`, '--color', 'off'],
        env: baseEnv(),
        read: readNewman,
      };
    case 'dredd':
      return {
        cmd: node,
        args: [
          bins.dredd,
          paths.dredd.file,
          `http://127.0.0.1:${server.port}`,
          '--hookfiles',
          join(here, 'dredd-hooks.cjs'),
          '--color',
          'false',
        ],
        env: baseEnv(),
        read: readDredd(paths.dredd.names),
      };
    case 'fetch-ajv':
      return {
        cmd: node,
        args: [join(here, 'fetch-ajv.js'), paths.fetchAjv.file, server.baseUrl, TOKEN],
        env: baseEnv(),
        read: readFetchAjv,
      };
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

// Each reader returns { passed, failed, failures: Map(scenario name → [check kinds]), checks?, exchanges? } from the
// tool's own output.

function readOurs(file) {
  if (!existsSync(file)) return { error: `no ${file}` };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const kinds = {
    'contract.status.unexpected': 'status',
    'contract.header.mediaType': 'mediaType',
    'contract.header.format': 'requestId',
    'contract.body.schema': 'body',
  };
  const failures = new Map();
  for (const s of report.scenarios)
    if (s.verdict !== 'passed')
      failures.set(
        s.id,
        s.failures.map((f) => kinds[f.code] ?? f.code),
      );
  const exchanges = report.scenarios.flatMap((s) => (s.exchanges ?? []).map((e) => ({ ...e, scenario: s.id })));
  return {
    passed: report.totals.passed,
    failed: report.scenarios.length - report.totals.passed,
    errored: report.totals.errored ?? 0,
    failures,
    exchanges,
  };
}

function readStepci({ stdout }) {
  const summary = /^Tests: (?:(\d+) failed, )?(\d+) passed, (\d+) total/m.exec(stdout);
  if (!summary) return { error: 'no "Tests:" summary in Step CI output' };
  const kinds = {
    Status: 'status',
    'Headers > Content-Type': 'mediaType',
    'Headers > request-id': 'requestId',
    'JSON Schema': 'body',
  };
  const failures = new Map();
  let current;
  for (const line of stdout.split('\n')) {
    const head = /^\s*(PASS|FAIL)\s+(\S+)/.exec(line);
    if (head) current = head[1] === 'FAIL' ? (failures.set(head[2], []), failures.get(head[2])) : undefined;
    const check = /^✕ (.+)$/.exec(line.trim());
    if (current && check && kinds[check[1]]) current.push(kinds[check[1]]);
  }
  return { passed: Number(summary[2]), failed: Number(summary[1] ?? 0), failures };
}

function readNewman({ stdout }) {
  const row = (name) =>
    /│\s+(\d+)\s+│\s+(\d+)\s+│/.exec(stdout.split('\n').find((l) => l.includes(` ${name} │`)) ?? '');
  const requests = row('requests');
  const assertions = row('assertions');
  if (!requests || !assertions) return { error: 'no summary table in Newman output' };
  const kinds = {
    'status 200': 'status',
    'media type': 'mediaType',
    'request-id GUID': 'requestId',
    'body schema': 'body',
  };
  const failures = new Map();
  // The failure table at the end: ` 1.  AssertionError  <test name>` … `inside "<item>"`.
  const re = /^ *\d+\. +[A-Za-z]*Error +(.+?) *\n(?:.*\n)*? +inside "([^"]+)"/gm;
  for (const m of stdout.matchAll(re)) {
    if (!failures.has(m[2])) failures.set(m[2], []);
    failures.get(m[2]).push(kinds[m[1]] ?? m[1]);
  }
  const total = Number(requests[1]);
  return {
    passed: total - failures.size,
    failed: failures.size,
    failures,
    checks: { executed: Number(assertions[1]), failed: Number(assertions[2]) },
  };
}

function readDredd(names) {
  return ({ stdout }) => {
    const summary = /complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total/.exec(stdout);
    if (!summary) return { error: 'no "complete:" summary in Dredd output' };
    const failures = new Map();
    const shown = stdout.slice(stdout.indexOf('Displaying failed tests...'));
    let current;
    for (const line of shown.split('\n')) {
      const head = /^fail: PATCH \(\d+\) \S+\/([0-9a-f-]{36}) duration/.exec(line);
      if (head) {
        const name = names.get(head[1]) ?? head[1];
        failures.set(name, []);
        current = failures.get(name);
        continue;
      }
      const reason = /^fail: (.*)$/.exec(line);
      if (!current || !reason) continue;
      if (reason[1].startsWith('statusCode:')) current.push('status');
      else if (/^headers: .*content-type/i.test(reason[1])) current.push('mediaType');
      else if (reason[1].includes('request-id is not a GUID')) current.push('requestId');
      else if (reason[1].startsWith('body:')) current.push('body');
      else current.push(reason[1]);
    }
    return {
      passed: Number(summary[1]),
      failed: Number(summary[2]) + Number(summary[3]),
      failures,
      skipped: Number(summary[4]),
    };
  };
}

function readFetchAjv({ stdout }) {
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(stdout);
  if (!summary) return { error: 'no summary in fetch-ajv output' };
  const failures = new Map();
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const { name, failures: f } = JSON.parse(line);
    failures.set(
      name,
      f.map((x) => x.check),
    );
  }
  return { passed: Number(summary[1]), failed: Number(summary[2]), failures };
}
