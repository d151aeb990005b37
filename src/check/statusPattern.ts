import type { StatusPattern } from '../scenario/types';

/** True when a status matches an exact code or a class such as `4xx`. */
export function matchesStatus(status: number, pattern: StatusPattern): boolean {
  if (typeof pattern === 'number') return status === pattern;
  return /^[1-5]xx$/.test(pattern) && Math.floor(status / 100) === Number(pattern[0]);
}

/** Picks the most specific key ('204' beats '2xx' beats 'default') that matches a status. */
export function mostSpecificKey(status: number, keys: string[]): string | undefined {
  return (
    keys.find((k) => k === String(status)) ??
    keys.find((k) => /^[1-5]xx$/.test(k) && matchesStatus(status, k)) ??
    keys.find((k) => k === 'default')
  );
}
