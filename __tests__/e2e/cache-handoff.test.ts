// Issue 23 item 3 end to end: shard jobs hand their digests to the merge job through the GitHub cache, as the action
// does when no handoff-dir is given: the @actions/cache bundled in dist/, talking to a fake of GitHub's cache
// service (support/cache-service.ts), the one part the lab cannot reach. One run, a re-run of a failed leg, and a
// key saved twice.
import { imageKey, type ShardRecord } from '../../src/handoff/record.js';
import { describeWithLab, lab } from './lab.js';
import { archContext, getIndex, imagePlatforms, listTags, resolve, uniqueRepository } from './probe.js';
import { startCacheService, type CacheService } from './support/cache-service.js';
import { childrenByPlatform, fetchManifest } from './support/registry-inspect.js';
import {
  BOTH_PLATFORMS,
  expectSucceeded,
  labelContext,
  runShardsThenMerge,
  stepLog,
  temporaryTagsOfRun,
  workflowRun,
  type StepResult,
  type WorkflowRun,
} from './support/steps.js';

/** The cache key of a shard's record: one entry per image (its final tags), run, platform and attempt. */
function handoffKey(tags: string[], runId: string, platform: string, attempt: number): string {
  return `multiarch-handoff-${imageKey(tags)}-${runId}-${platform.replace(/\//g, '-')}-attempt-${attempt}`;
}

/** The record in each entry the service holds, by key: what the shards saved, read back from their archives. */
function storedRecords(service: CacheService): Record<string, ShardRecord> {
  return Object.fromEntries(
    service.entries.map((entry) => [entry.key, JSON.parse(service.archivedFile(entry).text) as ShardRecord]),
  );
}

/** What reached the service about `key`, in order: `<operation> <status>`. */
function requestsAbout(service: CacheService, key: string): string[] {
  return service.requests.filter((request) => request.key === key).map((r) => `${r.operation} ${r.status}`);
}

/**
 * The platform images a shard's record names, by platform (the record names what buildx pushed, an index of the
 * image and its attestation): read before the merge, whose post deletes the shards' temporary tags.
 */
async function imagesOfRecord(repository: string, record: ShardRecord | undefined): Promise<Record<string, string>> {
  if (record === undefined) throw new Error('no record to read the images of');
  const pushed = await fetchManifest(repository, record.descriptor.digest);
  if (pushed === undefined) throw new Error(`${repository}@${record.descriptor.digest} is not in the registry`);
  return pushed.json.manifests === undefined ? { [record.platform]: pushed.digest } : childrenByPlatform(pushed);
}

/** The platform images the index under `tag` lists, by platform. */
async function imagesUnder(repository: string, tag: string): Promise<Record<string, string>> {
  const index = await fetchManifest(repository, tag);
  if (index === undefined) throw new Error(`${repository}:${tag} is not in the registry`);
  return childrenByPlatform(index);
}

/** The step failed in main (exit 1); its log is in the failure message when not. */
function expectMainFailed(step: StepResult): void {
  expect({ main: step.main.exitCode, log: stepLog(step) }).toMatchObject({ main: 1 });
}

