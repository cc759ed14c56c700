// verifyIndex over recorded registry exchanges: an assembled index has each image's config read back; buildx's own
// index is checked from its own platforms, without a request. publishTags against a registry in memory: every tag
// is tried, and a publish that did not reach every tag says where each points and how to finish.
import { jest } from '@jest/globals';
import { parsePlatform } from '../../../src/platform.js';
import {
  PublishIncompleteError,
  publishTags,
  pushIndex,
  verifyIndex,
  VerificationError,
  type PushedIndex,
} from '../../../src/image-index/publish.js';
import { parseReference, parseTaggedReference } from '../../../src/reference.js';
import { MediaType, type ImageIndex } from '../../../src/registry/types.js';
import { FakeDistribution } from '../support/fake-distribution.js';
import {
  LAB,
  LAB_API,
  manifestHeaders,
  registryErrors,
  replayClient,
  platformImage,
  sha256,
  type Exchange,
} from '../support/registry-replay.js';

const amd64 = platformImage('amd64');
const arm64 = platformImage('arm64');

/** An index that claims `claimed` for each image, in order. */
function pushed(images: ReturnType<typeof platformImage>[], claimed: string[], byBuildx: boolean): PushedIndex {
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: images.map((one, i) => ({
      mediaType: MediaType.ociManifest,
      digest: one.digest,
      size: one.manifest.length,
      platform: { os: 'linux', architecture: claimed[i] ?? '' },
    })),
  };
  const bytes = Buffer.from(JSON.stringify(index));
  return {
    descriptor: { mediaType: MediaType.ociIndex, digest: sha256(bytes), size: bytes.length },
    index,
    bytes,
    kind: byBuildx ? 'buildx-index' : 'assembled-index',
  };
}

/** The GETs that read an image's manifest and config back. */
function readBack(one: ReturnType<typeof platformImage>): Exchange[] {
  return [
    {
      method: 'GET',
      url: `${LAB_API}/manifests/${one.digest}`,
      response: { status: 200, headers: manifestHeaders(one.manifest, MediaType.ociManifest), body: one.manifest },
    },
    { method: 'GET', url: `${LAB_API}/blobs/${sha256(one.config)}`, response: { status: 200, body: one.config } },
  ];
}

const both = [parsePlatform('linux/amd64'), parsePlatform('linux/arm64')];

