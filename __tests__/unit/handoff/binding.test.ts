import {
  bindingProblems,
  imagesListed,
  SHARD_ANNOTATION,
  shardAnnotationFlag,
  shardAnnotationValue,
} from '../../../src/handoff/binding.js';
import { MediaType, type ImageIndex, type ImageManifest, type Manifest } from '../../../src/registry/types.js';
import { digest, IMAGE, OTHER_IMAGE, record, RUN } from '../support/shard-records.js';

const SHARD = record({ platform: 'linux/arm64', runAttempt: '2' });
const EXPECTED = `${RUN}/2/${IMAGE}/linux/arm64`;

function image(annotation?: string): ImageManifest {
  return {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: digest('c'), size: 2 },
    layers: [],
    ...(annotation === undefined ? {} : { annotations: { [SHARD_ANNOTATION]: annotation } }),
  };
}

/** An index as buildx pushes one platform with provenance: the image, then its attestation manifest. */
function attested(...images: string[]): ImageIndex {
  return {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [
      ...images.map((d) => ({
        mediaType: MediaType.ociManifest,
        digest: d,
        size: 1,
        platform: { os: 'linux', architecture: 'arm64' },
      })),
      {
        mediaType: MediaType.ociManifest,
        digest: digest('e'),
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: {
          'vnd.docker.reference.type': 'attestation-manifest',
          'vnd.docker.reference.digest': digest('1'),
        },
      },
    ],
  };
}

describe('the annotation a shard build puts on its image', () => {
  test('names run, attempt, image key and platform, as a manifest annotation for buildx', () => {
    expect(shardAnnotationValue(SHARD)).toBe(EXPECTED);
    expect(shardAnnotationFlag(SHARD)).toBe(`manifest:dev.multiarch-build.shard=${EXPECTED}`);
  });
});

describe('bindingProblems', () => {
  test.each<[string, string | undefined, string[]]>([
    ["the record's own shard built it", EXPECTED, []],
    [
      'no annotation: an image no shard built, such as an earlier release',
      undefined,
      [`its image manifest has no ${SHARD_ANNOTATION} annotation (expected "${EXPECTED}")`],
    ],
    ...[
      ['another run', `1111/2/${IMAGE}/linux/arm64`],
      ['another attempt of this run', `${RUN}/1/${IMAGE}/linux/arm64`],
      ['another image of this run attempt pushed to the same repository', `${RUN}/2/${OTHER_IMAGE}/linux/arm64`],
      ['another platform of this shard run', `${RUN}/2/${IMAGE}/linux/amd64`],
    ].map(([name = '', found = '']): [string, string, string[]] => [
      `annotated by ${name}`,
      found,
      [`its image manifest has "${found}" as its ${SHARD_ANNOTATION} annotation (expected "${EXPECTED}")`],
    ]),
  ])('an image manifest: %s', (_name, annotation, problems) => {
    expect(bindingProblems(SHARD, image(annotation), new Map())).toEqual(problems);
  });

  test('an index (provenance): its image is checked, its attestation needs no annotation', () => {
    const index = attested(digest('1'));
    expect(imagesListed(index)).toEqual([digest('1')]);
    expect(bindingProblems(SHARD, index, new Map([[digest('1'), image(EXPECTED)]]))).toEqual([]);
    expect(bindingProblems(SHARD, index, new Map([[digest('1'), image()]]))).toEqual([
      `the image manifest ${digest('1')} in its index has no ${SHARD_ANNOTATION} annotation (expected "${EXPECTED}")`,
    ]);
  });

  test.each<[string, Manifest, Map<string, Manifest>, string[]]>([
    ['an index listing only attestations', attested(), new Map(), ['its index lists no image']],
    [
      'an image beside the annotated one (an assembled index of several shards)',
      attested(digest('1'), digest('2')),
      new Map([
        [digest('1'), image(EXPECTED)],
        [digest('2'), image(`${RUN}/2/${IMAGE}/linux/amd64`)],
      ]),
      [
        `the image manifest ${digest('2')} in its index has "${RUN}/2/${IMAGE}/linux/amd64" as its ` +
          `${SHARD_ANNOTATION} annotation (expected "${EXPECTED}")`,
      ],
    ],
    [
      'a listed image that was not read',
      attested(digest('1')),
      new Map(),
      [`the image manifest ${digest('1')} in its index was not read`],
    ],
    [
      'an index where its image should be',
      attested(digest('1')),
      new Map([[digest('1'), attested(digest('2'))]]),
      [`the image manifest ${digest('1')} in its index is an index, not an image`],
    ],
  ])('refused: %s', (_name, manifest, listed, problems) => {
    expect(bindingProblems(SHARD, manifest, listed)).toEqual(problems);
  });

  test('an image manifest lists nothing to read', () => {
    expect(imagesListed(image(EXPECTED))).toEqual([]);
  });
});
