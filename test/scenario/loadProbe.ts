// Loads the scenario paths given on the command line, as `conformance lint` does, and prints what came of it as JSON.
// Run in a child process (`node -r tsx/cjs test/scenario/loadProbe.ts PATH...`) so a crash or a hang in the loader is
// observed from outside (exit status, signal) instead of taking the test worker down with it.
import { join, resolve } from 'node:path';
import { loadContracts } from '../../src/contract/loadContracts';
import { loadScenarios } from '../../src/scenario/loadScenarios';
import { renderProblems } from '../../src/report/renderProblem';

const root = resolve(__dirname, '..', '..');
const loaded = loadScenarios(
  process.argv.slice(2),
  loadContracts(join(root, 'contracts'), process.cwd()),
  process.cwd(),
);
const rendered = loaded.problems.length ? renderProblems(loaded.problems) : '';
process.stdout.write(
  JSON.stringify({
    scenarios: loaded.scenarios.map((s) => s.doc.id),
    problems: loaded.problems.map((p) => ({
      code: p.code,
      message: p.message,
      line: p.location.line,
      column: p.location.column,
      file: p.location.file,
    })),
    rendered,
  }),
);
