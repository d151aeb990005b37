import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';

/** An HTML-comment annotation before a fenced block (`<!-- { "blockType": "request", "name": … } -->`). */
export interface Annotation {
  /** The parsed JSON, or undefined when it is not JSON (then `error` says why). */
  value?: Record<string, unknown>;
  error?: string;
  line: number;
}

/** A fenced code block and the annotation right before it, if any. */
export interface CodeBlock {
  lang: string;
  content: string;
  /** The line of the opening fence (1-based); the content starts on the next line. */
  line: number;
  annotation?: Annotation;
}

/** A table, with the heading it sits under; each row's cells and line. */
export interface Table {
  heading: string;
  header: string[];
  rows: Array<{ cells: string[]; line: number }>;
}

/** A link of the page: its target and where it is written. */
export interface Link {
  href: string;
  line: number;
  column: number;
}

/** A docs page in the annotated markdown of Microsoft's docs repository, as far as the importer and the lint read it. */
export interface DocsPage {
  file: string;
  lines: string[];
  frontMatter: Record<string, unknown>;
  title: string;
  blocks: CodeBlock[];
  tables: Table[];
  links: Link[];
  /** HTML comments that look like an annotation but precede no fenced block (the lint reports them). */
  strayAnnotations: Annotation[];
}

const md = new MarkdownIt({ html: true });

/** Reads an annotation's JSON; ApiDoctor's annotations are JSON objects in an HTML comment. */
function annotationOf(html: string, line: number): Annotation | undefined {
  const match = /^\s*<!--([\s\S]*?)-->\s*$/.exec(html);
  if (!match || !match[1].trim().startsWith('{')) return undefined;
  try {
    const value = JSON.parse(match[1]) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value))
      return { value: value as Record<string, unknown>, line };
    return { error: 'the annotation is not a JSON object', line };
  } catch (error) {
    return { error: `the annotation is not JSON: ${(error as Error).message}`, line };
  }
}

/** Parses a page with markdown-it: front matter, title, annotated fenced blocks, tables under their headings, links. */
export function readDocsPage(path: string, file = path, text = readFileSync(path, 'utf8')): DocsPage {
  const lines = text.split(/\r?\n/);
  let frontMatter: Record<string, unknown> = {};
  let offset = 0;
  let body = text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (front) {
    try {
      frontMatter = (parseYaml(front[1]) as Record<string, unknown> | null) ?? {};
    } catch {
      frontMatter = {};
    }
    offset = front[0].split('\n').length - 1;
    body = text.slice(front[0].length);
  }
  const tokens = md.parse(body, {});
  const page: DocsPage = {
    file,
    lines,
    frontMatter,
    title: '',
    blocks: [],
    tables: [],
    links: [],
    strayAnnotations: [],
  };
  let heading = '';
  let pending: Annotation | undefined;
  let table: Table | undefined;
  let row: { cells: string[]; line: number } | undefined;
  const lineOf = (map: [number, number] | null | undefined) => (map ? map[0] + 1 + offset : 0);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open') {
      heading = tokens[i + 1]?.content ?? '';
      if (token.tag === 'h1' && !page.title) page.title = heading;
    }
    if (token.type === 'html_block') {
      const annotation = annotationOf(token.content, lineOf(token.map));
      if (annotation) {
        if (pending) page.strayAnnotations.push(pending);
        pending = annotation;
      }
      continue;
    }
    if (token.type === 'fence') {
      page.blocks.push({
        lang: token.info.trim(),
        content: token.content,
        line: lineOf(token.map),
        annotation: pending,
      });
      pending = undefined;
      continue;
    }
    if (token.type === 'table_open') table = { heading, header: [], rows: [] };
    if (token.type === 'tr_open') row = { cells: [], line: lineOf(token.map) };
    if ((token.type === 'th_open' || token.type === 'td_open') && row)
      row.cells.push(tokens[i + 1]?.content?.trim() ?? '');
    if (token.type === 'tr_close' && row && table) {
      if (table.header.length === 0) table.header = row.cells;
      else table.rows.push(row);
      row = undefined;
    }
    if (token.type === 'table_close' && table) {
      page.tables.push(table);
      table = undefined;
    }
    if (token.type === 'inline') {
      for (const child of token.children ?? [])
        if (child.type === 'link_open') {
          const href = String(child.attrGet('href') ?? '');
          const line = lineOf(token.map);
          const column = Math.max(1, (lines[line - 1] ?? '').indexOf(`](${href}`) + 3);
          page.links.push({ href, line, column });
        }
    }
    // An annotation is "right before" its block: a permissions annotation annotates the [!INCLUDE] that follows it;
    // anything else in between (a paragraph, a heading) leaves the annotation pairing nothing.
    if (pending && (token.type === 'paragraph_open' || token.type === 'heading_open')) {
      if (!(isInclude(tokens, i) && pending.value?.blockType === 'permissions')) page.strayAnnotations.push(pending);
      pending = undefined;
    }
  }
  if (pending) page.strayAnnotations.push(pending);
  return page;
}

/** Whether the paragraph at `i` is a docs `[!INCLUDE …]`. */
function isInclude(tokens: ReturnType<typeof md.parse>, i: number): boolean {
  return /^\[!INCLUDE/i.test(tokens[i + 1]?.content ?? '');
}
