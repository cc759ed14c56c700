// Issue 8 end to end against the lab: the action takes docker/metadata-action's outputs unchanged, and provenance
// attestations survive every way of assembling the index (one build, one build per platform, shards + merge).
import { describeWithLab, lab } from './lab.js';
import { archContext, getIndex, imagePlatforms, listTags, resolve, uniqueRepository, type IndexJson } from './probe.js';
import { fetchManifest, imageConfig } from './support/registry-inspect.js';
import { BOTH_PLATFORMS, expectSucceeded, runShardsThenMerge, runStep, type StepResult } from './support/steps.js';

/**
 * What docker/metadata-action sets as outputs for a push of tag v1.2.3, with
 * `DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest,index`, as its src/main.ts and src/meta.ts make them. `tags` is
 * one reference per line; `labels` the OCI keys sorted by name, one `key=value` a line; `annotations` the same
 * pairs once per level, each prefixed `manifest:` then `index:`. Lines are joined by `\n` (the default `sep-*`)
 * with no newline at the end. The description holds a comma and a quote, as repository descriptions do.
 */
function metadataActionOutputs(image: string): {
  tags: string;
  labels: string;
  annotations: string;
  expected: Record<string, string>;
} {
  const oci: Record<string, string> = {
    'org.opencontainers.image.created': '2026-11-28T04:12:09.731Z',
    'org.opencontainers.image.description': 'Build once, publish one "tag" for every architecture',
    'org.opencontainers.image.licenses': 'MIT',
    'org.opencontainers.image.revision': '860c1904a1ce19322e91ac35af1ab07466440c37',
    'org.opencontainers.image.source': 'https://github.com/acme/app',
    'org.opencontainers.image.title': 'app',
    'org.opencontainers.image.url': 'https://github.com/acme/app',
    'org.opencontainers.image.version': '1.2.3',
  };
  const pairs = Object.entries(oci)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);
  return {
    tags: [`${image}:1.2.3`, `${image}:1.2`, `${image}:latest`].join('\n'),
    labels: pairs.join('\n'),
    annotations: ['manifest', 'index'].flatMap((level) => pairs.map((pair) => `${level}:${pair}`)).join('\n'),
    expected: oci,
  };
}

type IndexEntry = IndexJson['manifests'][number];

function imageEntries(index: IndexJson): IndexEntry[] {
  return index.manifests.filter((entry) => entry.platform?.os !== 'unknown');
}

