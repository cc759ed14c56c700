// The shared retry policy (retry.ts) in promise-retry's terms, which @sigstore/sign and @sigstore/oci retry with:
// 5xx, 408, 429 and network errors, with exponential backoff and jitter.
import { DEFAULT_RETRY_POLICY } from '../retry.js';

export const SIGSTORE_RETRY = {
  retries: DEFAULT_RETRY_POLICY.maxAttempts - 1,
  factor: 2,
  minTimeout: DEFAULT_RETRY_POLICY.baseDelayMs,
  maxTimeout: DEFAULT_RETRY_POLICY.maxDelayMs,
  randomize: true,
};
