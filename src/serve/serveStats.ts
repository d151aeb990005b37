import { message } from '../common/log';

/**
 * What the server has done since it started: requests seen, answered by the simulator, struck by each fault profile,
 * rejected on its own.
 */
export interface ServeStats {
  requests: number;
  /** Requests the simulator answered (a slowed request counts here too). */
  served: number;
  /** Requests each profile struck, by profile name. */
  faulted: Record<string, number>;
  /** Requests the server answered itself: body too large, internal error. */
  rejected: number;
  /** Requests the client abandoned before they were complete. */
  aborted: number;
  faultSeed: number;
}

/** The one-line summary `serve --fault-stats` prints on shutdown. */
export function statsSummary(stats: ServeStats): string {
  const faults = Object.entries(stats.faulted).map(([name, count]) => `${name} ${count}`);
  return message(
    'serve',
    `${stats.requests} requests, ${stats.served} served by the simulator, faulted: ${faults.length ? faults.join(', ') : 'none'}, ` +
      `${stats.rejected} rejected, ${stats.aborted} aborted (fault-seed ${stats.faultSeed})`,
  );
}