describeWithLab('handing off through the GitHub cache (its service faked)', () => {
  let service: CacheService;
  let run: WorkflowRun | undefined;

  beforeEach(async () => {
    service = await startCacheService();
  });

  afterEach(async () => {
    run?.remove();
    run = undefined;
    await service.stop();
  });

  test('two shards and a merge publish one index of both platforms, from one cache entry per platform', async () => {
    const repository = uniqueRepository('cache-handoff');
    const image = `${lab.registry}/${repository}`;
    const tags = [`${image}:latest`];

    const { shards, merge: merged } = await runShardsThenMerge(
      { tags: tags.join(','), context: archContext() },
      { cache: service },
    );
    for (const step of shards) expectSucceeded(step);
    expectSucceeded(merged);

    expect(merged.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(await resolve(repository, 'latest')).toBe(merged.outputs.digest);
    expect(imagePlatforms(await getIndex(repository, 'latest'))).toEqual(['linux/amd64', 'linux/arm64']);
    // The shards' temporary tags are gone: the merge found and deleted what the entries named.
    expect(await listTags(repository)).toEqual(['latest']);

    const { runId } = merged;
    const [amd64, arm64] = shards.map((step) => step.outputs.digest);
    const keys = { amd64: handoffKey(tags, runId, 'linux/amd64', 1), arm64: handoffKey(tags, runId, 'linux/arm64', 1) };
    expect(storedRecords(service)).toEqual({
      [keys.amd64]: expect.objectContaining({
        platform: 'linux/amd64',
        runId,
        runAttempt: '1',
        job: 'build-linux-amd64',
        descriptor: expect.objectContaining({ digest: amd64 }) as unknown,
      }) as unknown,
      [keys.arm64]: expect.objectContaining({
        platform: 'linux/arm64',
        runId,
        runAttempt: '1',
        job: 'build-linux-arm64',
        descriptor: expect.objectContaining({ digest: arm64 }) as unknown,
      }) as unknown,
    });
    // Each shard uploads through the Azure client; the merge looks its platform up by the key prefix (no key ends
    // in attempt-0) and downloads the newest match with ranged reads, as on GitHub.
    for (const [platform, key] of [
      ['linux/amd64', keys.amd64],
      ['linux/arm64', keys.arm64],
    ] as const) {
      expect(requestsAbout(service, key)).toEqual([
        'CreateCacheEntry 200',
        'Put Blob 201',
        'FinalizeCacheEntryUpload 200',
        'Get Blob Properties 200',
        'Get Blob 206',
      ]);
      expect(requestsAbout(service, handoffKey(tags, runId, platform, 0))).toEqual(['GetCacheEntryDownloadURL 200']);
    }
  });

  test('a re-run of the failed leg: the merge of attempt 2 takes amd64 from attempt 1 and arm64 from attempt 2', async () => {
    const repository = uniqueRepository('cache-rerun');
    const image = `${lab.registry}/${repository}`;
    const tags = [`${image}:latest`];
    run = workflowRun({ cache: service });
    // arm64's RUN fails while BREAK_ARM64 is set: attempt 1's failure. amd64's passes.
    const context = archContext(['ARG BREAK_ARM64=', 'RUN test -z "$BREAK_ARM64" || test "$(uname -m)" != aarch64']);
    const inputs = { tags: tags.join(','), context };
    const broken = { ...inputs, 'build-args': 'BREAK_ARM64=yes' };
    const keys = {
      amd64: handoffKey(tags, run.runId, 'linux/amd64', 1),
      arm64: handoffKey(tags, run.runId, 'linux/arm64', 2),
    };

    const [amd64, brokenArm64] = await Promise.all([
      run.shard(broken, 'linux/amd64', { runAttempt: '1' }),
      run.shard(broken, 'linux/arm64', { runAttempt: '1' }),
    ]);
    expectSucceeded(amd64);
    expectMainFailed(brokenArm64);
    expect(service.entries.map((entry) => entry.key)).toEqual([keys.amd64]);

    const arm64 = await run.shard(inputs, 'linux/arm64', { runAttempt: '2' });
    expectSucceeded(arm64);
    const records = storedRecords(service);
    expect(Object.keys(records).sort()).toEqual([keys.amd64, keys.arm64]);
    const shardImages = {
      ...(await imagesOfRecord(repository, records[keys.amd64])),
      ...(await imagesOfRecord(repository, records[keys.arm64])),
    };

    const merged = await run.merge(inputs, BOTH_PLATFORMS, { runAttempt: '2' });
    expectSucceeded(merged);
    const log = stepLog(merged);
    expect(log).toContain(`linux/amd64: ${amd64.outputs.digest ?? ''} (attempt 1, job build-linux-amd64)`);
    expect(log).toContain(`linux/arm64: ${arm64.outputs.digest ?? ''} (attempt 2, job build-linux-arm64)`);
    expect(await resolve(repository, 'latest')).toBe(merged.outputs.digest);
    expect(await imagesUnder(repository, 'latest')).toEqual(shardImages);
    expect(await listTags(repository)).toEqual(['latest']);
  });

  test('a re-run of a leg that had handed off (its job failed later): the newest attempt of the platform wins', async () => {
    const repository = uniqueRepository('cache-rerun-newest');
    const image = `${lab.registry}/${repository}`;
    const tags = [`${image}:latest`];
    run = workflowRun({ cache: service });
    const inputs = { tags: tags.join(','), context: labelContext() };

    const [amd64, firstArm64] = await Promise.all([
      run.shard({ ...inputs, 'build-args': 'RUN_LABEL=attempt-1' }, 'linux/amd64', { runAttempt: '1' }),
      run.shard({ ...inputs, 'build-args': 'RUN_LABEL=attempt-1' }, 'linux/arm64', { runAttempt: '1' }),
    ]);
    expectSucceeded(amd64);
    expectSucceeded(firstArm64);
    const arm64 = await run.shard({ ...inputs, 'build-args': 'RUN_LABEL=attempt-2' }, 'linux/arm64', {
      runAttempt: '2',
    });
    expectSucceeded(arm64);
    const keys = [
      handoffKey(tags, run.runId, 'linux/amd64', 1),
      handoffKey(tags, run.runId, 'linux/arm64', 1),
      handoffKey(tags, run.runId, 'linux/arm64', 2),
    ];
    const records = storedRecords(service);
    expect(Object.keys(records).sort()).toEqual(keys);
    const expectedImages = {
      ...(await imagesOfRecord(repository, records[keys[0] ?? ''])),
      ...(await imagesOfRecord(repository, records[keys[2] ?? ''])),
    };

    const merged = await run.merge(inputs, BOTH_PLATFORMS, { runAttempt: '2' });
    expectSucceeded(merged);
    expect(stepLog(merged)).toContain(`linux/arm64: ${arm64.outputs.digest ?? ''} (attempt 2, job build-linux-arm64)`);
    expect(await imagesUnder(repository, 'latest')).toEqual(expectedImages);
  });

  test('a key saved again with another record: the shard fails and the entry keeps the first record', async () => {
    const repository = uniqueRepository('cache-conflict');
    const image = `${lab.registry}/${repository}`;
    const tags = [`${image}:latest`];
    run = workflowRun({ cache: service });
    const inputs = { tags: tags.join(','), context: labelContext() };
    const key = handoffKey(tags, run.runId, 'linux/amd64', 1);

    const first = await run.shard({ ...inputs, 'build-args': 'RUN_LABEL=first' }, 'linux/amd64');
    expectSucceeded(first);
    // Another job of the same run and attempt builds the same platform for the same tags: another image.
    const second = await run.shard({ ...inputs, 'build-args': 'RUN_LABEL=second' }, 'linux/amd64', {
      job: 'build-again',
    });
    expectMainFailed(second);
    expect(second.main.stdout).toContain(
      `::error::GitHub cache entry ${key} already holds another record for linux/amd64 ` +
        `(${first.outputs.digest ?? ''} from job "build-linux-amd64", not ${second.outputs.digest ?? ''} from job ` +
        '"build-again"), and a record handed off is never replaced.',
    );
    expect(second.post?.exitCode).toBe(0);
    // The service refused the key (it exists); the shard then read the entry back and found another record.
    expect(requestsAbout(service, key)).toEqual([
      'CreateCacheEntry 200',
      'Put Blob 201',
      'FinalizeCacheEntryUpload 200',
      'CreateCacheEntry 409',
      'GetCacheEntryDownloadURL 200',
      'Get Blob Properties 200',
      'Get Blob 206',
    ]);
    const records = storedRecords(service);
    expect(Object.keys(records)).toEqual([key]);
    expect(records[key]?.descriptor.digest).toBe(first.outputs.digest);
    // The refused shard's post deleted its own temporary tag; the first shard's stays for the merge.
    expect(temporaryTagsOfRun(await listTags(repository), run.runId).map((tag) => `${image}:${tag}`)).toEqual(
      records[key]?.temporaryTags,
    );
    const firstImages = await imagesOfRecord(repository, records[key]);

    const merged = await run.merge(inputs, 'linux/amd64');
    expectSucceeded(merged);
    expect(await imagesUnder(repository, 'latest')).toEqual(firstImages);
    expect(await listTags(repository)).toEqual(['latest']);
  });

  test('a save whose answer was lost after the service stored it: the entry holds this very record, so the shard passes', async () => {
    const repository = uniqueRepository('cache-lost-answer');
    const image = `${lab.registry}/${repository}`;
    const tags = [`${image}:latest`];
    run = workflowRun({ cache: service });
    const inputs = { tags: tags.join(','), context: labelContext() };
    const key = handoffKey(tags, run.runId, 'linux/amd64', 1);

    // @actions/cache reports the save failed (-1); the entry is committed all the same.
    service.loseAnswer('FinalizeCacheEntryUpload');
    const shardStep = await run.shard(inputs, 'linux/amd64');
    expectSucceeded(shardStep);
    expect(requestsAbout(service, key)).toEqual([
      'CreateCacheEntry 200',
      'Put Blob 201',
      'FinalizeCacheEntryUpload lost',
      'GetCacheEntryDownloadURL 200',
      'Get Blob Properties 200',
      'Get Blob 206',
    ]);
    const records = storedRecords(service);
    expect(Object.keys(records)).toEqual([key]);
    expect(records[key]?.descriptor.digest).toBe(shardStep.outputs.digest);
    const shardImages = await imagesOfRecord(repository, records[key]);

    const merged = await run.merge(inputs, 'linux/amd64');
    expectSucceeded(merged);
    expect(await imagesUnder(repository, 'latest')).toEqual(shardImages);
  });
});
