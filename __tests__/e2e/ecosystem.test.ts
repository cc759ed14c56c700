// Issue 8 end to end against the lab: the action takes docker/metadata-action's outputs unchanged, and provenance
// attestations survive every way of assembling the index (one build, one build per platform, shards + merge).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRunner, type ActionRun } from '../../scripts/local-runner.js';
import { describeWithLab, lab } from './lab.js';
import { archContext, getIndex, imagePlatforms, listTags, resolve, uniqueRepository, type IndexJson } from './probe.js';

interface Step {
  main: ActionRun;
  post: ActionRun;
  outputs: Record<string, string>;
}

interface RunOptions {
  job?: string;
  runId?: string;
}

async function step(inputs: Record<string, string>, { job, runId }: RunOptions = {}): Promise<Step> {
  const runner = new LocalRunner({
    inputs: { driver: 'docker', push: 'true', ...inputs },
    ...(job === undefined ? {} : { job }),
    ...(runId === undefined ? {} : { runId }),
  });
  try {
    const main = await runner.runMain();
    const post = await runner.runPost();
    return { main, post, outputs: runner.outputs() };
  } finally {
    runner.remove();
  }
}

function log(result: Step): string {
  return `main exit ${String(result.main.exitCode)}:\n${result.main.stdout}\n${result.main.stderr}\n--- post\n${result.post.stdout}`;
}

/** Both steps succeeded, without a warning: the log is in the failure message when not. */
function expectClean(result: Step): void {
  expect({ main: result.main.exitCode, post: result.post.exitCode, log: log(result) }).toMatchObject({
    main: 0,
    post: 0,
  });
  expect(log(result)).not.toMatch(/::warning::/);
}

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

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(',');

interface Descriptor {
  digest: string;
  annotations?: Record<string, string>;
}

interface ManifestJson {
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

/** A manifest by digest, read with plain HTTP (not the action's client). */
async function getManifest(repository: string, digest: string): Promise<ManifestJson> {
  const response = await fetch(`http://${lab.registry}/v2/${repository}/manifests/${digest}`, {
    headers: { Accept: ACCEPT },
  });
  if (response.status !== 200) throw new Error(`GET ${repository}@${digest} answered ${response.status}`);
  return (await response.json()) as ManifestJson;
}

async function getConfigLabels(repository: string, manifest: ManifestJson): Promise<Record<string, string>> {
  const response = await fetch(`http://${lab.registry}/v2/${repository}/blobs/${manifest.config.digest}`);
  if (response.status !== 200) throw new Error(`GET config ${manifest.config.digest} answered ${response.status}`);
  const config = (await response.json()) as { config?: { Labels?: Record<string, string> } };
  return config.config?.Labels ?? {};
}

type IndexEntry = IndexJson['manifests'][number] & { annotations?: Record<string, string> };

function imageEntries(index: IndexJson): IndexEntry[] {
  return index.manifests.filter((entry) => entry.platform?.os !== 'unknown');
}

function attestationEntries(index: IndexJson): IndexEntry[] {
  return (index.manifests as IndexEntry[]).filter(
    (entry) => entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest',
  );
}

/** Metadata-action's three outputs, unchanged, into the one-job modes. */
describeWithLab.each(['multi', 'fan-out'])('docker/metadata-action outputs, mode %s', (mode) => {
  const repository = uniqueRepository(`metadata-${mode}`);
  const meta = metadataActionOutputs(`${lab.registry}/${repository}`);
  let run: Step;
  let index: IndexJson;

  beforeAll(async () => {
    run = await step({
      mode,
      platforms: 'linux/amd64,linux/arm64',
      tags: meta.tags,
      labels: meta.labels,
      annotations: meta.annotations,
      context: archContext(),
    });
    index = await getIndex(repository, 'latest');
  });

  test('main and post succeed, and every metadata tag resolves to outputs.digest', async () => {
    expectClean(run);
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
      const manifest = await getManifest(repository, entry.digest);
      expect(manifest.annotations).toMatchObject(meta.expected);
    }
  });

  test('each image config holds the labels', async () => {
    for (const entry of imageEntries(index)) {
      const labels = await getConfigLabels(repository, await getManifest(repository, entry.digest));
      expect(labels).toMatchObject(meta.expected);
    }
  });
});

