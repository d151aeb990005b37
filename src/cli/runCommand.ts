import { preflight } from '../engine/preflight';
import { counted } from '../common/counted';
import { log, UsageError } from '../common/log';
import { projectRoot } from '../common/projectRoot';
import { loadRun } from '../scenario/loadRun';
import { shardOf } from '../scenario/selectScenarios';
import { removePlan, writePlan } from '../runner/runPlan';
import { CredentialError } from '../targets/auth/credentialError';
import { loadTargets } from '../targets/loadTargets';
import type { Target } from '../targets/target';
import { printProblems, printWarnings } from './printProblems';
import { clearReports, earlyReportDir, finishReports, type RunEnd, type RunIdentity } from './runReports';
import { loadBaseline } from '../baseline/loadBaseline';
import { parseRunOptions, type RunOptions } from './runOptions';
import { listScenarios } from './listScenarios';
import { startRunner, type HeldRunner } from './spawnRunner';
import { undoLeftovers } from './undoLeftovers';
import { writeRefusal } from './writeSafety';
import { checkTargets } from './runTargets';
import { openHistory } from './runHistory';

/**
 * `conformance run`: checks everything first (exit 2, nothing sent), guards and probes live targets (exit 3), runs the
 * scenarios under Playwright Test, maps the verdicts to an exit code. The reports it owns are removed first, and a run
 * that stops early leaves reports that say why, so an earlier run's reports never pass for this one's.
 */
export async function runCommand(args: string[]): Promise<number> {
  const startedAt = new Date();
  // `--list` runs nothing, so it leaves the last run's reports alone.
  const listing = args.includes('--list');
  const early = earlyReportDir(args);
  if (!listing) clearReports(early);
  let options: RunOptions;
  try {
    options = parseRunOptions(args);
  } catch (error) {
    const refused = { code: 2, message: (error as Error).message };
    if (!listing) finishReports({ reportDir: early, target: '(not parsed)', startedAt }, refused);
    throw error;
  }
  if (options.list) return listOnly(options);
  // Playwright starts now and waits at its gate while everything is checked; any way out but release() stops it unseen.
  const runner = startRunner(options.env);
  const run: RunIdentity = { reportDir: options.settings.reportDir, target: options.settings.target, startedAt };
  try {
    if (options.history) {
      const opened = openHistory(options.history);
      if ('refused' in opened) {
        log.error(`${opened.refused}; nothing was sent`);
        return finishReports(run, { code: 2, message: opened.refused });
      }
      run.history = opened.db;
    }
    if (options.baseline) {
      const loaded = loadBaseline(options.baseline);
      if (printProblems(loaded.problems))
        return finishReports(run, { code: 2, message: problemsSentence(loaded.problems) });
      run.baseline = { file: loaded.file, entries: loaded.entries, strict: options.strictBaseline };
    }
    const end = await checkAndRun(options, runner);
    return finishReports(run, end);
  } catch (error) {
    if (error instanceof UsageError) finishReports(run, { code: 2, message: error.message });
    throw error;
  } finally {
    runner.cancel();
    run.history?.close();
  }
}

/** `run --list`: the scenarios the run would select, one a line; nothing is sent. */
function listOnly({ settings, shard }: RunOptions): number {
  const loaded = loadRun(settings);
  if (printProblems(loaded.problems)) return 2;
  const scenarios = shard ? shardOf(loaded.scenarios, shard) : loaded.scenarios;
  log.info(listScenarios(scenarios));
  return 0;
}

/** Ends the run early: says why (stderr) and what the reports will say. */
function stop(code: 2 | 3, message: string): RunEnd {
  log.error(message);
  return { code, message };
}

