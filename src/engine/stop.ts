import type { Failure } from '../common/failure';

/** Thrown inside a scenario to end it early: the failure says why no further step can run. */
export class Stop extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }

  /** The same stop with a note added to its message. */
  noting(note: string): Stop {
    return new Stop({ ...this.failure, message: `${this.failure.message} (${note})` });
  }
}
