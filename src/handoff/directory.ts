// The handoff over a directory that every job sees (tests, self-hosted runners with a shared disk):
// `<dir>/<image>/<run id>/<platform slug>/attempt-<n>.json`.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictingRecordError, type DigestHandoff, type HandoffResult } from './handoff.js';
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

const ATTEMPT_FILE = /^attempt-([1-9][0-9]*)\.json$/;

export class DirectoryHandoff implements DigestHandoff {
  readonly description: string;

  constructor(private readonly directory: string) {
    this.description = `directory ${directory}`;
  }

  async put(record: ShardRecord): Promise<void> {
    const text = serializeShardRecord(record);
    // Refuse a bad record here, in the shard, rather than in the merge job.
    parseShardRecord(text, `the record to hand off for ${record.platform}`);
    const directory = this.platformDirectory(record.image, record.runId, record.platform);
    const file = join(directory, attemptFile(record.runAttempt));
    await mkdir(directory, { recursive: true });

    // As in the GitHub cache, a record once handed off stays: only a retried step may write it again.
    const existing = await readIfExists(file);
    if (existing !== undefined) {
      const previous = parseShardRecord(existing, file);
      if (sameHandoff(previous, record)) return;
      throw conflictingRecordError(file, previous, record);
    }
    // Written beside the target and renamed: the merge job never reads half a file.
    const unique = randomBytes(6).toString('hex');
    const temporary = join(directory, `.${attemptFile(record.runAttempt)}.${unique}.tmp`);
    try {
      await writeFile(temporary, text);
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async collect(image: string, runId: string, platforms: string[]): Promise<HandoffResult> {
    checkImageAndRun(image, runId);
    const result: HandoffResult = { found: new Map(), missing: [] };
    for (const platform of platforms) {
      const directory = this.platformDirectory(image, runId, platform);
      const newest = Math.max(0, ...(await attemptsIn(directory)));
      if (newest === 0) {
        result.missing.push({ platform, lookedAt: join(directory, 'attempt-<n>.json') });
        continue;
      }
      const file = join(directory, attemptFile(String(newest)));
      const record = parseShardRecord(await readFile(file, 'utf8'), file);
      const canonical = formatPlatform(parsePlatform(platform));
      checkRecordIdentity(record, { image, runId, platform: canonical, runAttempt: String(newest) }, file);
      result.found.set(platform, { record, where: file });
    }
    return result;
  }

  private platformDirectory(image: string, runId: string, platform: string): string {
    return join(this.directory, image, runId, platformSlugOf(platform));
  }
}

function attemptFile(runAttempt: string): string {
  return `attempt-${runAttempt}.json`;
}

/** The attempt numbers that have a record in the directory; none when it does not exist. */
async function attemptsIn(directory: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  return names.flatMap((name) => {
    const attempt = ATTEMPT_FILE.exec(name)?.[1];
    return attempt === undefined ? [] : [Number(attempt)];
  });
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
