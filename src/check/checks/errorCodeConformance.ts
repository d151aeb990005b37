import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { failure } from '../../common/failure';

/** The Graph error envelope's `error.code` is one of the codes the scenario accepts. */
export const errorCodeConformance: Check = {
  name: 'error_code_conformance',
  applies: (e) => e.error !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, at }) {
    const accepted = ([] as string[]).concat(expectation.error!.code);
    const json = responseJson(exchange.response) as { error?: { code?: unknown } } | undefined;
    const actual = json?.error?.code;
    if (typeof actual === 'string' && accepted.includes(actual)) return [];
    return [
      failure('contract.error.code', {
        message: `error.code is ${JSON.stringify(actual)}; expected ${accepted.join(' or ')}`,
        pointer: '/body/error/code',
        expected: accepted.length === 1 ? accepted[0] : accepted,
        actual,
        source: at(['error', 'code']),
      }),
    ];
  },
};
