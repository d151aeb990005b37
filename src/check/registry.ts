import type { Check } from './check';
import { echoConformance } from './checks/echoConformance';
import { emptyBodyConformance } from './checks/emptyBodyConformance';
import { bodyMatches } from './checks/bodyMatches';
import { collectionItems } from './checks/collectionItems';
import { persistenceConformance } from './checks/persistenceConformance';
import { responseSchemaConformance } from './checks/responseSchemaConformance';
import { partialUpdateConformance } from './checks/partialUpdateConformance';
import { errorCodeConformance } from './checks/errorCodeConformance';
import { headerConformance } from './checks/headerConformance';
import { headerSchemaConformance } from './checks/headerSchemaConformance';
import { odataTypeConformance } from './checks/odataTypeConformance';
import { serverManagedConformance } from './checks/serverManagedConformance';
import { statusConformance } from './checks/statusConformance';

/**
 * Every check, by name, in the order they run; header rules come before the header schema so its duplicates can be
 * dropped.
 */
export const checks: readonly Check[] = [
  statusConformance,
  headerConformance,
  headerSchemaConformance,
  emptyBodyConformance,
  responseSchemaConformance,
  odataTypeConformance,
  errorCodeConformance,
  bodyMatches,
  collectionItems,
  echoConformance,
  persistenceConformance,
  partialUpdateConformance,
  serverManagedConformance,
];
