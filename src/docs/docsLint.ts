import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { Problem } from '../common/problem';
import { readDocsPage, type CodeBlock, type DocsPage } from './docsPage';
import { jsonErrorPosition, positionAt } from '../contract/jsonPosition';
import { httpMessage, type HttpMessage } from './httpBlock';
import { plainType, resourceProperties, type ResourceProperty } from './resourceProperties';

/** What a typed property's example value must look like; a placeholder such as "String (timestamp)" does not. */
const typeChecks: Record<string, { pattern: RegExp; what: string; sample: string }> = {
  datetimeoffset: {
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    what: 'a date-time',
    sample: '"2024-05-01T10:00:00Z"',
  },
  guid: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    what: 'a GUID',
    sample: '"0b7e2c1d-1111-4222-8333-944445555666"',
  },
  binary: { pattern: /^[A-Za-z0-9+/]*={0,2}$/, what: 'base64', sample: '"TUlJQ..."' },
};

/** The page's paired examples: each request block with the response that follows it. */
interface Example {
  request?: { block: CodeBlock; message: HttpMessage };
  response?: { block: CodeBlock; message: HttpMessage };
}

/**
 * Lints Graph docs pages strictly: the JSON of each example, placeholders where the type demands a real value,
 * required properties the example omits, properties the resource does not have (letter case included), a single
 * entity wrapped in `value`, annotations that are missing, malformed or pair nothing, `/beta/` URLs on v1.0 pages,
 * headers run into a body, and links whose file name differs in case.
 */
export function lintDocsPage(page: DocsPage, path: string): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, column = 1) => ({ file: page.file, line, column });
  const add = (code: string, message: string, line: number, column = 1, hint?: string, span?: number) =>
    problems.push({ code, message, location: at(line, column), ...(hint ? { hint } : {}), ...(span ? { span } : {}) });

  for (const a of page.strayAnnotations)
    add(
      'docs.annotation.unpaired',
      'this annotation precedes no code block: it annotates nothing',
      a.line,
      1,
      'put it right before the fenced block it describes',
    );
  const examples: Example[] = [];
  for (const block of page.blocks) {
    const a = block.annotation;
    if (a?.error)
      add(
        'docs.annotation.malformed',
        a.error,
        a.line,
        1,
        'an annotation is a JSON object: no trailing comma, quoted keys',
      );
    const type = a?.value?.blockType;
    const isHttp = block.lang.toLowerCase() === 'http';
    const message = isHttp ? httpMessage(block) : undefined;
    if (!a && message && (message.status !== undefined || /^https?:/.test(message.url ?? '')))
      add(
        'docs.annotation.missing',
        'an example with no annotation: tools cannot tell a request from a response or pair them',
        block.line,
        1,
        'add <!-- { "blockType": "request", "name": "…" } --> before it',
      );
    if (!message) continue;
    if (message.missingBlankLine)
      add(
        'docs.http.blankLine',
        'no blank line between the headers and the body',
        message.missingBlankLine,
        1,
        'HTTP needs an empty line after the last header',
      );
    if (type === 'request') examples.push({ request: { block, message } });
    if (type === 'response') {
      const open = examples.at(-1);
      if (open?.request && !open.response) open.response = { block, message };
      else
        add(
          'docs.annotation.unpaired',
          'a response example with no request before it',
          a!.line,
          1,
          'each response follows the request it answers',
        );
    }
    if (/\/v1\.0\//.test(path.replace(/\\/g, '/')) && /\/beta\//.test(message.url ?? ''))
      add(
        'docs.url.beta',
        'a /beta/ URL on a v1.0 page',
        block.line + 1,
        message.startLine.indexOf('/beta/') + 1,
        'use https://graph.microsoft.com/v1.0/…',
        6,
      );
  }
  for (const e of examples)
    if (e.request && !e.response)
      add(
        'docs.annotation.unpaired',
        `the request example ${JSON.stringify(e.request.block.annotation?.value?.name ?? '')} has no response after it`,
        e.request.block.annotation!.line,
      );

  const resource = linkedResource(page, path);
  const properties = resource ? resourceProperties(resource) : new Map<string, ResourceProperty>();
  const bodyTable = page.tables.find((t) => /^request body$/i.test(t.heading.trim()));
  const tableTypes = new Map<string, string>();
  const required: Array<{ name: string; line: number }> = [];
  if (bodyTable) {
    const nameAt = bodyTable.header.findIndex((h) => /^(property|parameter|name)$/i.test(h));
    const typeAt = bodyTable.header.findIndex((h) => /^type$/i.test(h));
    const descAt = bodyTable.header.findIndex((h) => /^description$/i.test(h));
    for (const row of bodyTable.rows) {
      const name = row.cells[nameAt]?.replace(/[`*]/g, '').trim();
      if (!name) continue;
      if (typeAt >= 0) tableTypes.set(name, plainType(row.cells[typeAt] ?? ''));
      if (/\bRequired\.?\s*$/i.test(row.cells[descAt] ?? '') && !/\bnot required/i.test(row.cells[descAt] ?? ''))
        required.push({ name, line: row.line });
      propertyKnown(name, row.line, (page.lines[row.line - 1] ?? '').indexOf(name) + 1, 'the request body table');
    }
  }
  function propertyKnown(name: string, line: number, column: number, where: string) {
    if (!resource || name.startsWith('@') || properties.has(name)) return;
    const other = [...properties.keys()].find((p) => p.toLowerCase() === name.toLowerCase());
    if (other)
      add(
        'docs.property.case',
        `${where} names "${name}"; the resource ${resource.title || resource.file} spells it "${other}"`,
        line,
        Math.max(1, column),
        `write "${other}": JSON property names are case-sensitive`,
        name.length,
      );
    else
      add(
        'docs.property.unknown',
        `${where} names "${name}", which the resource ${resource.title || resource.file} does not have`,
        line,
        Math.max(1, column),
        `its properties: ${[...properties.keys()].join(', ')}`,
        name.length,
      );
  }

  for (const e of examples)
    for (const side of ['request', 'response'] as const) {
      const part = e[side];
      if (!part || !part.message.body.trim()) continue;
      const { body, bodyLine } = part.message;
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (error) {
        const trailing = /,\s*[}\]]/.exec(body);
        const where = onPage(
          trailing ? positionAt(body, trailing.index) : jsonErrorPosition(body, error as Error),
          bodyLine,
        );
        add(
          'docs.example.notJson',
          `the ${side} example's body is not JSON${trailing ? ': a trailing comma' : ''} (${(error as Error).message})`,
          where.line,
          where.column,
          trailing ? 'remove the comma after the last member' : 'fix the JSON',
        );
        continue;
      }
      const object =
        json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
      if (!object) continue;
      const annotation = part.block.annotation?.value ?? {};
      if (side === 'response' && Array.isArray(object.value) && annotation.isCollection !== true && singleEntity(e)) {
        const line = lineOfKey(body, 'value', bodyLine);
        add(
          'docs.response.wrapped',
          'a single entity is wrapped in "value", as a collection would be',
          line.line,
          line.column,
          'an entity is the body itself; only collections (isCollection: true) have "value"',
          7,
        );
      }
      // A collection's (or a wrongly wrapped entity's) members are checked as the entity would be.
      const entity = Array.isArray(object.value)
        ? ((object.value[0] as Record<string, unknown> | undefined) ?? {})
        : object;
      for (const [key, value] of Object.entries(entity)) {
        const where = lineOfKey(body, key, bodyLine);
        if (!key.startsWith('@')) propertyKnown(key, where.line, where.column, `the ${side} example`);
        const type = (properties.get(key)?.type ?? tableTypes.get(key) ?? '').toLowerCase();
        const check = typeChecks[type];
        if (check && typeof value === 'string' && !check.pattern.test(value))
          add(
            'docs.example.placeholder',
            `"${key}" is ${properties.get(key)?.type ?? tableTypes.get(key)}, but the ${side} example gives ${JSON.stringify(value)}`,
            where.line,
            where.column,
            `write ${check.what}, e.g. ${check.sample}`,
            key.length + 2,
          );
      }
      if (side === 'request')
        for (const r of required)
          if (!(r.name in object))
            add(
              'docs.example.requiredOmitted',
              `"${r.name}" is marked Required, but the request example does not send it`,
              r.line,
              Math.max(1, (page.lines[r.line - 1] ?? '').indexOf(r.name) + 1),
              'send it in the example, or mark it Optional if the service does not need it',
              r.name.length,
            );
    }

  for (const link of page.links) {
    if (/^[a-z]+:|^\/|^#/i.test(link.href) || !/\.md(#|$)/.test(link.href)) continue;
    const target = join(dirname(path), link.href.split('#')[0]);
    if (existsSync(target) && exactCase(target)) continue;
    const folder = dirname(target);
    const name = basename(target);
    const other = existsSync(folder)
      ? readdirSync(folder).find((f) => f.toLowerCase() === name.toLowerCase() && f !== name)
      : undefined;
    if (other)
      add(
        'docs.link.case',
        `the link names ${name}, but the file is ${other}`,
        link.line,
        link.column,
        `link to ${other}: the published site is case-sensitive`,
        link.href.length,
      );
  }
  return problems;
}

/** Whether a request reads or changes one entity (GET/PATCH/POST on an item): its response is never wrapped. */
function singleEntity(e: Example): boolean {
  const url = e.request?.message.url ?? '';
  const method = e.request?.message.method ?? '';
  return method !== 'GET' || /\/\{[^}]+\}$|\([^)]*\)$|\/[0-9a-f-]{36}$/i.test(url.split('?')[0]);
}

