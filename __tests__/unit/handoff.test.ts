import { jest } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CacheHandoff, type CacheModule } from '../../src/handoff/cache.js';
import { DirectoryHandoff } from '../../src/handoff/directory.js';
import { HandoffError, type DigestHandoff, type FoundRecord } from '../../src/handoff/handoff.js';
import {
  imageKey,
  parseShardRecord,
  serializeShardRecord,
  ShardRecordError,
  type ShardRecord,
  platformSlugOf,
  recordProblemsForRun,
  type ThisRun,
} from '../../src/handoff/record.js';
import { collectShards } from '../../src/handoff/shards.js';
import { parsePlatform } from '../../src/platform.js';
import { temporaryTag, type RunIdentity } from '../../src/plan/temporary-tag.js';
import { parseReference, parseTaggedReference } from '../../src/reference.js';

const IMAGE = imageKey(['ghcr.io/acme/app:latest']);
const OTHER_IMAGE = imageKey(['ghcr.io/acme/other:latest']);
const RUN = '9876543210';

function digest(seed: string): string {
  return `sha256:${seed.repeat(64).slice(0, 64)}`;
}

function record(overrides: Partial<ShardRecord> = {}): ShardRecord {
  return {
    version: 1,
    image: IMAGE,
    platform: 'linux/amd64',
    runId: RUN,
    runAttempt: '1',
    job: 'build',
    descriptor: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest('a'), size: 1234 },
    repositories: ['ghcr.io/acme/app'],
    temporaryTags: [],
    createdAt: '2026-11-28T10:00:00.000Z',
    ...overrides,
  };
}

const json = (value: unknown) => JSON.stringify(value);
const withField = (field: string, value: unknown) => json({ ...record(), [field]: value });
const withDescriptor = (overrides: Record<string, unknown>) =>
  json({ ...record(), descriptor: { ...record().descriptor, ...overrides } });
const without = (field: keyof ShardRecord) =>
  json(Object.fromEntries(Object.entries(record()).filter(([name]) => name !== field)));

