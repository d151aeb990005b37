import { failure, type Failure } from '../check/failure';
import type { Contracts } from '../contract/loadContracts';
import { interpolate, UnknownVariableError, type Scope } from '../scenario/interpolate';
import type { Call, Expectation, Locator, Scenario, Step, YamlPath } from '../scenario/types';
import { TransportError, type Target } from '../target/target';
import { buildRequest } from './buildRequest';
import { capture } from './capture';
import { evaluateExchange, expectationsFor } from './evaluateExchange';
import { responseJson, type Exchange } from './exchange';
import { verdictOf, type ScenarioResult } from './scenarioResult';

/** What every scenario of a run shares. */
export interface RunContext {
  target: Target;
  contracts: Contracts;
  runId: string;
}

/** Thrown inside a scenario to stop it: the failure says why no further step can run. */
class Stop extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/** Runs one scenario: fixtures, steps in order with their checks, then fixture teardown whatever happened. */
export async function runScenario(scenario: Scenario, run: RunContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { doc, suite } = scenario;
  const scope: Scope = { run: { id: run.runId }, ...suite.doc.variables };
  const steps = new Map<string, Exchange>();
  const exchanges: Exchange[] = [];
  const failures: Failure[] = [];
  const created: Array<{ name: string; call: Call }> = [];
  const perform = async (name: string, call: Call, path: YamlPath, locate: Locator, captures?: Record<string, string>) => {
    const exchange = await send(name, call, scope, run.target, locate(path));
    exchanges.push(exchange);
    const own = call.expect && { expectation: call.expect as Expectation, path: [...path, 'expect'], locate };
    const scopeWithRequest = { ...scope, request: exchange.request.json === undefined ? exchange.request : { ...exchange.request, body: exchange.request.json } };
    failures.push(...evaluateExchange(exchange, expectationsFor(exchange.response.status, own, suite), { contracts: run.contracts, scope: scopeWithRequest, steps }));
    steps.set(name, exchange);
    scope.steps = { ...(scope.steps as object), [name]: stepView(exchange) };
    for (const [variable, expression] of Object.entries(captures ?? {})) {
      const value = capture(expression, exchange.response);
      if (value === undefined) throw new Stop(failure('harness.capture', { step: name, message: `${expression} is empty in the ${exchange.response.status} answer, so {${variable}} cannot be set`, source: locate([...path, 'capture', variable]) }));
      scope[variable] = value;
    }
    return exchange;
  };
  try {
    for (const name of Object.keys(doc.uses ?? {})) {
      const fixture = suite.doc.fixtures![name];
      const exchange = await perform(`${name}.create`, fixture.create, ['fixtures', name, 'create'], suite.locate);
      const body = responseJson(exchange.response) as Record<string, unknown> | undefined;
      if (exchange.response.status >= 300 || typeof body?.id !== 'string')
        throw new Stop(failure('harness.fixture', { step: `${name}.create`, message: `creating the ${name} fixture answered ${exchange.response.status} without an id; the scenario cannot run`, source: suite.locate(['fixtures', name, 'create']) }));
      scope[name] = body;
      created.push({ name, call: fixture.delete });
    }
    for (const [name, value] of Object.entries(doc.variables ?? {})) scope[name] = resolveVariable(name, value);
    for (const [i, step] of doc.steps.entries()) await performStep(step, i);
  } catch (error) {
    failures.push(stopFailure(error));
  } finally {
    for (const { name, call } of created.reverse()) {
      try {
        await perform(`${name}.delete`, call, ['fixtures', name, 'delete'], suite.locate);
      } catch (error) {
        failures.push(stopFailure(error));
      }
    }
  }
  return { id: doc.id, title: doc.title, file: scenario.file, verdict: verdictOf(failures), failures, exchanges, durationMs: Math.round(performance.now() - started) };

  function resolveVariable(name: string, value: unknown) {
    try {
      return interpolate(value, scope);
    } catch (error) {
      if (error instanceof UnknownVariableError) throw new Stop(failure('harness.variable', { message: error.message, source: scenario.locate(['variables', name]) }));
      throw error;
    }
  }

  async function performStep(step: Step, i: number) {
    await perform(step.name, step, ['steps', i], scenario.locate, step.capture);
  }
}

async function send(name: string, call: Call, scope: Scope, target: Target, source: ReturnType<Locator>): Promise<Exchange> {
  let request;
  try {
    request = await buildRequest(call.request, scope, target);
  } catch (error) {
    if (error instanceof UnknownVariableError) throw new Stop(failure('harness.variable', { step: name, message: `${error.message} (known: ${error.known.join(', ')})`, source }));
    throw error;
  }
  try {
    return { step: name, request, response: await target.send(request) };
  } catch (error) {
    if (error instanceof TransportError) throw new Stop(failure(`harness.${error.kind}`, { step: name, message: error.message, source }));
    throw error;
  }
}

function stepView(exchange: Exchange) {
  return {
    request: { method: exchange.request.method, url: exchange.request.url, headers: exchange.request.headers, body: exchange.request.json },
    response: { status: exchange.response.status, headers: exchange.response.headers, body: responseJson(exchange.response) },
  };
}

function stopFailure(error: unknown): Failure {
  if (error instanceof Stop) return error.failure;
  return failure('harness.crash', { message: `harness defect: ${(error as Error).stack ?? String(error)}` });
}
