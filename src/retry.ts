// Retries with exponential backoff and full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
// the n-th retry waits a random time between 0 and min(maxDelay, base × 2^(n-1)), so that clients failing together
// do not come back together. A server's Retry-After replaces that wait. Retries are bounded in count and in time.
// Sleeping, randomness and the clock are injectable, so that the schedule is tested without waiting.
import { errorMessage } from './error-message.js';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** No retry starts later than this after the first attempt started (a wait that would end later is not begun). */
  maxElapsedMs: number;
  /** The wait before the first retry is at most this; it doubles with each retry. */
  baseDelayMs: number;
  /** The most a backoff wait can be, before jitter. */
  maxDelayMs: number;
  /** The most a server's Retry-After is honoured for; a longer one is shortened to this. */
  maxRetryAfterMs: number;
}

/** For one registry request (or one command): 7 attempts within a minute, so that a blip of ~10 s is ridden out. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 7,
  maxElapsedMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
};

/** The policy bounds and the clock, sleep and randomness behind them; tests replace the last three. */
export interface RetryTuning extends Partial<RetryPolicy> {
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), like Math.random. */
  random?: () => number;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

/** Why a failure is worth another attempt. */
export interface RetryReason {
  /** What failed, for the log and the final error; the error's message when absent. */
  reason?: string;
  /** A Retry-After header value (seconds or an HTTP-date) the server sent with the failure. */
  retryAfter?: string;
  /**
   * The server forbids an earlier retry (a rate limit): a Retry-After longer than maxRetryAfterMs ends the retries
   * rather than being shortened.
   */
  retryAfterIsFloor?: boolean;
}

export interface RetryOptions extends RetryTuning {
  /** false to fail at once (the error is rethrown as it is); true or a RetryReason to try again. */
  isRetryable: (error: unknown) => boolean | RetryReason;
  /** Told about each retry before its wait, with the reason, e.g. for core.info or core.warning. */
  onRetry?: (message: string) => void;
}

/** The retries ran out: the message says how many attempts over how long, and the last reason. */
export class RetryExhaustedError extends Error {
  override name = 'RetryExhaustedError';

  constructor(
    message: string,
    readonly attempts: number,
    /** The last attempt's error. */
    readonly lastError: unknown,
  ) {
    super(message, { cause: lastError });
  }
}

/** Runs `attempt` until it succeeds, fails with an error that is not retryable, or the retries run out. */
export async function retry<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = policyOf(options);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const started = now();

  for (let attemptNumber = 1; ; attemptNumber++) {
    let error: unknown;
    try {
      return await attempt(attemptNumber);
    } catch (caught) {
      error = caught;
    }
    const verdict = options.isRetryable(error);
    if (verdict === false) throw error;
    const { reason = errorMessage(error), retryAfter, retryAfterIsFloor = false } = verdict === true ? {} : verdict;

    const elapsed = now() - started;
    const giveUp = (why: string) =>
      new RetryExhaustedError(
        `${reason} (gave up after ${plural(attemptNumber, 'attempt')} in ${seconds(elapsed)}${why})`,
        attemptNumber,
        error,
      );
    if (attemptNumber >= policy.maxAttempts) throw giveUp('');
    const requested = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, now());
    if (retryAfterIsFloor && requested !== undefined && requested > policy.maxRetryAfterMs) {
      throw giveUp(
        `: it asks for a wait of ${seconds(requested)}, longer than the ${seconds(policy.maxRetryAfterMs)} allowed`,
      );
    }
    const delay =
      requested === undefined
        ? backoffDelay(attemptNumber, policy, random)
        : Math.min(requested, policy.maxRetryAfterMs);
    if (elapsed + delay > policy.maxElapsedMs) {
      throw giveUp(`: waiting ${seconds(delay)} more would pass the ${seconds(policy.maxElapsedMs)} limit`);
    }
    options.onRetry?.(
      `${reason}; attempt ${attemptNumber} of ${policy.maxAttempts} failed, trying again in ${seconds(delay)}` +
        (requested === undefined ? '' : ' (as its Retry-After asks)'),
    );
    await sleep(delay);
  }
}

/** The wait before retry number `retry` (1 for the first): full jitter over the exponential cap. */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/**
 * A Retry-After header (RFC 9110 section 10.2.3) as milliseconds from `now`: delay-seconds or an HTTP-date (a
 * date already past means 0). Undefined when the value is neither, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form names a weekday and a month; without letters, Date.parse would read "1.5" as a date.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function policyOf(tuning: Partial<RetryPolicy>): RetryPolicy {
  const defaults = DEFAULT_RETRY_POLICY;
  return {
    maxAttempts: tuning.maxAttempts ?? defaults.maxAttempts,
    maxElapsedMs: tuning.maxElapsedMs ?? defaults.maxElapsedMs,
    baseDelayMs: tuning.baseDelayMs ?? defaults.baseDelayMs,
    maxDelayMs: tuning.maxDelayMs ?? defaults.maxDelayMs,
    maxRetryAfterMs: tuning.maxRetryAfterMs ?? defaults.maxRetryAfterMs,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
