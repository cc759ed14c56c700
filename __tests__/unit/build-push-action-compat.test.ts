// What the README's "the same list syntax as build-push-action" rests on: every list-parsing case that
// docker/actions-toolkit documents for Util.getInputList (__tests__/util.test.ts) and that docker/build-push-action
// documents for its inputs (__tests__/context.test.ts, README), one row each, given to the input that build-push-action
// reads with those options, and the items buildx gets from it, written from their documented results. The toolkit's
// `comment` cases have no row: build-push-action sets that option for no input, so `#` is data (see FOO=bar#baz).
// Then the Git context build-push-action builds when `context` is not given, from actions-toolkit's gitContext cases.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Input } from '../../src/constants.js';
import { runBuilds } from '../../src/docker/build.js';
import { chooseBuilder, followsCurrentBuilder } from '../../src/docker/builder.js';
import { DockerCli } from '../../src/docker/cli.js';
import type { CommandRunner } from '../../src/docker/command.js';
import type { Inputs } from '../../src/inputs/inputs.js';
import { parseInputs, type RunnerEnvironment } from '../../src/inputs/parse.js';
import { buildxBuildArgs } from '../../src/plan/buildx-args.js';
import { unsupportedInput } from '../../src/plan/buildx-version.js';
import { makePlan, type BuilderFacts } from '../../src/plan/plan.js';
import { formatPlatform } from '../../src/platform.js';
import { formatReference } from '../../src/reference.js';
import { gitContextSource, type RunnerVariables } from '../../src/inputs/git-context.js';
import { expandDefaultContext, formatGitContext } from '../../src/plan/build-context.js';

type InputName = `${Input}`;

const ACTION = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
const DEFAULTS = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, spec]) => [name, spec.default ?? '']));

function parse(values: Partial<Record<InputName, string>>, runner?: RunnerEnvironment): Inputs {
  const all: Record<string, string> = { ...DEFAULTS, platforms: 'linux/amd64', context: '.', ...values };
  return parseInputs((name) => all[name] ?? '', runner);
}

/** The items an input gave, as buildx gets them. */
const ITEMS: Partial<Record<InputName, (inputs: Inputs) => string[]>> = {
  platforms: (inputs) => inputs.platforms.map(formatPlatform),
  tags: (inputs) => inputs.tags.map(formatReference),
  'driver-opts': (inputs) => inputs.driverOpts,
  'no-cache-filters': (inputs) => inputs.build.noCacheFilters,
  'cache-from': (inputs) => inputs.build.cacheFrom,
  labels: (inputs) => inputs.build.labels,
  annotations: (inputs) => inputs.build.annotations,
  attests: (inputs) => inputs.build.attests,
  'build-args': (inputs) => inputs.build.buildArgs,
  secrets: (inputs) => inputs.build.secrets,
  'secret-envs': (inputs) => inputs.build.secretEnvs,
  'add-hosts': (inputs) => inputs.build.addHosts,
  allow: (inputs) => inputs.build.allow,
  ulimit: (inputs) => inputs.build.ulimits,
  ssh: (inputs) => inputs.build.ssh,
  outputs: (inputs) => inputs.build.outputs,
};

const PGP_KEY = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  '',
  'lQdGBF6tzaEBEACjFbX7PFEG6vDPN2MPyxYW7/3o/sonORj4HXUFjFxxJxktJ3x3',
  'N1ayHPJ1lqIeoiY7jVbq0ZdEVGkd3YsKG9ZMdZkzGzY6PQPC/+M8OnzOiOPwUdWc',
  '=5CAX',
  '-----END PGP PRIVATE KEY BLOCK-----',
  '',
].join('\n');

const OUTPUT_WITH_QUOTED_NAMES =
  'type=image,"name=ghcr.io/nginxinc/nginx-unprivileged,docker.io/nginxinc/nginx-unprivileged",' +
  'push-by-digest=true,name-canonical=true,push=true';

