import type { Suite } from '../scenario/types';
import type { Target } from '../targets/target';
import { noAnswerCode } from './noAnswer';
import { buildRequest } from './buildRequest';

/**
 * Sends each suite's probe once; returns why the run cannot reach a verdict (unreachable, credential refused), or
 * undefined when it can.
 */
export async function preflight(target: Target, suites: Suite[], runId: string): Promise<string | undefined> {
  for (const suite of suites) {
    const probe = suite.doc.probe;
    if (!probe) continue;
    try {
      const request = await buildRequest(probe.request, { run: { id: runId }, ...suite.doc.variables }, target);
      const response = await target.send(request);
      if (response.status === 401 || response.status === 403) {
        const code = (() => {
          try {
            return (JSON.parse(response.bodyText) as { error?: { code?: string } }).error?.code;
          } catch {
            return undefined;
          }
        })();
        return `${target.name} refused the credential: ${request.method} ${new URL(request.url).pathname} answered ${response.status}${code ? ` ${code}` : ''} (request-id ${response.headers['request-id'] ?? 'none'})`;
      }
    } catch (error) {
      const code = noAnswerCode(error);
      if (code === undefined) throw error;
      return code === 'harness.auth'
        ? `no credential for ${target.name}: ${(error as Error).message}`
        : `${target.name} is unreachable: ${(error as Error).message}`;
    }
  }
  return undefined;
}
