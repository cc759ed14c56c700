import {
  DEFAULT_RETRY_POLICY,
  RetryExhaustedError,
  backoffDelay,
  parseRetryAfter,
  retry,
  type RetryOptions,
} from '../../src/retry.js';

/** A clock that only sleeping moves, and a record of the sleeps and the retry messages. */
function fakeTime(random = 0.5) {
  const clock = { now: 1_000_000 };
  const sleeps: number[] = [];
  const messages: string[] = [];
  const tuning: Pick<RetryOptions, 'sleep' | 'now' | 'random' | 'onRetry'> = {
    sleep: (ms) => {
      sleeps.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    now: () => clock.now,
    random: () => random,
    onRetry: (message) => messages.push(message),
  };
  return { clock, sleeps, messages, tuning };
}

/** An operation that fails with each of `failures` in turn, then returns 'done'. */
function failing(...failures: Error[]) {
  let calls = 0;
  const attempt = (attemptNumber: number) => {
    calls++;
    expect(attemptNumber).toBe(calls);
    const failure = failures[calls - 1];
    return failure === undefined ? Promise.resolve('done') : Promise.reject(failure);
  };
  return { attempt, calls: () => calls };
}

describe('backoffDelay', () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 10_000 };

  it.each([
    [1, 0.999, 499],
    [2, 0.999, 999],
    [3, 0.999, 1998],
    [4, 0.999, 3996],
    [5, 0.999, 7992],
    [6, 0.999, 9990], // capped: 500 × 2^5 = 16 000 > 10 000
    [30, 0.999, 9990],
    [1, 0, 0],
    [4, 0.5, 2000],
  ])('retry %i with random %d waits %i ms (full jitter under min(cap, base × 2^(n-1)))', (n, random, expected) => {
    expect(backoffDelay(n, policy, () => random)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:05 GMT', 5_000], // IMF-fixdate
    ['Wednesday, 21-Oct-15 07:28:09 GMT', 9_000], // RFC 850
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0], // past: at once
    ['1.5', undefined],
    ['-1', undefined],
    ['soon', undefined],
    ['', undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('retry', () => {
  const busy = () => Object.assign(new Error('503 Service Unavailable'), { retryable: true as const });
  const isRetryable = (error: unknown) => (error as { retryable?: boolean }).retryable === true;

  it('tries again after failures that pass, waiting with backoff, and says why each time', async () => {
    const { sleeps, messages, tuning } = fakeTime(0.5);
    const operation = failing(busy(), busy(), busy());
    expect(await retry(operation.attempt, { ...tuning, isRetryable })).toBe('done');
    expect(operation.calls()).toBe(4);
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(messages).toEqual([
      '503 Service Unavailable; attempt 1 of 7 failed, trying again in 0.3 s',
      '503 Service Unavailable; attempt 2 of 7 failed, trying again in 0.5 s',
      '503 Service Unavailable; attempt 3 of 7 failed, trying again in 1.0 s',
    ]);
  });

  it('rethrows an error that is not retryable at once, as it is', async () => {
    const { sleeps, tuning } = fakeTime();
    const denied = new Error('403 Forbidden');
    const operation = failing(denied);
    await expect(retry(operation.attempt, { ...tuning, isRetryable })).rejects.toBe(denied);
    expect(operation.calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('gives up after maxAttempts with an error that says how many attempts, how long and the last reason', async () => {
    const { sleeps, tuning } = fakeTime(0.999);
    const last = new Error('GET /v2/ answered 502 Bad Gateway');
    const operation = failing(busy(), busy(), last, busy());
    const error = await retry(operation.attempt, {
      ...tuning,
      maxAttempts: 3,
      isRetryable: () => ({ reason: 'the registry is busy' }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(error).toMatchObject({
      attempts: 3,
      lastError: last,
      cause: last,
      message: 'the registry is busy (gave up after 3 attempts in 1.5 s)',
    });
    expect(sleeps).toEqual([499, 999]);
  });

  it("uses the last error's message as the reason when the verdict gives none", async () => {
    const { tuning } = fakeTime(0);
    const operation = failing(busy(), busy());
    await expect(retry(operation.attempt, { ...tuning, maxAttempts: 2, isRetryable })).rejects.toThrow(
      '503 Service Unavailable (gave up after 2 attempts in 0.0 s)',
    );
  });

  it('honours Retry-After instead of the backoff, capped at maxRetryAfterMs', async () => {
    const { sleeps, messages, tuning } = fakeTime(0.5);
    const operation = failing(busy(), busy(), busy());
    const afters = ['2', '3600', 'not a date'];
    let call = 0;
    await retry(operation.attempt, {
      ...tuning,
      maxRetryAfterMs: 30_000,
      maxElapsedMs: 120_000,
      isRetryable: () => ({ retryAfter: afters[call++] }),
    });
    // 2 s as asked; an hour shortened to the cap; an unreadable value falls back to the backoff (third retry).
    expect(sleeps).toEqual([2_000, 30_000, 1_000]);
    expect(messages[0]).toBe(
      '503 Service Unavailable; attempt 1 of 7 failed, trying again in 2.0 s (as its Retry-After asks)',
    );
  });

  it('waits a rate limit out in full, or gives up rather than come back early', async () => {
    const { sleeps, tuning } = fakeTime(0.5);
    const operation = failing(busy(), busy());
    const afters = ['20', '3600'];
    let call = 0;
    const error = await retry(operation.attempt, {
      ...tuning,
      maxRetryAfterMs: 30_000,
      isRetryable: () => ({ retryAfter: afters[call++], retryAfterIsFloor: true }),
    }).catch((caught: unknown) => caught);
    expect(sleeps).toEqual([20_000]);
    expect((error as Error).message).toBe(
      '503 Service Unavailable (gave up after 2 attempts in 20.0 s: it asks for a wait of 3600.0 s, longer than ' +
        'the 30.0 s allowed)',
    );
  });

  it('does not begin a wait that would end after maxElapsedMs', async () => {
    const { clock, sleeps, tuning } = fakeTime(0.999);
    const slowFailure = () => {
      clock.now += 20_000; // each attempt takes 20 s
      return Promise.reject(busy());
    };
    const error = await retry(slowFailure, { ...tuning, isRetryable }).catch((caught: unknown) => caught);
    expect(sleeps).toEqual([499, 999]);
    expect((error as RetryExhaustedError).attempts).toBe(3);
    expect((error as Error).message).toBe(
      '503 Service Unavailable (gave up after 3 attempts in 61.5 s: waiting 2.0 s more would pass the 60.0 s limit)',
    );
  });

  it('has bounded defaults: 7 attempts within a minute, whose backoff alone fits in it', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxAttempts: 7,
      maxElapsedMs: 60_000,
      baseDelayMs: 500,
      maxDelayMs: 10_000,
      maxRetryAfterMs: 30_000,
    });
    // The longest backoff waits (before jitter) of all retries: a slow registry, not the waits, meets the bound.
    const { maxAttempts, baseDelayMs, maxDelayMs, maxElapsedMs } = DEFAULT_RETRY_POLICY;
    const waits = Array.from({ length: maxAttempts - 1 }, (_, n) => Math.min(maxDelayMs, baseDelayMs * 2 ** n));
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThan(maxElapsedMs / 2);
  });

  it('retries a whole command, as the action does for buildx push', async () => {
    const { tuning } = fakeTime(0);
    const outputs = ['error: failed to push: 502 Bad Gateway', 'pushed'];
    const push = () => {
      const output = outputs.shift() ?? '';
      return output.startsWith('error') ? Promise.reject(new Error(output)) : Promise.resolve(output);
    };
    expect(await retry(push, { ...tuning, isRetryable: (error) => /\b50[234]\b/.test(String(error)) })).toBe('pushed');
  });
});
