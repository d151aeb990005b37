import type { BreakName } from './breaks';
import type { PkiStore } from './pkiStore';

/** Which API version a request addressed, and which object if any. */
export interface PkiRoute {
  version: 'beta' | 'v1.0';
  id?: string;
}

/** What every handler shares: the state, the clock, the id source, the variant and the active breaks. */
export interface SimContext {
  store: PkiStore;
  breaks: ReadonlySet<BreakName>;
  variant: 'plain' | 'odd-but-valid';
  now: () => Date;
  newId: () => string;
}