describe('verifyIndex', () => {
  it('reads back the config of every image of an assembled index', async () => {
    // One image: the replay expects requests in order, and several images' reads would run concurrently.
    const { replay, client } = replayClient([...readBack(amd64)]);
    await verifyIndex(pushed([amd64], ['amd64'], false), [parsePlatform('linux/amd64')], LAB, client);
    expect(replay.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${LAB_API}/manifests/${amd64.digest}`,
      `GET ${LAB_API}/blobs/${sha256(amd64.config)}`,
    ]);
  });

  it('fails an assembled index whose image is for another architecture by its config', async () => {
    const { client } = replayClient([...readBack(amd64)]);
    const failure = verifyIndex(pushed([amd64], ['arm64'], false), [parsePlatform('linux/arm64')], LAB, client);
    await expect(failure).rejects.toBeInstanceOf(VerificationError);
    await expect(failure).rejects.toThrow(`linux/arm64 (${amd64.digest}) is an image for linux/amd64 by its config`);
  });

  it("checks buildx's own index against the requested platforms without a request", async () => {
    const { replay, client } = replayClient([]);
    await verifyIndex(pushed([amd64, arm64], ['amd64', 'arm64'], true), both, LAB, client);
    expect(replay.requests).toEqual([]);
  });

  it("still fails buildx's own index when a requested platform is missing", async () => {
    const { replay, client } = replayClient([]);
    const failure = verifyIndex(pushed([amd64], ['amd64'], true), both, LAB, client);
    await expect(failure).rejects.toThrow('linux/arm64 is missing from the index');
    expect(replay.requests).toEqual([]);
  });
});

describe('publishTags', () => {
  const published = pushed([amd64, arm64], ['amd64', 'arm64'], false);
  const INDEX_DIGEST = published.descriptor.digest;
  /** An older release, under the tags before this publish. */
  const OLD = pushed([amd64], ['amd64'], false);
  const TAGS = ['127.0.0.1:5000/lab/app:v1', '127.0.0.1:5000/lab/app:latest', '127.0.0.1:5000/lab/other:v1'];

  /** Both repositories hold the index by digest, and the older release under every tag. */
  function registryBeforePublish(): FakeDistribution {
    const registry = new FakeDistribution();
    for (const reference of TAGS.map(parseReference)) {
      registry.push(reference.repository, undefined, published.bytes);
      registry.push(reference.repository, reference.tag, OLD.bytes);
    }
    return registry;
  }

  it('tries every tag, and says where each points and the one command that finishes when some are refused', async () => {
    const registry = registryBeforePublish();
    const denied = { status: 403, body: registryErrors('DENIED', 'requested access to the resource is denied') };
    const refusedPaths = ['/v2/lab/app/manifests/latest', '/v2/lab/other/manifests/v1'];
    registry.intercept = (method, path) => (method === 'PUT' && refusedPaths.includes(path) ? denied : undefined);
    const error = await publishTags(TAGS.map(parseTaggedReference), published, registry.client).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(PublishIncompleteError);
    const incomplete = error as PublishIncompleteError;
    expect(incomplete.indexDigest).toBe(INDEX_DIGEST);
    expect(incomplete.tags.map(({ tag, pointsAt }) => [tag, pointsAt])).toEqual([
      [TAGS[0], INDEX_DIGEST],
      [TAGS[1], OLD.descriptor.digest],
      [TAGS[2], OLD.descriptor.digest],
    ]);
    const [first, ...refused] = incomplete.tags.map((outcome) => outcome.problem);
    expect(first).toBeUndefined();
    for (const problem of refused)
      expect(problem).toMatch(/^its PUT failed: could not put manifest .* answered 403 DENIED/);
    expect(incomplete.command).toBe(
      `docker buildx imagetools create -t ${TAGS[1]} -t ${TAGS[2]} 127.0.0.1:5000/lab/app@${INDEX_DIGEST}`,
    );
    const lines = incomplete.message.split('\n');
    expect(lines[0]).toBe(`the index ${INDEX_DIGEST} is not published under every tag:`);
    expect(lines[1]).toBe(`  - ${TAGS[0]} points at ${INDEX_DIGEST} (the index)`);
    expect(lines[2]).toMatch(`  - ${TAGS[1]} points at ${OLD.descriptor.digest}: not published, its PUT failed: `);
    expect(lines.at(-1)).toBe(`To finish publishing, run: ${incomplete.command}`);
    expect(registry.tags('lab/app')).toEqual({ v1: INDEX_DIGEST, latest: OLD.descriptor.digest });
  });

  /** Another writer's image: neither the index nor the older release. */
  const THIRD = pushed([arm64], ['arm64'], false);
  const LATEST = '/v2/lab/app/manifests/latest';

  it('calls a tag whose read-back still shows its previous image not published (a lagging replica)', async () => {
    const registry = registryBeforePublish();
    // The PUT lands, but every read of the tag is answered from a replica that still has the older release.
    const stale = { status: 200, headers: manifestHeaders(OLD.bytes, MediaType.ociIndex) };
    registry.intercept = (method, path) => (method === 'HEAD' && path === LATEST ? stale : undefined);
    const error = await publishTags(TAGS.map(parseTaggedReference), published, registry.client).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishIncompleteError);
    const incomplete = error as PublishIncompleteError;
    expect(incomplete.tags.map(({ tag, problem }) => [tag, problem])).toEqual([
      [TAGS[0], undefined],
      [TAGS[1], 'it still points at its previous image after the PUT'],
      [TAGS[2], undefined],
    ]);
    expect(incomplete.command).toBe(
      `docker buildx imagetools create -t ${TAGS[1]} 127.0.0.1:5000/lab/app@${INDEX_DIGEST}`,
    );
    // Tried twice before giving up.
    expect(registry.requests.filter((r) => r.method === 'PUT' && r.path === LATEST)).toHaveLength(2);
  });

  it("takes a third image under the tag after the PUT as another writer's, with a warning", async () => {
    const registry = registryBeforePublish();
    registry.intercept = (method, path, pass) => {
      if (method !== 'PUT' || path !== LATEST) return undefined;
      const answer = pass();
      registry.push('lab/app', 'latest', THIRD.bytes);
      return answer;
    };
    const printed = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await publishTags(TAGS.map(parseTaggedReference), published, registry.client)).toEqual(TAGS);
      expect(printed.mock.calls.map(([text]) => String(text)).join('')).toContain(
        `::warning::${TAGS[1]} was published, then pointed at ${THIRD.descriptor.digest} by another writer.`,
      );
    } finally {
      printed.mockRestore();
    }
    expect(registry.tags('lab/app').latest).toBe(THIRD.descriptor.digest);
  });

  it('calls a third image not published when what the tag held before could not be read', async () => {
    const registry = registryBeforePublish();
    let putDone = false;
    registry.intercept = (method, path, pass) => {
      if (path !== LATEST) return undefined;
      if (method === 'HEAD' && !putDone) return { status: 500 };
      if (method !== 'PUT') return undefined;
      putDone = true;
      const answer = pass();
      registry.push('lab/app', 'latest', THIRD.bytes);
      return answer;
    };
    const error = await publishTags(TAGS.map(parseTaggedReference), published, registry.client).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishIncompleteError);
    expect((error as PublishIncompleteError).tags[1]).toEqual({
      tag: TAGS[1],
      pointsAt: THIRD.descriptor.digest,
      problem: 'it does not resolve to the index, and what it pointed at before could not be read',
    });
  });

  it('retries a tag PUT that failed for a passing reason: the same bytes again', async () => {
    const registry = registryBeforePublish();
    let failures = 0;
    registry.intercept = (method) => (method === 'PUT' && failures++ < 2 ? { status: 503 } : undefined);
    expect(await publishTags(TAGS.map(parseTaggedReference), published, registry.client)).toEqual(TAGS);
    for (const reference of TAGS.map(parseReference)) {
      expect(registry.tags(reference.repository)[reference.tag ?? '']).toBe(INDEX_DIGEST);
    }
  });
});

describe('pushIndex', () => {
  const APP = parseReference('127.0.0.1:5000/lab/app');
  const one = { descriptor: { mediaType: MediaType.ociManifest, digest: amd64.digest, size: amd64.manifest.length } };

  it('publishes the image manifest itself for one platform with nothing to attach, as build-push-action does', async () => {
    const registry = new FakeDistribution();
    registry.push('lab/app', undefined, amd64.manifest);
    registry.pushBlob('lab/app', amd64.config);
    const plan = { repositories: [APP], indexAnnotations: {} };
    const result = await pushIndex(plan, [{ ...one, platforms: [parsePlatform('linux/amd64')] }], registry.client);
    expect(result.kind).toBe('manifest');
    expect(result.descriptor).toEqual({
      mediaType: MediaType.ociManifest,
      digest: amd64.digest,
      size: amd64.manifest.length,
    });
    expect(result.bytes.equals(amd64.manifest)).toBe(true);
    expect(registry.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    // Its config is read to check the platform, as for an assembled index.
    await verifyIndex(result, [parsePlatform('linux/amd64')], APP, registry.client);
    await expect(verifyIndex(result, [parsePlatform('linux/arm64')], APP, registry.client)).rejects.toThrow(
      VerificationError,
    );
  });

  it('assembles an index over one platform when an index annotation is to be written', async () => {
    const registry = new FakeDistribution();
    registry.push('lab/app', undefined, amd64.manifest);
    const plan = { repositories: [APP], indexAnnotations: { 'org.opencontainers.image.title': 'app' } };
    const result = await pushIndex(plan, [{ ...one, platforms: [parsePlatform('linux/amd64')] }], registry.client);
    expect(result.kind).toBe('assembled-index');
    expect(result.index.annotations).toEqual({ 'org.opencontainers.image.title': 'app' });
    expect(registry.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      `/v2/lab/app/manifests/${result.descriptor.digest}`,
    ]);
  });

  it("takes each image's type and size from the registry, not from what a build or a record claims", async () => {
    const registry = new FakeDistribution();
    registry.push('lab/app', undefined, amd64.manifest);
    registry.push('lab/app', undefined, arm64.manifest);
    const claimed = (one: ReturnType<typeof platformImage>, architecture: string) => ({
      // A record with the right digest but a wrong size and type: an index built from it would not resolve.
      descriptor: { mediaType: MediaType.dockerManifest, digest: one.digest, size: 7 },
      platforms: [parsePlatform(`linux/${architecture}`)],
    });
    const plan = { repositories: [parseReference('127.0.0.1:5000/lab/app')], indexAnnotations: {} };
    const result = await pushIndex(plan, [claimed(amd64, 'amd64'), claimed(arm64, 'arm64')], registry.client);
    expect(result.index.manifests.map(({ mediaType, size }) => ({ mediaType, size }))).toEqual([
      { mediaType: MediaType.ociManifest, size: amd64.manifest.length },
      { mediaType: MediaType.ociManifest, size: arm64.manifest.length },
    ]);
  });
});
