import { randomUUID } from 'node:crypto';
import { failure } from '../common/failure';
import { interpolate, type Scope } from '../scenario/interpolate';
import type { Call, FixtureDoc } from '../scenario/types';
import type { Locator, YamlPath } from '../common/sourceLocation';
import type { Target } from '../targets/target';
import { responseJson, type Exchange } from '../common/exchange';
import { Stop } from './stop';

/** Sends one call of a scenario or fixture, runs its checks and records the exchange. */
export type Perform = (name: string, call: Call, path: YamlPath, locate: Locator) => Promise<Exchange>;

/** What a fixture needs from the scenario run. */
export interface FixtureContext {
  name: string;
  fixture: FixtureDoc;
  target: Target;
  scope: Scope;
  perform: Perform;
  locate: Locator;
}

/** Sets the fixture's object up (an existing one snapshotted, or a scratch one created) and returns its teardown. */
export async function setUpFixture(context: FixtureContext): Promise<() => Promise<void>> {
  const existing = context.fixture.existingFrom ? context.target.existingId?.(context.fixture.existingFrom) : undefined;
  return existing ? useExisting(existing, context) : createScratch(context);
}

/**
 * Creates a scratch object; the run's create tracker journals it like every POST, and deletes it if this teardown
 * cannot.
 */
async function createScratch({ name, fixture, scope, perform, locate }: FixtureContext): Promise<() => Promise<void>> {
  const at = (part: string) => ['fixtures', name, part];
  const created = await perform(`${name}.create`, fixture.create, at('create'), locate);
  const body = responseJson(created.response) as Record<string, unknown> | undefined;
  if (created.response.status >= 300 || typeof body?.id !== 'string')
    throw new Stop(
      failure('harness.fixture', {
        step: `${name}.create`,
        message: `creating the ${name} fixture answered ${created.response.status} without an id; the scenario cannot run`,
        source: locate(at('create')),
      }),
    );
  scope[name] = body;
  return async () => {
    await perform(`${name}.delete`, fixture.delete, at('delete'), locate);
  };
}

async function useExisting(
  id: string,
  { name, fixture, target, scope, perform, locate }: FixtureContext,
): Promise<() => Promise<void>> {
  const key = randomUUID();
  const at = (part: string) => ['fixtures', name, part];
  scope[name] = { id };
  const snapshot = await read(`${name}.get`);
  scope[name] = snapshot;
  const properties = pick(snapshot, fixture.writable);
  // Recorded before any step can write, so `conformance restore` can put these values back after a kill.
  target.journal?.record({
    op: 'snapshot',
    key,
    getPath: resolvedPath(fixture.get.request.path, scope),
    updatePath: resolvedPath(fixture.update.request.path, scope),
    properties,
  });
  return async () => {
    const now = await read(`${name}.check`);
    const changed = Object.fromEntries(
      Object.entries(properties).filter(([k, v]) => JSON.stringify(now[k]) !== JSON.stringify(v)),
    );
    if (Object.keys(changed).length > 0) {
      const restored = await perform(
        `${name}.restore`,
        { ...fixture.update, request: { ...fixture.update.request, body: changed } },
        at('update'),
        locate,
      );
      if (restored.response.status >= 300)
        throw new Stop(
          failure('harness.fixture', {
            step: `${name}.restore`,
            message: `restoring ${Object.keys(changed).join(', ')} of ${id} answered ${restored.response.status}; run \`conformance restore\``,
            source: locate(at('update')),
          }),
        );
    }
    target.journal?.record({ op: 'done', key });
  };

  async function read(step: string): Promise<Record<string, unknown>> {
    const exchange = await perform(step, fixture.get, at('get'), locate);
    const body = responseJson(exchange.response) as Record<string, unknown> | undefined;
    if (exchange.response.status !== 200 || body?.id === undefined)
      throw new Stop(
        failure('harness.fixture', {
          step,
          message: `reading the existing ${name} ${id} answered ${exchange.response.status}; check ${fixture.existingFrom}`,
          source: locate(at('get')),
        }),
      );
    return body;
  }
}

function pick(body: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => n in body).map((n) => [n, body[n]]));
}

/** A fixture path with its variables resolved: what the journal keeps to find the object again. */
function resolvedPath(path: string, scope: Scope): string {
  return String(interpolate(path, scope));
}
