import type { Journal } from './journal';
import type { Exchange, ReceivedResponse, SentRequest } from '../common/exchange';

/** Where a run's requests go and how they are authorised; the same scenarios run against any target. */
export interface Target {
  name: string;
  /** Base URL every scenario path is appended to, e.g. `https://graph.microsoft.com/beta`. */
  baseUrl: string;
  /**
   * The Authorization header value for `auth: default`, or undefined to send none; throws CredentialError when none can
   * be had.
   */
  authorization(): Promise<string | undefined>;
  /** Sends one request; throws TransportError when no answer could be had. */
  send(request: SentRequest): Promise<ReceivedResponse>;
  /** Values that must never appear in output (tokens, secrets). */
  secrets(): string[];
  /**
   * The id of an existing object to work on instead of a scratch one, from the variable a fixture names (live targets).
   */
  existingId?(variable: string): string | undefined;
  /**
   * How many requests the target takes at once (live targets: their concurrency cap); a worker keeps that many
   * scenarios in flight to hide the service's latency. Absent: one scenario at a time.
   */
  requestCap?: number;
  /** Where writes are recorded before they happen, so an interrupted run can be undone (live targets). */
  journal?: Journal;
  /**
   * Called by runScenario before a scenario's first request (cassette targets pick or start that scenario's cassette).
   */
  beginScenario?(scenario: { id: string; runId: string }): void;
  /**
   * Called by runScenario after a scenario's last request, with its exchanges (a recording target writes the cassette).
   */
  endScenario?(exchanges: Exchange[]): Promise<void>;
  /**
   * How a person reproduces this target's answers outside the run, when its base URL is not one they can call (the
   * replay target answers Graph's own URL in-process): a command that serves the same behaviour, its base URL and the
   * bearer token it accepts. Transcripts then print curl lines for that instead.
   */
  reproduce?: Reproduction;
  /** Releases connections, servers and interceptors. */
  close(): Promise<void>;
}

/** A command that serves what a target answers, and how to call it. */
export interface Reproduction {
  command: string;
  baseUrl: string;
  bearer: string;
}

/**
 * No answer was obtained (connection refused, reset, timeout, throttled beyond the retry budget); a missing credential
 * is a CredentialError.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'transport' | 'throttled' = 'transport',
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