// [where it is documented, the input, its value, the items buildx gets, other inputs the case needs]
const CASES: [string, InputName, string, string[], Partial<Record<InputName, string>>?][] = [
  ['toolkit getInputList: single line', 'no-cache-filters', 'bar', ['bar']],
  ['toolkit getInputList: empty', 'no-cache-filters', '', []],
  ['toolkit getInputList: multiline', 'no-cache-filters', 'bar\nbaz', ['bar', 'baz']],
  ['toolkit getInputList: empty lines', 'no-cache-filters', 'bar\n\nbaz', ['bar', 'baz']],
  ['toolkit getInputList: comma', 'no-cache-filters', 'bar,baz', ['bar', 'baz']],
  ['toolkit getInputList: empty result (trailing comma)', 'no-cache-filters', 'bar,baz,', ['bar', 'baz']],
  ['toolkit getInputList: different new lines', 'no-cache-filters', 'bar\r\nbaz', ['bar', 'baz']],
  ['toolkit getInputList: new lines and comma', 'no-cache-filters', 'bar\r\nbaz,bat', ['bar', 'baz', 'bat']],
  [
    'toolkit getInputList: multiline, ignoring comma',
    'cache-from',
    'user/app:cache\ntype=local,src=path/to/dir',
    ['user/app:cache', 'type=local,src=path/to/dir'],
  ],
  [
    'toolkit getInputList: different new lines, ignoring comma',
    'cache-from',
    'user/app:cache\r\ntype=local,src=path/to/dir',
    ['user/app:cache', 'type=local,src=path/to/dir'],
  ],
  ['toolkit getInputList: # is no comment', 'labels', 'foo=bar\nbar=qux#baz', ['foo=bar', 'bar=qux#baz']],
  [
    'toolkit getInputList: do not escape surrounding quotes (driver-opts, as setup-buildx-action reads it)',
    'driver-opts',
    '"env.no_proxy=localhost,127.0.0.1,.mydomain"',
    ['"env.no_proxy=localhost,127.0.0.1,.mydomain"'],
  ],
  [
    'toolkit getInputList: escape surrounding quotes',
    'platforms',
    'linux/amd64\n"linux/arm64,linux/arm/v7"',
    ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
  ],
  [
    'toolkit getInputList: multiline values',
    'secrets',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc"\nFOO=bar',
    ['GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789', 'MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc', 'FOO=bar'],
  ],
  [
    'toolkit getInputList: multiline values with empty lines',
    'secrets',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc"\nFOO=bar\n' +
      '"EMPTYLINE=aaaa\n\nbbbb\nccc"',
    [
      'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789',
      'MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc',
      'FOO=bar',
      'EMPTYLINE=aaaa\n\nbbbb\nccc',
    ],
  ],
  [
    'toolkit getInputList: preserves trailing new lines when trimming is disabled (as build-push-action reads secrets)',
    'secrets',
    '"PRIVATE_SSH_KEY=TESTESTTESTESTTESTESTTESTEST\nTESTESTTESTESTTESTESTTESTEST\nTESTESTTESTESTTESTESTTESTEST\n\n\n"\n',
    ['PRIVATE_SSH_KEY=TESTESTTESTESTTESTESTTESTEST\nTESTESTTESTESTTESTESTTESTEST\nTESTESTTESTESTTESTESTTESTEST\n\n\n'],
  ],
  [
    // The toolkit gives five items; build-push-action skips the two that are not id=value, with a warning each.
    'toolkit getInputList: multiline values without quotes',
    'secrets',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\nMYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc\nFOO=bar',
    ['GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789', 'MYSECRET=aaaaaaaa', 'FOO=bar'],
  ],
  [
    'toolkit getInputList: large multiline values',
    'secrets',
    `"GPG_KEY=${PGP_KEY}"\nFOO=bar`,
    [`GPG_KEY=${PGP_KEY}`, 'FOO=bar'],
  ],
  [
    'toolkit getInputList: multiline values escape quotes',
    'secrets',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbb""bbb\nccccccccc"\nFOO=bar',
    ['GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789', 'MYSECRET=aaaaaaaa\nbbbb"bbb\nccccccccc', 'FOO=bar'],
  ],
  [
    'toolkit getInputList: keep quotes (outputs)',
    'outputs',
    OUTPUT_WITH_QUOTED_NAMES,
    [OUTPUT_WITH_QUOTED_NAMES],
    { push: 'true', tags: 'ghcr.io/nginxinc/nginx-unprivileged:latest,docker.io/nginxinc/nginx-unprivileged:latest' },
  ],
  [
    'build-push-action getArgs [1]: build args, commas kept, a quoted multi-line value',
    'build-args',
    'MY_ARG=val1,val2,val3\nARG=val\n"MULTILINE=aaaa\nbbbb\nccc"',
    ['MY_ARG=val1,val2,val3', 'ARG=val', 'MULTILINE=aaaa\nbbbb\nccc'],
  ],
  [
    // Docker Hub short names are spelled out here, as docker reads them.
    'build-push-action getArgs [2]: tags, comma and space',
    'tags',
    'name/app:7.4, name/app:latest',
    ['docker.io/name/app:7.4', 'docker.io/name/app:latest'],
  ],
  [
    'build-push-action getArgs [3]: labels, a comma inside a value',
    'labels',
    'org.opencontainers.image.title=buildkit\norg.opencontainers.image.description=concurrent, cache-efficient, ' +
      'and Dockerfile-agnostic builder toolkit',
    [
      'org.opencontainers.image.title=buildkit',
      'org.opencontainers.image.description=concurrent, cache-efficient, and Dockerfile-agnostic builder toolkit',
    ],
  ],
  [
    'build-push-action getArgs [9]: secrets, = and , in values, quoted lines and an empty line',
    'secrets',
    'GIT_AUTH_TOKEN=abcdefghi,jklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc"\nFOO=bar\n' +
      '"EMPTYLINE=aaaa\n\nbbbb\nccc"',
    [
      'GIT_AUTH_TOKEN=abcdefghi,jklmno=0123456789',
      'MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc',
      'FOO=bar',
      'EMPTYLINE=aaaa\n\nbbbb\nccc',
    ],
  ],
  [
    'build-push-action getArgs [13]: add-hosts, comma separated',
    'add-hosts',
    'docker:10.180.0.1,foo:10.0.0.1',
    ['docker:10.180.0.1', 'foo:10.0.0.1'],
  ],
  [
    'build-push-action getArgs [14]: add-hosts, newline separated',
    'add-hosts',
    'docker:10.180.0.1\nfoo:10.0.0.1',
    ['docker:10.180.0.1', 'foo:10.0.0.1'],
  ],
  ['build-push-action getArgs [14]: ulimit', 'ulimit', 'nofile=1024:1024\nnproc=3', ['nofile=1024:1024', 'nproc=3']],
  ['build-push-action getArgs [25]: # in a build arg is data', 'build-args', 'FOO=bar#baz', ['FOO=bar#baz']],
  [
    'build-push-action getArgs [26]: secret-envs, newline separated',
    'secret-envs',
    'MY_SECRET=MY_SECRET_ENV\nANOTHER_SECRET=ANOTHER_SECRET_ENV',
    ['MY_SECRET=MY_SECRET_ENV', 'ANOTHER_SECRET=ANOTHER_SECRET_ENV'],
  ],
  [
    'build-push-action getArgs [27]: secret-envs, comma separated',
    'secret-envs',
    'MY_SECRET=MY_SECRET_ENV,ANOTHER_SECRET=ANOTHER_SECRET_ENV',
    ['MY_SECRET=MY_SECRET_ENV', 'ANOTHER_SECRET=ANOTHER_SECRET_ENV'],
  ],
  [
    'build-push-action getArgs: annotations with levels',
    'annotations',
    'example1=www\nindex:example2=xxx\nmanifest:example3=yyy\nmanifest-descriptor[linux/amd64]:example4=zzz',
    ['example1=www', 'index:example2=xxx', 'manifest:example3=yyy', 'manifest-descriptor[linux/amd64]:example4=zzz'],
  ],
  [
    'build-push-action getArgs: attests, one line one entry',
    'attests',
    'type=provenance,mode=min',
    ['type=provenance,mode=min'],
  ],
  [
    'build-push-action getArgs [30]: outputs with quoted names, kept for buildx',
    'outputs',
    'type=image,"name=localhost:5000/name/app:latest,localhost:5000/name/app:foo",push-by-digest=true',
    ['type=image,"name=localhost:5000/name/app:latest,localhost:5000/name/app:foo",push-by-digest=true'],
  ],
  [
    'build-push-action README: allow, comma separated',
    'allow',
    'network.host,security.insecure',
    ['network.host', 'security.insecure'],
  ],
  [
    'build-push-action context.ts: ssh is read without ignoreComma',
    'ssh',
    'default,github=/home/runner/.ssh/id_ed25519',
    ['default', 'github=/home/runner/.ssh/id_ed25519'],
  ],
];

