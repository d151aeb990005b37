import { FaultSpecError, type FaultParams, type ParamSpec } from './faultAction';

/** The selection parameters every striking profile shares: every Nth request, or each with probability p. */
export const selectionParams: Readonly<Record<string, ParamSpec>> = {
  every: { min: 1, integer: true, help: 'strike every Nth request (counted from the server start)' },
  p: { min: 0, max: 1, help: 'strike each request with this probability, drawn from --fault-seed' },
};

/**
 * Builds the predicate that says whether the next request is struck; `fallback` applies when neither every nor p was
 * given.
 */
export function selectRequests(
  params: FaultParams,
  random: () => number,
  fallback: { every: number } | { p: number },
): () => boolean {
  if (params.every !== undefined && params.p !== undefined) throw new FaultSpecError('give every=N or p=P, not both');
  const every = params.every ?? (params.p === undefined && 'every' in fallback ? fallback.every : undefined);
  const p = params.p ?? ('p' in fallback ? fallback.p : 0);
  let seen = 0;
  return () => {
    seen += 1;
    return every !== undefined ? seen % every === 0 : random() < p;
  };
}