/** The same outputs into shards and a merge, as the reusable workflow passes them (the merge gets tags and annotations). */
describeWithLab('docker/metadata-action outputs, shard + shard + merge', () => {
  const repository = uniqueRepository('metadata-shards');
  const meta = metadataActionOutputs(`${lab.registry}/${repository}`);
  let merge: Step;
  let index: IndexJson;

  beforeAll(async () => {
    const handoffDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const runId = String(Math.floor(Math.random() * 1e9));
    const common = { tags: meta.tags, annotations: meta.annotations, 'handoff-dir': handoffDir };
    const shards = await Promise.all(
      ['linux/amd64', 'linux/arm64'].map((platform) =>
        step(
          { ...common, mode: 'shard', platforms: platform, labels: meta.labels, context: archContext() },
          { job: `build-${platform.replaceAll('/', '-')}`, runId },
        ),
      ),
    );
    for (const shard of shards) expectClean(shard);
    merge = await step({ ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' }, { job: 'merge', runId });
    index = await getIndex(repository, 'latest');
  });

  test('the merge succeeds, every metadata tag resolves to outputs.digest, and no other tag is left', async () => {
    expectClean(merge);
    expect(await listTags(repository)).toEqual(['1.2', '1.2.3', 'latest']);
    for (const tag of ['1.2.3', '1.2', 'latest']) expect(await resolve(repository, tag)).toBe(merge.outputs.digest);
  });

  test('each platform manifest carries the manifest: annotations and its config the labels', async () => {
    for (const entry of imageEntries(index)) {
      const manifest = await getManifest(repository, entry.digest);
      expect(manifest.annotations).toMatchObject(meta.expected);
      expect(await getConfigLabels(repository, manifest)).toMatchObject(meta.expected);
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
    const manifest = await getManifest(repository, attestation.digest);
    const predicates = manifest.layers.map((layer) => layer.annotations?.['in-toto.io/predicate-type'] ?? '');
    expect(predicates.some((type) => type.startsWith('https://slsa.dev/provenance/'))).toBe(true);
  }
}

describeWithLab.each(['multi', 'fan-out'])('provenance attestations, mode %s', (mode) => {
  test('each platform has its attestation in the published index, pointing at its image', async () => {
    const repository = uniqueRepository(`provenance-${mode}`);
    const run = await step({
      mode,
      platforms: 'linux/amd64,linux/arm64',
      tags: `${lab.registry}/${repository}:latest`,
      context: archContext(),
      provenance: 'mode=max',
    });
    expectClean(run);
    expect(await resolve(repository, 'latest')).toBe(run.outputs.digest);
    await expectProvenanceForEveryImage(repository, run.outputs.digest ?? '');
  });
});

describeWithLab('provenance attestations, shard + shard + merge', () => {
  test('each platform has its attestation in the merged index, pointing at its image', async () => {
    const repository = uniqueRepository('provenance-shards');
    const handoffDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const runId = String(Math.floor(Math.random() * 1e9));
    const common = {
      tags: `${lab.registry}/${repository}:latest`,
      'handoff-dir': handoffDir,
      context: archContext(),
      provenance: 'mode=max',
    };
    const shards = await Promise.all(
      ['linux/amd64', 'linux/arm64'].map((platform) =>
        step(
          { ...common, mode: 'shard', platforms: platform },
          { job: `build-${platform.replaceAll('/', '-')}`, runId },
        ),
      ),
    );
    for (const shard of shards) expectClean(shard);
    const merge = await step(
      { ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' },
      { job: 'merge', runId },
    );
    expectClean(merge);
    expect(await listTags(repository)).toEqual(['latest']);
    expect(await resolve(repository, 'latest')).toBe(merge.outputs.digest);
    await expectProvenanceForEveryImage(repository, merge.outputs.digest ?? '');
  });
});
