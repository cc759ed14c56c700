import { jest } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DirectoryHandoff } from '../../../src/handoff/directory.js';
import {
  platformSlugOf,
  serializeShardRecord,
  ShardRecordError,
  type ShardRecord,
} from '../../../src/handoff/record.js';
import { SHARD_ANNOTATION, shardAnnotationValue } from '../../../src/handoff/binding.js';
import { collectShards, requireShardImages } from '../../../src/handoff/shards.js';
import { parsePlatform } from '../../../src/platform.js';
import { temporaryTag, type RunIdentity } from '../../../src/plan/temporary-tag.js';
import { parseTaggedReference } from '../../../src/reference.js';
import { MediaType } from '../../../src/registry/types.js';
import { FakeDistribution } from '../support/fake-distribution.js';
import { sha256 } from '../support/registry-replay.js';
import { desc, digest, IMAGE, record, RUN } from '../support/shard-records.js';

let workDir: string;
beforeEach(async () => (workDir = await mkdtemp(join(tmpdir(), 'handoff-'))));
afterEach(() => rm(workDir, { recursive: true, force: true }));

describe('collectShards', () => {
  const prefix = 'multiarch-tmp';
  const merge: RunIdentity = {
    runId: RUN,
    runAttempt: '1',
    job: 'merge',
    action: 'merge',
    startedAt: 1_800_000_100,
    nonce: '5eed01',
  };
  const inputs = {
    tags: [parseTaggedReference('ghcr.io/acme/app:latest')],
    platforms: ['linux/amd64', 'linux/arm64'].map(parsePlatform),
    tempTagPrefix: prefix,
  };
  const handedOff = (platform: string, overrides: Partial<ShardRecord> = {}) => {
    const shard = { ...merge, job: 'build', startedAt: 1_800_000_000, nonce: '5eed01' };
    const tag = temporaryTag(prefix, { ...shard, runAttempt: overrides.runAttempt ?? '1' }, platformSlugOf(platform));
    return record({ platform, temporaryTags: [`ghcr.io/acme/app:${tag}`], ...overrides });
  };

  /** collectShards over a fresh directory holding these records, with what it logged. */
  async function collect(records: ShardRecord[], run = merge) {
    const handoff = new DirectoryHandoff(join(workDir, 'shared'));
    for (const each of records) await handoff.put(each);
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const result = await collectShards(handoff, inputs, run).catch((error: unknown) => error);
      return { result, log: lines.join('') };
    } finally {
      spy.mockRestore();
    }
  }
  const fileOf = (platform: string, attempt: number) =>
    join(workDir, 'shared', IMAGE, RUN, platformSlugOf(platform), `attempt-${attempt}.json`);

  test("returns this run's records, logging each", async () => {
    const records = [handedOff('linux/amd64'), handedOff('linux/arm64', { descriptor: desc('b') })];
    const { result, log } = await collect(records);
    expect(result).toEqual({ records, missing: [] });
    expect(log).toContain(`linux/arm64: ${digest('b')} (attempt 1, job build)`);
  });

  test('a record naming a final tag is refused, naming the file and the tag, before anything is logged', async () => {
    const forged = handedOff('linux/arm64', { descriptor: desc('f'), temporaryTags: ['ghcr.io/acme/app:latest'] });
    const { result, log } = await collect([handedOff('linux/amd64'), forged]);
    expect(result).toBeInstanceOf(ShardRecordError);
    expect((result as Error).message).toBe(
      "these handoff records are not this run's, so the merge publishes nothing and deletes none of the shards' " +
        `tags:\n  - ${fileOf('linux/arm64', 1)}: temporaryTags names "ghcr.io/acme/app:latest", which is not this ` +
        `shard's temporary tag (${prefix}-${RUN}-1-<step>-<time>-linux-arm64 in ghcr.io/acme/app)\nA shard of run ` +
        `${RUN} (attempt 1 or earlier) names only the repositories of the final tags and its own temporary tags in ` +
        `them. Remove these records from directory ${join(workDir, 'shared')} and re-run the shard jobs of their ` +
        'platforms.',
    );
    expect(log).not.toContain(digest('a'));
    expect(log).not.toContain(digest('f'));
  });

  test('a planted record of a later attempt is refused, though it is the newest', async () => {
    const planted = handedOff('linux/arm64', { runAttempt: '99', descriptor: desc('f') });
    const { result } = await collect([handedOff('linux/amd64'), handedOff('linux/arm64'), planted], {
      ...merge,
      runAttempt: '2',
    });
    expect((result as Error).message).toContain(
      `${fileOf('linux/arm64', 99)}: it is of attempt 99, after this attempt 2`,
    );
  });

  test('lists every refused record', async () => {
    const { result } = await collect([
      handedOff('linux/amd64', { repositories: ['ghcr.io/acme/other'] }),
      handedOff('linux/arm64', { temporaryTags: ['ghcr.io/acme/app:v1.0'] }),
    ]);
    expect((result as Error).message).toMatch(
      new RegExp(`\\n  - ${fileOf('linux/amd64', 1)}: repositories names .*\\n  - ${fileOf('linux/arm64', 1)}: temp`),
    );
  });

  test('a record with a job that would be a workflow command is refused, and nothing of it reaches the log', async () => {
    const file = fileOf('linux/amd64', 1);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, serializeShardRecord(handedOff('linux/amd64', { job: 'build\n::warning::forged' })));
    const { result, log } = await collect([]);
    expect((result as Error).message).toContain(`The handoff record at ${file} is invalid: job "build\\n::warning::`);
    expect(log).not.toContain('::warning::');
  });

  test('an attempt of this merge that is no number fails before any record is read', async () => {
    const { result } = await collect([handedOff('linux/amd64')], { ...merge, runAttempt: 'x' });
    expect((result as Error).message).toBe(
      'GITHUB_RUN_ATTEMPT is "x" (expected a positive integer), so the handoff records cannot be checked against ' +
        'this run attempt.',
    );
  });
});