describe('list inputs read as docker/build-push-action reads them', () => {
  test.each(CASES)('%s', (_source, input, value, expected, others = {}) => {
    const items = ITEMS[input];
    if (items === undefined) throw new Error(`no reader of "${input}" in this test`);
    expect(items(parse({ ...others, [input]: value }))).toEqual(expected);
  });

  test('the two lines of an unquoted multi-line secret are skipped with a warning each, which shows no value', () => {
    const inputs = parse({ secrets: 'MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc\nFOO=bar' });
    expect(inputs.warnings).toHaveLength(2);
    for (const warning of inputs.warnings) {
      expect(warning).toContain('"secrets" entry');
      expect(warning).not.toMatch(/aaaaaaaa|bbbbbbb|ccccccccc/);
    }
  });
});

// The runner of the toolkit's gitContext cases: docker/actions-toolkit on refs/heads/master at this commit.
const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';
const PR_HEAD_SHA = 'f11797113e5a9b86bd976329c5dbb8a8bfdfadfa';
const RUNNER: RunnerVariables = { GITHUB_REPOSITORY: 'docker/actions-toolkit', GITHUB_SHA: SHA };
const URL_BASE = 'https://github.com/docker/actions-toolkit.git';

describe('the Git context of the workflow commit, as actions-toolkit forms it for build-push-action', () => {
  // [case, runner variables over RUNNER, buildx version, subdir of {{defaultContext}}:subdir, expected context]
  test.each<[string, RunnerVariables, string, string, string]>([
    ['a branch ref: pinned to the commit', { GITHUB_REF: 'refs/heads/master' }, '0.29.1', '', `${URL_BASE}#${SHA}`],
    ['a bare branch name', { GITHUB_REF: 'master' }, '0.29.1', '', `${URL_BASE}#${SHA}`],
    ['a tag', { GITHUB_REF: 'refs/tags/v1.0.0' }, '0.29.1', '', `${URL_BASE}#${SHA}`],
    ['a pull request: its merge commit', { GITHUB_REF: 'refs/pull/15/merge' }, '0.29.1', '', `${URL_BASE}#${SHA}`],
    [
      'a pull request with DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: its head commit, from the event',
      { GITHUB_REF: 'refs/pull/15/merge', DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: 'true' },
      '0.29.1',
      '',
      `${URL_BASE}#${PR_HEAD_SHA}`,
    ],
    [
      'no GITHUB_SHA: the ref itself',
      { GITHUB_REF: 'refs/heads/master', GITHUB_SHA: '' },
      '0.29.1',
      '',
      `${URL_BASE}#refs/heads/master`,
    ],
    [
      'BUILDX_SEND_GIT_QUERY_AS_INPUT with buildx 0.29: the query form',
      { GITHUB_REF: 'refs/heads/master', BUILDX_SEND_GIT_QUERY_AS_INPUT: 'true' },
      '0.29.0',
      '',
      `${URL_BASE}?ref=${SHA}`,
    ],
    [
      'BUILDX_SEND_GIT_QUERY_AS_INPUT with buildx 0.28: the fragment form',
      { GITHUB_REF: 'refs/heads/master', BUILDX_SEND_GIT_QUERY_AS_INPUT: 'true' },
      '0.28.0',
      '',
      `${URL_BASE}#${SHA}`,
    ],
    [
      'the query form of a pull request head',
      {
        GITHUB_REF: 'refs/pull/15/merge',
        DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: 'true',
        BUILDX_SEND_GIT_QUERY_AS_INPUT: '1',
      },
      '0.29.1',
      '',
      `${URL_BASE}?ref=${PR_HEAD_SHA}`,
    ],
    [
      'a subdirectory, fragment form',
      { GITHUB_REF: 'refs/heads/master' },
      '0.13.1',
      'subdir',
      `${URL_BASE}#${SHA}:subdir`,
    ],
    [
      'a subdirectory, query form',
      { GITHUB_REF: 'refs/heads/master', BUILDX_SEND_GIT_QUERY_AS_INPUT: 'true' },
      '0.29.1',
      'subdir',
      `${URL_BASE}?ref=${SHA}&subdir=subdir`,
    ],
    ['subdirectory .: none', { GITHUB_REF: 'refs/heads/master' }, '0.13.1', '.', `${URL_BASE}#${SHA}`],
    [
      'a server of its own (GITHUB_SERVER_URL)',
      { GITHUB_REF: 'refs/heads/master', GITHUB_SERVER_URL: 'http://10.0.0.5:22827' },
      '0.13.1',
      '',
      `http://10.0.0.5:22827/docker/actions-toolkit.git#${SHA}`,
    ],
  ])('%s', (_name, variables, buildxVersion, subdir, expected) => {
    const source = gitContextSource({ ...RUNNER, ...variables }, () => PR_HEAD_SHA);
    expect(formatGitContext(source, buildxVersion, subdir)).toBe(expected);
  });

  test('a pull request head whose event has no head commit: the head ref', () => {
    const variables = { ...RUNNER, GITHUB_REF: 'refs/pull/15/merge', DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: 'true' };
    expect(
      formatGitContext(
        gitContextSource(variables, () => undefined),
        '0.13.1',
      ),
    ).toBe(`${URL_BASE}#refs/pull/15/head`);
  });

  test('{{defaultContext}} is expanded wherever it is written, with its subdirectory', () => {
    const source = gitContextSource({ ...RUNNER, GITHUB_REF: 'refs/heads/master' }, () => undefined);
    expect(expandDefaultContext('{{defaultContext}}:docker', source, '0.13.1')).toBe(`${URL_BASE}#${SHA}:docker`);
    expect(expandDefaultContext('{{ defaultContext }}', source, '0.13.1')).toBe(`${URL_BASE}#${SHA}`);
    expect(expandDefaultContext('base={{defaultContext}}:base', source, '0.13.1')).toBe(`base=${URL_BASE}#${SHA}:base`);
    expect(expandDefaultContext('./app', source, '0.13.1')).toBe('./app');
  });

  test('an empty context is the Git context, fetched with the github-token unless secrets has GIT_AUTH_TOKEN', () => {
    const runner = {
      variables: { ...RUNNER, GITHUB_SERVER_URL: 'http://10.0.0.5:22827' },
      pullRequestHeadSha: () => undefined,
    };
    const inputs = parse({ context: '', 'github-token': 'ghs_x' }, runner);
    expect(inputs.build.context).toBe('');
    expect(inputs.build.gitContext).toEqual({
      repositoryUrl: 'http://10.0.0.5:22827/docker/actions-toolkit.git',
      commit: SHA,
      queryForm: false,
      host: '10.0.0.5:22827',
    });
    expect(inputs.build.secrets).toEqual(['GIT_AUTH_TOKEN.10.0.0.5:22827=ghs_x']);
    const own = parse(
      { context: '{{defaultContext}}:app', 'github-token': 'ghs_x', secrets: 'GIT_AUTH_TOKEN=mine' },
      runner,
    );
    expect(own.build.secrets).toEqual(['GIT_AUTH_TOKEN=mine']);
    // A path context fetches nothing: the token stays out of the build.
    expect(parse({ context: '.', 'github-token': 'ghs_x' }, runner).build.secrets).toEqual([]);
  });
});

