import { resolve } from 'node:path';
import type { Check } from '../../src/check/check';
import type { Failure } from '../../src/common/failure';
import { loadContracts } from '../../src/contract/loadContracts';
import type { Exchange, SentRequest } from '../../src/common/exchange';
import { projectRoot } from '../../src/common/projectRoot';
import type { Scope } from '../../src/scenario/interpolate';
import type { Expectation } from '../../src/scenario/types';
import type { SourceLocation } from '../../src/common/sourceLocation';

/** The project's contracts, compiled once per worker. */
export const contracts = loadContracts(resolve(projectRoot, 'contracts'));

/** Where every expectation of these tests is "written". */
export const here: SourceLocation = { file: 'x.yaml', line: 1, column: 1 };

/** A GUID request-id and the client-request-id the requests of these tests send. */
export const REQUEST_ID = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
export const CLIENT_REQUEST_ID = 'c0ffee00-0000-4000-8000-00000000c0de';
export const PKI_ID = 'c721dc42-b383-e883-bf80-2d539946cf8c';
export const PKI_TYPE = '#microsoft.graph.certificateBasedAuthPki';

/** A PKI entity as the faithful service answers it; fields override. */
export function pki(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.type': PKI_TYPE,
    id: PKI_ID,
    deletedDateTime: null,
    displayName: 'Contoso PKI',
    lastModifiedDateTime: '2024-10-29T02:05:57Z',
    status: 'succeeded',
    statusDetails: null,
    ...fields,
  };
}

/** The headers of a faithful JSON success; fields override, undefined removes. */
export function successHeaders(fields: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    'content-type':
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    'odata-version': '4.0',
    'request-id': REQUEST_ID,
    'client-request-id': CLIENT_REQUEST_ID,
    ...fields,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

/** What a test says about one exchange: the response (body as JSON or raw text) and optionally the request. */
export interface ExchangeParts {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  bodyText?: string;
  request?: Partial<SentRequest>;
  step?: string;
}

/**
 * Builds an Exchange as the runner would record it: a PATCH with a JSON body by default, answered 200 with a PKI
 * entity.
 */
export function exchange(parts: ExchangeParts = {}): Exchange {
  const json = parts.request?.json;
  const request: SentRequest = {
    method: 'PATCH',
    url: `https://graph.microsoft.com/beta/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/${PKI_ID}`,
    headers: { 'client-request-id': CLIENT_REQUEST_ID, 'content-type': 'application/json' },
    ...(json === undefined ? {} : { json, bodyText: JSON.stringify(json) }),
    ...parts.request,
  };
  const bodyText = parts.bodyText ?? (parts.body === undefined ? JSON.stringify(pki()) : JSON.stringify(parts.body));
  return {
    step: parts.step ?? 'patch',
    request,
    response: { status: parts.status ?? 200, headers: parts.headers ?? successHeaders(), bodyText, durationMs: 1 },
  };
}

/** Runs one check directly, as evaluateExchange would, after making sure it applies to the expectation. */
export function runCheck(
  check: Check,
  expectation: Expectation,
  x: Exchange,
  extra: { scope?: Scope; steps?: Record<string, Exchange> } = {},
): Failure[] {
  if (!check.applies(expectation))
    throw new Error(`test defect: ${check.name} does not apply to ${JSON.stringify(expectation)}`);
  const request = { ...x.request, body: x.request.json };
  return check.run({
    exchange: x,
    expectation,
    contracts,
    scope: { ...extra.scope, request },
    steps: new Map(Object.entries(extra.steps ?? {})),
    at: () => here,
  });
}
