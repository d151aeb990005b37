import type { SentRequest } from '../common/exchange';

/** A shell-ready curl command that reproduces a request (redact its output before showing it). */
export function curlLine(request: SentRequest): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = ['curl', '-i', '-X', request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.bodyText !== undefined) parts.push('--data-binary', quote(request.bodyText));
  return parts.join(' ');
}
