// The matrix flow's two ends: a shard hands off what each of its builds pushed; the merge collects one record per
// platform and fails closed, naming every missing platform and where it looked.
import * as core from '@actions/core';
import { pushedDescriptor, type CompletedBuild } from '../docker/build.js';
import { errorMessage } from '../error-message.js';
import { bindingProblems, imagesListed, SHARD_ANNOTATION } from './binding.js';
import { CacheHandoff } from './cache.js';
import { DirectoryHandoff } from './directory.js';
import type { DigestHandoff } from './handoff.js';
import { checkRunAttempt, imageKey, recordProblemsForRun, ShardRecordError, type ShardRecord } from './record.js';
import type { Inputs } from '../inputs/inputs.js';
import type { Plan } from '../plan/plan.js';
import { temporaryReferences, type RunIdentity } from '../plan/temporary-tag.js';
import { formatPlatform } from '../platform.js';
import { formatName, formatReference, type ImageName } from '../reference.js';
import type { RegistryClient } from '../registry/client.js';

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
    const record: ShardRecord = {
      version: 1,
      image,
      platform: formatPlatform(platform),
      runId: run.runId,
      runAttempt: run.runAttempt,
      job: run.job,
      descriptor: pushedDescriptor(completed),
      repositories,
      temporaryTags: temporaryReferences(plan.repositories, completed.build.temporaryTag),
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
  /** The newest record of each platform that has one, in the order of `platforms`; each checked to be this run's. */
  records: ShardRecord[];
  missing: { platform: string; lookedAt: string }[];
}

/**
 * The newest record of each requested platform that a shard handed off, and the platforms none did. Fails, naming
 * each record and what is wrong with it, unless every record found is one this run's shards could have written:
 * the merge publishes their images and post deletes the tags they name.
 */
export async function collectShards(
  handoff: DigestHandoff,
  inputs: Pick<Inputs, 'tags' | 'platforms' | 'tempTagPrefix'>,
  run: RunIdentity,
): Promise<CollectedShards> {
  checkRunAttempt(run.runAttempt);
  const image = imageKey(inputs.tags.map(formatReference));
  const platforms = inputs.platforms.map(formatPlatform);
  const { found, missing } = await handoff.collect(image, run.runId, platforms);
  const records = platforms.flatMap((platform) => {
    const record = found.get(platform);
    return record ? [record] : [];
  });
  const thisRun = { ...run, finalTags: inputs.tags, tempTagPrefix: inputs.tempTagPrefix };
  const refused = records.flatMap(({ record, where }) => {
    const problems = recordProblemsForRun(record, thisRun);
    return problems.length === 0 ? [] : [`${where}: ${problems.join('; ')}`];
  });
  if (refused.length > 0) {
    throw new ShardRecordError(
      `these handoff records are not this run's, so the merge publishes nothing and deletes none of the shards' tags:\n  - ` +
        `${refused.join('\n  - ')}\nA shard of run ${run.runId} (attempt ${run.runAttempt} or earlier) names only ` +
        'the repositories of the final tags and its own temporary tags in them. Remove these records from ' +
        `${handoff.description} and re-run the shard jobs of their platforms.`,
    );
  }
  // Logged only now: every field shown has been checked, so none can pass for a workflow command.
  for (const { record } of records) {
    core.info(`${record.platform}: ${record.descriptor.digest} (attempt ${record.runAttempt}, job ${record.job})`);
  }
  return { records: records.map(({ record }) => record), missing };
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

/**
 * Fails closed unless the registry shows that each record's own shard built the image it names: the annotation that
 * shard's build put on it (binding.ts). A manifest that cannot be read refuses too. Digests name content, so what is
 * read here is what the index will list.
 */
export async function requireShardImages(
  records: ShardRecord[],
  handoffDescription: string,
  repository: ImageName,
  registry: RegistryClient,
): Promise<void> {
  const refused = await Promise.all(
    records.map(async (record) => {
      const shown = `${record.platform} (${record.descriptor.digest})`;
      try {
        const { json } = await registry.getManifest(repository, record.descriptor.digest);
        const listed = await Promise.all(
          imagesListed(json).map(
            async (digest) => [digest, (await registry.getManifest(repository, digest)).json] as const,
          ),
        );
        return bindingProblems(record, json, new Map(listed)).map((problem) => `${shown}: ${problem}`);
      } catch (error) {
        const why = errorMessage(error);
        return [`${shown}: not read from ${formatName(repository)} (${why}), so nothing shows that its shard built it`];
      }
    }),
  );
  const problems = refused.flat();
  if (problems.length > 0) {
    throw new ShardRecordError(
      `the registry does not show that these handoff records' shards built the images they name, so the merge ` +
        `publishes nothing:\n  - ${problems.join('\n  - ')}\nEach shard's build annotates its image with ` +
        `${SHARD_ANNOTATION}=<run id>/<attempt>/<image key>/<platform>: an image without its record's value is ` +
        "not that shard's, or its builder drops annotations (BuildKit before 0.11). Was a record in " +
        `${handoffDescription} replaced? Re-run the shard jobs of these platforms.`,
    );
  }
}
