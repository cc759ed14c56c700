// Issue 18 item 1 end to end: the merge checks the shards' records instead of trusting them. A record planted in
// handoff-dir that names the final tag and a user's tag as its temporary tags, or that claims a later attempt to
// swap in another image, fails the merge before anything is published or deleted: every tag stays where it was.
// Issue 27 item 4: the registry has the last word. A shard's own record with its digest swapped for an image of the
// right platform already in the repository (one no shard built, or another run's shard) fails the merge, since that
// image lacks the annotation the record's shard put on its own.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARD_ANNOTATION } from '../../src/handoff/binding.js';
import {
  imageKey,
  parseShardRecord,
  platformSlugOf,
  serializeShardRecord,
  type ShardRecord,
} from '../../src/handoff/record.js';
import { describeWithLab, lab } from './lab.js';
import { listTags, resolve, uniqueRepository } from './probe.js';
import { childrenByPlatform, fetchManifest, sha256 } from './support/registry-inspect.js';
import {
  BOTH_PLATFORMS,
  expectSucceeded,
  labelContext,
  newRunId,
  runStep,
  stepLog,
  temporaryTagsOfRun,
  type StepResult,
} from './support/steps.js';

describeWithLab('forged handoff records', () => {
  const repository = uniqueRepository('handoff-forgery');
  const image = `${lab.registry}/${repository}`;
  const context = labelContext();
  /** The index `latest` (the merge's final tag) and `v1.0` (a tag only the user owns) point at before any merge. */
  let release: string;
  /** The release's arm64 image: a real image of that platform, for a forged record to swap in. */
  let releaseArm64: ShardRecord['descriptor'];

  beforeAll(async () => {
    const published = await runStep({
      mode: 'fan-out',
      platforms: BOTH_PLATFORMS,
      tags: `${image}:latest,${image}:v1.0`,
      context,
    });
    expectSucceeded(published);
    release = published.outputs.digest ?? '';
    const index = await fetchManifest(repository, release);
    const arm64 = index && (await fetchManifest(repository, childrenByPlatform(index)['linux/arm64'] ?? ''));
    if (!arm64) throw new Error(`the release ${release} has no arm64 image`);
    releaseArm64 = { mediaType: arm64.mediaType, digest: arm64.digest, size: arm64.bytes.length };
  });

  /** One workflow run: its handoff-dir, and steps of its jobs run with this run's id. */
  function workflowRun() {
    const runId = newRunId();
    const inputs = { tags: `${image}:latest`, 'handoff-dir': mkdtempSync(join(tmpdir(), 'e2e-handoff-')), context };
    const recordFile = (platform: string) =>
      join(inputs['handoff-dir'], imageKey([`${image}:latest`]), runId, platformSlugOf(platform), 'attempt-1.json');
    const handedOff = async (platform: string) =>
      parseShardRecord(await readFile(recordFile(platform), 'utf8'), recordFile(platform));
    return {
      runId,
      shard: async (platform: string) => {
        const step = await runStep({ ...inputs, mode: 'shard', platforms: platform }, { runId, job: 'build' });
        expectSucceeded(step);
      },
      handedOff,
      /** Rewrites the record this run's shard handed off for `platform` with another image, the rest unchanged. */
      swap: async (platform: string, descriptor: ShardRecord['descriptor']): Promise<void> => {
        const record = await handedOff(platform);
        await writeFile(recordFile(platform), serializeShardRecord({ ...record, descriptor }));
      },
      /** Writes a record into the handoff-dir where a shard of this run would have. */
      plant: async (attempt: string, overrides: Partial<ShardRecord>): Promise<string> => {
        const record: ShardRecord = {
          version: 1,
          image: imageKey([`${image}:latest`]),
          platform: 'linux/arm64',
          runId,
          runAttempt: attempt,
          job: 'build',
          descriptor: releaseArm64,
          repositories: [image],
          temporaryTags: [],
          createdAt: new Date().toISOString(),
          ...overrides,
        };
        const directory = join(inputs['handoff-dir'], record.image, runId, 'linux-arm64');
        await mkdir(directory, { recursive: true });
        const file = join(directory, `attempt-${attempt}.json`);
        await writeFile(file, serializeShardRecord(record));
        return file;
      },
      merge: () => runStep({ ...inputs, mode: 'merge', platforms: BOTH_PLATFORMS }, { runId, job: 'merge' }),
    };
  }

  /** The merge failed with an error naming the record and published nothing: the final tag still on the release. */
  async function expectNotPublished(merge: StepResult, ...messages: string[]): Promise<void> {
    expect({ main: merge.main.exitCode, post: merge.post?.exitCode }).toEqual({ main: 1, post: 0 });
    const errors = merge.main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    for (const message of messages) expect(errors.join('\n')).toContain(message);
    expect(merge.summary).not.toContain('Published');
    expect(await resolve(repository, 'latest')).toBe(release);
    expect(await resolve(repository, 'v1.0')).toBe(release);
  }

  /** As expectNotPublished, and (post included) no tag deleted. */
  async function expectRefused(merge: StepResult, tagsBefore: string[], ...messages: string[]): Promise<void> {
    await expectNotPublished(merge, ...messages);
    expect(await listTags(repository)).toEqual(tagsBefore);
  }

  /** What the merge expects on the arm64 image of `run`'s shard (attempt 1). */
  const expectedAnnotation = (runId: string) => `${runId}/1/${imageKey([`${image}:latest`])}/linux/arm64`;

  test('a record naming the final tag and a user tag as its temporary tags fails the merge; nothing is deleted', async () => {
    const run = workflowRun();
    await run.shard('linux/amd64');
    const forged = await run.plant('1', { temporaryTags: [`${image}:latest`, `${image}:v1.0`] });
    const tagsBefore = await listTags(repository);
    expect(tagsBefore).toEqual(expect.arrayContaining(['latest', 'v1.0']));
    expect(temporaryTagsOfRun(tagsBefore, run.runId)).toHaveLength(1);

    const merge = await run.merge();
    await expectRefused(
      merge,
      tagsBefore,
      `${forged}: temporaryTags names "${image}:latest", which is not this shard's temporary tag`,
      `temporaryTags names "${image}:v1.0"`,
    );
    expect(stepLog(merge)).not.toContain(releaseArm64.digest);
  });

  test('a planted attempt-99 record swapping in another arm64 image fails the merge; nothing is deleted', async () => {
    const run = workflowRun();
    await Promise.all([run.shard('linux/amd64'), run.shard('linux/arm64')]);
    const planted = await run.plant('99', {});
    const tagsBefore = await listTags(repository);
    expect(temporaryTagsOfRun(tagsBefore, run.runId)).toHaveLength(2);

    await expectRefused(await run.merge(), tagsBefore, `${planted}: it is of attempt 99, after this attempt 1`);
  });

  test('a record whose digest the final repository does not hold fails the merge before anything is published', async () => {
    const run = workflowRun();
    await run.shard('linux/amd64');
    const absent = sha256(Buffer.from(`no such image ${run.runId}`));
    await run.plant('1', { descriptor: { ...releaseArm64, digest: absent } });
    const tagsBefore = await listTags(repository);
    const [amd64Tag] = temporaryTagsOfRun(tagsBefore, run.runId);
    expect(amd64Tag).toBeDefined();

    const merge = await run.merge();
    expect({ main: merge.main.exitCode, post: merge.post?.exitCode }).toEqual({ main: 1, post: 0 });
    expect(merge.main.stdout).toMatch(new RegExp(`::error::.*${absent}`));
    expect(merge.summary).not.toContain('Published');
    expect(await resolve(repository, 'latest')).toBe(release);
    expect(await resolve(repository, 'v1.0')).toBe(release);
    // The amd64 shard's record is this run's, so post deletes its temporary tag, and no other.
    expect(await listTags(repository)).toEqual(tagsBefore.filter((tag) => tag !== amd64Tag));
  });

  test("the shard's record swapped for an arm64 image no shard built fails the merge; nothing is published", async () => {
    const run = workflowRun();
    await Promise.all([run.shard('linux/amd64'), run.shard('linux/arm64')]);
    await run.swap('linux/arm64', releaseArm64);

    await expectNotPublished(
      await run.merge(),
      `linux/arm64 (${releaseArm64.digest}): its image manifest has no ${SHARD_ANNOTATION} annotation ` +
        `(expected "${expectedAnnotation(run.runId)}")`,
    );
  });

  test("the shard's record swapped for another run's arm64 shard image fails the merge; nothing is published", async () => {
    const other = workflowRun();
    await other.shard('linux/arm64');
    const othersImage = (await other.handedOff('linux/arm64')).descriptor;
    const run = workflowRun();
    await Promise.all([run.shard('linux/amd64'), run.shard('linux/arm64')]);
    await run.swap('linux/arm64', othersImage);

    await expectNotPublished(
      await run.merge(),
      `linux/arm64 (${othersImage.digest}): `,
      // The record names the image or, with provenance, the index listing it: the image is what is checked.
      `has "${expectedAnnotation(other.runId)}" as its ${SHARD_ANNOTATION} annotation ` +
        `(expected "${expectedAnnotation(run.runId)}")`,
    );
  });
});