describe('inputs that need a newer buildx name themselves and the release', () => {
  test.each<[string, Partial<Record<InputName, string>>, string, string | undefined]>([
    // Regression: call reached buildx 0.13, which fails late with "unknown flag: --call".
    [
      'call on 0.13.1',
      { call: 'check' },
      '0.13.1',
      '"call" needs buildx 0.15.0 or later; this runner has buildx 0.13.1.',
    ],
    ['call on 0.15.0', { call: 'check' }, '0.15.0', undefined],
    ['attests on 0.9.1', { attests: 'type=sbom' }, '0.9.1', '"attests" needs buildx 0.10.0 or later'],
    ['no-cache-filters on 0.7.1', { 'no-cache-filters': 'build' }, '0.7.1', '"no-cache-filters" needs buildx 0.8.0'],
    // buildx 0.6 took --shm-size and --ulimit and ignored them.
    ['shm-size on 0.6.3', { 'shm-size': '2g' }, '0.6.3', '"shm-size" needs buildx 0.7.0'],
    ['ulimit on 0.6.3', { ulimit: 'nofile=1024:1024' }, '0.6.3', '"ulimit" needs buildx 0.7.0'],
    ['build-contexts on 0.7.1', { 'build-contexts': 'a=./a' }, '0.7.1', '"build-contexts" needs buildx 0.8.0'],
    [
      'every new flag older than the lab buildx on 0.13.1',
      {
        attests: 'type=sbom',
        'no-cache-filters': 'build',
        'shm-size': '2g',
        ulimit: 'nofile=1024:1024',
        'add-hosts': 'a:10.0.0.1',
        allow: 'network.host',
        'cgroup-parent': 'x',
        'secret-envs': 'A=B',
      },
      '0.13.1',
      undefined,
    ],
  ])('%s', (_name, values, buildxVersion, error) => {
    const unsupported = unsupportedInput(parse({ ...values, push: 'false' }), buildxVersion);
    if (error === undefined) expect(unsupported).toBeUndefined();
    else expect(unsupported).toContain(error);
  });
});

