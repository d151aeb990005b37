import type { Check } from '../check';
import { failure } from '../../common/failure';

/** The body is empty, as a 204 No Content must be. */
export const emptyBodyConformance: Check = {
  name: 'empty_body_conformance',
  applies: (e) => e.body?.empty === true,
  needs: 'expected-status',
  run({ exchange, at }) {
    const text = exchange.response.bodyText;
    if (text.length === 0) return [];
    return [
      failure('contract.body.notEmpty', {
        message: `the body holds ${text.length} characters; expected none`,
        pointer: '/body',
        expected: '',
        actual: text.slice(0, 200),
        source: at(['body', 'empty']),
      }),
    ];
  },
};
