import { lookup } from '../../scenario/interpolate';
import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { failure, type Failure } from '../../common/failure';
import { isDateTime } from '../formats';

/**
 * Server-managed data: the key never changes, lastModifiedDateTime is a valid date-time that does not move backwards.
 */
export const serverManagedConformance: Check = {
  name: 'server_managed_conformance',
  applies: (e) => e.body?.serverManaged !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, scope, at }) {
    const { from, advanced } = expectation.body!.serverManaged!;
    // Located only when something fails: finding a YAML position may mean reading the file again.
    const located = <T extends object>(fields: T) => ({ ...fields, source: at(['body', 'serverManaged']) });
    const before = (lookup(from, scope) ?? {}) as Record<string, unknown>;
    const now = (responseJson(exchange.response) ?? {}) as Record<string, unknown>;
    const failures: Failure[] = [];
    if (now.id !== before.id)
      failures.push(
        failure(
          'contract.body.idChanged',
          located({
            message: `id is ${JSON.stringify(now.id)}; it was ${JSON.stringify(before.id)} in ${from}`,
            pointer: '/body/id',
            expected: before.id,
            actual: now.id,
          }),
        ),
      );
    const previous = before.lastModifiedDateTime;
    const current = now.lastModifiedDateTime;
    if (!isDateTime(current))
      failures.push(
        failure(
          'contract.body.lastModified',
          located({
            message: `lastModifiedDateTime ${JSON.stringify(current)} is not a valid date-time`,
            pointer: '/body/lastModifiedDateTime',
            expected: 'date-time',
            actual: current,
          }),
        ),
      );
    else if (isDateTime(previous) && Date.parse(current) < Date.parse(previous))
      failures.push(
        failure(
          'contract.body.lastModified',
          located({
            message: `lastModifiedDateTime moved backwards: ${current} is before ${previous} in ${from}`,
            pointer: '/body/lastModifiedDateTime',
            expected: `>= ${previous}`,
            actual: current,
          }),
        ),
      );
    else if (advanced && isDateTime(previous) && Date.parse(current) <= Date.parse(previous))
      failures.push(
        failure(
          'contract.body.lastModified',
          located({
            message: `lastModifiedDateTime did not move after a write: ${current} is not later than ${previous} in ${from}`,
            pointer: '/body/lastModifiedDateTime',
            expected: `> ${previous}`,
            actual: current,
          }),
        ),
      );
    return failures;
  },
};
