/**
 * A value recorded cassettes must not contain: an environment variable's value, or every match of a pattern; `as` names
 * its placeholder.
 */
export interface RedactConfig {
  env?: string;
  pattern?: string;
  as?: string;
}

/** A target as declared in targets.yaml (or built in). */
export interface TargetConfig {
  kind: 'replay' | 'live' | 'recordings';
  description?: string;
  /** recordings: the folder of HAR cassettes to replay, relative to the project root. */
  dir?: string;
  /**
   * Values `conformance record` replaces by `{{REDACTED:name}}` in cassettes (besides credentials, ids and the run id).
   */
  redact?: RedactConfig[];
  baseUrl?: string;
  authorityHost?: string;
  credentialsFrom?: string;
  maxConcurrency?: number;
  timeoutMs?: number;
  variant?: 'plain' | 'odd-but-valid';
  breaks?: string[];
}

/** Targets that exist without a targets.yaml entry. */
export const builtinTargets: Record<string, TargetConfig> = {
  replay: { kind: 'replay', description: 'msw in-process, answered by the stateful simulator (the default)' },
  live: { kind: 'live', description: 'GRAPH_BASE_URL (default Graph beta) with credentials from GRAPH_* variables' },
  recordings: {
    kind: 'recordings',
    dir: 'recordings/live',
    description:
      'replays the cassettes `conformance record --target live` wrote (CONFORMANCE_RECORDINGS_DIR overrides the folder)',
  },
};

const credentialVariables = [
  'ACCESS_TOKEN',
  'TENANT_ID',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'CLIENT_CERTIFICATE_PATH',
  'AUTHORITY_HOST',
  'BASE_URL',
  'PKI_ID',
  'SCOPE',
];

/**
 * The GRAPH_* environment a live target sees: its own prefix's variables and targets.yaml's fields take the place of
 * the defaults.
 */
export function targetEnvironment(config: TargetConfig, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  if (config.credentialsFrom)
    for (const name of credentialVariables) out[`GRAPH_${name}`] = env[`${config.credentialsFrom}${name}`];
  if (config.baseUrl) out.GRAPH_BASE_URL = config.baseUrl;
  if (config.authorityHost) out.GRAPH_AUTHORITY_HOST = config.authorityHost;
  return out;
}
