// How shard jobs hand what they pushed to the merge job. Never through matrix job outputs: with several legs, the
// last one to finish overwrites the others.
import type { ShardRecord } from './record.js';

/** A record as read back, with where it was read from (a file or a cache entry), for every error about it. */
export interface FoundRecord {
  record: ShardRecord;
  where: string;
}

export interface HandoffResult {
  /** By platform, as the caller named it: the record of the newest attempt that handed it off. */
  found: Map<string, FoundRecord>;
  /** Platforms no shard handed off, each with where the handoff looked for it. */
  missing: { platform: string; lookedAt: string }[];
}

export interface DigestHandoff {
  /** Where records go, for logs. */
  readonly description: string;
  /** Stores one platform's record; throws when it cannot, so that a shard never ends without handing off. */
  put(record: ShardRecord): Promise<void>;
  /**
   * The record of each platform for this image and run. The newest attempt wins per platform: re-running only the
   * failed legs leaves the other legs' records of the earlier attempt in use.
   */
  collect(image: string, runId: string, platforms: string[]): Promise<HandoffResult>;
}

export class HandoffError extends Error {
  override name = 'HandoffError';
}

/** One platform handed off twice in one attempt, differently: a record handed off is never replaced. */
export function conflictingRecordError(where: string, previous: ShardRecord, record: ShardRecord): HandoffError {
  return new HandoffError(
    `${where} already holds another record for ${record.platform} (${previous.descriptor.digest} from job ` +
      `"${previous.job}", not ${record.descriptor.digest} from job "${record.job}"), and a record handed off is ` +
      'never replaced. Does another job of this run build the same platform for the same tags?',
  );
}
