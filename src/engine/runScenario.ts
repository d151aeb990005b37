import { failure, type Failure } from '../common/failure';
import type { Contracts } from '../contract/loadContracts';
import { interpolate, UnknownVariableError, type Scope } from '../scenario/interpolate';
import type { Call, Scenario } from '../scenario/types';
import type { Locator, SourceLocation, YamlPath } from '../common/sourceLocation';
import type { Target } from '../targets/target';
import { noAnswerCode } from './noAnswer';
import { buildRequest } from './buildRequest';
import { CreateTracker } from './createTracker';
import { capture } from './capture';
import { evaluateExchange, expectationsFor } from '../check/evaluateExchange';
import { responseJson, type Exchange } from '../common/exchange';
import { setUpFixture } from './fixtures';
import { verdictOf, type ScenarioResult } from '../common/scenarioResult';
import { Stop } from './stop';

/** What every scenario of a run shares. */
export interface RunContext {
  target: Target;
  contracts: Contracts;
  runId: string;
}

/** Runs one scenario: fixtures, steps in order with their checks, then fixture teardown whatever happened. */
export async function runScenario(scenario: Scenario, run: RunContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { doc, suite } = scenario;
  const scope: Scope = { run: { id: run.runId }, ...suite.doc.variables };
  const steps = new Map<string, Exchange>();
  const exchanges: Exchange[] = [];
  const failures: Failure[] = [];
  const teardowns: Array<() => Promise<void>> = [];
  const tracker = new CreateTracker(run.target);
  run.target.beginScenario?.({ id: doc.id, runId: run.runId });

  const perform = async (
    name: string,
    call: Call,
    path: YamlPath,
    locate: Locator,
    captures?: Record<string, string>,
  ) => {
    const exchange = await send(name, call, scope, run.target, () => locate(path), tracker);
    exchanges.push(exchange);
    const own = call.expect && { expectation: call.expect, path: [...path, 'expect'], locate };
    const request = { ...exchange.request, body: exchange.request.json };
    if (lostDelete(exchange))
      throw new Stop(
        failure('harness.transport', {
          step: name,
          message: `the answer to DELETE ${exchange.request.url} was lost and the retry found nothing left (404): the first attempt most likely worked, but no verdict can be given`,
          source: locate(path),
        }),
      );
    failures.push(
      ...evaluateExchange(exchange, expectationsFor(exchange.response.status, own, suite), {
        contracts: run.contracts,
        scope: { ...scope, request },
        steps,
      }),
    );
    steps.set(name, exchange);
    scope.steps = { ...(scope.steps as object), [name]: stepView(exchange) };
    for (const [variable, expression] of Object.entries(captures ?? {})) {
      const value = capture(expression, exchange.response);
      if (value === undefined)
        throw new Stop(
          failure('harness.capture', {
            step: name,
            message: `${expression} is empty in the ${exchange.response.status} answer, so {${variable}} cannot be set`,
            source: locate([...path, 'capture', variable]),
          }),
        );
      scope[variable] = value;
    }
    return exchange;
  };

  try {
    for (const name of Object.keys(doc.uses ?? {})) {
      const before = failures.length;
      try {
        const fixture = suite.doc.fixtures![name];
        teardowns.push(await setUpFixture({ name, fixture, target: run.target, scope, perform, locate: suite.locate }));
      } catch (error) {
        // A fixture that could not be set up says nothing about the scenario's contract: no verdict, never `failed`.
        const dropped = failures.splice(before).map((f) => f.code);
        throw error instanceof Stop && dropped.length
          ? error.noting(`its answer also broke ${[...new Set(dropped)].join(', ')}`)
          : error;
      }
    }
    for (const [name, value] of Object.entries(doc.variables ?? {}))
      scope[name] = resolve(value, () => scenario.locate(['variables', name]));
    for (const [i, step] of doc.steps.entries()) {
      if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
      await perform(step.name, step, ['steps', i], scenario.locate, step.capture);
    }
  } catch (error) {
    failures.push(stopFailure(error));
  } finally {
    for (const teardown of teardowns.reverse()) {
      try {
        await teardown();
      } catch (error) {
        failures.push(stopFailure(error));
      }
    }
    // Whatever the scenario created and did not delete (it stopped early, or a delete failed) is removed, unjudged.
    for (const { path } of tracker.leftovers()) {
      try {
        const request = await buildRequest({ method: 'DELETE', path }, {}, run.target);
        tracker.afterSend(undefined, { step: 'cleanup', request, response: await run.target.send(request) });
      } catch (error) {
        failures.push(stopFailure(error));
      }
    }
  }
  await run.target.endScenario?.(exchanges);
  return {
    id: doc.id,
    title: doc.title,
    file: scenario.file,
    verdict: verdictOf(failures),
    failures,
    exchanges,
    durationMs: Math.round(performance.now() - started),
  };

  function resolve(value: unknown, source: () => SourceLocation) {
    try {
      return interpolate(value, scope);
    } catch (error) {
      if (error instanceof UnknownVariableError)
        throw new Stop(failure('harness.variable', { message: error.message, source: source() }));
      throw error;
    }
  }
}

/** Sends one call; `source` is asked for only when something goes wrong (it may read the YAML again). */
async function send(
  name: string,
  call: Call,
  scope: Scope,
  target: Target,
  source: () => SourceLocation,
  tracker: CreateTracker,
): Promise<Exchange> {
  let request;
  try {
    request = await buildRequest(call.request, scope, target);
  } catch (error) {
    if (error instanceof UnknownVariableError)
      throw new Stop(
        failure('harness.variable', {
          step: name,
          message: `${error.message} (known: ${error.known.join(', ')})`,
          source: source(),
        }),
      );
    throw noAnswerStop(error, name, source);
  }
  try {
    const key = tracker.beforeSend(request);
    const exchange = { step: name, request, response: await target.send(request) };
    tracker.afterSend(key, exchange);
    return exchange;
  } catch (error) {
    throw noAnswerStop(error, name, source);
  }
}

/** A Stop for an error that means the target gave no answer; any other error is a harness defect and passes through. */
function noAnswerStop(error: unknown, step: string, source: () => SourceLocation): unknown {
  const code = noAnswerCode(error);
  return code ? new Stop(failure(code, { step, message: (error as Error).message, source: source() })) : error;
}

/**
 * A DELETE whose first answer was lost in transport and whose retry found the object gone: the 404 says nothing about
 * the contract.
 */
function lostDelete(exchange: Exchange): boolean {
  return (
    exchange.request.method === 'DELETE' &&
    exchange.response.status === 404 &&
    exchange.response.afterLostAttempt === true
  );
}

function stepView(exchange: Exchange) {
  return {
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      headers: exchange.request.headers,
      body: exchange.request.json,
    },
    response: {
      status: exchange.response.status,
      headers: exchange.response.headers,
      body: responseJson(exchange.response),
    },
  };
}

function stopFailure(error: unknown): Failure {
  if (error instanceof Stop) return error.failure;
  return failure('harness.crash', { message: `harness defect: ${(error as Error).stack ?? String(error)}` });
}
