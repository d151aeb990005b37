import type { Failure } from '../common/failure';

/** Thrown inside a scenario to end it early: the failure says why no further step can run. */
export class Stop extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}
