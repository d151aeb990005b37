import type { DocsPage } from './docsPage';

/** A property as a resource page's table states it. */
export interface ResourceProperty {
  name: string;
  type: string;
  line: number;
}

/** The properties of a resource page (`resources/*.md`): its `## Properties` table, by name. */
export function resourceProperties(page: DocsPage): Map<string, ResourceProperty> {
  const out = new Map<string, ResourceProperty>();
  for (const table of page.tables) {
    if (!/^properties$/i.test(table.heading.trim())) continue;
    const nameAt = table.header.findIndex((h) => /^property$/i.test(h));
    const typeAt = table.header.findIndex((h) => /^type$/i.test(h));
    if (nameAt < 0 || typeAt < 0) continue;
    for (const row of table.rows) {
      const name = row.cells[nameAt]?.replace(/[`*]/g, '').trim();
      if (name) out.set(name, { name, type: plainType(row.cells[typeAt] ?? ''), line: row.line });
    }
  }
  return out;
}

/** A type cell without its link markup: `[pkiStatus](pkistatus.md)` is `pkiStatus`, `String collection` stays. */
export function plainType(cell: string): string {
  return cell
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim();
}
