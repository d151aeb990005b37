import { parseArgs } from 'node:util';
import { loadRun } from '../scenario/loadRun';
import { runSettings } from '../runner/runSettings';
import { projectRoot } from '../common/projectRoot';
import { loadTargets } from '../targets/loadTargets';
import { log } from '../common/log';
import { counted } from '../common/counted';
import { printProblems } from './printProblems';

/** `conformance lint [PATH...]`: validates scenarios, suites and contracts, reports every problem, sends nothing. */
export async function lintCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const settings = { ...runSettings(), ...(positionals.length ? { scenarioPaths: positionals } : {}) };
  const loaded = loadRun(settings);
  const targets = loadTargets(projectRoot);
  const problems = [...targets.problems, ...loaded.problems];
  if (printProblems(problems)) return 2;
  log.info(
    `${counted(loaded.scenarios.length, 'scenario')}, ${counted(loaded.contracts.ids.size, 'contract')} and ${counted(Object.keys(targets.targets).length, 'target')}: no problems found`,
  );
  return 0;
}
