import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** What acquireChild.ts printed on its last line. */
export interface ChildResult {
  kind: string;
  /** SHA-256 hex of each Authorization header, per batch of concurrent calls. */
  batches: string[][];
  /** `METHOD origin/path` of every fetch msal-node made. */
  contacted: string[];
  error?: { name: string; reason?: string; message: string };
}

/** A finished child run: its parsed result and everything it wrote. */
export interface ChildRun {
  result: ChildResult;
  output: string;
}

/**
 * Runs acquireChild.ts with only the given variables (no GRAPH_* or proxy settings leak in from this process), trusting
 * caFile.
 */
export async function runAcquireChild(
  env: Record<string, string>,
  caFile: string,
  allowedOrigin: string,
): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), join(__dirname, 'acquireChild.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: caFile, CHILD_ALLOWED_ORIGIN: allowedOrigin, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`acquireChild exited ${code}: ${stderr.slice(0, 2000)}`);
  return { result: JSON.parse(last) as ChildResult, output: stdout + stderr };
}

/** The SHA-256 hex the child prints for an Authorization header. */
export function headerHash(token: string): string {
  return createHash('sha256').update(`Bearer ${token}`).digest('hex');
}
