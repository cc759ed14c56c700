// The handoff over the GitHub cache service: one entry per image, run, platform and attempt, each holding one
// small JSON file. Entries of one run are visible to all its jobs (the cache is scoped by branch, not by job).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as ActionsCache from '@actions/cache';
import { conflictingRecordError, HandoffError, type DigestHandoff, type HandoffResult } from './handoff.js';
import {
  checkImageAndRun,
  checkRecordIdentity,
  parseShardRecord,
  platformSlugOf,
  sameHandoff,
  serializeShardRecord,
  type ShardRecord,
} from './record.js';
import { formatPlatform, parsePlatform } from '../platform.js';
import { errorMessage } from '../error-message.js';

export type CacheModule = Pick<typeof ActionsCache, 'saveCache' | 'restoreCache'>;

export interface CacheHandoffOptions {
  /**
   * A directory with the same path in every job of the run: RUNNER_TEMP itself, never a per-step temporary
   * directory. The cache service matches entries by key and by a version hashed from the paths given to save and
   * restore, so the shard and the merge job must name the same file.
   */
  tempDir: string;
  /** @actions/cache, or a stand-in for tests; loaded on first use so that main's bundle stays small. */
  cache?: CacheModule;
}

export class CacheHandoff implements DigestHandoff {
  readonly description = 'the GitHub cache';

  constructor(private readonly options: CacheHandoffOptions) {}

  async put(record: ShardRecord): Promise<void> {
    const text = serializeShardRecord(record);
    // Refuse a bad record here, in the shard, rather than in the merge job.
    parseShardRecord(text, `the record to hand off for ${record.platform}`);
    const file = this.recordFile(record.image, record.runId, record.platform);
    const key = `${keyPrefix(record.image, record.runId, record.platform)}${record.runAttempt}`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);

    const cache = await this.cache();
    if (await save(cache, file, key, record.platform)) return;

    // Not saved. Fine if the entry exists with this record (a retried step); otherwise the merge would miss it.
    await rm(file, { force: true });
    const matched = await restore(cache, file, key, [], key);
    if (matched !== key) {
      throw new HandoffError(
        `Could not save the handoff record for ${record.platform} to the GitHub cache under key ${key}, and no ` +
          'entry with that key exists (see the cache warning above). The merge job would not find this platform.',
      );
    }
    const existing = parseShardRecord(await readFile(file, 'utf8'), `GitHub cache entry ${key}`);
    if (!sameHandoff(existing, record)) throw conflictingRecordError(`GitHub cache entry ${key}`, existing, record);
  }

  async collect(image: string, runId: string, platforms: string[]): Promise<HandoffResult> {
    checkImageAndRun(image, runId);
    const cache = await this.cache();
    const result: HandoffResult = { found: new Map(), missing: [] };
    for (const platform of platforms) {
      const prefix = keyPrefix(image, runId, platform);
      const file = this.recordFile(image, runId, platform);
      // A file left here by a put or an earlier collect on this machine must not pass for the restored one.
      await rm(file, { force: true });
      // No key is `<prefix>0` (attempts count from 1), and nothing starts with it, so the lookup falls to the
      // restore key, where the cache documents that the most recently created entry with that prefix wins.
      const matched = await restore(cache, file, `${prefix}0`, [prefix], `${prefix}*`);
      if (matched === undefined) {
        result.missing.push({ platform, lookedAt: `GitHub cache keys ${prefix}<attempt>` });
        continue;
      }
      const where = `GitHub cache entry ${matched}`;
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new HandoffError(
          `The GitHub cache restored ${matched}, but ${file} is not there (${(error as Error).message}). The ` +
            'entry is extracted relative to GITHUB_WORKSPACE: do the shard and merge jobs lay out their work and ' +
            'temp directories alike?',
        );
      });
      const record = parseShardRecord(text, where);
      const runAttempt = matched.slice(prefix.length);
      checkRecordIdentity(
        record,
        { image, runId, platform: formatPlatform(parsePlatform(platform)), runAttempt },
        where,
      );
      result.found.set(platform, { record, where });
    }
    return result;
  }

  private async cache(): Promise<CacheModule> {
    return this.options.cache ?? (await import('@actions/cache'));
  }

  /** One directory per image, run and platform, the same for every attempt (the cache version covers the path). */
  private recordFile(image: string, runId: string, platform: string): string {
    return join(this.options.tempDir, 'multiarch-handoff', image, runId, platformSlugOf(platform), 'record.json');
  }
}

/** `multiarch-handoff-<image>-<run id>-<platform slug>-attempt-`, completed by the attempt number. */
function keyPrefix(image: string, runId: string, platform: string): string {
  return `multiarch-handoff-${image}-${runId}-${platformSlugOf(platform)}-attempt-`;
}

/**
 * Whether the entry was saved. @actions/cache 4+ reports a failed save (the key exists, the service refused or
 * failed) by returning -1 after logging why; older releases threw ReserveCacheError when the key existed.
 */
async function save(cache: CacheModule, file: string, key: string, platform: string): Promise<boolean> {
  try {
    return (await cache.saveCache([file], key)) !== -1;
  } catch (error) {
    if (error instanceof Error && error.name === 'ReserveCacheError') return false;
    throw new HandoffError(
      `Could not save the handoff record for ${platform} to the GitHub cache under key ${key}: ${errorMessage(error)}`,
    );
  }
}

/** The key restored, or undefined. @actions/cache logs a service failure as a warning and reports a miss. */
async function restore(
  cache: CacheModule,
  file: string,
  primaryKey: string,
  restoreKeys: string[],
  lookingFor: string,
): Promise<string | undefined> {
  try {
    return await cache.restoreCache([file], primaryKey, restoreKeys);
  } catch (error) {
    throw new HandoffError(`Could not look up ${lookingFor} in the GitHub cache: ${errorMessage(error)}`);
  }
}
