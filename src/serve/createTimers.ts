/** Cancellable sleeps, so that shutting down never waits on a slowed or held request. */
export interface Timers {
  /** Resolves true after `ms`, or false at once if cancelled. */
  sleep(ms: number): Promise<boolean>;
  cancelAll(): void;
}

/** Creates an empty set of cancellable sleeps. */
export function createTimers(): Timers {
  const pending = new Map<NodeJS.Timeout, (finished: boolean) => void>();
  return {
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve(true);
        }, ms);
        pending.set(timer, resolve);
      }),
    cancelAll: () => {
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve(false);
      }
      pending.clear();
    },
  };
}
