import { lintCommand } from './lintCommand';
import { log, UsageError } from './log';
import { restoreCommand } from './restoreCommand';
import { runCommand } from './runCommand';
import { serveCommand } from './serveCommand';
import { usage } from './usage';

const commands: Record<string, (args: string[]) => Promise<number>> = { run: runCommand, lint: lintCommand, serve: serveCommand, restore: restoreCommand };

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
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      log.error(`${(error as Error).message}\n(see conformance --help)`);
      return 2;
    }
    log.error(`internal error, please report it: ${(error as Error).stack ?? String(error)}`);
    return 3;
  }
}
