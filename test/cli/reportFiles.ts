import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** One piece of report content to search: a file on disk, or a part decoded out of one (zip entry, base64 body). */
export interface ReportText {
  /** Where it came from, e.g. `html/index.html#report.json` or `results.json#attachment[3]`. */
  origin: string;
  bytes: Buffer;
}

/** Lists every file below a folder, recursively. */
export function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/**
 * Every file under a report dir plus what hides inside them: the zip of report data that Playwright's HTML report
 * embeds in index.html as base64, and the base64 attachment bodies of results.json. A secret could sit in any of them.
 */
export function reportContents(reportDir: string): ReportText[] {
  const out: ReportText[] = [];
  for (const path of walkFiles(reportDir)) {
    const origin = relative(reportDir, path);
    const bytes = readFileSync(path);
    out.push({ origin, bytes });
    if (path.endsWith('.html'))
      for (const entry of embeddedZipEntries(bytes.toString('utf8')))
        out.push({ origin: `${origin}#${entry.name}`, bytes: entry.bytes });
    if (path.endsWith('.json'))
      for (const [i, body] of base64Bodies(bytes.toString('utf8')).entries())
        out.push({ origin: `${origin}#body[${i}]`, bytes: body });
  }
  return out;
}

/**
 * The entries of the `<template id="playwrightReportBase64">data:application/zip;base64,...` block of an HTML report.
 */
export function embeddedZipEntries(html: string): Array<{ name: string; bytes: Buffer }> {
  const match =
    /<template id="playwrightReportBase64">data:application\/zip;base64,([A-Za-z0-9+/=\s]*)<\/template>/.exec(html);
  return match ? unzip(Buffer.from(match[1], 'base64')) : [];
}

/** The report data of an HTML report (report.json and one JSON file per spec file), parsed. */
export function htmlReportData(html: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of embeddedZipEntries(html)) data[entry.name] = JSON.parse(entry.bytes.toString('utf8'));
  return data;
}

/**
 * Reads a zip archive's entries through its central directory (stored or deflated; enough for Playwright's reports).
 */
export function unzip(zip: Buffer): Array<{ name: string; bytes: Buffer }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive: no end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<{ name: string; bytes: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, bytes: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every `"body": "<base64>"` value in a JSON text (Playwright's JSON reporter stores attachment bodies so). */
function base64Bodies(json: string): Buffer[] {
  const bodies: Buffer[] = [];
  for (const m of json.matchAll(/"body":\s*"([A-Za-z0-9+/=]{8,})"/g)) bodies.push(Buffer.from(m[1], 'base64'));
  return bodies;
}

/**
 * The forms a secret takes once written: as is, URL- and JSON-escaped, and base64-encoded at each of the three
 * byte alignments (so a secret inside a longer base64 text is still found).
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), Buffer.from(secret)]).toString('base64');
    // Drop the characters that also depend on the unknown neighbouring bytes at either end.
    const head = Math.ceil((shift * 4) / 3);
    const tail = Math.floor(((shift + secret.length) * 4) / 3);
    forms.add(encoded.slice(head, tail));
  }
  return [...forms];
}

/** The testcases of a junit.xml, attributes in any order: name (entities decoded) and the XML inside the element. */
export function junitTestcases(xml: string): Array<{ name: string; body: string }> {
  const decode = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<testcase\s([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({
    name: decode(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ''),
    body: m[3] ?? '',
  }));
}

interface JsonStep {
  title: string;
  error?: { message?: string };
  steps?: JsonStep[];
}
interface JsonSuite {
  specs?: Array<{ tests: Array<{ results: Array<{ steps?: JsonStep[] }> }> }>;
  suites?: JsonSuite[];
}

/**
 * Every scenario step (titled `id: title`) in Playwright's results.json, with its error when it did not pass: the last
 * attempt of each batch.
 */
export function scenarioSteps(json: { suites: JsonSuite[] }): Array<{ id: string; error?: string }> {
  const out: Array<{ id: string; error?: string }> = [];
  const walkSteps = (steps: JsonStep[] = []) => {
    for (const step of steps) {
      const id = /^([\w.-]+): /.exec(step.title)?.[1];
      if (id && !step.steps?.length) out.push({ id, error: step.error?.message });
      else walkSteps(step.steps);
    }
  };
  const walkSuites = (suites: JsonSuite[] = []) => {
    for (const suite of suites) {
      for (const spec of suite.specs ?? []) for (const test of spec.tests) walkSteps(test.results.at(-1)?.steps);
      walkSuites(suite.suites);
    }
  };
  walkSuites(json.suites);
  return out;
}
