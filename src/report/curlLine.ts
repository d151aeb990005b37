import type { SentRequest } from '../common/exchange';

/**
 * A shell-ready curl command that reproduces a request (redact its output before showing it). With `elsewhere`, the
 * request goes to that base URL instead of `from`, and the credential the target presented becomes that bearer token.
 */
export function curlLine(
  request: SentRequest,
  elsewhere?: { from: string; baseUrl: string; bearer: string; presented?: string },
): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const url =
    elsewhere && request.url.startsWith(elsewhere.from)
      ? elsewhere.baseUrl + request.url.slice(elsewhere.from.length)
      : request.url;
  const parts = ['curl', '-i', '-X', request.method, quote(url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (elsewhere && name === 'authorization' && value === elsewhere.presented)
      parts.push('--oauth2-bearer', elsewhere.bearer);
    else parts.push('-H', quote(`${name}: ${value}`));
  }
  if (request.bodyText !== undefined) parts.push('--data-binary', quote(request.bodyText));
  return parts.join(' ');
}