function attestationEntries(index: IndexJson): IndexEntry[] {
  return index.manifests.filter((entry) => entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
}

/** Metadata-action's three outputs, unchanged, into the one-job modes. */
describeWithLab.each(['multi', 'fan-out'])('docker/metadata-action outputs, mode %s', (mode) => {
  const repository = uniqueRepository(`metadata-${mode}`);
  const meta = metadataActionOutputs(`${lab.registry}/${repository}`);
  let run: StepResult;
  let index: IndexJson;

  beforeAll(async () => {
    run = await runStep({
      mode,
      platforms: BOTH_PLATFORMS,
      tags: meta.tags,
      labels: meta.labels,
      annotations: meta.annotations,
      context: archContext(),
    });
    index = await getIndex(repository, 'latest');
  });

  test('main and post succeed, and every metadata tag resolves to outputs.digest', async () => {
    expectSucceeded(run);
    expect(await listTags(repository)).toEqual(['1.2', '1.2.3', 'latest']);
    for (const tag of ['1.2.3', '1.2', 'latest']) expect(await resolve(repository, tag)).toBe(run.outputs.digest);
  });

  test('the index: annotations, description included, are on the published index', () => {
    expect(index.annotations).toEqual(meta.expected);
  });

  test('each platform manifest carries the manifest: annotations', async () => {
    const images = imageEntries(index);
    expect(imagePlatforms(index)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const entry of images) {
      const manifest = await fetchManifest(repository, entry.digest);
      expect(manifest?.json.annotations).toMatchObject(meta.expected);
    }
  });

  test('each image config holds the labels', async () => {
    for (const entry of imageEntries(index)) {
      const config = await imageConfig(repository, entry.digest);
      expect(config.config?.Labels).toMatchObject(meta.expected);
    }
  });
});

/** The same outputs into shards and a merge, as the reusable workflow passes them (the merge gets tags and annotations). */
describeWithLab('docker/metadata-action outputs, shard + shard + merge', () => {
  const repository = uniqueRepository('metadata-shards');
  const meta = metadataActionOutputs(`${lab.registry}/${repository}`);
  let merge: StepResult;
  let index: IndexJson;

  beforeAll(async () => {
    const run = await runShardsThenMerge(
      { tags: meta.tags, annotations: meta.annotations },
      { shardInputs: { labels: meta.labels, context: archContext() } },
    );
    for (const shard of run.shards) expectSucceeded(shard);
    merge = run.merge;
    index = await getIndex(repository, 'latest');
  });

  test('the merge succeeds, every metadata tag resolves to outputs.digest, and no other tag is left', async () => {
    expectSucceeded(merge);
    expect(await listTags(repository)).toEqual(['1.2', '1.2.3', 'latest']);
    for (const tag of ['1.2.3', '1.2', 'latest']) expect(await resolve(repository, tag)).toBe(merge.outputs.digest);
  });

  test('each platform manifest carries the manifest: annotations and its config the labels', async () => {
    for (const entry of imageEntries(index)) {
      const manifest = await fetchManifest(repository, entry.digest);
      expect(manifest?.json.annotations).toMatchObject(meta.expected);
      expect((await imageConfig(repository, entry.digest)).config?.Labels).toMatchObject(meta.expected);
    }
  });

  test('the index: annotations are on the merged index', () => {
    expect(index.annotations).toEqual(meta.expected);
  });
});

/**
 * Every platform image keeps its provenance attestation in the published index, and each attestation names (by
 * `vnd.docker.reference.digest`) an image of that same index: what `docker buildx imagetools inspect --format
 * '{{json .Provenance}}'` and the registries' UIs follow.
 */
async function expectProvenanceForEveryImage(repository: string, digest: string): Promise<void> {
  const index = await getIndex(repository, digest);
  const images = imageEntries(index);
  expect(imagePlatforms(index)).toEqual(['linux/amd64', 'linux/arm64']);
  const attestations = attestationEntries(index);
  const described = attestations.map((entry) => entry.annotations?.['vnd.docker.reference.digest']);
  expect(described.sort()).toEqual(images.map((image) => image.digest).sort());
  for (const attestation of attestations) {
    const manifest = await fetchManifest(repository, attestation.digest);
    const predicates = (manifest?.json.layers ?? []).map(
      (layer) => layer.annotations?.['in-toto.io/predicate-type'] ?? '',
    );
    expect(predicates.some((type) => type.startsWith('https://slsa.dev/provenance/'))).toBe(true);
  }
}

describeWithLab.each(['multi', 'fan-out'])('provenance attestations, mode %s', (mode) => {
  test('each platform has its attestation in the published index, pointing at its image', async () => {
    const repository = uniqueRepository(`provenance-${mode}`);
    const run = await runStep({
      mode,
      platforms: BOTH_PLATFORMS,
      tags: `${lab.registry}/${repository}:latest`,
      context: archContext(),
      provenance: 'mode=max',
    });
    expectSucceeded(run);
    expect(await resolve(repository, 'latest')).toBe(run.outputs.digest);
    await expectProvenanceForEveryImage(repository, run.outputs.digest ?? '');
  });
});

describeWithLab('provenance attestations, shard + shard + merge', () => {
  test('each platform has its attestation in the merged index, pointing at its image', async () => {
    const repository = uniqueRepository('provenance-shards');
    const { shards, merge } = await runShardsThenMerge({
      tags: `${lab.registry}/${repository}:latest`,
      context: archContext(),
      provenance: 'mode=max',
    });
    for (const shard of shards) expectSucceeded(shard);
    expectSucceeded(merge);
    expect(await listTags(repository)).toEqual(['latest']);
    expect(await resolve(repository, 'latest')).toBe(merge.outputs.digest);
    await expectProvenanceForEveryImage(repository, merge.outputs.digest ?? '');
  });
});
