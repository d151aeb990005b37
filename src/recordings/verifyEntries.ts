import type { Failure } from '../common/failure';
import { matchesStatus } from '../check/statusPattern';
import type { Contracts } from '../contract/loadContracts';
import { evaluateExchange, expectationsFor, type PlacedExpectation } from '../check/evaluateExchange';
import type { Exchange } from '../common/exchange';
import { verdictOf } from '../common/scenarioResult';
import type { Cassette, RecordedEntry } from './cassette';
import type { Operation } from './operations';
import type { CassetteVerdict } from './cassetteVerdict';
import { counted } from '../common/counted';

/**
 * Checks each answer of a cassette that belongs to no scenario (a browser capture) against the rules of the suite whose
 * paths it uses: the suite's `always` rules for its status, plus the body contract of a call with the same method and
 * path that expects that status.
 */
export function verifyEntries(cassette: Cassette, operations: Operation[], contracts: Contracts): CassetteVerdict {
  const failures: Failure[] = [];
  const notes: string[] = [];
  let checked = 0;
  for (const entry of cassette.entries) {
    if (entry.status === 0) {
      notes.push(`#${entry.index} ${entry.method} ${entry.path} got no answer in the capture: not checked`);
      continue;
    }
    const matching = operations.filter((o) => o.pattern.test(entry.path));
    const same = matching.filter((o) => o.method === entry.method);
    const suite = (same[0] ?? matching[0])?.suite;
    if (!suite) continue;
    const own = same.map((o) => bodyExpectation(o, entry.status)).find((p) => p !== undefined);
    const exchange = entryExchange(entry);
    const request = { ...exchange.request, body: exchange.request.json };
    failures.push(
      ...evaluateExchange(exchange, expectationsFor(entry.status, own, suite), {
        contracts,
        scope: { ...suite.doc.variables, request },
        steps: new Map(),
      }),
    );
    checked++;
  }
  const outside = cassette.entries.filter((e) => e.status !== 0).length - checked;
  if (outside > 0) notes.push(`${counted(outside, 'request')} outside every suite's paths: not checked`);
  return { file: cassette.file, verdict: checked === 0 ? 'skipped' : verdictOf(failures), failures, checked, notes };
}

/** The context-free part of a call's expectation (body contract and @odata.type) when the call accepts this status. */
function bodyExpectation(operation: Operation, status: number): PlacedExpectation | undefined {
  const expect = operation.call.expect;
  const body = expect?.body;
  if (!expect || !body || (body.schema === undefined && body.odataType === undefined)) return undefined;
  const statuses = expect.status === undefined ? [] : Array.isArray(expect.status) ? expect.status : [expect.status];
  if (!statuses.some((pattern) => matchesStatus(status, pattern))) return undefined;
  return {
    expectation: { body: { schema: body.schema, odataType: body.odataType } },
    path: [...operation.path, 'expect'],
    locate: operation.locate,
  };
}

/**
 * A recorded entry as the checks see an exchange; the step is the entry's `_step`, else its number, method and path.
 */
export function entryExchange(entry: RecordedEntry): Exchange {
  const headers: Record<string, string> = {};
  for (const [name, value] of entry.responseHeaders) {
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  let json: unknown;
  try {
    json = entry.requestBody === undefined ? undefined : JSON.parse(entry.requestBody);
  } catch {
    json = undefined;
  }
  return {
    step: entry.step ?? `#${entry.index} ${entry.method} ${entry.path}`,
    request: { method: entry.method, url: entry.url, headers: entry.requestHeaders, bodyText: entry.requestBody, json },
    response: {
      status: entry.status,
      headers,
      bodyText: entry.responseBody,
      durationMs: entry.time,
      ...(entry.afterLostAttempt ? { afterLostAttempt: true } : {}),
    },
  };
}
