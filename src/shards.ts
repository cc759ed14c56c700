// The matrix flow's two ends: a shard hands off what each of its builds pushed; the merge collects one record per
// platform and fails closed, naming every missing platform and where it looked.
import * as core from '@actions/core';
import { pushedDescriptor, type CompletedBuild } from './build.js';
import { CacheHandoff } from './handoff/cache.js';
import { DirectoryHandoff } from './handoff/directory.js';
import type { DigestHandoff } from './handoff/handoff.js';
import { imageKey, type ShardRecord } from './handoff/record.js';
import type { Inputs } from './inputs.js';
import type { Plan, RunIdentity } from './plan.js';
import { formatPlatform } from './platform.js';
import { formatName, formatReference } from './reference.js';

export function createHandoff(handoffDir: string, tempDir: string): DigestHandoff {
  return handoffDir === '' ? new CacheHandoff({ tempDir }) : new DirectoryHandoff(handoffDir);
}

export async function handOff(
  handoff: DigestHandoff,
  inputs: Pick<Inputs, 'tags'>,
  run: RunIdentity,
  plan: Pick<Plan, 'repositories'>,
  builds: CompletedBuild[],
): Promise<void> {
  const image = imageKey(inputs.tags.map(formatReference));
  const repositories = plan.repositories.map(formatName);
  for (const completed of builds) {
    const [platform, ...others] = completed.build.platforms;
    // A shard plans one build per platform (fan-out), so each record names exactly one platform.
    if (!platform || others.length > 0) throw new Error(`shard build ${completed.build.name} is not one platform`);
    const temporaryTag = completed.build.temporaryTag;
    const record: ShardRecord = {
      version: 1,
      image,
      platform: formatPlatform(platform),
      runId: run.runId,
      runAttempt: run.runAttempt,
      job: run.job,
      descriptor: pushedDescriptor(completed),
      repositories,
      temporaryTags: temporaryTag === undefined ? [] : repositories.map((name) => `${name}:${temporaryTag}`),
      createdAt: new Date().toISOString(),
    };
    await handoff.put(record);
    core.info(`Handed off ${record.platform}: ${record.descriptor.digest} (${handoff.description})`);
  }
}

export class MissingShardError extends Error {
  override name = 'MissingShardError';
}

/** One record per platform of `platforms` (newest attempt each), or an error naming every one missing. */
export async function collectShards(
  handoff: DigestHandoff,
  inputs: Pick<Inputs, 'tags' | 'platforms'>,
  run: RunIdentity,
): Promise<ShardRecord[]> {
  const image = imageKey(inputs.tags.map(formatReference));
  const platforms = inputs.platforms.map(formatPlatform);
  const { found, missing } = await handoff.collect(image, run.runId, platforms);
  if (missing.length > 0) {
    throw new MissingShardError(
      `no shard handed off ${missing.map((m) => m.platform).join(', ')} for run ${run.runId}, so nothing is ` +
        `published. Looked at: ${missing.map((m) => `${m.platform}: ${m.lookedAt}`).join('; ')}. Did every shard ` +
        'job succeed, with the same tags as this merge?',
    );
  }
  for (const record of found.values()) {
    core.info(`${record.platform}: ${record.descriptor.digest} (attempt ${record.runAttempt}, job ${record.job})`);
  }
  return platforms.map((platform) => {
    const record = found.get(platform);
    if (!record) throw new MissingShardError(`no record for ${platform}`);
    return record;
  });
}
