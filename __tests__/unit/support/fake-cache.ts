// The GitHub cache in memory, for CacheHandoff: what the handoff tests save to and restore from.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CacheModule } from '../../../src/handoff/cache.js';

interface CacheEntry {
  key: string;
  paths: string[];
  files: Map<string, string>;
  created: number;
}

class ReserveCacheError extends Error {
  override name = 'ReserveCacheError';
}

/**
 * The GitHub cache as @actions/cache presents it: an entry matches only with the same paths (the cache version);
 * restore takes the exact key, else the newest entry whose key starts with the primary key, else the newest for
 * each restore key in turn; a key is saved once; a failed save returns -1.
 */
export class FakeCache implements CacheModule {
  entries: CacheEntry[] = [];
  onExistingKey: 'return -1' | 'throw' = 'return -1';
  refuseSaves = false;
  private clock = 0;

  saveCache = async (paths: string[], key: string): Promise<number> => {
    const files = new Map<string, string>();
    for (const path of paths) files.set(path, await readFile(path, 'utf8'));
    if (this.refuseSaves) return -1;
    if (this.entries.some((entry) => entry.key === key)) {
      if (this.onExistingKey === 'throw') throw new ReserveCacheError(`Unable to reserve cache with key ${key}`);
      return -1;
    }
    this.clock += 1;
    this.entries.push({ key, paths, files, created: this.clock });
    return this.clock;
  };

  restoreCache = async (paths: string[], primaryKey: string, restoreKeys: string[] = []) => {
    const candidates = this.entries
      .filter((entry) => entry.paths.join('|') === paths.join('|'))
      .sort((a, b) => b.created - a.created);
    const entry =
      candidates.find((candidate) => candidate.key === primaryKey) ??
      [primaryKey, ...restoreKeys].map((prefix) => candidates.find((c) => c.key.startsWith(prefix))).find(Boolean);
    if (!entry) return undefined;
    for (const [path, text] of entry.files) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    }
    return entry.key;
  };

  evict(key: string): void {
    this.entries = this.entries.filter((entry) => entry.key !== key);
  }

  /** Replaces an entry's file content, as a corrupted or foreign entry would look. */
  overwrite(key: string, text: string): void {
    const entry = this.entries.find((candidate) => candidate.key === key);
    if (!entry) throw new Error(`no entry ${key}`);
    for (const path of entry.files.keys()) entry.files.set(path, text);
  }
}
