import type { ImageName } from '../../../src/reference.js';
import { RegistryClient } from '../../../src/registry/client.js';
import type { Credential } from '../../../src/registry/credentials/credential.js';
import { RegistryAuthError, RegistryError } from '../../../src/registry/errors.js';
import { MediaType } from '../../../src/registry/types.js';
import {
  GHCR_TOKENS,
  HUB_TOKENS,
  IMAGE_MANIFEST as MANIFEST,
  LAB,
  LAB_API as API,
  basic,
  manifestHeaders,
  registryErrors,
  replayClient,
  sha256,
  unauthorized,
  type Exchange,
} from '../support/registry-replay.js';

const INDEX = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [
      {
        mediaType: MediaType.ociManifest,
        digest: `sha256:${'1'.repeat(64)}`,
        size: 405,
        platform: { os: 'linux', architecture: 'amd64' },
      },
    ],
  }),
);
const INDEX_DIGEST = sha256(INDEX);

const setup = (exchanges: Exchange[], byRegistry: Record<string, Credential> = {}) =>
  replayClient(exchanges, byRegistry, { userAgent: 'multiarch-build-test' });

// For the client's retries (replayed 429, 503, resets and timeouts) and its wait for a manifest just written.
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
 * fake clock, and the jitter is fixed at half the backoff cap. The describes of the retries use it as their `setup`.
 */
