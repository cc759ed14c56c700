import {
  buildxReportingEnvironment,
  checkAnnotationsSetting,
  unhonouredBuildRecordSettings,
} from '../../../src/docker/build-reporting.js';

describe('buildxReportingEnvironment', () => {
  test.each<[string, Record<string, string>, Record<string, string>]>([
    ['unset: buildx writes its warnings into the metadata file', {}, { BUILDX_METADATA_WARNINGS: 'true' }],
    ['empty counts as unset', { BUILDX_METADATA_WARNINGS: '' }, { BUILDX_METADATA_WARNINGS: 'true' }],
    ["the user's false is kept", { BUILDX_METADATA_WARNINGS: 'false' }, {}],
    ["the user's 1 is kept", { BUILDX_METADATA_WARNINGS: '1' }, {}],
  ])('%s', (_name, env, expected) => {
    expect(buildxReportingEnvironment(env)).toEqual(expected);
  });
});

describe('checkAnnotationsSetting: DOCKER_BUILD_CHECKS_ANNOTATIONS', () => {
  test.each<[string | undefined, boolean]>([
    [undefined, true],
    ['', true],
    ['true', true],
    ['1', true],
    ['T', true],
    ['false', false],
    ['0', false],
    ['False', false],
  ])('%p: annotations %p', (value, enabled) => {
    expect(checkAnnotationsSetting({ DOCKER_BUILD_CHECKS_ANNOTATIONS: value })).toEqual({ enabled });
  });

  test('a value that is no boolean keeps the default, and says so', () => {
    expect(checkAnnotationsSetting({ DOCKER_BUILD_CHECKS_ANNOTATIONS: 'no' })).toEqual({
      enabled: true,
      warning: expect.stringContaining('DOCKER_BUILD_CHECKS_ANNOTATIONS is "no", which is not a boolean') as string,
    });
  });
});

describe('unhonouredBuildRecordSettings', () => {
  test.each<[string, Record<string, string>]>([
    ['nothing set', {}],
    ['only empty values', { DOCKER_BUILD_SUMMARY: '', DOCKER_BUILD_RECORD_UPLOAD: '' }],
    ['an upload turned off: nothing is uploaded, as asked', { DOCKER_BUILD_RECORD_UPLOAD: 'false' }],
  ])('no notice: %s', (_name, env) => {
    expect(unhonouredBuildRecordSettings(env)).toBeUndefined();
  });

  test.each<[string, Record<string, string>, string]>([
    ['DOCKER_BUILD_SUMMARY=true', { DOCKER_BUILD_SUMMARY: 'true' }, 'DOCKER_BUILD_SUMMARY=true is not read'],
    ['DOCKER_BUILD_SUMMARY=false', { DOCKER_BUILD_SUMMARY: 'false' }, 'DOCKER_BUILD_SUMMARY=false is not read'],
    [
      'DOCKER_BUILD_RECORD_UPLOAD=true',
      { DOCKER_BUILD_RECORD_UPLOAD: 'true' },
      'DOCKER_BUILD_RECORD_UPLOAD=true is not honoured',
    ],
    [
      'DOCKER_BUILD_RECORD_RETENTION_DAYS',
      { DOCKER_BUILD_RECORD_RETENTION_DAYS: '7' },
      'DOCKER_BUILD_RECORD_RETENTION_DAYS=7 has no effect',
    ],
  ])('a notice for %s, with how to export a record in a later step', (_name, env, line) => {
    const notice = unhonouredBuildRecordSettings(env);
    expect(notice?.split('\n')).toEqual([
      expect.stringContaining(line) as string,
      expect.stringContaining('docker buildx history export --builder BUILDER') as string,
    ]);
  });

  test('one notice for all of them', () => {
    const notice = unhonouredBuildRecordSettings({
      DOCKER_BUILD_SUMMARY: 'true',
      DOCKER_BUILD_RECORD_UPLOAD: 'true',
      DOCKER_BUILD_RECORD_RETENTION_DAYS: '7',
    });
    expect(notice?.split('\n')).toHaveLength(4);
  });
});
