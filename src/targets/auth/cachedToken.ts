/** An access token and the times (epoch milliseconds) it expires and, if the issuer said so, should be refreshed. */
export interface IssuedToken {
  accessToken: string;
  expiresOn: number;
  refreshOn?: number;
}

/** Tuning for cachedToken; the defaults suit Entra ID's one-hour tokens. */
export interface CachedTokenOptions {
  /** Renew this long before expiry (default 5 minutes), or half the token's lifetime if that is shorter. */
  renewBeforeMs?: number;
  /** A token with at least this long left is still served when its renewal fails (default 1 minute). */
  graceMs?: number;
  now?: () => number;
}

/**
 * Wraps a token acquisition so the token is reused until shortly before expiry and concurrent callers share one
 * acquisition.
 */
export function cachedToken(
  acquire: () => Promise<IssuedToken>,
  options: CachedTokenOptions = {},
): () => Promise<string> {
  const now = options.now ?? Date.now;
  const renewBeforeMs = options.renewBeforeMs ?? 5 * 60_000;
  const graceMs = options.graceMs ?? 60_000;
  let current: { token: IssuedToken; renewAt: number } | undefined;
  let inFlight: Promise<IssuedToken> | undefined;

  const renew = (): Promise<IssuedToken> => {
    inFlight ??= (async () => {
      try {
        const issuedAt = now();
        // Starting on a later tick keeps `finally` from running before `inFlight` is assigned, even if acquire throws
        // at once.
        const token = await Promise.resolve().then(acquire);
        const renewAt = Math.min(
          token.expiresOn - Math.min(renewBeforeMs, (token.expiresOn - issuedAt) / 2),
          token.refreshOn ?? Infinity,
        );
        current = { token, renewAt };
        return token;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return async () => {
    if (current && now() < current.renewAt) return current.token.accessToken;
    const previous = current?.token;
    try {
      return (await renew()).accessToken;
    } catch (error) {
      // A failed early renewal need not fail the run while the token in hand is still good.
      if (previous && now() < previous.expiresOn - graceMs) return previous.accessToken;
      throw error;
    }
  };
}
