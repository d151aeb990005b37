import { responseJson, type Exchange } from '../common/exchange';
import type { Contracts } from '../contract/loadContracts';
import { evaluateExchange } from '../check/evaluateExchange';
import type { Call, Expectation, Scenario, Suite } from '../scenario/types';
import type { YamlPath } from '../common/sourceLocation';
import type { Scope } from '../scenario/interpolate';
import type { Target } from '../targets/target';
import { buildRequest } from './buildRequest';
import { noAnswerCode } from './noAnswer';

/** What the probe checks when a suite's `probe:` states no expectation of its own: a 2xx answer. */
const defaultProbeExpectation = { status: '2xx' };

/**
 * Proves, before any scenario runs, that the target is what the run needs: each suite's probe answers as its `expect`
 * says (by default any 2xx; the PKI suite asks for 200 and the shape of a collection), and each existing object a
 * fixture names (GRAPH_PKI_ID) answers its fixture's `get` with the expected status and identity. Returns one sentence
 * saying why no verdict can be reached (unreachable, credential refused, a base URL or an object id that names
 * nothing), or undefined when the run can go ahead. Only reads.
 */
export async function preflight(
  target: Target,
  scenarios: Scenario[],
  contracts: Contracts,
  runId: string,
): Promise<string | undefined> {
  const suites = [...new Set(scenarios.map((s) => s.suite))];
  try {
    for (const suite of suites) {
      const scope: Scope = { run: { id: runId }, ...suite.doc.variables };
      if (suite.doc.probe) {
        const why = await probe(target, suite.doc.probe, scope, contracts, { suite, path: ['probe'] });
        if (why) return `${why}; check GRAPH_BASE_URL (${target.baseUrl}) or the target's baseUrl in targets.yaml`;
      }
      for (const name of usedFixtures(suite, scenarios)) {
        const fixture = suite.doc.fixtures![name];
        const id = fixture.existingFrom ? target.existingId?.(fixture.existingFrom) : undefined;
        if (id === undefined) continue;
        const at = { suite, path: ['fixtures', name, 'get'] };
        const identity = { ...fixture.get, expect: identityOf(fixture.get.expect) };
        const why = await probe(target, identity, { ...scope, [name]: { id } }, contracts, at);
        if (why)
          return `${fixture.existingFrom}=${id} is not an object the run can use: ${why}; check ${fixture.existingFrom}`;
      }
    }
  } catch (error) {
    const code = noAnswerCode(error);
    if (code === undefined) throw error;
    const message = (error as Error).message;
    return code === 'harness.auth'
      ? `no credential for ${target.name}: ${message}`
      : `${target.name} is unreachable: ${message}`;
  }
  return undefined;
}

/**
 * What of a fixture's `get` expectation says which object it is (status, `@odata.type`, `matches`), without the
 * contract checks: a probe tells a wrong GRAPH_PKI_ID apart, it does not judge the service (the scenarios do that).
 */
function identityOf(expectation: Expectation | undefined): Expectation {
  const { odataType, matches } = expectation?.body ?? {};
  return { status: expectation?.status ?? 200, body: { odataType, matches } };
}

/** The fixtures the selected scenarios of a suite use. */
function usedFixtures(suite: Suite, scenarios: Scenario[]): string[] {
  const names = scenarios.filter((s) => s.suite === suite).flatMap((s) => Object.keys(s.doc.uses ?? {}));
  return [...new Set(names)].filter((name) => suite.doc.fixtures?.[name]);
}

/**
 * Sends one read-only call and says what is wrong with its answer, or undefined when it meets the call's expectation.
 */
async function probe(
  target: Target,
  call: Call,
  scope: Scope,
  contracts: Contracts,
  at: { suite: Suite; path: YamlPath },
): Promise<string | undefined> {
  const request = await buildRequest(call.request, scope, target);
  const response = await target.send(request);
  const exchange: Exchange = { step: 'probe', request, response };
  const answer = describeAnswer(exchange);
  if (response.status === 401 || response.status === 403) return `${target.name} refused the credential: ${answer}`;
  const expectation = call.expect ?? defaultProbeExpectation;
  const placed = { expectation, path: [...at.path, 'expect'], locate: at.suite.locate };
  const broken = evaluateExchange(exchange, [placed], { contracts, scope: { ...scope, request }, steps: new Map() });
  if (broken.length === 0) return undefined;
  return `${answer}, not what the run needs (${broken[0].message})`;
}

/**
 * `GET /beta/... answered 404 Request_ResourceNotFound (request-id ...)`: what a person checks in the service's logs.
 */
function describeAnswer({ request, response }: Exchange): string {
  const code = (responseJson(response) as { error?: { code?: unknown } } | undefined)?.error?.code;
  const url = new URL(request.url);
  const codeText = typeof code === 'string' ? ` ${code}` : '';
  return `${request.method} ${url.pathname}${url.search} answered ${response.status}${codeText} (request-id ${response.headers['request-id'] ?? 'none'})`;
}
