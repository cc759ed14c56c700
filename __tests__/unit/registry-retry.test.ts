// The registry client's retries (replayed 429, 503, resets and timeouts) and its wait for a manifest just written.
import { RegistryClient } from '../../src/registry/client.js';
import { RegistryError } from '../../src/registry/errors.js';
import { MediaType } from '../../src/registry/types.js';
import {
  IMAGE_MANIFEST as MANIFEST,
  LAB,
  LAB_API as API,
  manifestHeaders,
  registryErrors,
  replayClient,
  sha256,
  type Exchange,
} from './support/registry-replay.js';

const MANIFEST_DIGEST = sha256(MANIFEST);
const manifestAnswer = { status: 200, headers: manifestHeaders(MANIFEST, MediaType.ociManifest), body: MANIFEST };

/** A reset connection, as a fetch reports it (the system error in `cause`). */
function connectionReset(): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });
}

/**
 * A client over replayed exchanges, whose first requests fail with `resets` connection resets; sleeping moves a
 * fake clock, and the jitter is fixed at half the backoff cap.
 */
function setup(exchanges: Exchange[], options: { resets?: number; maxAttempts?: number } = {}) {
  let resets = options.resets ?? 0;
  const clock = { now: 0 };
  const sleeps: number[] = [];
  const { replay, client, retries } = replayClient(
    exchanges,
    {},
    {
      wrapFetch: (replayed) => (input, init) =>
        resets-- > 0 ? Promise.reject(connectionReset()) : replayed(input, init),
      retry: {
        maxAttempts: options.maxAttempts,
        sleep: (ms) => {
          sleeps.push(ms);
          clock.now += ms;
          return Promise.resolve();
        },
        now: () => clock.now,
        random: () => 0.5,
      },
    },
  );
  return { replay, client, sleeps, retries };
}

/** The exchanges of uploading the blob `digest` to LAB: POSTs that start, PUTs that end. */
function blobUpload(digest: string) {
  return {
    digest,
    /** A POST answered `status`; a 202 with the Location of upload `id`. */
    start: (status: number, id = ''): Exchange => ({
      method: 'POST',
      url: `${API}/blobs/uploads/`,
      response: { status, headers: id === '' ? {} : { Location: `/v2/lab/app/blobs/uploads/${id}` } },
    }),
    put: (id: string, status: number): Exchange => ({
      method: 'PUT',
      url: `${API}/blobs/uploads/${id}?digest=${encodeURIComponent(digest)}`,
      response: { status, headers: status === 201 ? { 'Docker-Content-Digest': digest } : {} },
    }),
  };
}

