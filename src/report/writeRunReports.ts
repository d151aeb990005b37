import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from './conformanceReport';
import { writeJunit } from './junitReport';

/** Writes a run's two verdict reports into its report dir: conformance.json and the junit.xml built from it. */
export function writeRunReports(reportDir: string, report: ConformanceReport): void {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeJunit(join(reportDir, 'junit.xml'), report);
}