/** Whether a path exists with exactly this letter case (a case-insensitive file system would say yes either way). */
function exactCase(path: string): boolean {
  return readdirSync(dirname(path)).includes(basename(path));
}

/** A position in a body that starts on page line `bodyLine`, as a page position. */
function onPage(at: { line: number; column: number }, bodyLine: number): { line: number; column: number } {
  return { line: bodyLine + at.line - 1, column: at.column };
}

/** Where `"key":` is written in a body. */
function lineOfKey(body: string, key: string, bodyLine: number): { line: number; column: number } {
  const index = body.indexOf(`${JSON.stringify(key)}`);
  return index < 0 ? { line: bodyLine, column: 1 } : onPage(positionAt(body, index), bodyLine);
}

/** The resource page the API page documents: the linked `resources/*.md` named after the response's type, or the first. */
function linkedResource(page: DocsPage, path: string): DocsPage | undefined {
  const typed = page.blocks.map((b) => String(b.annotation?.value?.['@odata.type'] ?? '')).find(Boolean);
  const short = typed?.split('.').at(-1)?.toLowerCase();
  const links = page.links.filter((l) => /(^|\/)resources\/[^/]+\.md$/i.test(l.href.split('#')[0]));
  const link = links.find((l) => basename(l.href.split('#')[0], '.md').toLowerCase() === short) ?? links[0];
  if (!link) return undefined;
  const target = join(dirname(path), link.href.split('#')[0]);
  const folder = dirname(target);
  const actual = existsSync(folder)
    ? readdirSync(folder).find((f) => f.toLowerCase() === basename(target).toLowerCase())
    : undefined;
  if (!actual) return undefined;
  return readDocsPage(join(folder, actual), join(dirname(page.file), dirname(link.href), actual));
}
