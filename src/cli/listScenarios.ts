import { counted } from '../common/counted';
import type { Scenario } from '../scenario/types';

/** `run --list`: each selected scenario as `id  title  (file:line)`, then the count. */
export function listScenarios(scenarios: Scenario[]): string {
  const width = Math.max(0, ...scenarios.map((s) => s.doc.id.length));
  const lines = scenarios.map((s) => `${s.doc.id.padEnd(width)}  ${s.doc.title}  (${s.at.file}:${s.at.line})`);
  return [...lines, `${counted(scenarios.length, 'scenario')} selected; nothing was sent`].join('\n');
}
