// deleteTag against each kind of registry, from their documented HTTP exchanges: the CNCF distribution registry
// (DELETE by digest), a registry without DELETE by digest (405 UNSUPPORTED), GHCR (bearer challenge with realm
// https://ghcr.io/token, then the GitHub Packages API) and Docker Hub (auth.docker.io, then the Hub API). Several
// deletions by one TagDeleter, whose requests interleave, run against a distribution registry in memory.
import type { ImageName } from '../../../../src/reference.js';
import type { Credential } from '../../../../src/registry/credentials/credential.js';
import { RegistryError } from '../../../../src/registry/errors.js';
import { deleteGhcrPackageVersion } from '../../../../src/registry/cleanup/github-packages.js';
import {
  DummyManifestNotDeletedError,
  TagDeleter,
  TagMovedError,
  type DeleteTagOptions,
} from '../../../../src/registry/cleanup/tag-deletion.js';
import { Transport } from '../../../../src/registry/transport.js';
import { MediaType, type ImageManifest } from '../../../../src/registry/types.js';
import { FakeDistribution } from '../../support/fake-distribution.js';
import {
  GHCR_TOKENS,
  HUB_TOKENS,
  IMAGE_MANIFEST,
  LAB,
  LAB_API,
  ReplayFetch,
  basic,
  manifestHeaders,
  registryErrors,
  replayClient,
  sha256,
  unauthorized,
  type Exchange,
  type RecordedRequest,
  type ResponseSpec,
  type TokenServer,
} from '../../support/registry-replay.js';

/** The image the temporary tag points to: it must survive every deletion. */
const ORIGINAL = IMAGE_MANIFEST;
const ORIGINAL_DIGEST = sha256(ORIGINAL);
const PROTECTED: ReadonlySet<string> = new Set([ORIGINAL_DIGEST]);

const describes = (bytes: Buffer) => manifestHeaders(bytes, MediaType.ociManifest);

/** What the registry received of the dummy: its config blob and its manifest. */
interface Uploaded {
  config?: Buffer;
  manifest?: Buffer;
}

/**
 * The exchanges of steps 1 and 2 on a registry at `api` (`…/v2/<repository>`): HEAD the tag (it points at
 * ORIGINAL), then upload the dummy's config and put the dummy under the tag. `auth` gives the Authorization of
 * each request: a pull token for the HEAD, a push token for the rest.
 */
function headAndPutDummy(api: string, tag: string, uploaded: Uploaded, auth: { pull?: string; push?: string } = {}) {
  const path = new URL(api).pathname;
  const exchanges: Exchange[] = [
    {
      method: 'HEAD',
      url: `${api}/manifests/${tag}`,
      authorization: auth.pull,
      response: { status: 200, headers: describes(ORIGINAL) },
    },
    {
      method: 'POST',
      url: `${api}/blobs/uploads/`,
      authorization: auth.push,
      response: { status: 202, headers: { Location: `${path}/blobs/uploads/u1?_state=s` } },
    },
    {
      method: 'PUT',
      url: new RegExp(`^${api}/blobs/uploads/u1\\?_state=s&digest=sha256%3A[a-f0-9]{64}$`),
      authorization: auth.push,
      response: (request: RecordedRequest) => {
        uploaded.config = request.body;
        return { status: 201, headers: { 'Docker-Content-Digest': sha256(request.body ?? '') } };
      },
    },
    {
      method: 'PUT',
      url: `${api}/manifests/${tag}`,
      authorization: auth.push,
      response: (request: RecordedRequest) => {
        uploaded.manifest = request.body;
        return { status: 201, headers: { 'Docker-Content-Digest': sha256(request.body ?? '') } };
      },
    },
  ];
  return exchanges;
}

/** How a registry hands out its tokens: its token server, and the exchange that gets the token `value` for `scope`. */
interface TokenAuth {
  server: TokenServer;
  /** The tokens are `<prefix>-pull` and `<prefix>-push`. */
  prefix: string;
  token: (scope: string, value: string) => Exchange;
}

/**
 * headAndPutDummy of the tag `tmp` of `repository` (at `api`) behind a token server: the first HEAD is challenged,
 * a pull token is got for the HEAD again, then a pull,push token for the upload.
 */
function headAndPutDummyWithTokens(api: string, repository: string, uploaded: Uploaded, auth: TokenAuth) {
  const [head, ...upload] = headAndPutDummy(api, 'tmp', uploaded, {
    pull: `Bearer ${auth.prefix}-pull`,
    push: `Bearer ${auth.prefix}-push`,
  });
  if (head === undefined) throw new Error('no HEAD exchange');
  const exchanges: Exchange[] = [
    {
      method: 'HEAD',
      url: `${api}/manifests/tmp`,
      response: unauthorized(auth.server.challenge(`repository:${repository}:pull`)),
    },
    auth.token(`repository:${repository}:pull`, `${auth.prefix}-pull`),
    head,
    auth.token(`repository:${repository}:pull,push`, `${auth.prefix}-push`),
    ...upload,
  ];
  return exchanges;
}

/** A client that replays `exchanges`, and a TagDeleter of its own. */
function setup(exchanges: Exchange[], byRegistry: Record<string, Credential> = {}) {
  const replayed = replayClient(exchanges, byRegistry, { retry: { sleep: () => Promise.resolve(), random: () => 0 } });
  return { ...replayed, deleter: new TagDeleter(replayed.client) };
}

/** The invariant: no request names the image the tag pointed to, let alone deletes it. */
function expectOriginalUntouched(replay: ReplayFetch) {
  const named = replay.requests.filter(
    (request) => request.url.includes(ORIGINAL_DIGEST) || (request.body?.toString().includes(ORIGINAL_DIGEST) ?? false),
  );
  expect(named).toEqual([]);
}

const dummyDigestOf = (uploaded: Uploaded) => sha256(uploaded.manifest ?? '');
const UNAVAILABLE = { status: 503, body: registryErrors('UNAVAILABLE', 'service unavailable') };

