import { CredentialError } from './credentialError';

/** The scope a loopback Graph (a simulator or a test server) is asked for, since it has no audience of its own. */
export const defaultGraphScope = 'https://graph.microsoft.com/.default';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The client-credentials scope for a Graph base URL: `<origin>/.default`, so national clouds ask for their own
 * audience.
 */
export function graphScope(graphBaseUrl: string, override?: string): string {
  if (override) return override;
  let url: URL;
  try {
    url = new URL(graphBaseUrl);
  } catch {
    throw new CredentialError(
      'GRAPH_BASE_URL is not an absolute URL, so no token scope can be derived from it; set GRAPH_BASE_URL or GRAPH_SCOPE',
    );
  }
  const host = url.hostname.toLowerCase();
  if (loopbackHosts.has(host) || host.endsWith('.localhost') || /^127\./.test(host)) return defaultGraphScope;
  return `${url.origin}/.default`;
}
