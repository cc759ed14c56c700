// verifyIndex over recorded registry exchanges: an assembled index has each image's config read back; buildx's own
// index is checked from its own platforms, without a request.
import { parsePlatform } from '../../src/platform.js';
import { verifyIndex, VerificationError, type PushedIndex } from '../../src/image-index/publish.js';
import { MediaType, type ImageIndex } from '../../src/registry/types.js';
import { LAB, LAB_API, manifestHeaders, replayClient, sha256, type Exchange } from './registry-replay.js';

/** An image whose config says it is for `architecture`: its manifest, config and digests. */
function image(architecture: string) {
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: sha256(config), size: config.length },
      layers: [],
    }),
  );
  return { config, manifest, digest: sha256(manifest) };
}

const amd64 = image('amd64');
const arm64 = image('arm64');

/** An index that claims `claimed` for each image, in order. */
function pushed(images: ReturnType<typeof image>[], claimed: string[], madeByBuildx: boolean): PushedIndex {
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
    madeByBuildx,
  };
}

/** The GETs that read an image's manifest and config back. */
function readBack(one: ReturnType<typeof image>): Exchange[] {
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