describe('runBuilds gives buildx what build-push-action gives it', () => {
  let tempDir: string;
  beforeEach(() => {
    tempDir = mkdtempSync(join(tmpdir(), 'compat-builds-'));
  });
  afterEach(() => {
    rmSync(tempDir, { recursive: true, force: true });
  });

  /** A docker CLI whose buildx reads each --secret file, and writes `metadata` unless it is undefined. */
  function fakeBuildx(metadata: object | undefined): { docker: DockerCli; secrets: Record<string, string> } {
    const secrets: Record<string, string> = {};
    const run: CommandRunner = async (_command, args) => {
      args.forEach((arg, index) => {
        if (args[index - 1] !== '--secret') return;
        const fields = Object.fromEntries(arg.split(',').map((field) => field.split('=', 2) as [string, string]));
        if (fields.src !== undefined && fields.id !== undefined) secrets[fields.id] = readFileSync(fields.src, 'utf8');
      });
      const file = args[args.indexOf('--metadata-file') + 1] ?? '';
      if (metadata !== undefined) writeFileSync(file, JSON.stringify(metadata));
      return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
    };
    return { docker: new DockerCli(run), secrets };
  }

  const BUILDER: BuilderFacts = {
    name: 'b',
    driver: 'docker-container',
    multiPlatform: true,
    nodes: 1,
    created: true,
    buildxVersion: '0.15.0',
    buildkitVersions: [],
  };
  const RUN = { runId: '1', runAttempt: '1', job: 'j', action: 'a', startedAt: 1_800_000_000, nonce: '5eed01' };

  // Regression: the value lost its trailing newline (the SSH key then no longer parsed in the build).
  test('a secret reaches buildx exactly as given, trailing newline included', async () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n';
    const inputs = parse({ push: 'false', secrets: `"SSH_KEY=${key}"` });
    const { docker, secrets } = fakeBuildx({});
    await runBuilds(makePlan(inputs, BUILDER, RUN), inputs.build, BUILDER, docker, tempDir);
    expect(secrets).toEqual({ SSH_KEY: key });
  });

  // buildx writes no metadata file for a call that only evaluates the build.
  test('call: check, which writes no metadata file, ends with empty metadata', async () => {
    const inputs = parse({ push: 'false', call: 'check' });
    const [completed] = await runBuilds(
      makePlan(inputs, BUILDER, RUN),
      inputs.build,
      BUILDER,
      fakeBuildx(undefined).docker,
      tempDir,
    );
    expect(completed?.metadata).toEqual({});
  });

  test('a build that wrote no metadata file fails', async () => {
    const inputs = parse({ push: 'false' });
    const builds = runBuilds(
      makePlan(inputs, BUILDER, RUN),
      inputs.build,
      BUILDER,
      fakeBuildx(undefined).docker,
      tempDir,
    );
    await expect(builds).rejects.toThrow('ENOENT');
  });
});