describe('deleteTag on a distribution registry (DELETE by digest)', () => {
  const API = LAB_API;

  it('points the tag at a dummy, then deletes the dummy by digest', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup([
      ...headAndPutDummy(API, 'tmp', uploaded),
      {
        method: 'DELETE',
        url: new RegExp(`^${API}/manifests/sha256:[a-f0-9]{64}$`),
        response: (request) => {
          expect(request.url).toBe(`${API}/manifests/${dummyDigestOf(uploaded)}`);
          return { status: 202 };
        },
      },
    ]);
    expect(await deleter.deleteTag(LAB, 'tmp', { protectedDigests: PROTECTED })).toBe('dummy-digest-delete');
    replay.expectDone();
    expectOriginalUntouched(replay);

    const dummy = JSON.parse(uploaded.manifest?.toString() ?? '') as ImageManifest;
    expect(dummy).toMatchObject({
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: sha256(uploaded.config ?? ''), size: uploaded.config?.length },
      layers: [],
    });
  });

  it('does nothing to a tag that does not exist', async () => {
    const { replay, deleter } = setup([{ method: 'HEAD', url: `${API}/manifests/gone`, response: { status: 404 } }]);
    expect(await deleter.deleteTag(LAB, 'gone')).toBe('absent');
    replay.expectDone();
  });

  it('removes a tag known present that resolves to nothing (dangling), without asking first', async () => {
    const uploaded: Uploaded = {};
    const [, ...putDummy] = headAndPutDummy(API, 'dangling', uploaded);
    const { replay, deleter } = setup([
      ...putDummy,
      { method: 'DELETE', url: new RegExp(`^${API}/manifests/sha256:`), response: { status: 202 } },
    ]);
    expect(await deleter.deleteTag(LAB, 'dangling', { present: true })).toBe('dummy-digest-delete');
    replay.expectDone();
    expect(replay.requests.find((request) => request.method === 'DELETE')?.url).toBe(
      `${API}/manifests/${dummyDigestOf(uploaded)}`,
    );
  });

  it("makes each run's dummy of a tag unique", async () => {
    const digests = new Set<string>();
    for (let run = 0; run < 2; run++) {
      const uploaded: Uploaded = {};
      const { deleter } = setup([
        ...headAndPutDummy(API, 'tmp', uploaded),
        { method: 'DELETE', url: new RegExp(`^${API}/manifests/sha256:`), response: { status: 202 } },
      ]);
      await deleter.deleteTag(LAB, 'tmp');
      digests.add(dummyDigestOf(uploaded));
    }
    expect(digests.size).toBe(2);
  });

  it('refuses an invalid tag before sending anything', async () => {
    const { replay, deleter } = setup([]);
    await expect(deleter.deleteTag(LAB, '../x')).rejects.toThrow('cannot delete tag "../x" of 127.0.0.1:5000/lab/app');
    replay.expectDone();
  });
});

