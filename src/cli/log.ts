/** Every message the CLI prints goes through here, with one prefix, so output stays consistent and easy to grep. */
export const log = {
  info: (message: string) => process.stdout.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`conformance: ${message}\n`),
  raw: (text: string) => process.stderr.write(text),
};

/** An error the user can fix (bad flag, unknown target): printed as one sentence, exit 2. */
export class UsageError extends Error {}