describe('parseShardRecord', () => {
  test('reads back what serializeShardRecord writes', () => {
    const full = record({
      platform: 'linux/arm/v7',
      runAttempt: '12',
      temporaryTags: ['127.0.0.1:5000/acme/app:multiarch-tmp-1-1-abcdef01-linux-arm-v7'],
      descriptor: {
        ...record().descriptor,
        platform: { os: 'linux', architecture: 'arm', variant: 'v7' },
        annotations: { 'org.opencontainers.image.created': '2026-11-28T10:00:00Z' },
      },
    });
    expect(parseShardRecord(serializeShardRecord(full), 'f.json')).toEqual(full);
  });

  test('serializing keeps only the fields of a record and its descriptor', () => {
    const extra = { ...record().descriptor, artifactType: 'x', urls: ['https://example.com'] };
    const text = serializeShardRecord({ ...record(), descriptor: extra, surplus: true } as ShardRecord);
    expect(JSON.parse(text)).toEqual(record());
  });

  test.each<[string, string, string]>([
    ['not JSON', '{"version": 1,', 'not JSON'],
    ['an array', '[]', 'not a JSON object'],
    ['null', 'null', 'not a JSON object'],
    ['another version', withField('version', 2), 'version is 2 (expected 1)'],
    ['no version', without('version'), 'version is undefined (expected 1)'],
    ['an unknown field', withField('digest', digest('b')), 'the record has unknown fields: digest'],
    ['no image', without('image'), 'image is missing (expected a string)'],
    ['an image that is no key', withField('image', 'ghcr.io/acme/app'), 'image "ghcr.io/acme/app" is not 16 hex'],
    ['no platform', without('platform'), 'platform is missing'],
    ['a platform that is none', withField('platform', 'linux'), '"linux" is not a platform'],
    ['a platform spelled loosely', withField('platform', 'linux/aarch64'), 'not written canonically ("linux/arm64")'],
    ['a numeric run id', withField('runId', 42), 'runId is 42 (expected a string)'],
    ['a run id with a slash', withField('runId', '1/2'), 'runId "1/2" is not'],
    ['a run id of ..', withField('runId', '..'), 'runId ".." is not'],
    ['attempt 0', withField('runAttempt', '0'), 'runAttempt "0" is not a positive integer'],
    ['attempt 01', withField('runAttempt', '01'), 'runAttempt "01" is not a positive integer'],
    ['no job', without('job'), 'job is missing'],
    ['a job that is a workflow command', withField('job', '::warning::x'), 'job "::warning::x" is not a GitHub job id'],
    ['a job with a line break', withField('job', 'build\n::error::x'), 'job "build\\n::error::x" is not a GitHub job'],
    ['a job with a space', withField('job', 'build all'), 'job "build all" is not a GitHub job id'],
    ['a time that is none', withField('createdAt', 'yesterday'), 'createdAt "yesterday" is not an ISO 8601'],
    ['a local time', withField('createdAt', '2026-11-28T10:00:00+01:00'), 'is not an ISO 8601 UTC time'],
    ['no repositories', withField('repositories', []), 'repositories is empty'],
    ['a repository that is no string', withField('repositories', [1]), 'repositories is not a list of non-empty'],
    ['an empty repository', withField('repositories', ['']), 'repositories is not a list of non-empty'],
    ['temporary tags that are no list', withField('temporaryTags', 'a:b'), 'temporaryTags is not a list'],
    ['no descriptor', without('descriptor'), 'descriptor is not an object'],
    ['an unknown descriptor field', withDescriptor({ urls: [] }), 'descriptor has unknown fields: urls'],
    ['an empty media type', withDescriptor({ mediaType: '' }), 'descriptor.mediaType is empty'],
    ['a digest that is none', withDescriptor({ digest: 'sha256:abc' }), 'descriptor.digest "sha256:abc" is not'],
    ['a negative size', withDescriptor({ size: -1 }), 'descriptor.size -1 is not a non-negative integer'],
    ['a fractional size', withDescriptor({ size: 1.5 }), 'descriptor.size 1.5 is not'],
    ['a size as text', withDescriptor({ size: '12' }), 'descriptor.size "12" is not'],
    ['a platform without os', withDescriptor({ platform: { architecture: 'arm64' } }), 'descriptor.platform.os is'],
    ['a numeric variant', withDescriptor({ platform: { os: 'linux', architecture: 'arm', variant: 7 } }), 'variant'],
    ['numeric annotations', withDescriptor({ annotations: { a: 1 } }), 'descriptor.annotations is not an object'],
  ])('%s → an error naming where', (_name, text, message) => {
    const parse = () => parseShardRecord(text, '/handoff/x/attempt-1.json');
    expect(parse).toThrow(ShardRecordError);
    expect(parse).toThrow('The handoff record at /handoff/x/attempt-1.json is invalid: ');
    expect(parse).toThrow(message);
  });
});

describe('parseShardRecord takes any GitHub job id', () => {
  test.each(['build', 'Build_2', '_x', 'build-linux-arm64', ''])('%j', (job) => {
    expect(parseShardRecord(withField('job', job), 'f').job).toBe(job);
  });
});

