import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DirectoryHandoff } from '../../../src/handoff/directory.js';
import { parseShardRecord, serializeShardRecord } from '../../../src/handoff/record.js';
import { IMAGE, record, RUN } from '../support/shard-records.js';

let workDir: string;
beforeEach(async () => (workDir = await mkdtemp(join(tmpdir(), 'handoff-'))));
afterEach(() => rm(workDir, { recursive: true, force: true }));

describe('DirectoryHandoff', () => {
  test('files records as <dir>/<image>/<run>/<platform slug>/attempt-<n>.json, leaving no temporary file', async () => {
    const directory = join(workDir, 'shared');
    const handoff = new DirectoryHandoff(directory);
    await handoff.put(record({ platform: 'linux/arm/v7', runAttempt: '3' }));
    const platformDirectory = join(directory, IMAGE, RUN, 'linux-arm-v7');
    expect(await readdir(platformDirectory)).toEqual(['attempt-3.json']);
    const text = await readFile(join(platformDirectory, 'attempt-3.json'), 'utf8');
    expect(parseShardRecord(text, 'f')).toEqual(record({ platform: 'linux/arm/v7', runAttempt: '3' }));
    expect(handoff.description).toBe(`directory ${directory}`);
    const { found } = await handoff.collect(IMAGE, RUN, ['linux/arm/v7']);
    expect(found.get('linux/arm/v7')?.where).toBe(join(platformDirectory, 'attempt-3.json'));
  });

  test('lists missing platforms with the path it looked at', async () => {
    const directory = join(workDir, 'shared');
    const handoff = new DirectoryHandoff(directory);
    await handoff.put(record());
    const { missing } = await handoff.collect(IMAGE, RUN, ['linux/amd64', 'linux/arm64', 'linux/s390x']);
    expect(missing).toEqual([
      { platform: 'linux/arm64', lookedAt: join(directory, IMAGE, RUN, 'linux-arm64', 'attempt-<n>.json') },
      { platform: 'linux/s390x', lookedAt: join(directory, IMAGE, RUN, 'linux-s390x', 'attempt-<n>.json') },
    ]);
  });

  test('ignores files that are not attempts (a writer that died before renaming)', async () => {
    const directory = join(workDir, 'shared');
    const platformDirectory = join(directory, IMAGE, RUN, 'linux-amd64');
    await mkdir(platformDirectory, { recursive: true });
    await writeFile(join(platformDirectory, '.attempt-1.json.0123456789ab.tmp'), '{"vers');
    const { missing } = await new DirectoryHandoff(directory).collect(IMAGE, RUN, ['linux/amd64']);
    expect(missing.map((m) => m.platform)).toEqual(['linux/amd64']);
  });

  test('a record filed under another attempt is an error naming the file', async () => {
    const directory = join(workDir, 'shared');
    const file = join(directory, IMAGE, RUN, 'linux-amd64', 'attempt-2.json');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, serializeShardRecord(record({ runAttempt: '1' })));
    await expect(new DirectoryHandoff(directory).collect(IMAGE, RUN, ['linux/amd64'])).rejects.toThrow(
      `The handoff record at ${file} has runAttempt "1", but "2" was expected there.`,
    );
  });
});
