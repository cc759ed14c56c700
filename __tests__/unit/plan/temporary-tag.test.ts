import {
  createdBuilderName,
  isCreatedBuilderName,
  parseTemporaryTag,
  stepHash,
  temporaryReferences,
  temporaryTag,
  type RunIdentity,
} from '../../../src/plan/temporary-tag.js';
import { RUN } from '../support/fixtures.js';

describe('temporaryTag', () => {
  const base = temporaryTag('multiarch-tmp', RUN, 'linux-arm64');

  test('is <prefix>-<runId>-<attempt>-<8 hex>-<start, base 36>-<build> and stable for one identity', () => {
    expect(base).toMatch(/^multiarch-tmp-9876543210-2-[0-9a-f]{8}-tro8w0-5eed01-linux-arm64$/);
    expect(temporaryTag('multiarch-tmp', { ...RUN }, 'linux-arm64')).toBe(base);
  });

  test.each<[string, RunIdentity, string]>([
    ['another job', { ...RUN, job: 'image-2' }, 'linux-arm64'],
    ['another action (step)', { ...RUN, action: '__self_2' }, 'linux-arm64'],
    ['another attempt', { ...RUN, runAttempt: '3' }, 'linux-arm64'],
    ['another run', { ...RUN, runId: '9876543211' }, 'linux-arm64'],
    ['another build', RUN, 'linux-amd64'],
    // Issue 27: two legs of one matrix job (a matrix over images) on one engine start in the same second.
    ['another step start in the same second', { ...RUN, nonce: 'c0ffee' }, 'linux-arm64'],
  ])('differs for %s', (_name, run, build) => {
    expect(temporaryTag('multiarch-tmp', run, build)).not.toBe(base);
  });

  test('the step hash is the first eight hex digits of the sha256 of job and action', () => {
    // Reference values from `printf 'build\nmultiarch' | sha256sum` and `printf 'local\n__self' | sha256sum`.
    expect(stepHash({ ...RUN, job: 'build', action: 'multiarch' })).toBe('cd61ea15');
    expect(stepHash({ ...RUN, job: 'local', action: '__self' })).toBe('2fb87dae');
  });

  test('job and action are not confused by concatenation', () => {
    expect(stepHash({ ...RUN, job: 'ab', action: 'c' })).not.toBe(stepHash({ ...RUN, job: 'a', action: 'bc' }));
  });

  test('fits in a tag (128) with the longest allowed prefix and a long platform', () => {
    const tag = temporaryTag('p'.repeat(48), { ...RUN, runId: '99999999999', runAttempt: '99' }, 'linux-mips64le');
    expect(tag.length).toBeLessThanOrEqual(128);
    expect(tag).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/);
  });
});

describe('parseTemporaryTag', () => {
  test.each(['all', 'linux-amd64', 'linux-arm-v7', 'linux-arm64'])(
    'reads back what temporaryTag wrote for %s',
    (build) => {
      const tag = temporaryTag('multiarch-tmp', RUN, build);
      expect(parseTemporaryTag('multiarch-tmp', tag)).toEqual({
        runId: RUN.runId,
        runAttempt: RUN.runAttempt,
        createdAt: RUN.startedAt,
        build,
      });
    },
  );

  test.each([
    ['a user tag', 'latest'],
    ['a per-arch tag', 'latest-amd64'],
    ['another prefix', 'other-9876543210-2-abcdef01-tro8w0-5eed01-all'],
    ['the prefix alone', 'multiarch-tmp'],
    ['no step hash', 'multiarch-tmp-9876543210-2-tro8w0-5eed01-all'],
    ['an uppercase hash', 'multiarch-tmp-9876543210-2-ABCDEF01-tro8w0-5eed01-all'],
    ['a user tag sharing the prefix', 'multiarch-tmp-release'],
    ['something after the build', 'multiarch-tmp-9876543210-2-abcdef01-tro8w0-5eed01-linux-arm64-extra-more'],
    // Issue 27: a final tag of a user whose temp-tag-prefix is `release` is never taken for a temporary one.
    ['a release tag of the old shape', 'release-20240101-2-deadbeef-1a2b3c-all'],
    ['a date where the start time goes (before any run)', 'multiarch-tmp-20240101-2-deadbeef-1a2b3c-0a1b2c-all'],
  ])('is undefined for %s', (_name, tag) => {
    expect(parseTemporaryTag('multiarch-tmp', tag)).toBeUndefined();
  });
});

describe('temporaryReferences', () => {
  const repositories = [
    { registry: 'ghcr.io', repository: 'acme/app' },
    { registry: 'docker.io', repository: 'acme/app' },
  ];

  test('names the tag in every repository, as full references', () => {
    expect(temporaryReferences(repositories, 'tmp-all')).toEqual([
      'ghcr.io/acme/app:tmp-all',
      'docker.io/acme/app:tmp-all',
    ]);
  });

  test('a build pushed by digest has none', () => {
    expect(temporaryReferences(repositories, undefined)).toEqual([]);
  });
});

describe('created builder names', () => {
  const name = createdBuilderName(RUN, ['linux/amd64', 'linux/arm64']);

  test('carry run, attempt, step, start time and a hash of the platforms', () => {
    expect(name).toMatch(new RegExp(`^multiarch-9876543210-2-${stepHash(RUN)}-tro8w0-5eed01-[0-9a-f]{8}$`));
    expect(createdBuilderName(RUN, ['linux/amd64'])).not.toBe(name);
  });

  test('differ for two steps that start in the same second', () => {
    expect(createdBuilderName({ ...RUN, nonce: 'c0ffee' }, ['linux/amd64', 'linux/arm64'])).not.toBe(name);
  });

  test.each<[string, string, RunIdentity, boolean]>([
    ['this step names its own', name, RUN, true],
    ["another step's", name, { ...RUN, action: '__self_2' }, false],
    ["another attempt's", name, { ...RUN, runAttempt: '3' }, false],
    ["a user's builder", 'my-builder', RUN, false],
    ['the bare prefix', `multiarch-9876543210-2-${stepHash(RUN)}-`, RUN, false],
  ])('isCreatedBuilderName: %s', (_name, builder, run, expected) => {
    expect(isCreatedBuilderName(builder, run)).toBe(expected);
  });
});