describe('recordProblemsForRun', () => {
  const prefix = 'multiarch-tmp';
  const shard: RunIdentity = { runId: RUN, runAttempt: '2', job: 'build', action: 'build', startedAt: 1_800_000_000 };
  const amd64Tag = temporaryTag(prefix, shard, 'linux-amd64');
  const run: ThisRun = {
    runId: RUN,
    runAttempt: '3',
    finalTags: ['ghcr.io/acme/app:latest', 'ghcr.io/acme/app:v1.0', 'docker.io/acme/app:latest'].map(parseReference),
    tempTagPrefix: prefix,
  };
  const ours = record({
    runAttempt: '2',
    repositories: ['ghcr.io/acme/app', 'docker.io/acme/app'],
    temporaryTags: [`ghcr.io/acme/app:${amd64Tag}`, `docker.io/acme/app:${amd64Tag}`],
  });
  const withTags = (...temporaryTags: string[]) => ({ ...ours, temporaryTags });
  const tagNamed = (text: string) => `temporaryTags names ${JSON.stringify(text)}, which is not this shard's temporary`;

  test.each<[string, ShardRecord]>([
    ['what a shard of this run hands off', ours],
    ['a record of the current attempt', { ...ours, runAttempt: '3', temporaryTags: [] }],
    ['a record pushed by digest (no temporary tag)', { ...ours, temporaryTags: [] }],
    [
      'repositories and tags spelled otherwise (host case, :443, Docker Hub host)',
      {
        ...ours,
        repositories: ['GHCR.io:443/acme/app', 'registry-1.docker.io/acme/app'],
        temporaryTags: [`ghcr.io:443/acme/app:${amd64Tag}`, `index.docker.io/acme/app:${amd64Tag}`],
      },
    ],
  ])('%s is this run’s', (_name, candidate) => {
    expect(recordProblemsForRun(candidate, run)).toEqual([]);
  });

  test.each<[string, ShardRecord, string]>([
    ['another run', { ...ours, runId: '1111', temporaryTags: [] }, `it is of run 1111, not of this run ${RUN}`],
    ['a later attempt', { ...ours, runAttempt: '99', temporaryTags: [] }, 'it is of attempt 99, after this attempt 3'],
    ['attempt 10 after 3 (numbers, not text)', { ...ours, runAttempt: '10', temporaryTags: [] }, 'attempt 10, after'],
    [
      'a repository of no final tag',
      { ...ours, repositories: ['ghcr.io/acme/other'], temporaryTags: [] },
      'repositories names "ghcr.io/acme/other", which is no repository of the final tags (ghcr.io/acme/app, docker.io/acme/app)',
    ],
    [
      'a repository with a tag',
      { ...ours, repositories: ['ghcr.io/acme/app:latest'], temporaryTags: [] },
      'repositories names "ghcr.io/acme/app:latest", which is no repository',
    ],
    ['a repository that is no name', { ...ours, repositories: ['::x'], temporaryTags: [] }, 'repositories names "::x"'],
    ['a final tag', withTags('ghcr.io/acme/app:latest'), tagNamed('ghcr.io/acme/app:latest')],
    ['a final tag spelled otherwise', withTags('registry-1.docker.io/acme/app:latest'), 'registry-1.docker.io/acme'],
    ['a user tag', withTags('ghcr.io/acme/app:v0.9'), tagNamed('ghcr.io/acme/app:v0.9')],
    ['a tag with a digest', withTags(`ghcr.io/acme/app:${amd64Tag}@${digest('a')}`), `${amd64Tag}@${digest('a')}`],
    ['a digest alone', withTags(`ghcr.io/acme/app@${digest('a')}`), tagNamed(`ghcr.io/acme/app@${digest('a')}`)],
    ['a name that is no reference', withTags('::warning::x'), tagNamed('::warning::x')],
    [
      'a temporary tag under another prefix',
      withTags(`ghcr.io/acme/app:${temporaryTag('other-tmp', shard, 'linux-amd64')}`),
      'other-tmp',
    ],
    [
      'a temporary tag of another run',
      withTags(`ghcr.io/acme/app:${temporaryTag(prefix, { ...shard, runId: '1111' }, 'linux-amd64')}`),
      `${prefix}-1111-`,
    ],
    [
      'a temporary tag of another attempt',
      withTags(`ghcr.io/acme/app:${temporaryTag(prefix, { ...shard, runAttempt: '1' }, 'linux-amd64')}`),
      `${prefix}-${RUN}-1-`,
    ],
    [
      "another platform's temporary tag",
      withTags(`ghcr.io/acme/app:${temporaryTag(prefix, shard, 'linux-arm64')}`),
      '-linux-arm64"',
    ],
    ['a temporary tag in another repository', withTags(`ghcr.io/acme/other:${amd64Tag}`), 'ghcr.io/acme/other:'],
  ])('%s is refused', (_name, candidate, problem) => {
    const problems = recordProblemsForRun(candidate, run);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  test('a refused tag says what a temporary tag of this shard looks like and where', () => {
    expect(recordProblemsForRun(withTags('ghcr.io/acme/app:latest'), run)).toEqual([
      `${tagNamed('ghcr.io/acme/app:latest')} tag (${prefix}-${RUN}-2-<step>-<time>-linux-amd64 in ` +
        'ghcr.io/acme/app, docker.io/acme/app)',
    ]);
  });

  test('a final tag shaped like a temporary tag of this shard is still refused', () => {
    const lookalike = `ghcr.io/acme/app:${amd64Tag}`;
    const finalTags = [...run.finalTags, parseReference(lookalike)];
    expect(recordProblemsForRun(withTags(lookalike), { ...run, finalTags })).toEqual([
      expect.stringContaining(tagNamed(lookalike)),
    ]);
  });

  test('names every problem of a record', () => {
    const forged = { ...ours, runAttempt: '99', temporaryTags: ['ghcr.io/acme/app:latest', 'ghcr.io/acme/app:v1.0'] };
    expect(recordProblemsForRun(forged, run)).toEqual([
      'it is of attempt 99, after this attempt 3',
      expect.stringContaining(tagNamed('ghcr.io/acme/app:latest')),
      expect.stringContaining(tagNamed('ghcr.io/acme/app:v1.0')),
    ]);
  });
});

describe('imageKey', () => {
  const tags = ['ghcr.io/acme/app:latest', 'docker.io/acme/app:1.2', 'ghcr.io/acme/app:1.2'];

  test('is 16 hex digits', () => {
    expect(imageKey(tags)).toMatch(/^[0-9a-f]{16}$/);
  });

  test('does not depend on order or repetition', () => {
    expect(imageKey([...tags].reverse())).toBe(imageKey(tags));
    expect(imageKey([...tags, tags[0] ?? ''])).toBe(imageKey(tags));
  });

  test('differs between images', () => {
    const keys = [
      imageKey(tags),
      imageKey(tags.slice(1)),
      imageKey(['ghcr.io/acme/app:latest']),
      imageKey(['ghcr.io/acme/other:latest']),
      imageKey(['ghcr.io/acme/app:lates', 't']),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

/** The handoffs as shard and merge jobs use them: each test gets fresh ones. */
interface Backend {
  handoff: DigestHandoff;
  /** Makes the stored record of one platform and attempt unreadable as a record. */
  corrupt: (image: string, platform: string, attempt: number) => Promise<string>;
}

let workDir: string;
beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'handoff-'));
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

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

describe('collectShards', () => {
  const prefix = 'multiarch-tmp';
  const merge: RunIdentity = { runId: RUN, runAttempt: '1', job: 'merge', action: 'merge', startedAt: 1_800_000_100 };
  const inputs = {
    tags: [parseTaggedReference('ghcr.io/acme/app:latest')],
    platforms: ['linux/amd64', 'linux/arm64'].map(parsePlatform),
    tempTagPrefix: prefix,
  };
  const handedOff = (platform: string, overrides: Partial<ShardRecord> = {}) => {
    const shard = { ...merge, job: 'build', startedAt: 1_800_000_000 };
    const tag = temporaryTag(prefix, { ...shard, runAttempt: overrides.runAttempt ?? '1' }, platformSlugOf(platform));
    return record({ platform, temporaryTags: [`ghcr.io/acme/app:${tag}`], ...overrides });
  };

  /** collectShards over a fresh directory holding these records, with what it logged. */
  async function collect(records: ShardRecord[], run = merge) {
    const handoff = new DirectoryHandoff(join(workDir, 'shared'));
    for (const each of records) await handoff.put(each);
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const result = await collectShards(handoff, inputs, run).catch((error: unknown) => error);
      return { result, log: lines.join('') };
    } finally {
      spy.mockRestore();
    }
  }
  const fileOf = (platform: string, attempt: number) =>
    join(workDir, 'shared', IMAGE, RUN, platformSlugOf(platform), `attempt-${attempt}.json`);

  test("returns this run's records, logging each", async () => {
    const records = [handedOff('linux/amd64'), handedOff('linux/arm64', { descriptor: desc('b') })];
    const { result, log } = await collect(records);
    expect(result).toEqual({ records, missing: [] });
    expect(log).toContain(`linux/arm64: ${digest('b')} (attempt 1, job build)`);
  });

  test('a record naming a final tag is refused, naming the file and the tag, before anything is logged', async () => {
    const forged = handedOff('linux/arm64', { descriptor: desc('f'), temporaryTags: ['ghcr.io/acme/app:latest'] });
    const { result, log } = await collect([handedOff('linux/amd64'), forged]);
    expect(result).toBeInstanceOf(ShardRecordError);
    expect((result as Error).message).toBe(
      "these handoff records are not this run's, so the merge publishes nothing and deletes none of the shards' " +
        `tags:\n  - ${fileOf('linux/arm64', 1)}: temporaryTags names "ghcr.io/acme/app:latest", which is not this ` +
        `shard's temporary tag (${prefix}-${RUN}-1-<step>-<time>-linux-arm64 in ghcr.io/acme/app)\nA shard of run ` +
        `${RUN} (attempt 1 or earlier) names only the repositories of the final tags and its own temporary tags in ` +
        `them. Remove these records from directory ${join(workDir, 'shared')} and re-run the shard jobs of their ` +
        'platforms.',
    );
    expect(log).not.toContain(digest('a'));
    expect(log).not.toContain(digest('f'));
  });

  test('a planted record of a later attempt is refused, though it is the newest', async () => {
    const planted = handedOff('linux/arm64', { runAttempt: '99', descriptor: desc('f') });
    const { result } = await collect([handedOff('linux/amd64'), handedOff('linux/arm64'), planted], {
      ...merge,
      runAttempt: '2',
    });
    expect((result as Error).message).toContain(
      `${fileOf('linux/arm64', 99)}: it is of attempt 99, after this attempt 2`,
    );
  });

  test('lists every refused record', async () => {
    const { result } = await collect([
      handedOff('linux/amd64', { repositories: ['ghcr.io/acme/other'] }),
      handedOff('linux/arm64', { temporaryTags: ['ghcr.io/acme/app:v1.0'] }),
    ]);
    expect((result as Error).message).toMatch(
      new RegExp(`\\n  - ${fileOf('linux/amd64', 1)}: repositories names .*\\n  - ${fileOf('linux/arm64', 1)}: temp`),
    );
  });

  test('a record with a job that would be a workflow command is refused, and nothing of it reaches the log', async () => {
    const file = fileOf('linux/amd64', 1);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, serializeShardRecord(handedOff('linux/amd64', { job: 'build\n::warning::forged' })));
    const { result, log } = await collect([]);
    expect((result as Error).message).toContain(`The handoff record at ${file} is invalid: job "build\\n::warning::`);
    expect(log).not.toContain('::warning::');
  });

  test('an attempt of this merge that is no number fails before any record is read', async () => {
    const { result } = await collect([handedOff('linux/amd64')], { ...merge, runAttempt: 'x' });
    expect((result as Error).message).toBe(
      'GITHUB_RUN_ATTEMPT is "x" (expected a positive integer), so the handoff records cannot be checked against ' +
        'this run attempt.',
    );
  });
});

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

function desc(seed: string): ShardRecord['descriptor'] {
  return { ...record().descriptor, digest: digest(seed) };
}

function summary(found: Map<string, FoundRecord>): Record<string, [string, string]> {
  return Object.fromEntries(
    [...found].map(([platform, { record: r }]) => [platform, [r.runAttempt, r.descriptor.digest]]),
  );
}

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
class FakeCache implements CacheModule {
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
