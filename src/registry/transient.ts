// Which failures are worth another attempt: the server said it is overloaded or failing for now (429, 500, 502,
// 503, 504) or rate-limited (the GitHub API's 403), or the request got no complete answer (connection refused or
// reset, a timeout). Anything else (other 4xx, authentication, a digest mismatch) would fail the same way again.
import { RetryExhaustedError, type RetryReason } from '../retry.js';
import { RateLimitedError, RegistryError } from './errors.js';
import { NetworkError } from './http.js';

const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

// Node's system errors for a connection that failed or broke off; TIMEOUT is sendHttp's
// time limit. Not here: ENOTFOUND (a misspelt host stays misspelt) and TLS errors.
const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/** The retry verdict for a request's failure (retry's isRetryable), with the server's Retry-After. */
export function transientFailure(error: unknown): RetryReason | false {
  if (error instanceof NetworkError) {
    return error.code !== undefined && TRANSIENT_NETWORK_CODES.has(error.code) ? {} : false;
  }
  if (error instanceof RateLimitedError && error.retryAfter !== undefined) {
    return { retryAfter: error.retryAfter, retryAfterIsFloor: true };
  }
  if (error instanceof RegistryError && error.status !== undefined && TRANSIENT_STATUSES.has(error.status)) {
    return error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter };
  }
  return false;
}

/**
 * Retries that ran out, as a RegistryError with the last attempt's status and codes (callers tell a 404 from a
 * 503 by them) and the retry message ("… (gave up after 7 attempts in 31.2 s)"). Other errors are returned as
 * they are.
 */
export function asRegistryError(error: unknown): unknown {
  if (!(error instanceof RetryExhaustedError) || !(error.lastError instanceof RegistryError)) return error;
  const last = error.lastError;
  return new RegistryError(error.message, last.status, last.codes, { cause: error });
}
