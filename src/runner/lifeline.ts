import { Socket } from 'node:net';

/** The environment variable naming the descriptor whose other end `conformance run` holds open while it lives. */
export const lifelineVariable = 'CONFORMANCE_LIFELINE';

/**
 * Ends the run at once when the CLI that started it is gone. `conformance run` starts Playwright's runner in a process
 * group of its own and keeps the write end of a pipe open for as long as it lives; the kernel closes that end when the
 * CLI dies in any way (`kill -9` included), so the runner sees end-of-file and kills its whole group (itself and every
 * worker) before another request is sent. A timer would let requests through until it fired; the pipe does not. The
 * write-ahead journal still holds every write made, so the next run (or `conformance restore`) undoes them. Without the
 * variable (Playwright started by hand) this does nothing.
 */
export function holdLifeline(env: NodeJS.ProcessEnv = process.env, end: () => void = killOwnGroup): void {
  const fd = env[lifelineVariable];
  if (fd === undefined) return;
  delete env[lifelineVariable]; // a worker's descriptor of that number is something else
  const line = new Socket({ fd: Number(fd), readable: true, writable: false });
  line.on('data', () => undefined);
  line.once('end', end).once('close', end).once('error', end);
  line.unref(); // the lifeline alone must not keep the runner alive once its work is done
}

/** Kills this process's group: the runner (its leader) and every worker it started. */
function killOwnGroup(): void {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } finally {
    process.kill(process.pid, 'SIGKILL');
  }
}