describe('RegistryClient retries', () => {
  it('retries a 503, a 429 with Retry-After and a reset connection, then succeeds', async () => {
    const url = `${API}/manifests/v1`;
    const { replay, client, sleeps, retries } = setup(
      [
        {
          method: 'GET',
          url,
          response: { status: 503, body: registryErrors('UNAVAILABLE', 'service unavailable') },
        },
        {
          method: 'GET',
          url,
          response: {
            status: 429,
            headers: { 'Retry-After': '3' },
            body: registryErrors('TOOMANYREQUESTS', 'rate limit exceeded'),
          },
        },
        { method: 'GET', url, response: manifestAnswer },
      ],
      { resets: 1 },
    );
    expect((await client.getManifest(LAB, 'v1')).descriptor.digest).toBe(MANIFEST_DIGEST);
    replay.expectDone();
    // Backoff (half of 500 ms, then of 1 s), then the 3 s the server asked for.
    expect(sleeps).toEqual([250, 500, 3_000]);
    expect(retries).toEqual([
      `could not get manifest 127.0.0.1:5000/lab/app:v1: GET ${url} failed: read ECONNRESET; ` +
        'attempt 1 of 7 failed, trying again in 0.3 s',
      `could not get manifest 127.0.0.1:5000/lab/app:v1: GET ${url} answered 503 UNAVAILABLE: service unavailable; ` +
        'attempt 2 of 7 failed, trying again in 0.5 s',
      `could not get manifest 127.0.0.1:5000/lab/app:v1: GET ${url} answered 429 TOOMANYREQUESTS: rate limit ` +
        'exceeded; attempt 3 of 7 failed, trying again in 3.0 s (as its Retry-After asks)',
    ]);
  });

  it.each([500, 502, 504])('retries a %i', async (status) => {
    const url = `${API}/manifests/v1`;
    const { replay, client } = setup([
      { method: 'HEAD', url, response: { status } },
      { method: 'HEAD', url, response: manifestAnswer },
    ]);
    expect(await client.headManifest(LAB, 'v1')).toMatchObject({ digest: MANIFEST_DIGEST });
    replay.expectDone();
  });

  it('gives up after the bound with an error that says how many attempts and the last reason', async () => {
    const url = `${API}/manifests/${MANIFEST_DIGEST}`;
    const busy: Exchange = {
      method: 'DELETE',
      url,
      response: { status: 503, body: registryErrors('UNAVAILABLE', 'service unavailable') },
    };
    const { replay, client, sleeps } = setup([busy, busy, busy], { maxAttempts: 3 });
    const error = await client.deleteManifest(LAB, MANIFEST_DIGEST).catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ status: 503, codes: ['UNAVAILABLE'] });
    expect((error as Error).message).toBe(
      `could not delete manifest 127.0.0.1:5000/lab/app@${MANIFEST_DIGEST}: DELETE ${url} answered 503 ` +
        'UNAVAILABLE: service unavailable (gave up after 3 attempts in 0.8 s)',
    );
    expect(sleeps).toEqual([250, 500]);
  });

  it.each([
    [400, 'MANIFEST_INVALID'],
    [401, 'UNAUTHORIZED'],
    [403, 'DENIED'],
    [404, 'MANIFEST_UNKNOWN'],
  ])('does not retry a %i', async (status, code) => {
    const url = `${API}/manifests/v1`;
    const { replay, client, sleeps } = setup([
      { method: 'PUT', url, response: { status, body: registryErrors(code, 'no') } },
    ]);
    await expect(client.putManifest(LAB, 'v1', MANIFEST, MediaType.ociManifest)).rejects.toMatchObject({ status });
    replay.expectDone();
    expect(sleeps).toEqual([]);
  });

  it('restarts a blob upload from its POST when its PUT fails for a passing reason', async () => {
    const config = Buffer.from('{"architecture":"arm64","os":"linux"}');
    const upload = blobUpload(sha256(config));
    const { replay, client, retries } = setup([
      upload.start(202, 'u1'),
      upload.put('u1', 502),
      upload.start(202, 'u2'),
      upload.put('u2', 201),
    ]);
    expect(await client.uploadBlob(LAB, config)).toMatchObject({ digest: upload.digest });
    replay.expectDone();
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatch(/^could not upload blob .* answered 502 Bad Gateway; attempt 1 of 7 failed/);
  });

  it('retries a blob upload from its POST, within one retry window: a failing registry is given up on in time', async () => {
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const upload = blobUpload(sha256(config));
    // Failed POSTs and a failed PUT share the upload's attempts: each failure restarts it from the POST.
    const { replay, client, retries } = setup([
      upload.start(503),
      upload.start(502),
      upload.start(202, 'u3'),
      upload.put('u3', 502),
      upload.start(202, 'u4'),
      upload.put('u4', 201),
    ]);
    expect(await client.uploadBlob(LAB, config)).toMatchObject({ digest: upload.digest });
    replay.expectDone();
    expect(
      retries.map((retry) => /^could not (\w+).*; (attempt \d of 7) failed/.exec(retry)?.slice(1).join(' ')),
    ).toEqual(['start attempt 1 of 7', 'start attempt 2 of 7', 'upload attempt 3 of 7']);
  });

  it('gives a blob upload up after the retry policy’s attempts, POSTs included, not once per step', async () => {
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const upload = blobUpload(sha256(config));
    const { replay, client } = setup(Array.from({ length: 7 }, () => upload.start(503)));
    await expect(client.uploadBlob(LAB, config)).rejects.toThrow(/gave up after 7 attempts/);
    replay.expectDone();
  });

  it('gives each request a time limit, and retries a request that exceeds it', async () => {
    let calls = 0;
    const client = new RegistryClient({
      credentials: { description: 'none', get: () => Promise.resolve(undefined) },
      requestTimeoutMs: 50,
      retry: { maxAttempts: 2, sleep: () => Promise.resolve() },
      // A registry that never answers: only the time limit ends the request.
      fetch: (_input, init) => {
        calls++;
        return new Promise((_resolve, reject) => {
          init.signal.addEventListener('abort', () => {
            reject(init.signal.reason as Error);
          });
        });
      },
    });
    await expect(client.headManifest(LAB, 'v1')).rejects.toThrow(
      /^could not check manifest 127\.0\.0\.1:5000\/lab\/app:v1: HEAD http:\/\/127\.0\.0\.1:5000\/v2\/lab\/app\/manifests\/v1 failed: no complete answer within 0\.05 s \(gave up after 2 attempts in \d+\.\d s\)$/,
    );
    expect(calls).toBe(2);
  });
});

describe('RegistryClient.waitForManifest', () => {
  const url = `${API}/manifests/v1`;

  it('looks again until the tag shows the digest just put under it', async () => {
    const OLD = Buffer.from('{"schemaVersion":2,"manifests":[]}');
    const { replay, client, sleeps } = setup([
      { method: 'HEAD', url, response: { status: 404 } },
      {
        method: 'HEAD',
        url,
        response: {
          status: 200,
          headers: manifestHeaders(OLD, MediaType.ociIndex),
        },
      },
      { method: 'HEAD', url, response: manifestAnswer },
    ]);
    expect(await client.waitForManifest(LAB, 'v1', MANIFEST_DIGEST)).toEqual({
      mediaType: MediaType.ociManifest,
      digest: MANIFEST_DIGEST,
      size: MANIFEST.length,
    });
    replay.expectDone();
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after about 10 s, saying what it saw last', async () => {
    const absent: Exchange = { method: 'HEAD', url, response: { status: 404 } };
    const { client, sleeps } = setup(Array.from({ length: 20 }, () => absent));
    const error = await client.waitForManifest(LAB, 'v1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toMatch(
      /^manifest 127\.0\.0\.1:5000\/lab\/app:v1 is not visible yet: the registry has no such manifest \(gave up after \d+ attempts in \d+\.\d s: waiting .* would pass the 10\.0 s limit\)$/,
    );
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(10_000);
  });
});
