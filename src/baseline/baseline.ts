import type { SourceLocation } from '../common/sourceLocation';

/** One known failure: which scenario, which code, where in the exchange; why, who, and until when it is accepted. */
export interface BaselineEntry {
  scenario: string;
  /** In a matrix run: the target the failure is known on; without it, the failure is known on every target. */
  target?: string;
  code: string;
  pointer?: string;
  reason?: string;
  owner?: string;
  /** YYYY-MM-DD: from this day on the failure counts again. */
  expires?: string;
  /** Where the entry is written, for "delete line N" once it is fixed. */
  at?: SourceLocation;
}

/** How a failure stands against the baseline. */
export type BaselineStatus = 'known' | 'new' | 'expired';

/** The identity of a failure across runs: (target,) scenario, code and pointer, never the message text. */
export function baselineKey(entry: { scenario: string; code: string; pointer?: string; target?: string }): string {
  return `${entry.target ?? '*'} ${entry.scenario} ${entry.code} ${entry.pointer ?? ''}`;
}
