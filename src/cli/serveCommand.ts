import { parseArgs } from 'node:util';
import { ServeError } from '../serve/serveError';
import { statsSummary } from '../serve/serveStats';
import { startServer, type RunningServer } from '../serve/startServer';
import { log, UsageError } from '../common/log';
import { message } from '../common/log';

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string', multiple: true },
  fault: { type: 'string', multiple: true },
  break: { type: 'string', multiple: true },
  variant: { type: 'string' },
  seed: { type: 'string', multiple: true },
  'fault-seed': { type: 'string' },
  'fault-stats': { type: 'boolean' },
} as const;

const VARIANTS = ['plain', 'odd-but-valid'] as const;

function wholeNumber(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) {
    throw new UsageError(`${flag} takes a whole number from 0 to ${max}; got ${JSON.stringify(value)}`);
  }
  return n;
}

function variantOf(value: string | undefined): (typeof VARIANTS)[number] | undefined {
  if (value === undefined) return undefined;
  const found = VARIANTS.find((v) => v === value);
  if (!found) throw new UsageError(`--variant takes ${VARIANTS.join(' or ')}; got ${JSON.stringify(value)}`);
  return found;
}

const flushed = (): Promise<void> => new Promise((resolve) => process.stdout.write('', () => resolve()));

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    // Handlers are removed after the first signal, so a second Ctrl-C still stops a shutdown that hangs.
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `conformance serve`: the simulator over loopback HTTP, optionally with faults, until SIGINT or SIGTERM. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options, allowPositionals: false });
  const envToken = process.env.GRAPH_ACCESS_TOKEN;
  const tokens = values.token ?? (envToken ? [envToken] : []);
  if (tokens.some((t) => !/^\S+$/.test(t))) throw new UsageError('--token takes a non-empty value without spaces');
  let server: RunningServer;
  try {
    server = await startServer({
      port: wholeNumber('--port', values.port, 65535),
      host: values.host,
      tokens,
      faults: values.fault,
      breaks: values.break
        ?.flatMap((b) => b.split(','))
        .map((b) => b.trim())
        .filter((b) => b !== ''),
      variant: variantOf(values.variant),
      seedIds: values.seed,
      faultSeed: wholeNumber('--fault-seed', values['fault-seed'], 2 ** 32 - 1),
    });
  } catch (error) {
    if (error instanceof ServeError) throw new UsageError(error.message);
    throw error;
  }
  const stopped = untilSignal();
  const lines = [message('serve', `listening on ${server.url}`)];
  if (server.tokenGenerated)
    lines.push(message('serve', `token ${server.token} (generated; choose one with --token or GRAPH_ACCESS_TOKEN)`));
  // One write, so a reader that has seen the ready line already has the token line too.
  log.info(lines.join('\n'));
  await flushed();
  await stopped;
  await server.close();
  if (values['fault-stats']) log.info(statsSummary(server.stats()));
  await flushed();
  return 0;
}