function setupWithClock(exchanges: Exchange[], options: { resets?: number; maxAttempts?: number } = {}) {
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

describe('RegistryClient URLs', () => {
  it.each([
    [{ registry: 'localhost:5000', repository: 'a' }, 'http://localhost:5000/v2/a/manifests/v1'],
    [{ registry: '127.1.2.3', repository: 'a' }, 'http://127.1.2.3/v2/a/manifests/v1'],
    [{ registry: '[::1]:5000', repository: 'a' }, 'http://[::1]:5000/v2/a/manifests/v1'],
    [{ registry: 'ghcr.io', repository: 'acme/app' }, 'https://ghcr.io/v2/acme/app/manifests/v1'],
    [{ registry: '127.example.com', repository: 'a' }, 'https://127.example.com/v2/a/manifests/v1'],
    [
      { registry: 'docker.io', repository: 'library/busybox' },
      'https://registry-1.docker.io/v2/library/busybox/manifests/v1',
    ],
  ])('%j → %s (plain http only for loopback)', async (name, url) => {
    const { replay, client } = setup([{ method: 'HEAD', url, response: { status: 404 } }]);
    expect(await client.headManifest(name, 'v1')).toBeUndefined();
    replay.expectDone();
    expect(replay.requests[0]?.headers.get('user-agent')).toBe('multiarch-build-test');
  });

  it('refuses a reference that is neither a tag nor a digest before sending anything', async () => {
    const { replay, client } = setup([]);
    await expect(client.getManifest(LAB, '../../x')).rejects.toThrow(
      '"../../x" is neither a tag nor a digest (sha256:… or sha512:…)',
    );
    replay.expectDone();
  });
});

describe('RegistryClient manifests', () => {
  it('gets a manifest by tag, asking for all four manifest types', async () => {
    const { replay, client } = setup([
      {
        method: 'GET',
        url: `${API}/manifests/latest`,
        response: { status: 200, headers: manifestHeaders(INDEX, MediaType.ociIndex), body: INDEX },
      },
    ]);
    const fetched = await client.getManifest(LAB, 'latest');
    expect(fetched.descriptor).toEqual({ mediaType: MediaType.ociIndex, digest: INDEX_DIGEST, size: INDEX.length });
    expect(fetched.bytes.equals(INDEX)).toBe(true);
    expect(fetched.json).toMatchObject({ manifests: [{ platform: { architecture: 'amd64' } }] });
    expect(replay.requests[0]?.headers.get('accept')?.split(', ')).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]);
    replay.expectDone();
  });

  it('takes the media type from the JSON when the Content-Type is generic', async () => {
    const { client } = setup([
      {
        method: 'GET',
        url: `${API}/manifests/latest`,
        response: { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: INDEX },
      },
    ]);
    expect((await client.getManifest(LAB, 'latest')).descriptor.mediaType).toBe(MediaType.ociIndex);
  });

  it('checks the bytes of a manifest fetched by digest', async () => {
    const wanted = `sha256:${'f'.repeat(64)}`;
    const { client } = setup([
      { method: 'GET', url: `${API}/manifests/${wanted}`, response: { status: 200, body: INDEX } },
    ]);
    await expect(client.getManifest(LAB, wanted)).rejects.toThrow(
      new RegistryError(
        `could not get manifest 127.0.0.1:5000/lab/app@${wanted}: the content’s digest is ${INDEX_DIGEST}, ` +
          `but the digest asked for is ${wanted}`,
        undefined,
      ),
    );
  });

  it('checks the Docker-Content-Digest of a manifest fetched by tag', async () => {
    const claimed = `sha256:${'e'.repeat(64)}`;
    const { client } = setup([
      {
        method: 'GET',
        url: `${API}/manifests/v1`,
        response: { status: 200, headers: { 'Docker-Content-Digest': claimed }, body: INDEX },
      },
    ]);
    await expect(client.getManifest(LAB, 'v1')).rejects.toThrow(
      `but the registry’s Docker-Content-Digest is ${claimed}`,
    );
  });

  it('reports a refusal with the method, URL, status and registry error', async () => {
    const { client } = setup([
      {
        method: 'GET',
        url: `${API}/manifests/v9`,
        response: { status: 404, body: registryErrors('MANIFEST_UNKNOWN', 'manifest unknown') },
      },
    ]);
    const error = await client.getManifest(LAB, 'v9').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({
      status: 404,
      codes: ['MANIFEST_UNKNOWN'],
      message: `could not get manifest 127.0.0.1:5000/lab/app:v9: GET ${API}/manifests/v9 answered 404 MANIFEST_UNKNOWN: manifest unknown`,
    });
  });

  it('reports a network failure with the method and URL, after retrying it', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5000'), { code: 'ECONNREFUSED' });
    let attempts = 0;
    const client = new RegistryClient({
      credentials: { description: 'none', get: () => Promise.resolve(undefined) },
      fetch: () => {
        attempts++;
        return Promise.reject(new TypeError('fetch failed', { cause: refused }));
      },
      retry: { sleep: () => Promise.resolve(), now: () => 0 },
    });
    const error = await client.listTags(LAB).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).message).toBe(
      `could not list the tags of 127.0.0.1:5000/lab/app: GET ${API}/tags/list?n=1000 failed: connect ECONNREFUSED ` +
        '127.0.0.1:5000 (gave up after 7 attempts in 0.0 s)',
    );
    expect(attempts).toBe(7);
  });

  it('describes a manifest from a HEAD, and gets it when the HEAD answer lacks the digest', async () => {
    const { replay, client } = setup([
      {
        method: 'HEAD',
        url: `${API}/manifests/latest`,
        response: { status: 200, headers: manifestHeaders(INDEX, MediaType.ociIndex) },
      },
      { method: 'HEAD', url: `${API}/manifests/other`, response: { status: 200 } },
      {
        method: 'GET',
        url: `${API}/manifests/other`,
        response: { status: 200, headers: manifestHeaders(INDEX, MediaType.ociIndex), body: INDEX },
      },
    ]);
    const descriptor = { mediaType: MediaType.ociIndex, digest: INDEX_DIGEST, size: INDEX.length };
    expect(await client.headManifest(LAB, 'latest')).toEqual(descriptor);
    expect(await client.headManifest(LAB, 'other')).toEqual(descriptor);
    replay.expectDone();
  });

  it('puts a manifest under a tag and returns the digest computed from its bytes', async () => {
    const { replay, client } = setup([
      {
        method: 'PUT',
        url: `${API}/manifests/v1`,
        response: (request) => {
          expect(request.headers.get('content-type')).toBe(MediaType.ociIndex);
          expect(request.body?.equals(INDEX)).toBe(true);
          return { status: 201, headers: { 'Docker-Content-Digest': INDEX_DIGEST } };
        },
      },
      { method: 'PUT', url: `${API}/manifests/${INDEX_DIGEST}`, response: { status: 201 } },
    ]);
    expect(await client.putManifest(LAB, 'v1', INDEX, MediaType.ociIndex)).toBe(INDEX_DIGEST);
    expect(await client.putManifest(LAB, INDEX_DIGEST, INDEX, MediaType.ociIndex)).toBe(INDEX_DIGEST);
    replay.expectDone();
  });

  it('refuses to put bytes under another digest, and a registry that stored other bytes', async () => {
    const other = `sha256:${'0'.repeat(64)}`;
    const { replay, client } = setup([
      {
        method: 'PUT',
        url: `${API}/manifests/v1`,
        response: { status: 201, headers: { 'Docker-Content-Digest': other } },
      },
    ]);
    await expect(client.putManifest(LAB, other, INDEX, MediaType.ociIndex)).rejects.toThrow(
      `the content’s digest is ${INDEX_DIGEST}, but the digest to put it under is ${other}`,
    );
    await expect(client.putManifest(LAB, 'v1', INDEX, MediaType.ociIndex)).rejects.toThrow(
      `the content’s digest is ${INDEX_DIGEST}, but the registry’s Docker-Content-Digest is ${other}`,
    );
    replay.expectDone();
  });

  it('deletes a manifest by digest only', async () => {
    const { replay, client } = setup([
      { method: 'DELETE', url: `${API}/manifests/${INDEX_DIGEST}`, response: { status: 202 } },
    ]);
    await client.deleteManifest(LAB, INDEX_DIGEST);
    await expect(client.deleteManifest(LAB, 'latest')).rejects.toThrow('not a digest');
    replay.expectDone();
  });
});

