import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failure } from '../../src/common/failure';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import type { ScenarioEntry } from '../../src/common/scenarioResult';
import { totalsOf } from '../../src/report/conformanceReport';
import { writeJunit } from '../../src/report/junitReport';
import { renderFailures } from '../../src/report/renderFailure';
import { tempDir } from '../cli/tempDir';

// junit.xml is written from the verdicts: one testcase per scenario, a testsuite per folder, <failure> vs <error> vs
// <skipped>.

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA content directly inside the element, entities decoded. */
  text: string;
}

/** Decodes the five predefined entities and character references; a bare `&` is not well-formed. */
function decode(text: string, at: number): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`a bare & near offset ${at}`);
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, ref: string) =>
    ref[0] !== '#'
      ? named[ref]
      : String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))),
  );
}

function attributesOf(source: string, at: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g)) {
    if (m[1] in attributes) throw new Error(`attribute ${m[1]} twice near offset ${at}`);
    attributes[m[1]] = decode(m[2] ?? m[3], at);
  }
  return attributes;
}

/** A small XML 1.0 reader, strict enough to refuse what junit consumers refuse: a walk over tags, text and CDATA. */
function parseXml(xml: string): XmlElement {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(xml)) throw new Error('a character XML 1.0 forbids');
  const token =
    /<\?xml[^?]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open = [root];
  for (let m: RegExpExecArray | null; token.lastIndex < xml.length;) {
    const at = token.lastIndex;
    if (!(m = token.exec(xml)))
      throw new Error(`not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const [, cdata, close, name, attributes, selfClosing, text] = m;
    const current = open[open.length - 1];
    if (text !== undefined && text.includes(']]>')) throw new Error(`"]]>" in text at offset ${at}`);
    if (text !== undefined && current === root && text.trim())
      throw new Error(`text outside the root element at offset ${at}`);
    if (text !== undefined || cdata !== undefined) current.text += cdata ?? decode(text, at);
    if (close !== undefined && (open.pop()!.name !== close || current === root))
      throw new Error(`</${close}> closes ${current.name} at offset ${at}`);
    if (name === undefined) continue;
    const element: XmlElement = { name, attributes: attributesOf(attributes, at), children: [], text: '' };
    current.children.push(element);
    if (!selfClosing) open.push(element);
  }
  if (open.length !== 1 || root.children.length !== 1)
    throw new Error(`unclosed <${open[open.length - 1].name}> or not one root element`);
  return root.children[0];
}

/** Every element of this name below `element`, depth first. */
function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

test.describe('the XML reader used below', () => {
  test('reads what it should and refuses what is not well-formed', () => {
    const doc = parseXml(
      '<?xml version="1.0"?>\n<a x="1 &amp; &lt;2&gt; &quot;q&quot;" y=\'it&apos;s\'><b/><c>t &#38; &#x3C;<![CDATA[<raw & ]]]]><![CDATA[>]]></c></a>',
    );
    expect(doc.attributes).toEqual({ x: '1 & <2> "q"', y: "it's" });
    expect(doc.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(doc.children[1].text).toBe('t & <<raw & ]]>');
    for (const bad of [
      '<a>&</a>',
      '<a><b></a>',
      '<a x="<"/>',
      '<a>x]]>y</a>',
      '<a/><b/>',
      '<a>',
      '<a>\u001b</a>',
      '<a x="1" x="2"/>',
    ])
      expect(() => parseXml(bad), bad).toThrow();
  });
});

const awkward = `Tom & Jerry's <"quoted"> title`;

/** A report of five scenarios in two folders, interleaved, one of each verdict (and two passed). */
function sampleReport(): ConformanceReport {
  const entry = (
    id: string,
    file: string,
    verdict: ScenarioEntry['verdict'],
    failures: ScenarioEntry['failures'] = [],
  ): ScenarioEntry => ({ id, title: `${awkward} of ${id}`, file, verdict, failures, durationMs: 1500 });
  const scenarios = [
    entry('one', 'scenarios/s/update/one.yaml', 'passed'),
    entry('two', 'scenarios/s/update/two.yaml', 'failed', [
      failure('harness.capture', { message: 'capture `before` found nothing', step: 'before' }),
      failure('contract.status.unexpected', {
        message: `status is 500 & not <200> "ok" 'fine'\nsecond line`,
        step: 'patch',
        pointer: '/status',
        expected: 200,
        actual: 500,
      }),
      failure('contract.body.notPersisted', {
        message: 'displayName was not kept',
        step: 'persisted',
        pointer: '/body/displayName',
      }),
    ]),
    entry('three', 'scenarios/s/reject/three.yaml', 'errored', [
      failure('harness.timeout', { message: 'did not finish within 300 ms <abandoned>' }),
    ]),
    entry('four', 'scenarios/s/reject/four.yaml', 'skipped'),
    entry('five', 'scenarios/s/update/five.yaml', 'passed'),
  ];
  return {
    target: 'replay & <co>',
    startedAt: '2026-01-02T03:04:05.000Z',
    finishedAt: '2026-01-02T03:04:09.000Z',
    totals: totalsOf(scenarios),
    scenarios,
  };
}

/** Writes junit.xml for a report and parses it back. */
function junitOf(report: ConformanceReport): { xml: string; root: XmlElement } {
  const path = join(tempDir('junit'), 'junit.xml');
  writeJunit(path, report);
  const xml = readFileSync(path, 'utf8');
  return { xml, root: parseXml(xml) };
}

test('the file parses, and the root <testsuites> counts tests, failures, errors and skipped', () => {
  const { root } = junitOf(sampleReport());
  expect(root.name).toBe('testsuites');
  expect(root.attributes).toMatchObject({ tests: '5', failures: '1', errors: '1', skipped: '1' });
  expect(root.attributes.name).toBe('graph-conformance replay & <co>');
});

test('one testcase per scenario, grouped in one testsuite per folder, in order of first appearance', () => {
  const { root } = junitOf(sampleReport());
  const suites = root.children.filter((c) => c.name === 'testsuite');
  expect(suites.map((s) => s.attributes.name)).toEqual(['scenarios/s/update', 'scenarios/s/reject']);
  const names = (suite: XmlElement) => all(suite, 'testcase').map((c) => c.attributes.name);
  expect(names(suites[0])).toEqual([`one: ${awkward} of one`, `two: ${awkward} of two`, `five: ${awkward} of five`]);
  expect(names(suites[1])).toEqual([`three: ${awkward} of three`, `four: ${awkward} of four`]);
  expect(
    suites.map((s) => [s.attributes.tests, s.attributes.failures, s.attributes.errors, s.attributes.skipped]),
  ).toEqual([
    ['3', '1', '0', '0'],
    ['2', '0', '1', '1'],
  ]);
  const two = all(suites[0], 'testcase')[1];
  expect(two.attributes).toMatchObject({
    classname: 'scenarios/s/update/two.yaml',
    file: 'scenarios/s/update/two.yaml',
    time: '1.5',
  });
});

/** The testcase of a scenario id. */
function testcase(root: XmlElement, id: string): XmlElement {
  const found = all(root, 'testcase').filter((c) => c.attributes.name.startsWith(`${id}: `));
  expect(found, id).toHaveLength(1);
  return found[0];
}

test('a failed scenario is a <failure> whose message starts with the first contract failure code, and whose body is the rendered failures', () => {
  const report = sampleReport();
  const { root } = junitOf(report);
  const two = testcase(root, 'two');
  expect(two.children.map((c) => c.name)).toEqual(['failure']);
  const [f] = two.children;
  // Not the harness.capture listed first: a failed verdict is about the contract.
  expect(f.attributes.message).toBe(`contract.status.unexpected: status is 500 & not <200> "ok" 'fine'`);
  expect(f.attributes.type).toBe('contract');
  expect(f.text).toBe(renderFailures(report.scenarios[1].failures));
  expect(f.text).toContain('contract.body.notPersisted');
});

test('an errored scenario is an <error type="no-verdict"> with its harness failure; a skipped one is <skipped/>; a passed one has no child', () => {
  const report = sampleReport();
  const { root } = junitOf(report);
  const three = testcase(root, 'three');
  expect(three.children.map((c) => c.name)).toEqual(['error']);
  expect(three.children[0].attributes).toMatchObject({
    type: 'no-verdict',
    message: 'harness.timeout: did not finish within 300 ms <abandoned>',
  });
  expect(three.children[0].text).toBe(renderFailures(report.scenarios[2].failures));
  const four = testcase(root, 'four');
  expect(four.children.map((c) => c.name)).toEqual(['skipped']);
  expect(four.children[0].children).toEqual([]);
  for (const id of ['one', 'five']) expect(testcase(root, id).children, id).toEqual([]);
});

test('an errored scenario with a contract failure among harness ones still names the harness failure', () => {
  const report = sampleReport();
  report.scenarios[2].failures.unshift(failure('contract.header.missing', { message: 'request-id is missing' }));
  const { root } = junitOf(report);
  expect(testcase(root, 'three').children[0].attributes.message).toMatch(/^harness\.timeout: /);
});

test('XML special characters in titles, messages and bodies are escaped: every value reads back as written (a CDATA terminator in a body is split)', () => {
  const report = sampleReport();
  const special = `a & b < c > d " e ' f ]]> g`;
  report.scenarios[1].title = special;
  report.scenarios[1].failures[1].message = special;
  const { xml, root } = junitOf(report);
  const two = testcase(root, 'two');
  expect(two.attributes.name).toBe(`two: ${special}`);
  expect(two.children[0].attributes.message).toBe(`contract.status.unexpected: ${special}`);
  expect(two.children[0].text).toBe(renderFailures(report.scenarios[1].failures).replaceAll(']]>', ']] >')); // see the next test
  expect(xml).not.toContain(special);
});

// xmlbuilder escapes only the first `]]>` of a CDATA section; a target's answer quoted in a message may hold several.
test('a failure body holding `]]>` more than once still parses, each `]]>` read back as `]] >`', () => {
  const report = sampleReport();
  report.scenarios[1].failures[2].message = 'GET returned "x]]>y" and then "z]]>w"';
  const { root } = junitOf(report);
  expect(testcase(root, 'two').children[0].text).toBe(
    renderFailures(report.scenarios[1].failures).replaceAll(']]>', ']] >'),
  );
});
