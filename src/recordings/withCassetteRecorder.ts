import { join } from 'node:path';
import type { Target } from '../targets/target';
import { targetEnvironment, type TargetConfig } from '../targets/targetConfig';
import { buildCassette, type RecordedScenario } from './buildCassette';
import { CassetteRedactor } from './cassetteRedactor';
import { redactRules, type RedactRule } from './redactRules';
import { writeCassette } from './writeCassette';

/**
 * Wraps a target so every request of a scenario is kept and written, redacted, as `<dir>/<scenario id>.har` when the
 * scenario ends.
 */
function cassetteRecorder(inner: Target, options: { name: string; dir: string; rules: RedactRule[] }): Target {
  let current: RecordedScenario | undefined;
  const existingId = inner.existingId?.bind(inner);
  return {
    ...inner,
    async send(request) {
      const response = await inner.send(request);
      current?.sends.push({ request, response });
      return response;
    },
    existingId:
      existingId &&
      ((variable) => {
        const id = existingId(variable);
        if (id !== undefined && current) current.existing[variable] = id;
        return id;
      }),
    beginScenario(scenario) {
      inner.beginScenario?.(scenario);
      current = {
        scenario: scenario.id,
        target: options.name,
        baseUrl: inner.baseUrl,
        runId: scenario.runId,
        existing: {},
        sends: [],
      };
    },
    async endScenario(exchanges) {
      await inner.endScenario?.(exchanges);
      const recorded = current;
      current = undefined;
      if (!recorded) return;
      const steps = new Map(exchanges.map((x) => [x.request, x.step]));
      for (const send of recorded.sends) send.step = steps.get(send.request);
      const redactor = new CassetteRedactor({
        secrets: inner.secrets(),
        rules: options.rules,
        runId: recorded.runId,
        ids: Object.values(recorded.existing),
      });
      writeCassette(join(options.dir, `${recorded.scenario}.har`), buildCassette(recorded, redactor));
    },
  };
}

/**
 * The target itself, or, when `conformance record` set CONFORMANCE_RECORD_DIR, the target wrapped to record cassettes
 * with its `redact:` rules.
 */
export function withCassetteRecorder(
  target: Target,
  name: string,
  config: TargetConfig,
  env: NodeJS.ProcessEnv,
): Target {
  const dir = env.CONFORMANCE_RECORD_DIR;
  if (!dir) return target;
  return cassetteRecorder(target, { name, dir, rules: redactRules(config.redact, targetEnvironment(config, env)) });
}
