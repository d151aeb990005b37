/** The one prefix every message of the harness starts with, so its output is easy to tell apart and to grep. */
export const messagePrefix = 'conformance';

/** The parts of the harness that speak for themselves (the CLI speaks as plain `conformance:`). */
export type MessageSource = 'replay' | 'recordings' | 'simulator' | 'serve';

/** A message from one part of the harness, e.g. `conformance recordings: no recorded answer ...`. */
export function message(source: MessageSource, text: string): string {
  return `${messagePrefix} ${source}: ${text}`;
}

/** Every line the CLI prints goes through here. */
export const log = {
  info: (text: string) => process.stdout.write(`${text}\n`),
  error: (text: string) => process.stderr.write(`${messagePrefix}: ${text}\n`),
  raw: (text: string) => process.stderr.write(text),
};

/** An error the user can fix (bad flag, unknown target): printed as one sentence, exit 2. */
export class UsageError extends Error {}
