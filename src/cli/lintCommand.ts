import { parseArgs } from 'node:util';
import { loadRun } from '../scenario/loadRun';
import { runSettings } from '../runner/runSettings';
import { projectRoot } from '../common/projectRoot';
import { loadTargets } from '../targets/loadTargets';
import { log } from '../common/log';
import { counted } from '../common/counted';
import { printProblems, printWarnings } from './printProblems';

/**
 * `conformance lint [--strict] [PATH...]`: validates scenarios, suites, contracts and targets.yaml, reports every
 * problem, sends nothing. Weak scenarios (writes nothing verifies, writes that change nothing) are warnings; with
 * `--strict` they are problems too (exit 2).
 */
export async function lintCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { strict: { type: 'boolean' } } });
  const settings = { ...runSettings(), ...(positionals.length ? { scenarioPaths: positionals } : {}) };
  const loaded = loadRun(settings);
  const targets = loadTargets(projectRoot);
  const strict = values.strict ?? false;
  const problems = [...targets.problems, ...loaded.problems, ...(strict ? loaded.warnings : [])];
  if (printProblems(problems)) return 2;
  printWarnings(loaded.warnings);
  const found = loaded.warnings.length ? counted(loaded.warnings.length, 'warning') : 'no problems found';
  log.info(
    `${counted(loaded.scenarios.length, 'scenario')}, ${counted(loaded.contracts.ids.size, 'contract')} and ${counted(Object.keys(targets.targets).length, 'target')}: ${found}`,
  );
  return 0;
}
