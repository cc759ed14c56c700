// The matrix flow's two ends: a shard hands off what each of its builds pushed; the merge collects one record per
// platform and fails closed, naming every missing platform and where it looked.
import * as core from '@actions/core';
import { pushedDescriptor, type CompletedBuild } from '../docker/build.js';
import { CacheHandoff } from './cache.js';
import { DirectoryHandoff } from './directory.js';
import type { DigestHandoff } from './handoff.js';
import { imageKey, type ShardRecord } from './record.js';
import type { Inputs } from '../inputs.js';
import type { Plan, RunIdentity } from '../plan/plan.js';
import { formatPlatform } from '../platform.js';
import { formatName, formatReference } from '../reference.js';

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

export interface CollectedShards {
  /** The newest record of each platform that has one, in the order of `platforms`. */
  records: ShardRecord[];
  missing: { platform: string; lookedAt: string }[];
}

/** The newest record of each requested platform that a shard handed off, and the platforms none did. */
export async function collectShards(
  handoff: DigestHandoff,
  inputs: Pick<Inputs, 'tags' | 'platforms'>,
  run: RunIdentity,
): Promise<CollectedShards> {
  const image = imageKey(inputs.tags.map(formatReference));
  const platforms = inputs.platforms.map(formatPlatform);
  const { found, missing } = await handoff.collect(image, run.runId, platforms);
  const records = platforms.flatMap((platform) => {
    const record = found.get(platform);
    return record ? [record] : [];
  });
  for (const record of records) {
    core.info(`${record.platform}: ${record.descriptor.digest} (attempt ${record.runAttempt}, job ${record.job})`);
  }
  return { records, missing };
}

/** Fails closed: every missing platform named, with where it was looked for. */
export function requireEveryPlatform(collected: CollectedShards, run: RunIdentity): ShardRecord[] {
  const { missing } = collected;
  if (missing.length > 0) {
    throw new MissingShardError(
      `no shard handed off ${missing.map((m) => m.platform).join(', ')} for run ${run.runId}, so nothing is ` +
        `published. Looked at: ${missing.map((m) => `${m.platform}: ${m.lookedAt}`).join('; ')}. Did every shard ` +
        'job succeed, with the same tags as this merge?',
    );
  }
  return collected.records;
}
