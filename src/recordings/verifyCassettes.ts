import type { Contracts } from '../contract/loadContracts';
import { runScenario } from '../engine/runScenario';
import type { Scenario } from '../scenario/types';
import type { Cassette } from './cassette';
import { scenarioOf } from './loadCassettes';
import { operationsOf } from './operations';
import { createCassetteReplayTarget } from './cassetteReplayTarget';
import { verifyEntries } from './verifyEntries';
import type { CassetteVerdict } from './cassetteVerdict';

/**
 * Verifies cassettes without sending anything: a scenario's cassette is replayed through that scenario (same checks,
 * same failures as a run); any other HAR is checked entry by entry against the suites' rules.
 */
export async function verifyCassettes(
  cassettes: Cassette[],
  scenarios: Scenario[],
  contracts: Contracts,
  runId: string,
): Promise<CassetteVerdict[]> {
  const byId = new Map(scenarios.map((s) => [s.doc.id, s]));
  const operations = operationsOf(scenarios);
  let current: Cassette | undefined;
  const target = createCassetteReplayTarget('verify-recordings', {
    basePath: '/beta',
    cassetteFor: (id) => current ?? `no cassette for ${id}`,
  });
  const verdicts: CassetteVerdict[] = [];
  try {
    for (const cassette of cassettes) {
      const id = scenarioOf(cassette);
      const scenario = byId.get(id);
      if (!scenario) {
        const verdict = verifyEntries(cassette, operations, contracts);
        if (cassette.info)
          verdict.notes.unshift(`scenario ${id} is not among the scenarios: only the suite rules were checked`);
        verdicts.push(verdict);
        continue;
      }
      current = cassette;
      const result = await runScenario(scenario, { target, contracts, runId });
      const unused = target.unused();
      const notes = unused.length
        ? [
            `${unused.length} recorded request${unused.length === 1 ? ' was' : 's were'} not replayed (first: #${unused[0].index} ${unused[0].method} ${unused[0].path})`,
          ]
        : [];
      verdicts.push({
        file: cassette.file,
        scenario: id,
        scenarioFile: scenario.file,
        verdict: result.verdict,
        failures: result.failures,
        checked: result.exchanges.length,
        notes,
      });
    }
  } finally {
    await target.close();
  }
  return verdicts;
}
