import { log, UsageError } from '../common/log';
import { helpOf, usage } from './usage';

type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `lint` and `run` on replay should not pay for loading the auth library or the HTTP server.
const commands: Record<string, () => Command> = {
  run: () => (require('./runCommand') as typeof import('./runCommand')).runCommand,
  lint: () => (require('./lintCommand') as typeof import('./lintCommand')).lintCommand,
  serve: () => (require('./serveCommand') as typeof import('./serveCommand')).serveCommand,
  restore: () => (require('./restoreCommand') as typeof import('./restoreCommand')).restoreCommand,
  record: () => (require('./recordCommand') as typeof import('./recordCommand')).recordCommand,
  'merge-reports': () =>
    (require('./mergeReportsCommand') as typeof import('./mergeReportsCommand')).mergeReportsCommand,
  contracts: () => (require('./contractsDiffCommand') as typeof import('./contractsDiffCommand')).contractsDiffCommand,
  docs: () => (require('./docsCommand') as typeof import('./docsCommand')).docsCommand,
  import: () => (require('./importCommand') as typeof import('./importCommand')).importCommand,
  history: () => (require('./historyCommand') as typeof import('./historyCommand')).historyCommand,
  baseline: () => (require('./baselineCommand') as typeof import('./baselineCommand')).baselineCommand,
  'verify-recordings': () =>
    (require('./verifyRecordingsCommand') as typeof import('./verifyRecordingsCommand')).verifyRecordingsCommand,
};

/** Entry point of the `conformance` command; returns the exit code and never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    log.error(`unknown command ${JSON.stringify(name)}; commands: ${Object.keys(commands).join(', ')}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(helpOf(name));
    return 0;
  }
  try {
    return await command()(args);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
      const message =
        code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
          ? `\`${name}\` has no option ${option}`
          : (error as Error).message;
      log.error(`${message} (see conformance --help)`);
      return 2;
    }
    log.error(`internal error, please report it: ${(error as Error).stack ?? String(error)}`);
    return 3;
  }
}
