/** A reason `serve` cannot start that the user can fix (bad option, port taken), worded as one sentence. */
export class ServeError extends Error {}
