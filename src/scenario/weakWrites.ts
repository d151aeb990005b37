import type { Problem } from '../common/problem';
import { placeholdersIn } from './interpolate';
import { walkExpectations } from './walkExpectations';
import type { Expectation, Scenario, Step } from './types';

const writing = new Set(['PATCH', 'POST', 'PUT']);

/**
 * Writes a scenario makes that cannot catch a server which ignores them (warnings; `lint --strict` makes them errors):
 * a write step no later step reads back, and a write that sets a property of the scratch object to the value it had
 * before the scenario wrote anything (a server that stores nothing still answers with that value). Only writes expected
 * to succeed count.
 */
export function weakWrites(scenario: Scenario): Problem[] {
  const { doc } = scenario;
  const problems: Problem[] = [];
  const known = startingValues(scenario);
  doc.steps.forEach((step, i) => {
    const body = step.request.body;
    if (!writing.has(step.request.method.toUpperCase()) || !isObject(body) || !expectsSuccess(step.expect)) return;
    const written = Object.keys(body).filter((k) => !k.startsWith('@'));
    if (written.length === 0) return;
    const later = doc.steps.slice(i + 1);
    if (!later.some((s) => verifies(s, step, written)))
      problems.push({
        code: 'scenario.write.unverified',
        severity: 'warning',
        message: `step \`${step.name}\` writes ${written.join(', ')}, but no later step reads it back`,
        location: scenario.locate(['steps', i, 'name']),
        hint: `add a GET step expecting \`body: { persisted: ${step.name} }\`, or a \`matches:\` of what was written`,
      });
    const target = fixtureOf(step, Object.keys(doc.uses ?? {}));
    if (target === undefined || known[target] === undefined) return;
    for (const [property, value] of Object.entries(body)) {
      if (hasPlaceholder(value) || !(property in known[target]) || !same(known[target][property], value)) continue;
      problems.push({
        code: 'scenario.write.noChange',
        severity: 'warning',
        message: `step \`${step.name}\` sets ${property} to ${JSON.stringify(value)}, which the ${target} object held before the scenario wrote anything: a server that ignores every write passes`,
        location: scenario.locate(['steps', i, 'request', 'body', property]),
        hint: `write a value ${property} did not start with, so that reading it back proves the write`,
      });
    }
  });
  return problems;
}

/** What each scratch fixture's object holds after its create: the create body's values, every other writable null. */
function startingValues({ doc, suite }: Scenario): Record<string, Record<string, unknown>> {
  const known: Record<string, Record<string, unknown>> = {};
  for (const [name, kind] of Object.entries(doc.uses ?? {})) {
    const fixture = suite.doc.fixtures?.[name];
    if (kind !== 'scratch' || !fixture) continue;
    const created = isObject(fixture.create.request.body) ? fixture.create.request.body : {};
    known[name] = Object.fromEntries(fixture.writable.map((p) => [p, p in created ? created[p] : null]));
    for (const [p, v] of Object.entries(created)) if (hasPlaceholder(v)) delete known[name][p];
  }
  return known;
}

/** The fixture whose object a step writes: the one whose `{name.id}` its path names. */
function fixtureOf(step: Step, fixtures: string[]): string | undefined {
  return fixtures.find((name) => step.request.path.includes(`{${name}.id}`));
}

/**
 * Whether a step reads back what `name` wrote: `persisted: name`, a `matches:` of a written property,
 * `{steps.name...}`, `serverManaged` for a write of a server-managed property, or a listing whose `items` read a written
 * property (`every`, `sortedBy`) or name the object by an id the write captured (`includes`).
 */
function verifies(step: Step, writer: Step, written: string[]): boolean {
  const name = writer.name;
  const captured = Object.keys(writer.capture ?? {});
  let found = false;
  walkExpectations(step.expect, [], (e) => {
    const persisted = e.body?.persisted;
    const persistedStep = typeof persisted === 'string' ? persisted : persisted?.step;
    const matched = isObject(e.body?.matches) && written.some((p) => p in (e.body!.matches as object));
    const refers = placeholdersIn(e.body?.matches).some((p) => p.startsWith(`steps.${name}.`));
    // serverManaged reads back the server-managed properties a write may have tried to set.
    const managed =
      e.body?.serverManaged !== undefined && written.some((p) => p === 'lastModifiedDateTime' || p === 'id');
    const items = e.body?.items;
    const listed =
      items !== undefined &&
      ((isObject(items.every) && written.some((p) => p in (items.every as object))) ||
        (items.sortedBy !== undefined && written.includes(items.sortedBy.property)) ||
        placeholdersIn(items.includes).some((p) => captured.some((c) => p.startsWith(`${c}.`))));
    if (persistedStep === name || matched || refers || managed || listed) found = true;
  });
  return found;
}

/** A write expected to succeed: no status stated, or one that allows a 2xx. */
function expectsSuccess(expectation: Expectation | undefined): boolean {
  const status = expectation?.status;
  if (status === undefined) return true;
  return ([] as Array<number | string>).concat(status).some((s) => String(s).startsWith('2'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasPlaceholder(value: unknown): boolean {
  return placeholdersIn(value).length > 0;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
