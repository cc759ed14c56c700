// `metadata` and `imageid` in build-push-action's shape: buildx's keys of the builds, with what was published on top.
import { imageIdOutput, metadataOutput } from '../../src/build-outputs.js';
import type { BuildMetadata } from '../../src/docker/build.js';
import { MediaType } from '../../src/registry/types.js';

const digest = (c: string): string => `sha256:${c.repeat(64)}`;
const descriptor = (c: string, mediaType: string = MediaType.ociIndex) => ({ mediaType, digest: digest(c), size: 1 });
const warning = (short: string) => ({ vertex: digest('9'), level: 1, short: Buffer.from(short).toString('base64') });

/** buildx 0.29's metadata of a one-platform build pushed by digest, with provenance (max) and a Dockerfile check. */
function buildxMetadata(platform: string, c: string): BuildMetadata {
  return {
    [`buildx.build.provenance/linux/${platform}`]: { buildType: 'https://mobyproject.org/buildkit@v1' },
    'buildx.build.ref': `builder/builder0/${c.repeat(8)}`,
    'buildx.build.warnings': [warning('FromAsCasing: as and FROM mismatch')],
    'containerimage.config.digest': digest(c === 'a' ? 'c' : 'd'),
    'containerimage.descriptor': descriptor(c),
    'containerimage.digest': digest(c),
    'image.name': '127.0.0.1:5000/lab/app',
  };
}

const PUBLISHED = {
  descriptor: descriptor('e'),
  imageName: '127.0.0.1:5000/lab/app:1.0,127.0.0.1:5000/lab/app:latest',
};

describe('metadataOutput', () => {
  test('one build: every key of buildx, with the published index on top', () => {
    const one = buildxMetadata('amd64', 'a');
    expect(metadataOutput([one], PUBLISHED)).toEqual({
      ...one,
      'containerimage.descriptor': PUBLISHED.descriptor,
      'containerimage.digest': PUBLISHED.descriptor.digest,
      'image.name': PUBLISHED.imageName,
    });
  });

  test('one build, nothing published here (push false, or a shard): buildx metadata as it is', () => {
    const one = buildxMetadata('amd64', 'a');
    expect(metadataOutput([one])).toBe(one);
  });

  test("one build per platform: shared keys once, per-platform keys each, warnings once, the builds' own left out", () => {
    const metadata = metadataOutput([buildxMetadata('amd64', 'a'), buildxMetadata('arm64', 'b')], PUBLISHED);
    expect(Object.keys(metadata).sort()).toEqual([
      'buildx.build.provenance/linux/amd64',
      'buildx.build.provenance/linux/arm64',
      'buildx.build.warnings',
      'containerimage.descriptor',
      'containerimage.digest',
      'image.name',
    ]);
    expect(metadata['buildx.build.warnings']).toEqual([warning('FromAsCasing: as and FROM mismatch')]);
    expect(metadata['containerimage.digest']).toBe(PUBLISHED.descriptor.digest);
  });

  test('a merge (no build here): what was published', () => {
    expect(metadataOutput([], PUBLISHED)).toEqual({
      'containerimage.descriptor': PUBLISHED.descriptor,
      'containerimage.digest': PUBLISHED.descriptor.digest,
      'image.name': PUBLISHED.imageName,
    });
  });
});

describe('imageIdOutput: as buildx writes its image ID file', () => {
  test.each<[string, BuildMetadata[], typeof PUBLISHED | undefined, string | undefined]>([
    ['one image: its config digest', [buildxMetadata('amd64', 'a')], PUBLISHED, digest('c')],
    [
      'one multi-platform build (no config digest): the index published',
      [{ 'containerimage.digest': digest('a') }],
      PUBLISHED,
      digest('e'),
    ],
    [
      'one build per platform: the index published',
      [buildxMetadata('amd64', 'a'), buildxMetadata('arm64', 'b')],
      PUBLISHED,
      digest('e'),
    ],
    [
      'multi-platform, not pushed: the digest buildx reports',
      [{ 'containerimage.digest': digest('a') }],
      undefined,
      digest('a'),
    ],
    ['a build that made no image (cacheonly): none', [{ 'buildx.build.ref': 'b/b0/x' }], undefined, undefined],
  ])('%s', (_name, builds, published, expected) => {
    expect(imageIdOutput(builds, published)).toBe(expected);
  });
});
