import { responseJson, type ReceivedResponse } from '../common/exchange';
import { readPath } from '../scenario/interpolate';

/** Reads a capture expression (`$body`, `$body.a.b`, `$status`, `$headers.name`) from a response. */
export function capture(expression: string, response: ReceivedResponse): unknown {
  const [root, ...path] = expression.slice(1).split('.');
  if (root === 'status') return response.status;
  if (root === 'headers') return response.headers[path.join('.').toLowerCase()];
  return readPath(responseJson(response), path);
}
