import { delimiter, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runSettings, type RunSettings } from '../runner/runSettings';
import { UsageError } from '../common/log';

/** `run`'s parsed command line: the environment handed to Playwright and what the CLI itself acts on. */
export interface RunOptions {
  env: NodeJS.ProcessEnv;
  settings: RunSettings;
  shard?: string;
  allowWrites: boolean;
  workers: number;
  /** `--list`: print the selected scenarios and send nothing. */
  list: boolean;
  /** `--baseline FILE`: known failures that do not fail the run. */
  baseline?: string;
  /** `--strict-baseline`: a known failure that no longer happens fails the run too. */
  strictBaseline: boolean;
  /** `--history FILE`: the nightly history the run is compared with and appended to. */
  history?: string;
}

/** Every option `run` takes (its help must name each one: test/cli/commandLine.spec.ts). */
export const runOptionSpec = {
  target: { type: 'string' },
  grep: { type: 'string' },
  tag: { type: 'string' },
  workers: { type: 'string' },
  concurrency: { type: 'string' },
  'report-dir': { type: 'string' },
  shard: { type: 'string' },
  retries: { type: 'string' },
  'allow-writes': { type: 'boolean' },
  list: { type: 'boolean' },
  baseline: { type: 'string' },
  'strict-baseline': { type: 'boolean' },
  history: { type: 'string' },
} as const;

/** Parses `conformance run`'s flags; a bad value is a UsageError naming the flag and the value. */
export function parseRunOptions(args: string[], base: NodeJS.ProcessEnv = process.env): RunOptions {
  const { values, positionals, tokens } = parseArgs({
    args,
    options: runOptionSpec,
    allowPositionals: true,
    tokens: true,
  });
  refuseRepeats(tokens);
  const env: NodeJS.ProcessEnv = { ...base, CONFORMANCE_RUN_ID: runSettings({}).runId };
  if (values.target !== undefined) env.CONFORMANCE_TARGET = values.target;
  if (values.grep !== undefined) env.CONFORMANCE_GREP = checkRegExp(values.grep);
  if (values.tag !== undefined) env.CONFORMANCE_TAG = values.tag;
  if (values.workers !== undefined) env.CONFORMANCE_WORKERS = String(wholeNumber('--workers', values.workers, 1));
  if (values.concurrency !== undefined)
    env.CONFORMANCE_SCENARIO_CONCURRENCY = String(wholeNumber('--concurrency', values.concurrency, 1));
  if (values.retries !== undefined) env.CONFORMANCE_RETRIES = String(wholeNumber('--retries', values.retries, 0));
  if (values['report-dir'] !== undefined) env.CONFORMANCE_REPORT_DIR = resolve(values['report-dir']);
  if (positionals.length) env.CONFORMANCE_SCENARIOS = positionals.map((p) => resolve(p)).join(delimiter);
  if (values.shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(values.shard))
    throw new UsageError(`--shard takes I/N, e.g. 1/3; got ${JSON.stringify(values.shard)}`);
  if (values.shard !== undefined) {
    env.CONFORMANCE_SHARD = values.shard;
    const [i, n] = values.shard.split('/').map(Number);
    if (i > n) throw new UsageError(`--shard ${values.shard}: the shard number cannot exceed the shard count`);
  }
  return {
    env,
    settings: runSettings(env),
    shard: values.shard,
    allowWrites: values['allow-writes'] ?? false,
    workers: Number(env.CONFORMANCE_WORKERS || 1),
    list: values.list ?? false,
    baseline: values.baseline === undefined ? undefined : resolve(values.baseline),
    strictBaseline: values['strict-baseline'] ?? false,
    history: values.history === undefined ? undefined : resolve(values.history),
  };
}

/** A flag given twice would silently keep the last value (two --target flags ran only the second): refuse it. */
function refuseRepeats(tokens: ReturnType<typeof parseArgs>['tokens'] = []): void {
  const given = new Map<string, string[]>();
  for (const token of tokens)
    if (token.kind === 'option') given.set(token.name, [...(given.get(token.name) ?? []), token.value ?? 'true']);
  for (const [name, values] of given) {
    if (values.length < 2) continue;
    const several = name === 'target' ? `; several targets go in one: --target ${values.join(',')}` : '';
    throw new UsageError(`--${name} is given ${values.length} times (${values.join(', ')}); give it once${several}`);
  }
}

function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min)
    throw new UsageError(`${flag} takes a whole number of at least ${min}; got ${JSON.stringify(value)}`);
  return n;
}

function checkRegExp(source: string): string {
  try {
    new RegExp(source);
    return source;
  } catch (error) {
    throw new UsageError(`--grep is not a valid regular expression: ${(error as Error).message}`);
  }
}
