import type { Check } from '../check';
import { failure } from '../../common/failure';
import { matchesStatus } from '../statusPattern';

/** The status code is the one (or one of those) the scenario expects. */
export const statusConformance: Check = {
  name: 'status_conformance',
  applies: (e) => e.status !== undefined,
  run({ exchange, expectation, at }) {
    const allowed = ([] as Array<number | string>).concat(expectation.status!);
    const actual = exchange.response.status;
    if (allowed.some((p) => matchesStatus(actual, p))) return [];
    return [
      failure('contract.status.unexpected', {
        message: `${exchange.request.method} answered ${actual}; expected ${allowed.join(' or ')}`,
        pointer: '/status',
        expected: allowed.length === 1 ? allowed[0] : allowed,
        actual,
        source: at(['status']),
      }),
    ];
  },
};
