/**
 * How the live target authorises its requests; never prints, and lists every secret it holds so output can be redacted.
 */
export interface Credential {
  /** 'token' | 'client-secret' | 'client-certificate' */
  kind: string;
  /**
   * Returns "Bearer <token>", acquiring or refreshing it as needed (cached; refreshed before expiry, safe under
   * concurrent calls: one acquisition in flight).
   */
  authorization(): Promise<string>;
  /**
   * Every secret value that must never be printed: the tokens issued so far, the client secret, the certificate file
   * and private key text.
   */
  secrets(): string[];
}