describe('RegistryClient tags', () => {
  it('follows Link rel="next" pages', async () => {
    const { replay, client } = setup([
      {
        method: 'GET',
        url: `${API}/tags/list?n=1000`,
        response: {
          status: 200,
          headers: { Link: '</v2/lab/app/tags/list?last=b&n=1000>; rel="next"' },
          body: { name: 'lab/app', tags: ['a', 'b'] },
        },
      },
      {
        method: 'GET',
        url: `${API}/tags/list?last=b&n=1000`,
        response: {
          status: 200,
          headers: { Link: `<${API}/tags/list?last=c&n=1000>; rel=next` },
          body: { name: 'lab/app', tags: ['c'] },
        },
      },
      { method: 'GET', url: `${API}/tags/list?last=c&n=1000`, response: { status: 200, body: { tags: null } } },
    ]);
    expect(await client.listTags(LAB)).toEqual(['a', 'b', 'c']);
    replay.expectDone();
  });

  it('has no tags for a repository that does not exist', async () => {
    const { client } = setup([
      {
        method: 'GET',
        url: `${API}/tags/list?n=1000`,
        response: { status: 404, body: registryErrors('NAME_UNKNOWN', 'repository name not known to registry') },
      },
    ]);
    expect(await client.listTags(LAB)).toEqual([]);
  });

  it('does not follow a next page to another host', async () => {
    const { client } = setup([
      {
        method: 'GET',
        url: `${API}/tags/list?n=1000`,
        response: {
          status: 200,
          headers: { Link: '<https://elsewhere.example/x>; rel="next"' },
          body: { tags: ['a'] },
        },
      },
    ]);
    await expect(client.listTags(LAB)).rejects.toThrow('links to https://elsewhere.example/x as next page');
  });
});

describe('RegistryClient blobs', () => {
  const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
  const configDigest = sha256(config);

  it('follows a redirect to blob storage without the Authorization header, and checks the digest', async () => {
    const ghcr: ImageName = { registry: 'ghcr.io', repository: 'acme/app' };
    const blobUrl = `https://ghcr.io/v2/acme/app/blobs/${configDigest}`;
    const storage = 'https://pkg-containers.githubusercontent.com/ghcr1/blobs/sha256:x?X-Amz-Signature=secret';
    const { replay, client } = setup([
      { method: 'GET', url: blobUrl, response: unauthorized(GHCR_TOKENS.challenge('repository:acme/app:pull')) },
      {
        method: 'GET',
        url: GHCR_TOKENS.url('repository:acme/app:pull'),
        response: { status: 200, body: { token: 'gh' } },
      },
      {
        method: 'GET',
        url: blobUrl,
        authorization: 'Bearer gh',
        response: { status: 307, headers: { Location: storage } },
      },
      { method: 'GET', url: storage, response: { status: 200, body: config } },
      // Again: the token is reused, and a failing storage URL is shown without its signature.
      {
        method: 'GET',
        url: blobUrl,
        authorization: 'Bearer gh',
        response: { status: 307, headers: { Location: storage } },
      },
      { method: 'GET', url: storage, response: { status: 403, body: 'AccessDenied' } },
    ]);
    expect((await client.getBlob(ghcr, configDigest)).equals(config)).toBe(true);
    const error = await client.getBlob(ghcr, configDigest).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `could not get blob ghcr.io/acme/app@${configDigest}: GET https://pkg-containers.githubusercontent.com/ghcr1/blobs/sha256:x answered 403 Forbidden: AccessDenied`,
    );
    replay.expectDone();
  });

  it('refuses a blob whose bytes do not match its digest', async () => {
    const { client } = setup([
      { method: 'GET', url: `${API}/blobs/${configDigest}`, response: { status: 200, body: 'tampered' } },
    ]);
    await expect(client.getBlob(LAB, configDigest)).rejects.toThrow(`but the digest asked for is ${configDigest}`);
  });

  it.each([
    [
      'a relative Location with upload state',
      '/v2/lab/app/blobs/uploads/u1?_state=a%2Bb%3D',
      `${API}/blobs/uploads/u1?_state=a%2Bb%3D&digest=`,
    ],
    ['an absolute Location', `${API}/blobs/uploads/u2`, `${API}/blobs/uploads/u2?digest=`],
  ])('uploads with a POST and a PUT to %s', async (_, location, putUrl) => {
    const { replay, client } = setup([
      { method: 'POST', url: `${API}/blobs/uploads/`, response: { status: 202, headers: { Location: location } } },
      {
        method: 'PUT',
        url: `${putUrl}${encodeURIComponent(configDigest)}`,
        response: (request) => {
          expect(request.body?.equals(config)).toBe(true);
          expect(request.headers.get('content-type')).toBe('application/octet-stream');
          return { status: 201, headers: { 'Docker-Content-Digest': configDigest } };
        },
      },
    ]);
    expect(await client.uploadBlob(LAB, config)).toEqual({
      mediaType: 'application/octet-stream',
      digest: configDigest,
      size: config.length,
    });
    replay.expectDone();
  });

  it('stops at the first request when the password is wrong', async () => {
    const url = 'http://127.0.0.1:5001/v2/lab/app/blobs/uploads/';
    const challenge = unauthorized('Basic realm="multiarch-lab"');
    const { replay, client } = setup(
      [
        { method: 'POST', url, response: challenge },
        { method: 'POST', url, authorization: basic('lab-user', 'wrong'), response: challenge },
      ],
      { '127.0.0.1:5001': { kind: 'password', username: 'lab-user', password: 'wrong' } },
    );
    await expect(client.uploadBlob({ registry: '127.0.0.1:5001', repository: 'lab/app' }, config)).rejects.toThrow(
      new RegistryAuthError(
        `authentication to 127.0.0.1:5001 failed for user "lab-user": POST ${url} answered 401 Unauthorized`,
        401,
      ),
    );
    replay.expectDone();
  });
});

