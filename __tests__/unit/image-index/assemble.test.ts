import { createHash } from 'node:crypto';
import {
  assembleIndex,
  indexProblems,
  isAttestation,
  platformDigests,
  platformManifests,
  serializeIndex,
  type BuildResult,
} from '../../../src/image-index/assemble.js';
import { parsePlatform, type Platform } from '../../../src/platform.js';
import { MediaType, type Descriptor, type ImageIndex, type ImageManifest } from '../../../src/registry/types.js';

const digest = (seed: string): string => `sha256:${createHash('sha256').update(seed).digest('hex')}`;

const IMG_AMD = digest('image amd64');
const IMG_ARM = digest('image arm64');
const IMG_ARM7 = digest('image arm/v7');
const ATT_AMD = digest('attestation amd64');
const ATT_ARM = digest('attestation arm64');
const IDX_AMD = digest('index amd64');
const IDX_ARM = digest('index arm64');

const linux = (architecture: string, variant?: string): Platform => ({
  os: 'linux',
  architecture,
  ...(variant === undefined ? {} : { variant }),
});

function image(digestValue: string, platform?: Platform, mediaType: string = MediaType.ociManifest): Descriptor {
  return { mediaType, digest: digestValue, size: 1234, ...(platform ? { platform } : {}) };
}

/** An attestation manifest as buildx writes it next to an image when provenance is on. */
function attestation(digestValue: string, of: string): Descriptor {
  return {
    mediaType: MediaType.ociManifest,
    digest: digestValue,
    size: 566,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: { 'vnd.docker.reference.digest': of, 'vnd.docker.reference.type': 'attestation-manifest' },
  };
}

function index(manifests: Descriptor[], annotations?: Record<string, string>): ImageIndex {
  return { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests, ...(annotations ? { annotations } : {}) };
}

function bareManifest(): ImageManifest {
  return {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: digest('config'), size: 800 },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digest('layer'), size: 4096 }],
  };
}

/** A per-platform build with provenance: an index of the image and its attestation. */
function indexResult(indexDigest: string, img: Descriptor, att: Descriptor, platforms: string[]): BuildResult {
  return {
    descriptor: { mediaType: MediaType.ociIndex, digest: indexDigest, size: 856 },
    manifest: index([img, att]),
    platforms: platforms.map(parsePlatform),
  };
}

function bareResult(digestValue: string, platforms: string[], descriptor: Partial<Descriptor> = {}): BuildResult {
  return {
    descriptor: { ...image(digestValue), ...descriptor },
    manifest: bareManifest(),
    platforms: platforms.map(parsePlatform),
  };
}

