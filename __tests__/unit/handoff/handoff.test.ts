import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheHandoff } from '../../../src/handoff/cache.js';
import { DirectoryHandoff } from '../../../src/handoff/directory.js';
import { HandoffError, type DigestHandoff } from '../../../src/handoff/handoff.js';
import { FakeCache } from '../support/fake-cache.js';
import { desc, digest, IMAGE, OTHER_IMAGE, record, RUN, summary } from '../support/shard-records.js';

/** The handoffs as shard and merge jobs use them: each test gets fresh ones. */
interface Backend {
  handoff: DigestHandoff;
  /** Makes the stored record of one platform and attempt unreadable as a record. */
  corrupt: (image: string, platform: string, attempt: number) => Promise<string>;
}

let workDir: string;
beforeEach(async () => (workDir = await mkdtemp(join(tmpdir(), 'handoff-'))));
afterEach(() => rm(workDir, { recursive: true, force: true }));

// Both backends through the DigestHandoff interface, against the contract handoff.ts states for every backend.
describe.each<[string, () => Backend]>([
  [
    'DirectoryHandoff',
    () => {
      const directory = join(workDir, 'shared');
      return {
        handoff: new DirectoryHandoff(directory),
        corrupt: async (image, platform, attempt) => {
          const file = join(directory, image, RUN, platform.replaceAll('/', '-'), `attempt-${attempt}.json`);
          await writeFile(file, '{"version": 1');
          return file;
        },
      };
    },
  ],
  [
    'CacheHandoff',
    () => {
      const cache = new FakeCache();
      return {
        handoff: new CacheHandoff({ tempDir: join(workDir, 'runner-temp'), cache }),
        corrupt: (image, platform, attempt) => {
          const key = `multiarch-handoff-${image}-${RUN}-${platform.replaceAll('/', '-')}-attempt-${attempt}`;
          cache.overwrite(key, '{"version": 1');
          return Promise.resolve(key);
        },
      };
    },
  ],
])('%s', (_name, backend) => {
  test('gives each platform its newest attempt (re-running only the failed legs)', async () => {
    const { handoff } = backend();
    await handoff.put(record({ platform: 'linux/amd64', runAttempt: '1', descriptor: { ...desc('1') } }));
    await handoff.put(record({ platform: 'linux/arm64', runAttempt: '1', descriptor: { ...desc('2') } }));
    await handoff.put(record({ platform: 'linux/arm64', runAttempt: '2', descriptor: { ...desc('3') } }));

    const { found, missing } = await handoff.collect(IMAGE, RUN, ['linux/amd64', 'linux/arm64']);
    expect(missing).toEqual([]);
    expect(summary(found)).toEqual({ 'linux/amd64': ['1', digest('1')], 'linux/arm64': ['2', digest('3')] });
  });

  test('orders attempts by number, not by name', async () => {
    const { handoff } = backend();
    for (const attempt of ['9', '10']) await handoff.put(record({ runAttempt: attempt, descriptor: desc(attempt) }));
    const { found } = await handoff.collect(IMAGE, RUN, ['linux/amd64']);
    expect(found.get('linux/amd64')?.record.runAttempt).toBe('10');
  });

  test('never returns records of other runs or other images', async () => {
    const { handoff } = backend();
    await handoff.put(record({ runId: '1111', platform: 'linux/arm64' }));
    await handoff.put(record({ runId: `${RUN}1`, platform: 'linux/arm64' }));
    await handoff.put(record({ image: OTHER_IMAGE, platform: 'linux/arm64' }));
    await handoff.put(record({ platform: 'linux/amd64' }));

    const { found, missing } = await handoff.collect(IMAGE, RUN, ['linux/amd64', 'linux/arm64']);
    expect([...found.keys()]).toEqual(['linux/amd64']);
    expect(missing.map((m) => m.platform)).toEqual(['linux/arm64']);
  });

  test('keeps two images of one run apart', async () => {
    const { handoff } = backend();
    await handoff.put(record({ descriptor: desc('1') }));
    await handoff.put(record({ image: OTHER_IMAGE, descriptor: desc('2') }));
    expect(summary((await handoff.collect(IMAGE, RUN, ['linux/amd64'])).found)).toEqual({
      'linux/amd64': ['1', digest('1')],
    });
    expect(summary((await handoff.collect(OTHER_IMAGE, RUN, ['linux/amd64'])).found)).toEqual({
      'linux/amd64': ['1', digest('2')],
    });
  });

  test('finds a platform however the merge spells it, under the name it was asked for', async () => {
    const { handoff } = backend();
    await handoff.put(record({ platform: 'linux/arm/v7' }));
    const { found } = await handoff.collect(IMAGE, RUN, ['linux/arm']);
    expect(found.get('linux/arm')?.record.platform).toBe('linux/arm/v7');
  });

  test('takes the same record again (a retried step), but not a different one', async () => {
    const { handoff } = backend();
    await handoff.put(record());
    await handoff.put(record({ createdAt: '2026-11-28T10:05:00.000Z' }));
    const different = handoff.put(record({ job: 'build-again', descriptor: desc('f') }));
    await expect(different).rejects.toThrow(HandoffError);
    await expect(handoff.put(record({ descriptor: desc('f') }))).rejects.toThrow(
      `already holds another record for linux/amd64 (${digest('a')} from job "build", not ${digest('f')} from job ` +
        '"build"), and a record handed off is never replaced',
    );
    const { found } = await handoff.collect(IMAGE, RUN, ['linux/amd64']);
    expect(found.get('linux/amd64')?.record.descriptor.digest).toBe(digest('a'));
  });

  test('refuses to hand off an invalid record', async () => {
    const { handoff } = backend();
    await expect(handoff.put(record({ runAttempt: 'first' }))).rejects.toThrow(
      'The handoff record at the record to hand off for linux/amd64 is invalid: runAttempt "first"',
    );
  });

  test('a malformed record is an error naming where it is', async () => {
    const { handoff, corrupt } = backend();
    await handoff.put(record());
    const where = await corrupt(IMAGE, 'linux/amd64', 1);
    await expect(handoff.collect(IMAGE, RUN, ['linux/amd64'])).rejects.toThrow(
      new RegExp(`The handoff record at .*${where.replaceAll('.', '\\.')} is invalid: not JSON`),
    );
  });
});
