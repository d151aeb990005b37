import type { Scenario } from '../scenario/types';

const writing = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Whether a scenario changes server state: its own `writes:` flag, else any fixture or any writing method. */
export function scenarioWrites(scenario: Scenario): boolean {
  const doc = scenario.doc;
  return doc.writes ?? (Object.keys(doc.uses ?? {}).length > 0 || doc.steps.some((s) => writing.has(s.request.method)));
}

/** The sentence refusing a live run that would write without --allow-writes, or undefined when it may go ahead. */
export function writeRefusal(target: string, scenarios: Scenario[], allowWrites: boolean): string | undefined {
  if (allowWrites) return undefined;
  const writers = scenarios.filter(scenarioWrites);
  if (writers.length === 0) return undefined;
  return (
    `${writers.length} of the ${scenarios.length} selected scenarios would write to the live target ${target} (e.g. ${writers[0].doc.id}); ` +
    `pass --allow-writes to let them (every change is journaled and restored), or select read-only scenarios with --grep/--tag. Nothing was sent.`
  );
}
