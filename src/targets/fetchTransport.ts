import type { ReceivedResponse, SentRequest } from '../common/exchange';
import { TransportError } from './target';

/**
 * Sends one request with the platform's fetch (msw intercepts it in replay); bodies go as bytes so no Content-Type is
 * invented.
 */
export async function fetchTransport(request: SentRequest, timeoutMs: number): Promise<ReceivedResponse> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.bodyText === undefined ? undefined : new TextEncoder().encode(request.bodyText),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new TransportError(`${request.method} ${request.url} failed: ${describe(error)}`);
  }
  let bodyText: string;
  try {
    bodyText = await response.text();
  } catch (error) {
    throw new TransportError(`${request.method} ${request.url}: the body could not be read: ${describe(error)}`);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, bodyText, durationMs: Math.round(performance.now() - started) };
}

function describe(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'no answer before the timeout';
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
}
