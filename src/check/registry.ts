import type { Check } from './check';
import { bodyEchoes } from './checks/bodyEchoes';
import { bodyEmpty } from './checks/bodyEmpty';
import { bodyMatches } from './checks/bodyMatches';
import { bodyPersisted } from './checks/bodyPersisted';
import { bodySchemaConformance } from './checks/bodySchemaConformance';
import { bodyUnchanged } from './checks/bodyUnchanged';
import { errorCode } from './checks/errorCode';
import { headerRules } from './checks/headerRules';
import { headerSchemaConformance } from './checks/headerSchemaConformance';
import { odataType } from './checks/odataType';
import { serverManaged } from './checks/serverManaged';
import { statusConformance } from './checks/statusConformance';

/** Every check, by name, in the order they run; header rules come before the header schema so its duplicates can be dropped. */
export const checks: readonly Check[] = [
  statusConformance, headerRules, headerSchemaConformance, bodyEmpty, bodySchemaConformance, odataType,
  errorCode, bodyMatches, bodyEchoes, bodyPersisted, bodyUnchanged, serverManaged,
];

/** Looks a check up by its registered name. */
export function checkNamed(name: string): Check | undefined {
  return checks.find((c) => c.name === name);
}