describe('isAttestation', () => {
  test.each<[string, Descriptor, boolean]>([
    ['buildx attestation manifest', attestation(ATT_AMD, IMG_AMD), true],
    [
      'annotated as attestation, whatever its platform',
      { ...image(ATT_AMD, linux('amd64')), annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
      true,
    ],
    ['unknown/unknown without annotations', image(ATT_AMD, { os: 'unknown', architecture: 'unknown' }), true],
    ['an image', image(IMG_AMD, linux('amd64')), false],
    ['an image without a platform', image(IMG_AMD), false],
    ['other annotations', { ...image(IMG_AMD, linux('amd64')), annotations: { 'org.example': 'x' } }, false],
  ])('%s → %s', (_name, descriptor, expected) => {
    expect(isAttestation(descriptor)).toBe(expected);
  });
});

describe('assembleIndex', () => {
  test('(a) two per-platform indexes with attestations → images first, then attestations, in build order', () => {
    const amd = image(IMG_AMD, linux('amd64'));
    const arm = image(IMG_ARM, linux('arm64', 'v8'));
    const attAmd = attestation(ATT_AMD, IMG_AMD);
    const attArm = attestation(ATT_ARM, IMG_ARM);
    const assembled = assembleIndex(
      [indexResult(IDX_AMD, amd, attAmd, ['linux/amd64']), indexResult(IDX_ARM, arm, attArm, ['linux/arm64'])],
      {},
    );
    expect(assembled).toEqual({
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [amd, arm, attAmd, attArm],
    });
    expect(assembled).not.toHaveProperty('annotations');
    // the attestation still names the image it describes, which is in the same index
    expect(assembled.manifests[2]?.annotations?.['vnd.docker.reference.digest']).toBe(assembled.manifests[0]?.digest);
    expect(platformManifests(assembled).map((d) => d.digest)).toEqual([IMG_AMD, IMG_ARM]);
  });

  test('a multi-platform build index is taken over whole (multi mode)', () => {
    const children = [
      image(IMG_AMD, linux('amd64')),
      image(IMG_ARM, linux('arm64')),
      attestation(ATT_AMD, IMG_AMD),
      attestation(ATT_ARM, IMG_ARM),
    ];
    const result: BuildResult = {
      descriptor: { mediaType: MediaType.ociIndex, digest: IDX_AMD, size: 1700 },
      manifest: index(children),
      platforms: ['linux/amd64', 'linux/arm64'].map(parsePlatform),
    };
    expect(assembleIndex([result], {}).manifests).toEqual(children);
  });

  test('a Docker manifest list is read as an index too', () => {
    const child = image(IMG_AMD, linux('amd64'), MediaType.dockerManifest);
    const result: BuildResult = {
      descriptor: { mediaType: MediaType.dockerManifestList, digest: IDX_AMD, size: 400 },
      manifest: { schemaVersion: 2, mediaType: MediaType.dockerManifestList, manifests: [child] },
      platforms: [parsePlatform('linux/amd64')],
    };
    expect(assembleIndex([result], {}).manifests).toEqual([child]);
  });

  test.each<[string, BuildResult[], Descriptor[]]>([
    [
      '(b) bare image manifests take the platform of their build, normalized',
      [
        bareResult(IMG_AMD, ['linux/amd64']),
        bareResult(IMG_ARM, ['linux/arm64/v8']),
        bareResult(IMG_ARM7, ['linux/arm']),
      ],
      [image(IMG_AMD, linux('amd64')), image(IMG_ARM, linux('arm64')), image(IMG_ARM7, linux('arm', 'v7'))],
    ],
    [
      'a bare descriptor drops what buildx put on it (platform, annotations); the build decides',
      [
        bareResult(IMG_AMD, ['linux/amd64'], {
          platform: linux('arm64'),
          annotations: { 'containerimage.config.digest': digest('config') },
          mediaType: MediaType.dockerManifest,
        }),
      ],
      [image(IMG_AMD, linux('amd64'), MediaType.dockerManifest)],
    ],
    [
      'an index result and a bare result together: images first, then attestations',
      [
        bareResult(IMG_AMD, ['linux/amd64']),
        indexResult(IDX_ARM, image(IMG_ARM, linux('arm64')), attestation(ATT_ARM, IMG_ARM), ['linux/arm64']),
        bareResult(IMG_ARM7, ['linux/arm/v7']),
      ],
      [
        image(IMG_AMD, linux('amd64')),
        image(IMG_ARM, linux('arm64')),
        image(IMG_ARM7, linux('arm', 'v7')),
        attestation(ATT_ARM, IMG_ARM),
      ],
    ],
  ])('%s', (_name, results, manifests) => {
    expect(assembleIndex(results, {})).toEqual({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests });
  });

  test.each<[string, string[]]>([
    ['two platforms', ['linux/amd64', 'linux/arm64']],
    ['no platform', []],
  ])('a bare image from a build of %s is an error', (_name, platforms) => {
    expect(() => assembleIndex([bareResult(IMG_AMD, platforms)], {})).toThrow(
      `a build of ${platforms.length} platforms pushed a single image ${IMG_AMD}`,
    );
  });

  test('(c) index annotations go on the index', () => {
    const annotations = {
      'org.opencontainers.image.vendor': 'Acme, Inc.',
      'org.opencontainers.image.source': 'https://github.com/acme/app',
    };
    const assembled = assembleIndex([bareResult(IMG_AMD, ['linux/amd64'])], annotations);
    expect(assembled.annotations).toEqual(annotations);
    expect(assembled.manifests).toEqual([image(IMG_AMD, linux('amd64'))]);
  });

  test('serializeIndex gives the JSON bytes of the index', () => {
    const assembled = assembleIndex([bareResult(IMG_AMD, ['linux/amd64'])], { a: 'b' });
    const bytes = serializeIndex(assembled);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(assembled);
    expect(bytes.toString('utf8')).toBe(JSON.stringify(assembled));
  });
});

describe('indexProblems', () => {
  const amd = image(IMG_AMD, linux('amd64'));
  const arm = image(IMG_ARM, linux('arm64'));
  const good = index([amd, arm, attestation(ATT_AMD, IMG_AMD), attestation(ATT_ARM, IMG_ARM)]);
  const configs = (entries: [string, Platform][]): ReadonlyMap<string, Platform> => new Map(entries);
  const BOTH = configs([
    [IMG_AMD, linux('amd64')],
    [IMG_ARM, linux('arm64')],
  ]);

  test.each<[string, ImageIndex, string[], ReadonlyMap<string, Platform>, string[]]>([
    ['a good index (attestations are not platforms)', good, ['linux/amd64', 'linux/arm64'], BOTH, []],
    [
      'a requested platform is missing',
      good,
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
      BOTH,
      ['linux/arm/v7 is missing from the index'],
    ],
    [
      'a platform that was not requested',
      good,
      ['linux/amd64'],
      BOTH,
      [`linux/arm64 (${IMG_ARM}) is in the index but was not requested`],
    ],
    [
      'a platform twice',
      index([amd, arm, image(IMG_ARM7, linux('amd64'))]),
      ['linux/amd64', 'linux/arm64'],
      configs([
        [IMG_AMD, linux('amd64')],
        [IMG_ARM, linux('arm64')],
        [IMG_ARM7, linux('amd64')],
      ]),
      ['linux/amd64 is in the index 2 times'],
    ],
    [
      'the config says another architecture (descriptor linux/arm64, config amd64)',
      good,
      ['linux/amd64', 'linux/arm64'],
      configs([
        [IMG_AMD, linux('amd64')],
        [IMG_ARM, linux('amd64')],
      ]),
      [`linux/arm64 (${IMG_ARM}) is an image for linux/amd64 by its config`],
    ],
    [
      'the config says another arm variant',
      index([image(IMG_ARM7, linux('arm', 'v7'))]),
      ['linux/arm/v7'],
      configs([[IMG_ARM7, linux('arm', 'v6')]]),
      [`linux/arm/v7 (${IMG_ARM7}) is an image for linux/arm/v6 by its config`],
    ],
    [
      'arm64 variant v8 in the descriptor equals no variant in the request and the config',
      index([image(IMG_ARM, linux('arm64', 'v8'))]),
      ['linux/arm64'],
      configs([[IMG_ARM, linux('arm64')]]),
      [],
    ],
    [
      'arm64 variant v8 in the config equals no variant in the descriptor',
      index([arm]),
      ['linux/arm64/v8'],
      configs([[IMG_ARM, linux('arm64', 'v8')]]),
      [],
    ],
    [
      'amd64/v2 is not amd64',
      index([image(IMG_AMD, linux('amd64', 'v2'))]),
      ['linux/amd64'],
      configs([[IMG_AMD, linux('amd64', 'v2')]]),
      ['linux/amd64 is missing from the index', `linux/amd64/v2 (${IMG_AMD}) is in the index but was not requested`],
    ],
    [
      'an unchecked config',
      good,
      ['linux/amd64', 'linux/arm64'],
      configs([[IMG_AMD, linux('amd64')]]),
      [`the config of linux/arm64 (${IMG_ARM}) was not checked`],
    ],
    [
      'a manifest without a platform',
      index([amd, image(IMG_ARM)]),
      ['linux/amd64', 'linux/arm64'],
      BOTH,
      ['linux/arm64 is missing from the index', `manifest ${IMG_ARM} has no platform in the index`],
    ],
    ['an empty index', index([]), ['linux/amd64'], configs([]), ['linux/amd64 is missing from the index']],
  ])('%s', (_name, idx, requested, configPlatforms, expected) => {
    expect(indexProblems(idx, requested.map(parsePlatform), configPlatforms)).toEqual(expected);
  });

  test('several problems are all reported', () => {
    const problems = indexProblems(
      index([image(IMG_AMD, linux('amd64')), image(IMG_ARM, linux('riscv64'))]),
      ['linux/amd64', 'linux/arm64'].map(parsePlatform),
      configs([[IMG_AMD, linux('arm64')]]),
    );
    expect(problems).toEqual([
      'linux/arm64 is missing from the index',
      `linux/amd64 (${IMG_AMD}) is an image for linux/arm64 by its config`,
      `linux/riscv64 (${IMG_ARM}) is in the index but was not requested`,
      `the config of linux/riscv64 (${IMG_ARM}) was not checked`,
    ]);
  });
});

describe('platformDigests', () => {
  test.each<[string, ImageIndex, Record<string, string>]>([
    [
      'images by platform; attestations left out',
      index([
        image(IMG_AMD, linux('amd64')),
        image(IMG_ARM, linux('arm64')),
        attestation(ATT_AMD, IMG_AMD),
        attestation(ATT_ARM, IMG_ARM),
      ]),
      { 'linux/amd64': IMG_AMD, 'linux/arm64': IMG_ARM },
    ],
    [
      'platforms normalized (arm64/v8 → linux/arm64), variants kept where they matter',
      index([image(IMG_ARM, linux('aarch64', 'v8')), image(IMG_ARM7, linux('arm', 'v7'))]),
      { 'linux/arm64': IMG_ARM, 'linux/arm/v7': IMG_ARM7 },
    ],
    ['a manifest without a platform is skipped', index([image(IMG_AMD)]), {}],
    ['an empty index', index([]), {}],
  ])('%s', (_name, idx, expected) => {
    expect(platformDigests(idx)).toEqual(expected);
  });

  test('of an assembled index from bare images', () => {
    const assembled = assembleIndex([bareResult(IMG_AMD, ['linux/amd64']), bareResult(IMG_ARM, ['linux/arm64'])], {
      'org.opencontainers.image.vendor': 'Acme',
    });
    expect(platformDigests(assembled)).toEqual({ 'linux/amd64': IMG_AMD, 'linux/arm64': IMG_ARM });
  });
});