describe('several deletions by one TagDeleter, on a distribution registry in memory', () => {
  const REPOSITORY = LAB.repository;
  const OTHER: ImageName = { registry: LAB.registry, repository: 'lab/other' };
  const TAGS = ['tmp-amd64', 'tmp-arm64', 'tmp-riscv64'];
  const DENIED = { status: 403, body: registryErrors('DENIED', 'requested access to the resource is denied') };
  const options: DeleteTagOptions = { protectedDigests: PROTECTED };

  /** A registry holding ORIGINAL under each tag, and under `kept` (which must survive). */
  function registryHolding(tags: string[]): FakeDistribution {
    const registry = new FakeDistribution();
    for (const tag of [...tags, 'kept']) registry.push(REPOSITORY, tag, ORIGINAL);
    return registry;
  }

  /** Only `kept` is left, on the image, which is still there; so is none of the dummies. */
  function expectOnlyKept(registry: FakeDistribution) {
    expect(registry.tags(REPOSITORY)).toEqual({ kept: ORIGINAL_DIGEST });
    expect(registry.hasManifest(REPOSITORY, ORIGINAL_DIGEST)).toBe(true);
    expect(registry.heldTaggedPuts()).toEqual([]);
  }

  it('deletes tags of two repositories, at once and one by one, keeping the image', async () => {
    const registry = registryHolding(TAGS);
    registry.push(OTHER.repository, 'tmp-amd64', ORIGINAL);
    const deleter = new TagDeleter(registry.client);
    const deletions = await Promise.all(TAGS.map((tag) => deleter.deleteTag(LAB, tag, options)));
    expect(deletions).toEqual(TAGS.map(() => 'dummy-digest-delete'));
    registry.push(REPOSITORY, 'tmp-later', ORIGINAL);
    expect(await deleter.deleteTag(LAB, 'tmp-later', options)).toBe('dummy-digest-delete');
    expect(await deleter.deleteTag(OTHER, 'tmp-amd64', options)).toBe('dummy-digest-delete');

    expectOnlyKept(registry);
    expect(registry.tags(OTHER.repository)).toEqual({});
    expect(registry.hasManifest(OTHER.repository, ORIGINAL_DIGEST)).toBe(true);
  });

  it('makes a dummy of its own for each tag, over the one config, and deletes only those', async () => {
    const registry = registryHolding(TAGS);
    const deleter = new TagDeleter(registry.client);
    await Promise.all(TAGS.map((tag) => deleter.deleteTag(LAB, tag, { ...options, present: true })));
    const dummies = registry.taggedPuts().map((put) => JSON.parse(put.body.toString()) as ImageManifest);
    expect(dummies).toHaveLength(TAGS.length);
    expect(new Set(dummies.map((dummy) => dummy.config.digest)).size).toBe(1);
    expect(new Set(dummies.map((dummy) => sha256(JSON.stringify(dummy)))).size).toBe(TAGS.length);
    // Each DELETE named the dummy put under its own tag.
    const deleted = registry.requests.filter((request) => request.method === 'DELETE').map((request) => request.path);
    const put = registry.taggedPuts().map((request) => `/v2/${REPOSITORY}/manifests/${sha256(request.body)}`);
    expect(deleted.sort()).toEqual(put.sort());
    expectOnlyKept(registry);
  });

  it('removes a tag known present even when it resolves to nothing, and writes nothing for one absent', async () => {
    const registry = registryHolding(['tmp-amd64']);
    registry.dangle(REPOSITORY, 'tmp-dangling', sha256('a manifest deleted under its tag'));
    const deleter = new TagDeleter(registry.client);
    expect(await deleter.deleteTag(LAB, 'tmp-amd64', { ...options, present: true })).toBe('dummy-digest-delete');
    expect(await deleter.deleteTag(LAB, 'tmp-dangling', { ...options, present: true })).toBe('dummy-digest-delete');
    expectOnlyKept(registry);

    expect(await deleter.deleteTag(LAB, 'tmp-never', options)).toBe('absent');
    expect(registry.taggedPuts().filter((put) => put.path.endsWith('/tmp-never'))).toEqual([]);
    expectOnlyKept(registry);
  });

  it('a dummy refused once as naming an unknown blob (its config link being rewritten) is put again', async () => {
    // What distribution answered while a second upload of the same config rewrote the blob's link in place.
    const BLOB_UNKNOWN = {
      status: 400,
      body: {
        errors: [
          { code: 'DIGEST_INVALID', message: 'provided digest did not match uploaded content', detail: null },
          { code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown to registry', detail: null },
        ],
      },
    };
    const registry = registryHolding(['tmp-amd64']);
    let refused = 0;
    registry.intercept = (method, path) => {
      if (method !== 'PUT' || !path.endsWith('/manifests/tmp-amd64') || refused > 0) return undefined;
      refused++;
      return BLOB_UNKNOWN;
    };
    const deleter = new TagDeleter(registry.client);
    expect(await deleter.deleteTag(LAB, 'tmp-amd64', { ...options, present: true })).toBe('dummy-digest-delete');
    expect(refused).toBe(1);
    expectOnlyKept(registry);
  });

  it("a read that fails before a write's next try uses up none of the write's attempts", async () => {
    // Six DELETEs of the dummy fail, and before each next try the HEAD fails once first: seven attempts are enough
    // only if the HEADs are retried on their own (the sequence is tried at most seven times).
    const registry = registryHolding(['tmp-amd64']);
    let deletesFailed = 0;
    let headFailedSinceDelete = true;
    registry.intercept = (method, path) => {
      if (method === 'DELETE' && deletesFailed < 6) {
        deletesFailed++;
        headFailedSinceDelete = false;
        return UNAVAILABLE;
      }
      if (method === 'HEAD' && path.endsWith('/manifests/tmp-amd64') && !headFailedSinceDelete) {
        headFailedSinceDelete = true;
        return UNAVAILABLE;
      }
      return undefined;
    };
    const deleter = new TagDeleter(registry.client);
    expect(await deleter.deleteTag(LAB, 'tmp-amd64', { ...options, present: true })).toBe('dummy-digest-delete');
    expect(deletesFailed).toBe(6);
    expectOnlyKept(registry);
  });

  it('fails the deletions awaiting a failed config upload, with its error, then uploads again', async () => {
    const registry = registryHolding(TAGS);
    const deleter = new TagDeleter(registry.client);
    registry.intercept = (method, path) => (method === 'POST' && path.endsWith('/blobs/uploads/') ? DENIED : undefined);
    const failed = await Promise.all(
      TAGS.map((tag) => deleter.deleteTag(LAB, tag, { ...options, present: true }).catch((e: unknown) => e)),
    );
    for (const error of failed) {
      expect(error).toBeInstanceOf(RegistryError);
      expect(error).not.toBeInstanceOf(DummyManifestNotDeletedError);
      expect((error as Error).message).toMatch(/^could not start the upload of blob .* answered 403 DENIED/);
    }
    // No dummy was put: every tag is still on the image.
    expect(registry.tags(REPOSITORY)).toEqual(Object.fromEntries([...TAGS, 'kept'].map((t) => [t, ORIGINAL_DIGEST])));

    registry.intercept = () => undefined;
    const deletions = await Promise.all(TAGS.map((tag) => deleter.deleteTag(LAB, tag, { ...options, present: true })));
    expect(deletions).toEqual(TAGS.map(() => 'dummy-digest-delete'));
    expectOnlyKept(registry);
  });
});

describe('deleteTag and another writer, on a distribution registry in memory', () => {
  const REPOSITORY = LAB.repository;
  /** Another writer's image, which it puts under the tag while the deletion runs: it must stay there. */
  const THEIRS = Buffer.from(ORIGINAL.toString().replace('c'.repeat(64), 'e'.repeat(64)));
  const THEIRS_DIGEST = sha256(THEIRS);
  const isTaggedPut = (method: string, path: string) => method === 'PUT' && path.endsWith('/manifests/tmp');
  const isDummyDelete = (method: string, path: string) => method === 'DELETE' && path.includes('/manifests/sha256:');

  /** A registry holding ORIGINAL under `tmp`, whose `intercept` answers the first request it picks once. */
  function registryFaultingOnce(
    picks: (method: string, path: string) => boolean,
    fault: FakeDistribution['intercept'],
  ) {
    const registry = new FakeDistribution();
    registry.push(REPOSITORY, 'tmp', ORIGINAL);
    let faulted = false;
    registry.intercept = (method, path, pass) => {
      if (faulted || !picks(method, path)) return undefined;
      faulted = true;
      return fault(method, path, pass);
    };
    return registry;
  }

  /** Their image is under the tag, untouched, and no dummy of ours is under any tag. */
  function expectTheirsKept(registry: FakeDistribution, error: unknown) {
    expect(error).toBeInstanceOf(TagMovedError);
    expect(error).toMatchObject({ movedTo: THEIRS_DIGEST });
    expect(registry.tags(REPOSITORY)).toEqual({ tmp: THEIRS_DIGEST });
    expect(registry.hasManifest(REPOSITORY, ORIGINAL_DIGEST)).toBe(true);
  }

  it('reads the tag right before the dummy would go over it, and leaves it when it moved from what was expected', async () => {
    // The other writer lands while the dummy's config is uploaded, after anything the caller read.
    const registry = registryFaultingOnce(
      (method, path) => method === 'PUT' && path.includes('/blobs/uploads/'),
      (_method, _path, pass) => {
        const answer = pass();
        registry.push(REPOSITORY, 'tmp', THEIRS);
        return answer;
      },
    );
    const deleter = new TagDeleter(registry.client);
    const error = await deleter.deleteTag(LAB, 'tmp', { expectedDigest: ORIGINAL_DIGEST }).catch((e: unknown) => e);
    expectTheirsKept(registry, error);
    expect((error as Error).message).toBe(
      `could not delete tag ${LAB.registry}/${REPOSITORY}:tmp: another writer moved it meanwhile (it points at ` +
        `${THEIRS_DIGEST}, not at ${ORIGINAL_DIGEST}): it is left as it is`,
    );
    expect(registry.taggedPuts()).toEqual([]);
  });

  it('finds nothing to do when the expected tag is gone', async () => {
    const registry = new FakeDistribution();
    const deleter = new TagDeleter(registry.client);
    expect(await deleter.deleteTag(LAB, 'tmp', { expectedDigest: ORIGINAL_DIGEST, present: true })).toBe('absent');
    expect(registry.taggedPuts()).toEqual([]);
  });

  it('does not put the dummy again, over their image, after a PUT that failed', async () => {
    const registry = registryFaultingOnce(isTaggedPut, () => {
      registry.push(REPOSITORY, 'tmp', THEIRS);
      return UNAVAILABLE;
    });
    const error = await new TagDeleter(registry.client).deleteTag(LAB, 'tmp').catch((e: unknown) => e);
    expectTheirsKept(registry, error);
    expect(registry.taggedPuts()).toHaveLength(1);
  });

  it('does not send again a dummy PUT that got through (its answer lost)', async () => {
    const registry = registryFaultingOnce(isTaggedPut, (_method, _path, pass) => {
      pass();
      return UNAVAILABLE;
    });
    expect(await new TagDeleter(registry.client).deleteTag(LAB, 'tmp', { present: true })).toBe('dummy-digest-delete');
    expect(registry.taggedPuts()).toHaveLength(1);
    expect(registry.tags(REPOSITORY)).toEqual({});
    expect(registry.hasManifest(REPOSITORY, ORIGINAL_DIGEST)).toBe(true);
  });

  it('puts the dummy back over nothing after a DELETE left the tag dangling and answered 404, then deletes it', async () => {
    const registry = registryFaultingOnce(isDummyDelete, (_method, path, pass) => {
      pass();
      registry.dangle(REPOSITORY, 'tmp', path.slice(path.lastIndexOf('/') + 1));
      return { status: 404, body: registryErrors('MANIFEST_UNKNOWN', 'manifest unknown') };
    });
    expect(await new TagDeleter(registry.client).deleteTag(LAB, 'tmp')).toBe('dummy-digest-delete');
    expect(registry.taggedPuts()).toHaveLength(2);
    expect(registry.tags(REPOSITORY)).toEqual({});
    expect(registry.heldTaggedPuts()).toEqual([]);
    expect(registry.hasManifest(REPOSITORY, ORIGINAL_DIGEST)).toBe(true);
  });

  it('never puts the dummy back over their image after a DELETE answered 404', async () => {
    const registry = registryFaultingOnce(isDummyDelete, () => {
      registry.push(REPOSITORY, 'tmp', THEIRS);
      return { status: 404, body: registryErrors('MANIFEST_UNKNOWN', 'manifest unknown') };
    });
    const error = await new TagDeleter(registry.client).deleteTag(LAB, 'tmp').catch((e: unknown) => e);
    expectTheirsKept(registry, error);
    expect(registry.taggedPuts()).toHaveLength(1);
  });
});

describe('deleteTag on a registry without DELETE by digest (405)', () => {
  const REGISTRY: ImageName = { registry: 'registry.example', repository: 'team/app' };
  const API = 'https://registry.example/v2/team/app';
  const UNSUPPORTED = { status: 405, body: registryErrors('UNSUPPORTED', 'The operation is unsupported.') };

  function refusedDigestDelete(uploaded: Uploaded): Exchange[] {
    return [
      ...headAndPutDummy(API, 'tmp', uploaded),
      { method: 'DELETE', url: new RegExp(`^${API}/manifests/sha256:`), response: UNSUPPORTED },
    ];
  }
  const headShowing = (uploaded: Uploaded): Exchange => ({
    method: 'HEAD',
    url: `${API}/manifests/tmp`,
    response: () => ({ status: 200, headers: describes(uploaded.manifest ?? Buffer.alloc(0)) }),
  });

  it('deletes the tag once a HEAD shows that it points at the dummy', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup([
      ...refusedDigestDelete(uploaded),
      headShowing(uploaded),
      { method: 'DELETE', url: `${API}/manifests/tmp`, response: { status: 202 } },
    ]);
    expect(await deleter.deleteTag(REGISTRY, 'tmp', { protectedDigests: PROTECTED })).toBe('dummy-tag-delete');
    replay.expectDone();
    expectOriginalUntouched(replay);
  });

  it('leaves a tag that was moved meanwhile, and sends no tag DELETE', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup([
      ...refusedDigestDelete(uploaded),
      // Another writer put the published image under the tag after the dummy.
      { method: 'HEAD', url: `${API}/manifests/tmp`, response: { status: 200, headers: describes(ORIGINAL) } },
    ]);
    const error = await deleter
      .deleteTag(REGISTRY, 'tmp', { protectedDigests: PROTECTED })
      .catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(TagMovedError);
    expect((error as Error).message).toBe(
      `could not delete tag registry.example/team/app:tmp: another writer moved it meanwhile (it points at ` +
        `${ORIGINAL_DIGEST}, not at the dummy ${dummyDigestOf(uploaded)} put under it): it is left as it is`,
    );
    expect(replay.log.filter((line) => line === `DELETE ${API}/manifests/tmp`)).toEqual([]);
  });

  it('does not send a tag DELETE again, after one that failed, once the tag was moved off the dummy', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup([
      ...refusedDigestDelete(uploaded),
      headShowing(uploaded),
      {
        method: 'DELETE',
        url: `${API}/manifests/tmp`,
        response: { status: 503, body: registryErrors('UNAVAILABLE', 'service unavailable') },
      },
      // Another writer put its image under the tag: a tag DELETE now could delete that image with it.
      { method: 'HEAD', url: `${API}/manifests/tmp`, response: { status: 200, headers: describes(ORIGINAL) } },
    ]);
    const error = await deleter.deleteTag(REGISTRY, 'tmp').catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(TagMovedError);
    expect(error).toMatchObject({ movedTo: ORIGINAL_DIGEST });
  });

  it('says which tag is left on which dummy, and how to remove it, when the tag DELETE is refused too', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup([
      ...refusedDigestDelete(uploaded),
      headShowing(uploaded),
      { method: 'DELETE', url: `${API}/manifests/tmp`, response: UNSUPPORTED },
    ]);
    const error = await deleter.deleteTag(REGISTRY, 'tmp').catch((caught: unknown) => caught);
    replay.expectDone();
    const dummy = dummyDigestOf(uploaded);
    expect(error).toBeInstanceOf(DummyManifestNotDeletedError);
    expect(error).toMatchObject({ tag: 'registry.example/team/app:tmp', dummyDigest: dummy, status: 405 });
    expect((error as Error).message).toBe(
      'could not delete tag registry.example/team/app:tmp: the registry refused both to delete the dummy by digest ' +
        `(could not delete manifest registry.example/team/app@${dummy}: DELETE ${API}/manifests/${dummy} answered ` +
        '405 UNSUPPORTED: The operation is unsupported.) and to delete the tag (could not delete tag ' +
        `registry.example/team/app:tmp: DELETE ${API}/manifests/tmp answered 405 UNSUPPORTED: The operation is ` +
        `unsupported.). The tag now points at a harmless dummy manifest ${dummy} (no layers), not at any image. ` +
        `To remove it, delete the manifest ${dummy} (DELETE /v2/team/app/manifests/${dummy}; a distribution ` +
        'registry needs storage.delete.enabled: true) or the tag, with the registry’s own tools.',
    );
  });

  it('reports a refusal that is not "unsupported" as it is, without trying the tag DELETE', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup([
      ...headAndPutDummy(API, 'tmp', uploaded),
      {
        method: 'DELETE',
        url: new RegExp(`^${API}/manifests/sha256:`),
        response: { status: 403, body: registryErrors('DENIED', 'requested access to the resource is denied') },
      },
    ]);
    await expect(deleter.deleteTag(REGISTRY, 'tmp')).rejects.toThrow(
      /^could not delete tag registry\.example\/team\/app:tmp: could not delete manifest .* answered 403 DENIED/,
    );
    replay.expectDone();
  });
});

