import { parseArgs } from 'node:util';
import { loadRun } from '../run/loadRun';
import { projectRoot, runSettings } from '../run/runSettings';
import { loadTargets } from '../target/loadTargets';
import { renderProblems } from '../report/renderProblem';
import { log } from './log';

/** `conformance lint [PATH...]`: validates scenarios, suites and contracts, reports every problem, sends nothing. */
export async function lintCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const settings = { ...runSettings(), ...(positionals.length ? { scenarioPaths: positionals } : {}) };
  const loaded = loadRun(settings);
  const targets = loadTargets(projectRoot);
  const problems = [...targets.problems, ...loaded.problems];
  if (problems.length) {
    log.raw(renderProblems(problems));
    return 2;
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  log.info(`${count(loaded.scenarios.length, 'scenario')}, ${count(loaded.contracts.ids.size, 'contract')} and ${count(Object.keys(targets.targets).length, 'target')}: no problems found`);
  return 0;
}