describe('requireShardImages', () => {
  const repository = { registry: 'ghcr.io', repository: 'acme/app' };
  const shard = record({ platform: 'linux/arm64' });
  const expected = shardAnnotationValue(shard);
  let registry: FakeDistribution;
  beforeEach(() => (registry = new FakeDistribution()));

  /** Pushes a manifest to the repository; its descriptor. */
  function push(json: object): ShardRecord['descriptor'] {
    const bytes = Buffer.from(JSON.stringify(json));
    registry.push('acme/app', undefined, bytes);
    return { mediaType: MediaType.ociManifest, digest: sha256(bytes), size: bytes.length };
  }
  const image = (annotation?: string) =>
    push({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: digest('c'), size: 2 },
      layers: [],
      ...(annotation === undefined ? {} : { annotations: { [SHARD_ANNOTATION]: annotation } }),
    });
  /** What buildx pushes for one platform with provenance: an index of the image and its attestation. */
  const attested = (listed: ShardRecord['descriptor']) => ({
    ...push({
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [{ ...listed, platform: { os: 'linux', architecture: 'arm64' } }],
    }),
    mediaType: MediaType.ociIndex,
  });
  const check = (descriptor: ShardRecord['descriptor']) =>
    requireShardImages([{ ...shard, descriptor }], 'directory /shared', repository, registry.client).then(
      () => undefined,
      (error: unknown) => error,
    );

  test("the record's own shard image, or an index listing it, passes", async () => {
    await expect(check(image(expected))).resolves.toBeUndefined();
    await expect(check(attested(image(expected)))).resolves.toBeUndefined();
  });

  test('an image without the annotation is refused, naming platform, digest and the value expected', async () => {
    const swapped = image();
    const error = await check(swapped);
    expect(error).toBeInstanceOf(ShardRecordError);
    expect((error as Error).message).toBe(
      "the registry does not show that these handoff records' shards built the images they name, so the merge " +
        `publishes nothing:\n  - linux/arm64 (${swapped.digest}): its image manifest has no ${SHARD_ANNOTATION} ` +
        `annotation (expected "${expected}")\nEach shard's build annotates its image with ${SHARD_ANNOTATION}=` +
        "<run id>/<attempt>/<image key>/<platform>: an image without its record's value is not that shard's, or " +
        'its builder drops annotations (BuildKit before 0.11). Was a record in directory /shared replaced? Re-run ' +
        'the shard jobs of these platforms.',
    );
  });

  test("an index listing another run's image is refused", async () => {
    const others = image(`1111/1/${IMAGE}/linux/arm64`);
    expect(String(await check(attested(others)))).toContain(
      `the image manifest ${others.digest} in its index has "1111/1/${IMAGE}/linux/arm64" as its ${SHARD_ANNOTATION}`,
    );
  });

  test('a manifest the registry does not serve refuses, naming the digest: the check could not be made', async () => {
    const absent = desc('9');
    expect(String(await check(absent))).toMatch(
      new RegExp(`linux/arm64 \\(${absent.digest}\\): not read from ghcr.io/acme/app \\(.*\\), so nothing shows`),
    );
    const unlisted = attested(desc('8'));
    expect(String(await check(unlisted))).toContain(`linux/arm64 (${unlisted.digest}): not read from ghcr.io/acme/app`);
  });
});
