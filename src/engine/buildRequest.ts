import { randomUUID } from 'node:crypto';
import { interpolate, type Scope } from '../scenario/interpolate';
import type { RequestSpec } from '../scenario/types';
import type { Target } from '../targets/target';
import type { SentRequest } from '../common/exchange';

/** A syntactically plausible bearer token no service has issued: header.payload.signature of random bytes. */
export function invalidToken(): string {
  const part = () => Buffer.from(randomUUID()).toString('base64url');
  return `${part()}.${part()}.${part()}`;
}

/**
 * Resolves a request's {variables} and adds what every request carries: a client-request-id GUID and the target's
 * credential.
 */
export async function buildRequest(spec: RequestSpec, scope: Scope, target: Target): Promise<SentRequest> {
  const path = String(interpolate(spec.path, scope));
  const url = new URL(target.baseUrl.replace(/\/$/, '') + path);
  for (const [name, value] of Object.entries(spec.query ?? {}))
    url.searchParams.set(name, String(interpolate(String(value), scope)));
  const headers: Record<string, string> = { 'client-request-id': randomUUID() };
  const auth = spec.auth ?? 'default';
  const credential =
    auth === 'default' ? await target.authorization() : auth === 'invalid' ? `Bearer ${invalidToken()}` : undefined;
  if (credential !== undefined) headers.authorization = credential;
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    if (value === null) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = String(interpolate(value, scope));
  }
  const request: SentRequest = { method: spec.method, url: url.toString(), headers };
  if (spec.body !== undefined) {
    request.json = interpolate(spec.body, scope);
    request.bodyText = JSON.stringify(request.json);
  } else if (spec.rawBody !== undefined) {
    request.bodyText = String(interpolate(spec.rawBody, scope));
  }
  return request;
}
