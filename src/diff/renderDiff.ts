import type { Difference } from './diffContracts';

/** A diff as the command reports it: the two sides and each difference with the scenarios it touches. */
export interface DiffReport {
  a: string;
  b: string;
  differences: Array<Difference & { scenarios: string[] }>;
}

const value = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const count = (r: DiffReport, who: 'client' | 'server') => r.differences.filter((d) => d[who] === 'breaking').length;

/** The diff as text: a summary line, then one line per difference. */
export function diffText(report: DiffReport): string {
  const lines = [
    `contracts diff ${report.a} → ${report.b}: ${report.differences.length} difference(s); breaking for clients ${count(report, 'client')}, for servers ${count(report, 'server')}`,
  ];
  for (const d of report.differences)
    lines.push(
      `  client ${d.client.padEnd(9)} server ${d.server.padEnd(9)} ${d.direction.padEnd(8)} ${d.contract}  ${d.property ?? '(contract)'}  ${d.kind}: ${value(d.a)} → ${value(d.b)}${d.scenarios.length ? `  [scenarios: ${d.scenarios.join(', ')}]` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The diff as markdown, for a pull-request comment: a table with each difference's class for a client and a server. */
export function diffMarkdown(report: DiffReport): string {
  const lines = [
    `### Contract differences: \`${cell(report.a)}\` → \`${cell(report.b)}\``,
    '',
    `${report.differences.length} difference(s); breaking for clients: ${count(report, 'client')}, for servers: ${count(report, 'server')}.`,
    '',
  ];
  if (report.differences.length === 0) return `${lines.join('\n')}\n`;
  lines.push(
    '| contract | property | change | A | B | client | server | scenarios |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const d of report.differences)
    lines.push(
      `| ${cell(d.contract)} (${d.direction}) | ${cell(d.property ?? '—')} | ${d.kind} | ${cell(value(d.a))} | ${cell(value(d.b))} | ${d.client} | ${d.server} | ${cell(d.scenarios.join(', ') || '—')} |`,
    );
  return `${lines.join('\n')}\n`;
}
