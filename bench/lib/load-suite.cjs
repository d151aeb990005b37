// Times the harness's own loading of a suite (contracts + YAML scenarios + validation), as the CLI, the runner and
// every worker each do once per run. Usage: node load-suite.cjs HARNESS_DIR SUITE_DIR CONTRACTS_DIR → one JSON line.
const { createRequire } = require('node:module');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const [harness, suite, contracts] = process.argv.slice(2);
const t0 = performance.now();
createRequire(join(harness, 'package.json'))('tsx/cjs/api').register();
const t1 = performance.now();
// The harness's layout before and after src/ was split into one-way layers (docs/architecture.md), so older checkouts
// can still be measured with --harness.
const firstFile = (...paths) => join(harness, paths.find((p) => existsSync(join(harness, p))) ?? paths[0]);
const { loadRun } = require(firstFile('src/scenario/loadRun.ts', 'src/run/loadRun.ts'));
const { runSettings } = require(firstFile('src/runner/runSettings.ts', 'src/run/runSettings.ts'));
const t2 = performance.now();
const settings = runSettings({ ...process.env, CONFORMANCE_SCENARIOS: suite, CONFORMANCE_CONTRACTS: contracts });
const first = loadRun(settings);
const t3 = performance.now();
loadRun(settings);
const t4 = performance.now();
console.log(
  JSON.stringify({
    scenarios: first.scenarios.length,
    problems: first.problems.length,
    registerMs: t1 - t0,
    requireMs: t2 - t1,
    firstLoadMs: t3 - t2,
    secondLoadMs: t4 - t3,
  }),
);