describe('RegistryClient with Docker Hub', () => {
  it('asks auth.docker.io for one token and reuses it for the same scope', async () => {
    const hub: ImageName = { registry: 'docker.io', repository: 'library/busybox' };
    const url = 'https://registry-1.docker.io/v2/library/busybox/manifests/latest';
    const { replay, client } = setup([
      {
        method: 'GET',
        url,
        response: unauthorized(
          HUB_TOKENS.challenge('repository:library/busybox:pull'),
          registryErrors('UNAUTHORIZED', 'authentication required'),
        ),
      },
      {
        method: 'GET',
        url: HUB_TOKENS.url('repository:library/busybox:pull'),
        response: {
          status: 200,
          body: { token: 't', access_token: 't', expires_in: 300, issued_at: '2026-11-28T00:00:00Z' },
        },
      },
      {
        method: 'GET',
        url,
        authorization: 'Bearer t',
        response: { status: 200, headers: manifestHeaders(INDEX, MediaType.ociIndex), body: INDEX },
      },
      {
        method: 'HEAD',
        url,
        authorization: 'Bearer t',
        response: { status: 200, headers: manifestHeaders(INDEX, MediaType.ociIndex) },
      },
    ]);
    await client.getManifest(hub, 'latest');
    await client.headManifest(hub, 'latest');
    replay.expectDone();
  });
});

describe('RegistryClient retries', () => {
  const setup = setupWithClock;

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

  it('retries a failed POST on its own (it changes nothing), and starts over from a new POST after a failed PUT', async () => {
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const upload = blobUpload(sha256(config));
    const { replay, client, retries } = setup([
      upload.start(503),
      upload.start(502),
      upload.start(202, 'u3'),
      upload.put('u3', 502),
      upload.start(503),
      upload.start(202, 'u4'),
      upload.put('u4', 201),
    ]);
    expect(await client.uploadBlob(LAB, config)).toMatchObject({ digest: upload.digest });
    replay.expectDone();
    // The POSTs' failures count against the POST's own attempts; only the PUT's against the upload's.
    expect(
      retries.map((retry) => /^could not (\w+).*; (attempt \d of 7) failed/.exec(retry)?.slice(1).join(' ')),
    ).toEqual(['start attempt 1 of 7', 'start attempt 2 of 7', 'upload attempt 1 of 7', 'start attempt 1 of 7']);
  });

  it('gives a blob upload up once its POST has failed all its attempts: the upload does not start it over', async () => {
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const upload = blobUpload(sha256(config));
    const { replay, client } = setup(Array.from({ length: 7 }, () => upload.start(503)));
    await expect(client.uploadBlob(LAB, config)).rejects.toThrow(/gave up after 7 attempts/);
    replay.expectDone();
  });

  it('gives a blob upload up after the retry policy’s attempts of its PUT', async () => {
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const upload = blobUpload(sha256(config));
    const { replay, client } = setup(
      Array.from({ length: 7 }, (_, n) => [upload.start(202, `u${n}`), upload.put(`u${n}`, 500)]).flat(),
    );
    await expect(client.uploadBlob(LAB, config)).rejects.toThrow(/^could not upload blob .*gave up after 7 attempts/);
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
  const setup = setupWithClock;
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