async function checkAndRun(
  { env, settings, shard, allowWrites, workers }: RunOptions,
  runner: HeldRunner,
): Promise<RunEnd> {
  const declared = loadTargets(projectRoot);
  const loaded = loadRun(settings);
  const problems = [...declared.problems, ...loaded.problems];
  if (printProblems(problems)) return { code: 2, message: problemsSentence(problems) };
  printWarnings(loaded.warnings);
  const checked = checkTargets(settings.targets, declared.targets, settings.replayBreaks, env);
  if (checked.refusal) return stop(2, checked.refusal);
  if (printProblems(checked.problems)) return { code: 2, message: problemsSentence(checked.problems) };
  if (loaded.scenarios.length === 0) {
    const grep = settings.grep ? ` --grep ${settings.grep.source}` : '';
    return stop(2, `no scenario matches${grep}${settings.tag ? ` --tag ${settings.tag}` : ''}; nothing was sent`);
  }
  const scenarios = shard ? shardOf(loaded.scenarios, shard) : loaded.scenarios;
  if (scenarios.length === 0) {
    const message = `shard ${shard} has no scenario (${loaded.scenarios.length} split ${shard!.split('/')[1]} ways); nothing to run`;
    log.info(message);
    return { code: 0, message };
  }
  // Every live target is guarded, probed and cleaned before any scenario runs against any target.
  const live: Target[] = [];
  for (const [name, config] of Object.entries(checked.configs)) {
    if (config.kind !== 'live') continue;
    const refusal = writeRefusal(name, scenarios, allowWrites);
    if (refusal) return stop(2, refusal);
    let target: Target;
    try {
      // Loaded only for live targets: the CLI builds a target only to guard, probe and restore a live one.
      const { createTarget } = require('../runner/createTarget') as typeof import('../runner/createTarget');
      target = createTarget(name, config, settings, env);
    } catch (error) {
      if (!(error instanceof CredentialError)) throw error;
      return stop(3, `no usable credential for ${name}: ${error.message}`);
    }
    live.push(target);
    const existing = scenarios
      .flatMap((s) => Object.values(s.suite.doc.fixtures ?? {}))
      .some((f) => f.existingFrom && target.existingId?.(f.existingFrom));
    if (existing) {
      const concurrency = Number(env.CONFORMANCE_SCENARIO_CONCURRENCY || 1);
      const ignored = [workers > 1 ? `--workers ${workers}` : '', concurrency > 1 ? `--concurrency ${concurrency}` : '']
        .filter(Boolean)
        .join(', ');
      if (ignored && env.CONFORMANCE_WORKERS !== '1')
        log.info(`note: scenarios share one existing object, so they run one at a time (${ignored} ignored)`);
      env.CONFORMANCE_WORKERS = '1';
      env.CONFORMANCE_SCENARIO_CONCURRENCY = '1';
    }
    const before = await undoLeftovers(target, 'a previous run');
    if (before.length)
      return stop(
        3,
        `${before.length} change(s) of a previous run on ${name} could not be undone; no scenario was run`,
      );
    const refused = await preflight(target, scenarios, loaded.contracts, settings.runId);
    if (refused) return stop(3, `${refused}; no scenario was run`);
  }
  // The runner and its workers read the checked scenarios from this plan instead of parsing the YAML again.
  const plan = `${settings.reportDir}/.plan.json`;
  writePlan(plan, { scenarios, targets: checked.configs });
  env.CONFORMANCE_PLAN = plan;
  const { code, signal } = await runner.release(env).finally(() => removePlan(plan));
  const restoreFailed: string[] = [];
  for (const target of live) restoreFailed.push(...(await undoLeftovers(target, 'this run', false)));
  if (signal) {
    const undone = restoreFailed.length
      ? '; run `conformance restore` to undo what is left'
      : '; every change was undone';
    const message = `interrupted by ${signal}${live.length ? undone : ''}`;
    log.error(message);
    return { code: 130, message, restoreFailed };
  }
  return { runnerCode: code, restoreFailed };
}

/** The sentence a report keeps for a run refused over authoring problems. */
function problemsSentence(problems: Array<{ location: { file: string } }>): string {
  const files = new Set(problems.map((p) => p.location.file));
  return `${counted(problems.length, 'problem')} in ${[...files].slice(0, 3).join(', ')}${files.size > 3 ? '…' : ''}; nothing was sent (run \`conformance lint\`)`;
}
