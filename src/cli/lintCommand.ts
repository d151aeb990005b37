import { parseArgs } from 'node:util';
import { loadRun } from '../run/loadRun';
import { runSettings } from '../run/runSettings';
import { renderProblems } from '../report/renderProblem';
import { log } from './log';

/** `conformance lint [PATH...]`: validates scenarios, suites and contracts, reports every problem, sends nothing. */
export async function lintCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const settings = { ...runSettings(), ...(positionals.length ? { scenarioPaths: positionals } : {}) };
  const loaded = loadRun(settings);
  if (loaded.problems.length) {
    log.raw(renderProblems(loaded.problems));
    return 2;
  }
  log.info(`${loaded.scenarios.length} scenarios and ${loaded.contracts.ids.size} contracts: no problems found`);
  return 0;
}
