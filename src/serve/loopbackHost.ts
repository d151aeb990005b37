import { isIP } from 'node:net';

/** True for an address that only this machine can reach: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const kind = isIP(host);
  if (kind === 4) return host.split('.')[0] === '127';
  if (kind === 6) return new URL(`http://[${host}]/`).hostname === '[::1]';
  return false;
}

/** The host as it appears in a URL (IPv6 in brackets). */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
