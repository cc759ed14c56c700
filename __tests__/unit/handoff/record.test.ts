import {
  imageKey,
  parseShardRecord,
  serializeShardRecord,
  ShardRecordError,
  type ShardRecord,
  recordProblemsForRun,
  type ThisRun,
} from '../../../src/handoff/record.js';
import { temporaryTag, type RunIdentity } from '../../../src/plan/temporary-tag.js';
import { parseReference } from '../../../src/reference.js';
import { digest, record, RUN } from '../support/shard-records.js';

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
  const shard: RunIdentity = {
    runId: RUN,
    runAttempt: '2',
    job: 'build',
    action: 'build',
    startedAt: 1_800_000_000,
    nonce: '5eed01',
  };
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
