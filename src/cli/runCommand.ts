import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { exitCodeOf, type ConformanceReport } from '../report/conformanceReport';
import { loadRun } from '../scenario/loadRun';
import { preflight } from '../engine/preflight';
import { removePlan, writePlan } from '../runner/runPlan';
import { shardOf } from '../scenario/selectScenarios';
import { projectRoot } from '../common/projectRoot';
import { CredentialError } from '../targets/auth/credentialError';
import { loadTargets } from '../targets/loadTargets';
import type { Target } from '../targets/target';
import { log, UsageError } from '../common/log';
import { parseRunOptions, type RunOptions } from './runOptions';
import { startRunner, type HeldRunner } from './spawnRunner';
import { writeRefusal } from './writeSafety';
import { printProblems } from './printProblems';

/**
 * `conformance run`: checks everything first (exit 2, nothing sent), guards live targets, runs the scenarios under
 * Playwright Test, maps the verdicts to an exit code.
 */
export async function runCommand(args: string[]): Promise<number> {
  const options = parseRunOptions(args);
  // Playwright starts now and waits at its gate while everything is checked; any way out but release() stops it unseen.
  const runner = startRunner(options.env);
  try {
    return await checkAndRun(options, runner);
  } finally {
    runner.cancel();
  }
}

async function checkAndRun(
  { env, settings, shard, allowWrites, workers }: RunOptions,
  runner: HeldRunner,
): Promise<number> {
  const targets = loadTargets(projectRoot);
  const loaded = loadRun(settings);
  const problems = [...targets.problems, ...loaded.problems];
  if (printProblems(problems)) return 2;
  const config = targets.targets[settings.target];
  if (!config)
    throw new UsageError(
      `unknown target ${JSON.stringify(settings.target)}; known targets: ${Object.keys(targets.targets).join(', ')} (targets.yaml declares more)`,
    );
  const cassetteProblems =
    config.kind === 'recordings'
      ? (
          require('../recordings/recordingsConfig') as typeof import('../recordings/recordingsConfig')
        ).recordingsProblems(settings.target, config, env)
      : [];
  if (printProblems(cassetteProblems)) return 2;
  if (loaded.scenarios.length === 0) {
    log.error(
      `no scenario matches${settings.grep ? ` --grep ${settings.grep.source}` : ''}${settings.tag ? ` --tag ${settings.tag}` : ''}; nothing was sent`,
    );
    return 2;
  }
  const scenarios = shard ? shardOf(loaded.scenarios, shard) : loaded.scenarios;
  if (scenarios.length === 0) {
    log.info(
      `shard ${shard} has no scenario (${loaded.scenarios.length} split ${shard!.split('/')[1]} ways); nothing to run`,
    );
    return 0;
  }
  let live: Target | undefined;
  if (config.kind === 'live') {
    const refusal = writeRefusal(settings.target, scenarios, allowWrites);
    if (refusal) {
      log.error(refusal);
      return 2;
    }
    try {
      // Loaded only for live targets: the CLI builds a target only to guard, probe and restore a live one.
      const { createTarget } = require('../runner/createTarget') as typeof import('../runner/createTarget');
      live = createTarget(settings.target, config, settings, env);
    } catch (error) {
      if (!(error instanceof CredentialError)) throw error;
      log.error(`no usable credential for ${settings.target}: ${error.message}`);
      return 3;
    }
    const existing = scenarios
      .flatMap((s) => Object.values(s.suite.doc.fixtures ?? {}))
      .some((f) => f.existingFrom && live!.existingId?.(f.existingFrom));
    if (existing && workers > 1) {
      log.info(`note: scenarios share one existing object, so they run one at a time (--workers ${workers} ignored)`);
      env.CONFORMANCE_WORKERS = '1';
    }
    if (!(await undoLeftovers(live, 'a previous run'))) return 3;
    const refused = await preflight(live, [...new Set(scenarios.map((s) => s.suite))], settings.runId);
    if (refused) {
      log.error(`${refused}; no scenario was run`);
      return 3;
    }
  }
  const reportFile = join(settings.reportDir, 'conformance.json');
  rmSync(reportFile, { force: true });
  // The runner and its workers read the checked scenarios from this plan instead of parsing the YAML again.
  const plan = join(settings.reportDir, '.plan.json');
  writePlan(plan, { scenarios, target: config });
  env.CONFORMANCE_PLAN = plan;
  const { code, signal } = await runner.release(env).finally(() => removePlan(plan));
  const restored = live ? await undoLeftovers(live, 'this run') : true;
  if (signal) {
    log.error(
      `interrupted by ${signal}${live ? (restored ? '; every change was undone' : '; run `conformance restore` to undo what is left') : ''}`,
    );
    return 130;
  }
  if (!existsSync(reportFile)) {
    log.error(`the test runner ended (exit ${code}) without writing ${reportFile}; no verdict was reached`);
    return 3;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
  return restored ? exitCodeOf(report) : Math.max(exitCodeOf(report), 3);
}

/** Undoes what the journal says is still changed; reports each step; false when something could not be undone. */
async function undoLeftovers(target: Target, whose: string): Promise<boolean> {
  const { restoreJournal } = require('../engine/restoreJournal') as typeof import('../engine/restoreJournal');
  const outcome = await restoreJournal(target);
  for (const line of outcome.undone) log.info(`restore (${whose}): ${line}`);
  for (const line of outcome.failed)
    log.error(`could not undo (${whose}): ${line}; run \`conformance restore --target ${target.name}\``);
  for (const line of outcome.elsewhere) log.error(`left alone (${whose}): ${line}`);
  return outcome.failed.length === 0;
}
