import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheHandoff } from '../../../src/handoff/cache.js';
import { FakeCache } from '../support/fake-cache.js';
import { desc, digest, IMAGE, record, RUN, summary } from '../support/shard-records.js';

let workDir: string;
beforeEach(async () => (workDir = await mkdtemp(join(tmpdir(), 'handoff-'))));
afterEach(() => rm(workDir, { recursive: true, force: true }));

describe('CacheHandoff', () => {
  const tempDir = () => join(workDir, 'runner-temp');
  const key = (platform: string, attempt: number, image = IMAGE) =>
    `multiarch-handoff-${image}-${RUN}-${platform}-attempt-${attempt}`;

  test('saves one entry per image, run, platform and attempt, each one file at a path fixed per platform', async () => {
    const cache = new FakeCache();
    const handoff = new CacheHandoff({ tempDir: tempDir(), cache });
    await handoff.put(record({ platform: 'linux/amd64' }));
    await handoff.put(record({ platform: 'linux/arm/v7' }));
    await handoff.put(record({ platform: 'linux/arm/v7', runAttempt: '2' }));
    const file = (slug: string) => join(tempDir(), 'multiarch-handoff', IMAGE, RUN, slug, 'record.json');
    expect(cache.entries.map((entry) => [entry.key, entry.paths])).toEqual([
      [key('linux-amd64', 1), [file('linux-amd64')]],
      [key('linux-arm-v7', 1), [file('linux-arm-v7')]],
      [key('linux-arm-v7', 2), [file('linux-arm-v7')]],
    ]);
    expect(handoff.description).toBe('the GitHub cache');
  });

  test('a merge job with its own temp files finds the shards of another machine', async () => {
    const shardCache = new FakeCache();
    await new CacheHandoff({ tempDir: tempDir(), cache: shardCache }).put(record({ platform: 'linux/arm64' }));
    await rm(tempDir(), { recursive: true });
    const merge = new CacheHandoff({ tempDir: tempDir(), cache: shardCache });
    const { found } = await merge.collect(IMAGE, RUN, ['linux/arm64']);
    expect(found.get('linux/arm64')).toEqual({
      record: record({ platform: 'linux/arm64' }),
      where: `GitHub cache entry ${key('linux-arm64', 1)}`,
    });
  });

  test('an evicted entry leaves its platform missing, naming the key prefix, even with the file still on disk', async () => {
    const cache = new FakeCache();
    const handoff = new CacheHandoff({ tempDir: tempDir(), cache });
    await handoff.put(record({ platform: 'linux/amd64' }));
    await handoff.put(record({ platform: 'linux/arm64' }));
    cache.evict(key('linux-arm64', 1));
    const { found, missing } = await handoff.collect(IMAGE, RUN, ['linux/amd64', 'linux/arm64']);
    expect([...found.keys()]).toEqual(['linux/amd64']);
    expect(missing).toEqual([
      { platform: 'linux/arm64', lookedAt: `GitHub cache keys ${key('linux-arm64', 0).slice(0, -1)}<attempt>` },
    ]);
  });

  test('an evicted newer attempt falls back to the older one still there', async () => {
    const cache = new FakeCache();
    const handoff = new CacheHandoff({ tempDir: tempDir(), cache });
    await handoff.put(record({ runAttempt: '1', descriptor: desc('1') }));
    await handoff.put(record({ runAttempt: '2', descriptor: desc('2') }));
    cache.evict(key('linux-amd64', 2));
    const { found } = await handoff.collect(IMAGE, RUN, ['linux/amd64']);
    expect(summary(found)).toEqual({ 'linux/amd64': ['1', digest('1')] });
  });

  test.each<[string, FakeCache['onExistingKey']]>([
    ['returns -1 (@actions/cache 4+)', 'return -1'],
    ['throws ReserveCacheError (older releases)', 'throw'],
  ])('a retried step whose save %s is fine when the entry holds the same record', async (_name, onExistingKey) => {
    const cache = new FakeCache();
    cache.onExistingKey = onExistingKey;
    const handoff = new CacheHandoff({ tempDir: tempDir(), cache });
    await handoff.put(record());
    await handoff.put(record({ createdAt: '2026-11-28T11:00:00.000Z' }));
    await expect(handoff.put(record({ descriptor: desc('f') }))).rejects.toThrow(
      `GitHub cache entry ${key('linux-amd64', 1)} already holds another record for linux/amd64`,
    );
  });

  test('a save the cache service refused is an error: the shard must not end without handing off', async () => {
    const cache = new FakeCache();
    cache.refuseSaves = true;
    const handoff = new CacheHandoff({ tempDir: tempDir(), cache });
    await expect(handoff.put(record())).rejects.toThrow(
      `Could not save the handoff record for linux/amd64 to the GitHub cache under key ${key('linux-amd64', 1)}, ` +
        'and no entry with that key exists',
    );
  });

  test('an error thrown by the cache is an error naming the key', async () => {
    const cache = new FakeCache();
    cache.saveCache = () => Promise.reject(new Error('Key Validation Error: too long'));
    const handoff = new CacheHandoff({ tempDir: tempDir(), cache });
    await expect(handoff.put(record())).rejects.toThrow(
      `under key ${key('linux-amd64', 1)}: Key Validation Error: too long`,
    );
  });
});