// Where this action does otherwise, as docs/migrate-from-build-push-action.md says.
describe('where this action differs from build-push-action', () => {
  const STEP = { runId: '1', runAttempt: '1', job: 'j', action: 'a', startedAt: 1_800_000_000, nonce: '5eed01' };
  const ENGINE: BuilderFacts = {
    name: 'default',
    driver: 'docker',
    multiPlatform: false,
    nodes: 1,
    created: false,
    buildxVersion: '0.15.0',
    buildkitVersions: ['v0.12.5-moby'],
  };
  const CONTAINER: BuilderFacts = { ...ENGINE, name: 'b', driver: 'docker-container', multiPlatform: true };

  /** The argv of the plan's one build. */
  function argv(inputs: Inputs, builder: BuilderFacts): string[] {
    const plan = makePlan(inputs, builder, STEP);
    const [build, ...more] = plan.builds;
    if (build === undefined || more.length > 0) throw new Error('expected one build');
    return buildxBuildArgs(build, plan, inputs.build, builder, { metadataFile: '/tmp/m.json', secretSpecs: [] });
  }

  // build-push-action on the engine's own builder leaves the image in the engine without being asked.
  test('push false on the docker driver: the engine gets the image only with load', () => {
    const built = argv(parse({ push: 'false' }), ENGINE);
    expect(built).toContain('type=cacheonly');
    expect(built).not.toContain('--load');
    const loaded = argv(parse({ push: 'false', load: 'true', tags: 'acme/app:test' }), ENGINE);
    expect(loaded).toContain('--load');
    expect(loaded).not.toContain('type=cacheonly');
  });

  test('with push, index-descriptor: annotations are dropped with a warning', () => {
    const inputs = parse({
      push: 'true',
      tags: 'ghcr.io/acme/app:latest',
      annotations: 'index-descriptor:a=b\nindex:c=d\ne=f',
    });
    const plan = makePlan(inputs, CONTAINER, STEP);
    expect(plan.buildAnnotations).toEqual(['e=f']);
    expect(plan.indexAnnotations).toEqual({ c: 'd' });
    expect(plan.warnings).toEqual([expect.stringContaining('ignored: index-descriptor:a=b')]);
  });

  test.each<[string, Partial<Record<InputName, string>>, string | undefined]>([
    ['builder named', { builder: 'mine' }, 'mine'],
    ["driver docker (the engine's own builder)", { driver: 'docker' }, undefined],
  ])('%s: no builder is created, so driver-opts and buildkitd settings are not used', (_name, values, name) => {
    const inputs = parse({
      ...values,
      'driver-opts': 'image=moby/buildkit:latest',
      'buildkitd-flags': '--debug',
      'buildkitd-config-inline': '[worker.oci]\n  gc = false',
    });
    const choice = chooseBuilder(inputs, STEP, undefined);
    expect(choice.create).toBe(false);
    expect(choice.name).toBe(name);
  });

  test.each<[InputName, string]>([
    ['buildkitd-flags', '--debug'],
    ['buildkitd-config-inline', '[worker.oci]\n  gc = false'],
  ])('buildkitd settings given: a builder is created, whatever is current (%s)', (input, value) => {
    const inputs = parse({ [input]: value });
    expect(followsCurrentBuilder(inputs)).toBe(false);
    expect(chooseBuilder(inputs, STEP, undefined).create).toBe(true);
  });
});
