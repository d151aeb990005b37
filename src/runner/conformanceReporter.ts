import type { FullConfig, Reporter, Suite, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { batchesOf } from './batches';
import { plannedScenarios } from './planned';
import { clearResults, readResults, resultKey, type ScenarioDetail } from './resultChannel';
import { runSettings } from './runSettings';
import type { Scenario } from '../scenario/types';
import { totalsOf, type ConformanceReport } from '../report/conformanceReport';
import { type ScenarioEntry } from '../common/scenarioResult';
import { writeRunReports } from '../report/writeRunReports';
import { summaryText } from '../report/summaryText';
import { scenarioLine } from '../report/scenarioLine';
import type { Verdict } from '../common/scenarioResult';
import { failure } from '../common/failure';
import { matrixOf } from '../matrix/matrix';
import { writeMatrix } from '../matrix/writeMatrix';
import { plannedTarget } from './planned';

/**
 * A Playwright reporter that turns batch tests back into scenarios: it prints each scenario's verdict as its step ends,
 * writes conformance.json and junit.xml with one entry per scenario, and prints the failures with their YAML and the
 * totals. It is the run's only console reporter (Playwright's own would list batches, not scenarios). It reads
 * verdicts, it never decides them.
 */
export default class ConformanceReporter implements Reporter {
  /** Every scenario of every target, by `target\0id`, in the order the run lists them. */
  private readonly entries = new Map<string, ScenarioEntry>();
  private readonly details = new Map<string, ScenarioDetail>();
  private readonly scenariosOf = new Map<string, Scenario[]>();
  private readonly targetOf = new Map<string, string>();
  private readonly finalResult = new Map<string, TestResult>();
  private startedAt = new Date();
  private readonly settings = runSettings();

  /** Scenario steps by their title (`id: title`), to print each one's line as it ends. */
  private readonly stepTitles = new Map<string, Scenario>();

  printsToStdio(): boolean {
    return true;
  }

  /** Several targets: the run is a compatibility matrix, and each line and entry names its target. */
  private get matrix(): boolean {
    return this.settings.targets.length > 1;
  }

  onStepEnd(test: TestCase, result: TestResult, step: TestStep): void {
    const scenario = step.category === 'test.step' ? this.stepTitles.get(step.title) : undefined;
    if (!scenario) return;
    const said = /^(?:\w*Error: )?(failed|errored): /.exec(step.error?.message ?? '')?.[1] as Verdict | undefined;
    const verdict: Verdict = step.error ? (said ?? 'errored') : 'passed';
    const line = scenarioLine(verdict, scenario.doc.id, scenario.doc.title, step.duration, result.retry);
    process.stdout.write(`${this.matrix ? `${line}  [${this.targetOf.get(test.id)}]` : line}\n`);
  }

  onError(error: TestError): void {
    // Whatever stopped Playwright itself (a config that does not load, a worker that cannot start).
    process.stderr.write(`conformance: the test runner reported: ${error.message ?? error.value ?? 'an error'}\n`);
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    clearResults(this.settings.reportDir);
    const batches = new Map(
      batchesOf(
        plannedScenarios(this.settings),
        this.settings.batchSize,
        this.settings.workers,
        this.settings.shard,
      ).map((b) => [b.title, b.scenarios]),
    );
    for (const test of suite.allTests()) {
      const target = test.parent.project()?.name ?? this.settings.target;
      const scenarios = batches.get(test.title) ?? [];
      this.scenariosOf.set(test.id, scenarios);
      this.targetOf.set(test.id, target);
      for (const s of scenarios) this.stepTitles.set(`${s.doc.id}: ${s.doc.title}`, s);
      for (const s of scenarios)
        this.entries.set(`${target}\u0000${s.doc.id}`, {
          id: s.doc.id,
          title: s.doc.title,
          file: s.file,
          ...(this.matrix ? { target } : {}),
          verdict: 'skipped',
          failures: [],
        });
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.finalResult.set(test.id, result);
  }

  onEnd(): void {
    const written = readResults(this.settings.reportDir);
    for (const [testId, result] of this.finalResult) {
      const target = this.targetOf.get(testId)!;
      for (const scenario of this.scenariosOf.get(testId) ?? []) {
        const key = `${target}\u0000${scenario.doc.id}`;
        const record = written.get(resultKey(target, scenario.doc.id, result.retry));
        // A scenario carried over from an earlier attempt keeps that attempt's count: it was not run again.
        if (record) {
          const earlierAttempts = [...Array(record.entry.retries ?? 0).keys()]
            .map((retry) => written.get(resultKey(target, scenario.doc.id, retry))?.entry.verdict)
            .filter((v): v is Verdict => v !== undefined);
          this.entries.set(key, {
            ...record.entry,
            ...(this.matrix ? { target } : {}),
            ...(earlierAttempts.length ? { earlierAttempts } : {}),
          });
          if (record.detail) this.details.set(key, record.detail);
        } else if (result.status !== 'passed' && result.status !== 'skipped') {
          // The batch ended (worker crash, interruption) before this scenario reported.
          const message = result.error?.message?.split('\n')[0] ?? `its batch ended ${result.status}`;
          this.entries.set(key, {
            ...this.entries.get(key)!,
            verdict: 'errored',
            retries: result.retry,
            failures: [failure('harness.crash', { message: `no result: ${message}` })],
          });
        }
      }
    }
    const scenarios = [...this.entries.values()];
    const report: ConformanceReport = {
      target: this.settings.target,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      totals: totalsOf(scenarios),
      scenarios,
      ...(this.matrix ? { targets: this.settings.targets } : {}),
      ...(this.settings.shard ? { shard: this.settings.shard } : {}),
    };
    writeRunReports(this.settings.reportDir, report);
    if (this.matrix) {
      const described = this.settings.targets.map((name) => {
        const { kind, description } = plannedTarget(this.settings, name);
        return { name, kind, description };
      });
      const matrix = matrixOf(report, described, (target, id) => this.details.get(`${target}\u0000${id}`));
      writeMatrix(this.settings.reportDir, matrix);
    }
    process.stdout.write(`\n${summaryText(report)}\n`);
  }
}