describe('deleteTag on ghcr.io (GitHub Packages API)', () => {
  const GHCR: ImageName = { registry: 'ghcr.io', repository: 'acme/app' };
  const API = 'https://ghcr.io/v2/acme/app';
  const ORG_VERSIONS = 'https://api.github.com/orgs/acme/packages/container/app/versions';
  const USER_VERSIONS = 'https://api.github.com/users/acme/packages/container/app/versions';
  const LIST = '?per_page=100&state=active';
  const credentials = { 'ghcr.io': { kind: 'password', username: 'octocat', password: 'ghp_registry' } } as const;
  const GITHUB_TOKEN = 'ghs_actions_token';
  const GITHUB = { token: GITHUB_TOKEN, apiUrl: 'https://api.github.com' };
  /** How Octokit sends the token (an installation token, not a JWT). */
  const API_AUTH = `token ${GITHUB_TOKEN}`;

  /** The registry's bearer challenge and token exchanges around the dummy upload (GHCR's token server). */
  function ghcrRegistryExchanges(uploaded: Uploaded): Exchange[] {
    return headAndPutDummyWithTokens(API, 'acme/app', uploaded, {
      server: GHCR_TOKENS,
      prefix: 'ghcr',
      token: (scope, token) => ({
        method: 'GET',
        url: GHCR_TOKENS.url(scope),
        authorization: basic('octocat', 'ghp_registry'),
        response: { status: 200, body: { token } },
      }),
    });
  }

  const version = (id: number, name: string, tags: string[] = []) => ({
    id,
    name,
    url: `${ORG_VERSIONS}/${id}`,
    package_html_url: 'https://github.com/orgs/acme/packages/container/package/app',
    created_at: '2026-11-28T00:00:00Z',
    updated_at: '2026-11-28T00:00:00Z',
    html_url: `https://github.com/orgs/acme/packages/container/app/${id}`,
    metadata: { package_type: 'container', container: { tags } },
  });

  it("deletes the dummy's package version of an organization's package, once the API lists it", async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter, secrets } = setup(
      [
        ...ghcrRegistryExchanges(uploaded),
        // The Packages API lists the new version a moment after the push.
        {
          method: 'GET',
          url: `${ORG_VERSIONS}${LIST}`,
          authorization: API_AUTH,
          response: { status: 200, body: [version(7, ORIGINAL_DIGEST, ['v1'])] },
        },
        {
          method: 'GET',
          url: `${ORG_VERSIONS}${LIST}`,
          authorization: API_AUTH,
          response: () => ({
            status: 200,
            headers: {
              Link: `<https://api.github.com/organizations/1/packages/container/app/versions${LIST}&page=2>; rel="next"`,
            },
            body: [version(8, dummyDigestOf(uploaded), ['tmp']), version(7, ORIGINAL_DIGEST, ['v1'])],
          }),
        },
        {
          method: 'DELETE',
          url: `${ORG_VERSIONS}/8`,
          authorization: API_AUTH,
          response: (request) => {
            expect(request.headers.get('accept')).toBe('application/vnd.github+json');
            expect(request.headers.get('x-github-api-version')).toBe('2022-11-28');
            return { status: 204 };
          },
        },
      ],
      credentials,
    );
    // No apiUrl: the runner's GITHUB_API_URL, https://api.github.com on github.com (and where it is not set).
    const options: DeleteTagOptions = { protectedDigests: PROTECTED, github: { token: GITHUB_TOKEN } };
    expect(await deleter.deleteTag(GHCR, 'tmp', options)).toBe('github-package-version');
    replay.expectDone();
    expectOriginalUntouched(replay);
    expect(secrets).toContain(GITHUB_TOKEN);
  });

  it('does not send a version DELETE again once a HEAD shows that the one that failed got through', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup(
      [
        ...ghcrRegistryExchanges(uploaded),
        {
          method: 'GET',
          url: `${ORG_VERSIONS}${LIST}`,
          authorization: API_AUTH,
          response: () => ({ status: 200, body: [version(8, dummyDigestOf(uploaded), ['tmp'])] }),
        },
        // The version was deleted, but its answer was a gateway's error.
        {
          method: 'DELETE',
          url: `${ORG_VERSIONS}/8`,
          authorization: API_AUTH,
          response: { status: 502, body: { message: 'Bad Gateway' } },
        },
        { method: 'HEAD', url: `${API}/manifests/tmp`, authorization: 'Bearer ghcr-pull', response: { status: 404 } },
      ],
      credentials,
    );
    expect(await deleter.deleteTag(GHCR, 'tmp', { github: GITHUB })).toBe('github-package-version');
    replay.expectDone();
  });

  it('reads the tag, and sends no version DELETE again, after one whose connection broke', async () => {
    const uploaded: Uploaded = {};
    const { replay, client } = replayClient(
      [
        ...ghcrRegistryExchanges(uploaded),
        {
          method: 'GET',
          url: `${ORG_VERSIONS}${LIST}`,
          authorization: API_AUTH,
          response: () => ({ status: 200, body: [version(8, dummyDigestOf(uploaded), ['tmp'])] }),
        },
        { method: 'HEAD', url: `${API}/manifests/tmp`, authorization: 'Bearer ghcr-pull', response: { status: 404 } },
      ],
      credentials,
      {
        // The DELETE may have got through: its connection broke before the answer.
        wrapFetch: (replayed) => (url, init) =>
          init.method === 'DELETE'
            ? Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
            : replayed(url, init),
        retry: { sleep: () => Promise.resolve(), random: () => 0 },
      },
    );
    expect(await new TagDeleter(client).deleteTag(GHCR, 'tmp', { github: GITHUB })).toBe('github-package-version');
    replay.expectDone();
  });

  it("finds a user's package under /users when /orgs answers 404", async () => {
    const uploaded: Uploaded = {};
    const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
    const { replay, deleter } = setup(
      [
        ...ghcrRegistryExchanges(uploaded),
        {
          method: 'GET',
          url: `${ORG_VERSIONS}${LIST}`,
          authorization: API_AUTH,
          response: { status: 404, body: notFound },
        },
        {
          method: 'GET',
          url: `${USER_VERSIONS}${LIST}`,
          authorization: API_AUTH,
          response: () => ({ status: 200, body: [version(9, dummyDigestOf(uploaded), ['tmp'])] }),
        },
        {
          method: 'DELETE',
          url: `${USER_VERSIONS}/9`,
          authorization: API_AUTH,
          response: { status: 204 },
        },
      ],
      credentials,
    );
    expect(await deleter.deleteTag(GHCR, 'tmp', { github: GITHUB })).toBe('github-package-version');
    replay.expectDone();
  });

  it('sends no registry DELETE, and says how to remove the tag when no GitHub token was given', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup(ghcrRegistryExchanges(uploaded), credentials);
    const error = await deleter.deleteTag(GHCR, 'tmp').catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(DummyManifestNotDeletedError);
    expect((error as Error).message).toBe(
      'could not delete tag ghcr.io/acme/app:tmp: ghcr.io has no registry DELETE, and no GitHub token was given ' +
        `for its API. The tag now points at a harmless dummy manifest ${dummyDigestOf(uploaded)} (no layers), not ` +
        `at any image. To remove it, delete the package version ${dummyDigestOf(uploaded)} of ` +
        "ghcr.io/acme/app on github.com (in the package's settings), or give the action a github-token that may " +
        'delete package versions (permissions: packages: write).',
    );
  });

  // Issue 27: another spelling of ghcr.io took the distribution path (a registry DELETE that ghcr.io refuses).
  it.each(['ghcr.io:443', 'GHCR.IO'])('takes the GitHub Packages path for %s too', async (registry) => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup(ghcrRegistryExchanges(uploaded), { [registry]: credentials['ghcr.io'] });
    const error = await deleter.deleteTag({ ...GHCR, registry }, 'tmp').catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(DummyManifestNotDeletedError);
    expect((error as Error).message).toContain('ghcr.io has no registry DELETE, and no GitHub token was given');
  });

  it.each([
    ['another tag as well', ['tmp', 'latest']],
    ['only another tag', ['latest']],
  ])('deletes no version the API lists with %s, since that deletes every tag on it', async (_, tags) => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup(
      [
        ...ghcrRegistryExchanges(uploaded),
        {
          method: 'GET',
          url: `${ORG_VERSIONS}${LIST}`,
          authorization: API_AUTH,
          response: () => ({ status: 200, body: [version(8, dummyDigestOf(uploaded), tags)] }),
        },
      ],
      credentials,
    );
    const error = await deleter.deleteTag(GHCR, 'tmp', { github: GITHUB }).catch((e: unknown) => e);
    replay.expectDone();
    expect(error).toBeInstanceOf(DummyManifestNotDeletedError);
    expect((error as Error).message).toContain(
      `refusing to delete the version ${dummyDigestOf(uploaded)} of the GitHub package acme/app: the API lists ` +
        `the tags ${tags.join(', ')} on it, where this deletion put only tmp (deleting a version deletes all its tags)`,
    );
  });

  it('waits for the API to list the tag on the version before it deletes the version', async () => {
    const uploaded: Uploaded = {};
    const listing = (tags: string[]): Exchange => ({
      method: 'GET',
      url: `${ORG_VERSIONS}${LIST}`,
      authorization: API_AUTH,
      response: () => ({ status: 200, body: [version(8, dummyDigestOf(uploaded), tags)] }),
    });
    const { replay, deleter } = setup(
      [
        ...ghcrRegistryExchanges(uploaded),
        listing([]),
        listing(['tmp']),
        { method: 'DELETE', url: `${ORG_VERSIONS}/8`, authorization: API_AUTH, response: { status: 204 } },
      ],
      credentials,
    );
    expect(await deleter.deleteTag(GHCR, 'tmp', { github: GITHUB })).toBe('github-package-version');
    replay.expectDone();
  });

  describe('sends the token to the GitHub API the runner names, and nowhere else', () => {
    const GHES = { token: GITHUB_TOKEN, apiUrl: 'https://ghes.example/api/v3' };
    const GHES_VERSIONS = 'https://ghes.example/api/v3/orgs/acme/packages/container/app/versions';

    it("uses a GitHub Enterprise Server's API (GITHUB_API_URL), not api.github.com", async () => {
      const uploaded: Uploaded = {};
      const { replay, deleter } = setup(
        [
          ...ghcrRegistryExchanges(uploaded),
          {
            method: 'GET',
            url: `${GHES_VERSIONS}${LIST}`,
            authorization: API_AUTH,
            response: () => ({ status: 200, body: [version(8, dummyDigestOf(uploaded), ['tmp'])] }),
          },
          { method: 'DELETE', url: `${GHES_VERSIONS}/8`, authorization: API_AUTH, response: { status: 204 } },
        ],
        credentials,
      );
      expect(await deleter.deleteTag(GHCR, 'tmp', { github: GHES })).toBe('github-package-version');
      replay.expectDone();
    });

    it.each([
      ['a next page on another host', 'https://api.github.com/orgs/acme/packages/container/app/versions?page=2'],
      ['a next page over plain http', 'http://ghes.example/api/v3/orgs/acme/packages/container/app/versions?page=2'],
    ])('refuses %s before sending anything there', async (_, next) => {
      const uploaded: Uploaded = {};
      const { replay, deleter } = setup(
        [
          ...ghcrRegistryExchanges(uploaded),
          {
            method: 'GET',
            url: `${GHES_VERSIONS}${LIST}`,
            authorization: API_AUTH,
            response: { status: 200, headers: { Link: `<${next}>; rel="next"` }, body: [] },
          },
        ],
        credentials,
      );
      const error = await deleter.deleteTag(GHCR, 'tmp', { github: GHES }).catch((e: unknown) => e);
      replay.expectDone();
      expect(error).toBeInstanceOf(DummyManifestNotDeletedError);
      expect((error as Error).message).toContain(
        'could not list the versions of the GitHub package acme/app of the organization: refusing to send the ' +
          `GitHub token to ${new URL(next).origin}: it goes only to the GitHub API the runner names, ` +
          'https://ghes.example',
      );
    });

    it('follows no redirect', async () => {
      const uploaded: Uploaded = {};
      const elsewhere = 'https://elsewhere.example/versions';
      const { replay, deleter } = setup(
        [
          ...ghcrRegistryExchanges(uploaded),
          {
            method: 'GET',
            url: `${GHES_VERSIONS}${LIST}`,
            authorization: API_AUTH,
            response: { status: 307, headers: { Location: elsewhere } },
          },
        ],
        credentials,
      );
      const error = await deleter.deleteTag(GHCR, 'tmp', { github: GHES }).catch((e: unknown) => e);
      replay.expectDone();
      expect((error as Error).message).toContain(
        `GET ${GHES_VERSIONS}${LIST} answered 307, a redirect to ${elsewhere}: not followed, the GitHub token goes ` +
          'only to https://ghes.example',
      );
    });

    it('sends the token nowhere when GITHUB_API_URL is not an http(s) URL', async () => {
      const uploaded: Uploaded = {};
      const { replay, deleter } = setup(ghcrRegistryExchanges(uploaded), credentials);
      const github = { token: GITHUB_TOKEN, apiUrl: 'ghes.example/api/v3' };
      const error = await deleter.deleteTag(GHCR, 'tmp', { github }).catch((e: unknown) => e);
      replay.expectDone();
      expect((error as Error).message).toContain(
        'GITHUB_API_URL "ghes.example/api/v3" is not an http(s) URL: the GitHub token is sent nowhere',
      );
    });
  });

  describe("waits out the API's rate limits as GitHub documents them", () => {
    const NOW = Date.parse('2026-11-28T12:00:00Z');

    /** A deletion whose listing is first refused with `limited`, then answered; the waits it made. */
    async function deleteAfter(limited: ResponseSpec, uploaded: Uploaded, listedAgain: boolean) {
      const sleeps: number[] = [];
      const exchanges: Exchange[] = [
        ...ghcrRegistryExchanges(uploaded),
        { method: 'GET', url: `${ORG_VERSIONS}${LIST}`, authorization: API_AUTH, response: limited },
      ];
      if (listedAgain) {
        exchanges.push(
          {
            method: 'GET',
            url: `${ORG_VERSIONS}${LIST}`,
            authorization: API_AUTH,
            response: () => ({ status: 200, body: [version(8, dummyDigestOf(uploaded), ['tmp'])] }),
          },
          { method: 'DELETE', url: `${ORG_VERSIONS}/8`, authorization: API_AUTH, response: { status: 204 } },
        );
      }
      const { replay, client } = replayClient(exchanges, credentials, {
        retry: { sleep: (ms) => Promise.resolve(void sleeps.push(ms)), random: () => 0, now: () => NOW },
      });
      const outcome = await new TagDeleter(client)
        .deleteTag(GHCR, 'tmp', { github: GITHUB })
        .catch((error: unknown) => error);
      replay.expectDone();
      return { outcome, sleeps };
    }
    const limitMessage = { message: 'API rate limit exceeded for installation ID 1.' };

    it.each([
      [
        'until x-ratelimit-reset once no requests are left (primary rate limit)',
        {
          status: 403,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 20) },
          body: limitMessage,
        },
        20_000,
      ],
      [
        'for retry-after (secondary rate limit)',
        {
          status: 429,
          headers: { 'retry-after': '7' },
          body: { message: 'You have exceeded a secondary rate limit.' },
        },
        7_000,
      ],
    ])('waits %s', async (_name, limited, wait) => {
      const uploaded: Uploaded = {};
      const { outcome, sleeps } = await deleteAfter(limited, uploaded, true);
      expect(outcome).toBe('github-package-version');
      expect(sleeps).toEqual([wait]);
    });

    it('gives up, rather than come back early, when the wait is longer than the retries allow', async () => {
      const uploaded: Uploaded = {};
      const { outcome, sleeps } = await deleteAfter(
        {
          status: 403,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3600) },
          body: limitMessage,
        },
        uploaded,
        false,
      );
      expect(sleeps).toEqual([]);
      expect(outcome).toBeInstanceOf(DummyManifestNotDeletedError);
      expect((outcome as Error).message).toContain(
        `could not list the versions of the GitHub package acme/app of the organization: GET ${ORG_VERSIONS}${LIST} ` +
          'answered 403: API rate limit exceeded for installation ID 1. (gave up after 1 attempt in 0.0 s: it asks ' +
          'for a wait of 3600.0 s, longer than the 30.0 s allowed)',
      );
    });
  });

  it('never deletes a version whose digest the published index references', async () => {
    const replay = new ReplayFetch([]);
    const transport = new Transport({
      credentials: { description: 'none', get: () => Promise.resolve(undefined) },
      fetch: replay.fetch,
      onSecret: () => undefined,
      onRetry: () => undefined,
      retry: { sleep: () => Promise.resolve() },
      requestTimeoutMs: undefined,
      userAgent: 'test',
    });
    await expect(
      deleteGhcrPackageVersion(
        transport,
        GHCR,
        { tag: 'tmp', digest: ORIGINAL_DIGEST },
        { github: GITHUB, protectedDigests: PROTECTED },
      ),
    ).rejects.toThrow(
      new RegistryError(`refusing to delete ${ORIGINAL_DIGEST}: the published index references it`, undefined),
    );
    replay.expectDone();
  });
});

