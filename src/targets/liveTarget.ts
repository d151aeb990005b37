import { join } from 'node:path';
import { projectRoot } from '../common/projectRoot';
import type { ReceivedResponse, SentRequest } from '../common/exchange';
import { createCredential } from './auth/createCredential';
import { type Credential } from './auth/credential';
import { concurrencyLimit } from './concurrencyLimit';
import { fetchTransport } from './fetchTransport';
import { Journal } from './journal';
import { createPacer } from './pacer';
import { defaultRetryPolicy, sendWithRetries } from './retryPolicy';
import type { Target } from './target';

/** Graph's public endpoint, used when GRAPH_BASE_URL is not set. */
export const defaultGraphBaseUrl = 'https://graph.microsoft.com/beta';

/** How a live target is reached; every field may come from targets.yaml, the rest from the environment. */
export interface LiveTargetConfig {
  name: string;
  baseUrl?: string;
  /** Environment overrides for this target (e.g. another GRAPH_CLIENT_ID); values never hold secrets inline. */
  env?: NodeJS.ProcessEnv;
  maxConcurrency?: number;
  timeoutMs?: number;
}

/** Where a target's write journal lives: one file per target name, outside reports/ so a clean of reports keeps it. */
export function journalFile(targetName: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.CONFORMANCE_JOURNAL_DIR
    ? join(env.CONFORMANCE_JOURNAL_DIR, `${targetName}.jsonl`)
    : join(projectRoot, '.conformance', 'journal', `${targetName}.jsonl`);
}

/**
 * A real Graph-compatible service: credentials through msal-node (or a given token), retries on throttling, a
 * concurrency cap, a write journal.
 */
export function createLiveTarget(config: LiveTargetConfig, env: NodeJS.ProcessEnv = process.env): Target {
  const merged = { ...env, ...config.env };
  const baseUrl = (config.baseUrl ?? merged.GRAPH_BASE_URL ?? defaultGraphBaseUrl).replace(/\/$/, '');
  const credential: Credential = createCredential(merged, baseUrl);
  const requestCap = config.maxConcurrency ?? Number(merged.CONFORMANCE_MAX_CONCURRENCY || 4);
  const limit = concurrencyLimit(requestCap);
  const timeoutMs = config.timeoutMs ?? Number(merged.CONFORMANCE_REQUEST_TIMEOUT_MS || 30_000);
  const policy = {
    ...defaultRetryPolicy,
    maxRetries: Number(merged.CONFORMANCE_MAX_RETRIES || defaultRetryPolicy.maxRetries),
    maxThrottledRetries: Number(merged.CONFORMANCE_MAX_THROTTLED_RETRIES || defaultRetryPolicy.maxThrottledRetries),
  };
  // One pacer for every request of this worker: a 429 slows them all, not only the request that drew it.
  const pacer = createPacer();
  const send = (request: SentRequest): Promise<ReceivedResponse> =>
    limit(() => sendWithRetries((r) => fetchTransport(r, timeoutMs), request, policy, undefined, pacer));
  return {
    name: config.name,
    baseUrl,
    authorization: () => credential.authorization(),
    send,
    requestCap,
    secrets: () => credential.secrets(),
    existingId: (variable) => merged[variable] || undefined,
    journal: new Journal(journalFile(config.name, merged), baseUrl),
    close: async () => undefined,
  };
}