describe('deleteTag on docker.io (Docker Hub API)', () => {
  const HUB: ImageName = { registry: 'docker.io', repository: 'acme/app' };
  const API = 'https://registry-1.docker.io/v2/acme/app';
  const HUB_LOGIN = 'https://hub.docker.com/v2/auth/token';
  const HUB_TAG = 'https://hub.docker.com/v2/repositories/acme/app/tags/tmp/';
  const user = { kind: 'password', username: 'hubuser', password: 'dckr_pat_secret' } as const;

  function hubRegistryExchanges(uploaded: Uploaded): Exchange[] {
    return headAndPutDummyWithTokens(API, 'acme/app', uploaded, {
      server: HUB_TOKENS,
      prefix: 'hub',
      token: (scope, token) => ({
        method: 'GET',
        url: HUB_TOKENS.url(scope),
        authorization: basic('hubuser', 'dckr_pat_secret'),
        response: {
          status: 200,
          body: { token, access_token: token, expires_in: 300, issued_at: '2026-11-28T00:00:00Z' },
        },
      }),
    });
  }

  const login: Exchange = {
    method: 'POST',
    url: HUB_LOGIN,
    response: (request) => {
      expect(JSON.parse(request.body?.toString() ?? '')).toEqual({ identifier: 'hubuser', secret: 'dckr_pat_secret' });
      return { status: 200, body: { access_token: 'hub-api-jwt' } };
    },
  };

  /** A HEAD of the tag right before a Hub API DELETE, answering with the manifest `bytes` gives. */
  const headBeforeDelete = (bytes: () => Buffer): Exchange => ({
    method: 'HEAD',
    url: `${API}/manifests/tmp`,
    authorization: 'Bearer hub-pull',
    response: () => ({ status: 200, headers: describes(bytes()) }),
  });
  const hubTagUnknown: Exchange = {
    method: 'DELETE',
    url: HUB_TAG,
    authorization: 'Bearer hub-api-jwt',
    response: { status: 404, body: { message: 'tag not found' } },
  };

  it('deletes the tag through the Hub API once a HEAD shows it on the dummy, again after a 404 (not known yet)', async () => {
    const uploaded: Uploaded = {};
    const dummy = () => uploaded.manifest ?? Buffer.alloc(0);
    const { replay, deleter, secrets } = setup(
      [
        ...hubRegistryExchanges(uploaded),
        headBeforeDelete(dummy),
        login,
        hubTagUnknown,
        headBeforeDelete(dummy),
        { method: 'DELETE', url: HUB_TAG, authorization: 'Bearer hub-api-jwt', response: { status: 204 } },
      ],
      { 'docker.io': user },
    );
    expect(await deleter.deleteTag(HUB, 'tmp', { protectedDigests: PROTECTED })).toBe('docker-hub-api');
    replay.expectDone();
    expectOriginalUntouched(replay);
    expect(secrets).toEqual(expect.arrayContaining(['dckr_pat_secret', 'hub-api-jwt']));
  });

  it('sends no Hub API DELETE when a HEAD shows the tag moved off the dummy', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup([...hubRegistryExchanges(uploaded), headBeforeDelete(() => ORIGINAL)], {
      'docker.io': user,
    });
    const error = await deleter.deleteTag(HUB, 'tmp').catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(TagMovedError);
    expect(error).toMatchObject({ movedTo: ORIGINAL_DIGEST });
  });

  it('does not repeat a Hub API DELETE answered 404 once the tag is on another image', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup(
      [
        ...hubRegistryExchanges(uploaded),
        headBeforeDelete(() => uploaded.manifest ?? Buffer.alloc(0)),
        login,
        hubTagUnknown,
        headBeforeDelete(() => ORIGINAL),
      ],
      { 'docker.io': user },
    );
    const error = await deleter.deleteTag(HUB, 'tmp').catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(TagMovedError);
    expect(replay.log.filter((line) => line === `DELETE ${HUB_TAG}`)).toHaveLength(1);
  });

  it('names the user, not the password, when the Hub API login is refused', async () => {
    const uploaded: Uploaded = {};
    const { replay, deleter } = setup(
      [
        ...hubRegistryExchanges(uploaded),
        headBeforeDelete(() => uploaded.manifest ?? Buffer.alloc(0)),
        {
          method: 'POST',
          url: HUB_LOGIN,
          response: { status: 401, body: { detail: 'Incorrect authentication credentials' } },
        },
      ],
      { 'docker.io': user },
    );
    const error = await deleter.deleteTag(HUB, 'tmp').catch((caught: unknown) => caught);
    replay.expectDone();
    expect(error).toBeInstanceOf(DummyManifestNotDeletedError);
    expect((error as Error).message).toMatch(
      /^could not delete tag docker\.io\/acme\/app:tmp: authentication to the Docker Hub API failed for user "hubuser": POST https:\/\/hub\.docker\.com\/v2\/auth\/token answered 401\. .* To remove it, delete the tag tmp on https:\/\/hub\.docker\.com\/repository\/docker\/acme\/app\/tags\.$/,
    );
    expect((error as Error).message).not.toContain('dckr_pat_secret');
  });
});
