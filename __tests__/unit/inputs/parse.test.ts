import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { Input } from '../../../src/constants.js';
import { InputError } from '../../../src/inputs/inputs.js';
import { parseList, type ListOptions } from '../../../src/inputs/list.js';
import type { RunRef } from '../../../src/inputs/build-cache.js';
import { parseInputs, secretPieces, type RunnerEnvironment } from '../../../src/inputs/parse.js';
import { defaultInputs } from '../support/fixtures.js';
import { parseRunners } from '../../../src/inputs/runners.js';

type InputName = `${Input}`;
type Overrides = Partial<Record<InputName, string>>;

const ACTION_YML = readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8');

/**
 * The defaults of action.yml, as the runner hands them over when a workflow sets nothing. Read by hand (every
 * default there is one line) so that these tests do not depend on the whole file being valid YAML; the test
 * "action.yml is valid YAML" below checks that separately and compares with the `yaml` package.
 */
function actionDefaults(text: string): Record<string, string> {
  const defaults: Record<string, string> = {};
  let inInputs = false;
  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      inInputs = line.startsWith('inputs:');
      current = undefined;
      continue;
    }
    if (!inInputs) continue;
    const name = /^ {2}([a-z][a-z0-9-]*):\s*$/.exec(line)?.[1];
    if (name !== undefined) {
      current = name;
      defaults[name] = '';
      continue;
    }
    const value = /^ {4}default:\s*(.*?)\s*$/.exec(line)?.[1];
    if (current !== undefined && value !== undefined) defaults[current] = unquote(value);
  }
  return defaults;
}

/** An input default as the runner passes it: a string, '' when there is none. */
function yamlDefault(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
    return value.slice(1, -1).replaceAll("''", "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return JSON.parse(value) as string;
  return value;
}

const DEFAULTS = actionDefaults(ACTION_YML);
const MINIMAL: Overrides = { platforms: 'linux/amd64,linux/arm64', context: '.' };

/** A reader like core.getInput: action.yml defaults, overridden per case. Unknown names fail the test. */
function reader(overrides: Overrides) {
  const values: Record<string, string> = { ...DEFAULTS, ...MINIMAL, ...overrides };
  return (name: Input): string => {
    if (!Object.hasOwn(values, name)) throw new Error(`action.yml has no input "${name}"`);
    return values[name] ?? '';
  };
}

function inputError(overrides: Overrides): InputError {
  try {
    parseInputs(reader(overrides));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`no InputError for ${JSON.stringify(overrides)}`);
}

const DIGEST = `sha256:${'a'.repeat(64)}`;
/** A step that pushes to ghcr.io/acme/app. */
const PUSHED: Overrides = { push: 'true', tags: 'ghcr.io/acme/app:latest' };

describe('action.yml defaults', () => {
  test('every Input has an entry in action.yml, and every action.yml input is an Input', () => {
    expect(Object.keys(DEFAULTS).sort()).toEqual([...Object.values(Input)].sort());
  });

  // Regression guard: at the scaffold commit (0b0f251) line 45 of action.yml was the plain scalar `description:
  // Driver of the builder created when builder is empty: docker-container or docker (the engine's own).`, whose
  // ": " YAML forbids ("Nested mappings are not allowed in compact mappings"), so the whole file failed to load.
  // Fixed (quoted) in 6328735; this keeps it loading.
  test('action.yml is valid YAML, with the same defaults as read by hand', () => {
    const document = parseDocument(ACTION_YML);
    expect(document.errors.map((error) => error.message.split('\n')[0])).toEqual([]);
    const parsed = document.toJS() as { inputs: Record<string, { default?: unknown } | null> };
    const defaults = Object.fromEntries(
      Object.entries(parsed.inputs).map(([name, spec]) => [name, yamlDefault(spec?.default)]),
    );
    expect(defaults).toEqual(DEFAULTS);
  });

  test.each<[InputName, string]>([
    ['mode', 'auto'],
    ['publish', 'post'],
    ['cleanup', 'true'],
    ['temp-tag-prefix', 'multiarch-tmp'],
    ['qemu', 'auto'],
    ['driver', ''],
    ['platforms', ''],
    ['context', ''],
    ['push', 'false'],
    ['load', 'false'],
    ['buildkitd-flags', ''],
    ['no-cache', 'false'],
    ['platforms', ''],
    ['github-token', '${{ github.token }}'],
    [
      'qemu-image',
      'tonistiigi/binfmt:qemu-v10.2.3-68@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0',
    ],
  ])('%s defaults to %j', (name, value) => {
    expect(DEFAULTS[name]).toBe(value);
  });
});

describe('parseList', () => {
  const SPLIT = {};
  const WHOLE_LINES = { ignoreComma: true };
  test.each<[string, string, ListOptions, string[]]>([
    ['empty', '', SPLIT, []],
    ['only whitespace', '  \n \t \n', SPLIT, []],
    ['comma list', 'linux/amd64,linux/arm64', SPLIT, ['linux/amd64', 'linux/arm64']],
    ['newline list', 'linux/amd64\nlinux/arm64', SPLIT, ['linux/amd64', 'linux/arm64']],
    ['CRLF newlines', 'a\r\nb\r\n', SPLIT, ['a', 'b']],
    ['mixed newlines and commas', 'a,b\nc\nd,e', SPLIT, ['a', 'b', 'c', 'd', 'e']],
    ['blank lines skipped', '\na\n\n\nb\n\n', SPLIT, ['a', 'b']],
    ['whitespace trimmed', '  a  ,  b  \n\t c \t', SPLIT, ['a', 'b', 'c']],
    ['trailing and doubled commas', 'a,,b,\nc,', SPLIT, ['a', 'b', 'c']],
    ['one quoted field alone is split (as build-push-action does)', '"a,b"', SPLIT, ['a', 'b']],
    ['ignoreComma keeps a line whole', 'type=registry,ref=x', WHOLE_LINES, ['type=registry,ref=x']],
    [
      'ignoreComma, one item per line',
      'type=registry,ref=ghcr.io/acme/cache\ntype=gha,mode=max',
      WHOLE_LINES,
      ['type=registry,ref=ghcr.io/acme/cache', 'type=gha,mode=max'],
    ],
    ['splitting the same line', 'type=registry,ref=x', SPLIT, ['type=registry', 'ref=x']],
    ['build arg with commas', 'LIST=a,b,c\nB=2', WHOLE_LINES, ['LIST=a,b,c', 'B=2']],
    ['build arg, blank lines and indentation', '\n  A=1  \n\n  B=two words \n', WHOLE_LINES, ['A=1', 'B=two words']],
    ['quotes inside a value are kept (relaxed quotes)', 'KEY=say "hi"', WHOLE_LINES, ['KEY=say "hi"']],
    ['quoted fields rejoined with commas when not splitting', '"A=x,y",B=z', WHOLE_LINES, ['A=x,y,B=z']],
    // Regression: driver-opts and outputs lost their quotes, so buildx split "env.no_proxy=a,b" at its comma.
    [
      'keepQuotes: quotes are part of the item',
      '"env.no_proxy=localhost,127.0.0.1"\nimage=moby/buildkit',
      { ignoreComma: true, keepQuotes: true },
      ['"env.no_proxy=localhost,127.0.0.1"', 'image=moby/buildkit'],
    ],
    // Regression: secrets lost the trailing newline of a key, which then no longer parses.
    [
      'trimWhitespace false: an item keeps its whitespace and newlines',
      '"KEY=-----BEGIN-----\nabc\n-----END-----\n"\n  B=1  \n',
      { ignoreComma: true, trimWhitespace: false },
      ['KEY=-----BEGIN-----\nabc\n-----END-----\n', '  B=1  '],
    ],
  ])('%s', (_name, value, options, expected) => {
    expect(parseList(value, options)).toEqual(expected);
  });

  // Regression (src/inputs/parse.ts parseList, fixed): docker/actions-toolkit's Util.getList (build-push-action's list semantics, which
  // parseList's doc claims) keeps the fields of a multi-field CSV record as they are, so a quoted field keeps its
  // commas: `"a,b",c` → ["a,b", "c"]. parseList splits every field on commas again (record.flatMap(field =>
  // field.split(','))) and returns ["a", "b", "c"]: quoting cannot protect a comma when splitCommas is true.
  test.each<[string, string[]]>([
    ['"a,b",c', ['a,b', 'c']],
    ['x\n"type=registry,ref=y",z', ['x', 'type=registry,ref=y', 'z']],
  ])('quoted CSV %j keeps the comma inside quotes → %j', (value, expected) => {
    expect(parseList(value)).toEqual(expected);
  });
});

describe('parseInputs: valid', () => {
  test('a minimal case gives typed Inputs with the action.yml defaults', () => {
    const inputs = parseInputs(
      reader({ platforms: 'linux/amd64,linux/arm64', tags: 'ghcr.io/acme/app:latest', push: 'true' }),
    );
    expect(inputs).toEqual(defaultInputs());
  });

  test('every input set, with list syntax, whitespace and case variations', () => {
    const inputs = parseInputs(
      reader({
        mode: ' fan-out ',
        platforms: 'linux/aarch64\n linux/x86_64 , linux/arm\n',
        tags: 'ghcr.io/acme/app:1.2.3\nacme/app\nlocalhost:5000/app:edge',
        push: 'TRUE',
        publish: 'main',
        cleanup: 'False',
        'temp-tag-prefix': 'tmp_1.x',
        qemu: 'false',
        'qemu-image': '',
        builder: ' mybuilder ',
        driver: 'docker',
        'driver-opts': 'image=moby/buildkit:latest\nnetwork=host',
        'buildkitd-flags': '--debug',
        'buildkitd-config-inline': '[worker.oci]\n  max-parallelism = 4\n',
        context: '',
        file: 'docker/Dockerfile',
        target: 'runtime',
        labels: 'org.opencontainers.image.title=App\norg.opencontainers.image.description=a, b and c',
        annotations: 'index:org.opencontainers.image.vendor=Acme\nmanifest:foo=bar',
        'build-args': 'A=1,2\nB=\nHTTP_PROXY',
        'build-contexts': 'base=docker-image://alpine:3.20\nsrc={{defaultContext}}:src',
        secrets: 'NPM_TOKEN=abc=def\n',
        'secret-files': 'npmrc=/home/runner/.npmrc',
        'secret-envs': 'TOKEN=MY_TOKEN,OTHER=OTHER_ENV',
        ssh: 'default,github=/home/runner/.ssh/id_ed25519',
        'cache-from': 'type=gha',
        'cache-to': 'type=gha,mode=max',
        provenance: 'mode=max',
        sbom: 'true',
        attests: 'type=sbom,generator=image',
        'no-cache': 'true',
        'no-cache-filters': 'build,test',
        pull: 'true',
        network: 'host',
        'add-hosts': 'docker:10.180.0.1,foo:10.0.0.1',
        allow: 'network.host,security.insecure',
        'shm-size': '2g',
        ulimit: 'nofile=1024:1024\nnproc=3',
        'cgroup-parent': 'builds',
        outputs: 'type=image,compression=zstd,oci-mediatypes=true',
        'github-token': 'ghs_token',
      }),
      {
        variables: {
          GITHUB_REPOSITORY: 'acme/app',
          GITHUB_SHA: 'c0ffee',
          GITHUB_REF: 'refs/heads/main',
          GITHUB_RUN_ID: '42',
          GITHUB_RUN_ATTEMPT: '3',
          BUILDX_NO_DEFAULT_ATTESTATIONS: '1',
        },
        pullRequestHeadSha: () => undefined,
        repositoryPrivate: () => true,
      },
    );
    expect(inputs.mode).toBe('fan-out');
    expect(inputs.platforms).toEqual([
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    expect(inputs.tags).toEqual([
      { registry: 'ghcr.io', repository: 'acme/app', tag: '1.2.3' },
      { registry: 'docker.io', repository: 'acme/app', tag: 'latest' },
      { registry: 'localhost:5000', repository: 'app', tag: 'edge' },
    ]);
    expect(inputs).toMatchObject({
      push: true,
      publish: 'main',
      cleanup: false,
      tempTagPrefix: 'tmp_1.x',
      runners: parseRunners([]),
      handoffDir: '',
      qemu: 'false',
      qemuImage: '',
      builder: 'mybuilder',
      driver: 'docker',
      driverOpts: ['image=moby/buildkit:latest', 'network=host'],
      buildkitdFlags: '--debug',
      buildkitdConfigInline: '[worker.oci]\n  max-parallelism = 4',
      githubToken: 'ghs_token',
      warnings: [],
    });
    expect(inputs.build).toEqual({
      context: '',
      gitContext: {
        repositoryUrl: 'https://github.com/acme/app.git',
        commit: 'c0ffee',
        queryForm: false,
        host: 'github.com',
      },
      file: 'docker/Dockerfile',
      target: 'runtime',
      labels: ['org.opencontainers.image.title=App', 'org.opencontainers.image.description=a, b and c'],
      annotations: ['index:org.opencontainers.image.vendor=Acme', 'manifest:foo=bar'],
      buildArgs: ['A=1,2', 'B=', 'HTTP_PROXY'],
      buildContexts: ['base=docker-image://alpine:3.20', 'src={{defaultContext}}:src'],
      // The value as given (no trailing newline in this one), then the token BuildKit fetches the Git context with.
      secrets: ['NPM_TOKEN=abc=def', 'GIT_AUTH_TOKEN.github.com=ghs_token'],
      secretFiles: ['npmrc=/home/runner/.npmrc'],
      secretEnvs: ['TOKEN=MY_TOKEN', 'OTHER=OTHER_ENV'],
      ssh: ['default', 'github=/home/runner/.ssh/id_ed25519'],
      cacheFrom: ['type=gha'],
      cacheTo: ['type=gha,mode=max'],
      provenance: 'mode=max',
      sbom: 'true',
      attests: ['type=sbom,generator=image'],
      builderId: 'https://github.com/acme/app/actions/runs/42/attempts/3',
      privateRepository: true,
      noDefaultAttestations: true,
      noCache: true,
      noCacheFilters: ['build', 'test'],
      pull: true,
      network: 'host',
      addHosts: ['docker:10.180.0.1', 'foo:10.0.0.1'],
      allow: ['network.host', 'security.insecure'],
      shmSize: '2g',
      ulimits: ['nofile=1024:1024', 'nproc=3'],
      cgroupParent: 'builds',
      outputs: ['type=image,compression=zstd,oci-mediatypes=true'],
      load: false,
      call: '',
    });
  });

  test.each<[string, RunnerEnvironment, RunRef]>([
    [
      'a pull request, with the default branch from the event',
      {
        variables: { GITHUB_REF: 'refs/pull/7/merge' },
        pullRequestHeadSha: () => undefined,
        defaultBranch: () => 'main',
      },
      { ref: 'refs/pull/7/merge', defaultBranch: 'main' },
    ],
    [
      'an empty GITHUB_REF and no event: neither known',
      { variables: { GITHUB_REF: '' }, pullRequestHeadSha: () => undefined, defaultBranch: () => undefined },
      {},
    ],
    ['outside a runner', { variables: {}, pullRequestHeadSha: () => undefined }, {}],
  ])("the run's ref for the registry cache: %s", (_name, runner, runRef) => {
    expect(parseInputs(reader({ cache: 'registry', tags: 'ghcr.io/acme/app:latest' }), runner).runRef).toEqual(runRef);
  });

  test.each<[string, Overrides]>([
    ['push false without tags', { push: 'false', tags: '' }],
    ['a single platform', { platforms: 'linux/arm64' }],
    ['temp-tag-prefix of 48 characters', { 'temp-tag-prefix': 'a'.repeat(48) }],
    ['qemu false with no qemu-image', { qemu: 'false', 'qemu-image': '' }],
    ['mode multi', { mode: 'multi' }],
    ['stale-tag-hours 0 (off)', { 'stale-tag-hours': '0' }],
    ['stale-tag-hours 1', { 'stale-tag-hours': '1' }],
    ['stale-tag-hours 1.5', { 'stale-tag-hours': '1.5' }],
    ['stale-tag-hours 168', { 'stale-tag-hours': '168' }],
    ['a build arg taken from the environment', { 'build-args': 'HTTP_PROXY\nNO_PROXY' }],
    ['a local export without push', { push: 'false', outputs: 'type=local,dest=out\ntype=tar,dest=out.tar' }],
    ['a bare path as output without push', { push: 'false', outputs: './out' }],
    ['load without push', { push: 'false', load: 'true', tags: 'ghcr.io/acme/app:test' }],
    ['call check without push', { push: 'false', call: 'check' }],
    ['call build with push', { ...PUSHED, call: 'build' }],
    [
      "the recipe's outputs with push (the action pushes by digest anyway)",
      { ...PUSHED, outputs: 'type=image,push-by-digest=true,name-canonical=true,push=true' },
    ],
    [
      'exporter options with push',
      { ...PUSHED, outputs: 'type=image,compression=zstd,oci-mediatypes=true,rewrite-timestamp=true' },
    ],
    [
      'outputs naming the repository of tags',
      { ...PUSHED, outputs: 'type=registry,"name=ghcr.io/acme/app",compression=zstd' },
    ],
    ['ghcr.io without an owner, built only', { push: 'false', tags: 'ghcr.io/app:test' }],
    ['an empty context in merge mode (it builds nothing)', { ...PUSHED, mode: 'merge', context: '' }],
    ['an empty context in plan mode', { mode: 'plan', context: '' }],
    ['shm-size 2g', { 'shm-size': '2g' }],
    ['shm-size 512MiB', { 'shm-size': '512MiB' }],
  ])('%s is accepted', (_name, overrides) => {
    expect(() => parseInputs(reader(overrides))).not.toThrow();
  });
});

describe('parseInputs: invalid', () => {
  test.each<[string, Overrides, string[]]>([
    ['unknown mode', { mode: 'fast' }, ['"mode" is "fast"', 'expected one of: auto, multi, fan-out']],
    ['mode shard without tags', { mode: 'shard', tags: '', push: 'true' }, ['"tags" is empty but "push" is true']],
    [
      'mode shard without push',
      { mode: 'shard', tags: 'ghcr.io/acme/app:latest', push: 'false' },
      ['"push" is false but "mode" is shard', 'expected true'],
    ],
    ['mode merge without tags', { mode: 'merge', tags: '', push: 'true' }, ['"tags" is empty', '"push" is true']],
    [
      'unknown architecture',
      { platforms: 'linux/amd64,linux/sparc' },
      ['"platforms"', '"linux/sparc" has an unknown architecture "sparc"', 'expected one of amd64'],
    ],
    ['unknown os', { platforms: 'plan9/amd64' }, ['"platforms"', 'unknown os "plan9"', '(expected linux)']],
    [
      'a Windows platform',
      { platforms: 'linux/amd64,windows/amd64' },
      ['"platforms"', '"windows/amd64" is not a Linux platform', 'expected linux/<arch>', 'a Windows builder'],
    ],
    ['a macOS platform', { platforms: 'darwin/arm64' }, ['"platforms"', '"darwin/arm64" is not a Linux platform']],
    [
      'an arm64 variant buildx does not know',
      { platforms: 'linux/arm64/v8.2' },
      ['"platforms"', 'unknown variant "v8.2" for arm64', 'expected none or one of v8'],
    ],
    ['a variant of ..', { platforms: 'linux/arm/..' }, ['"platforms"', 'unknown variant ".." for arm', 'v5, v6, v7']],
    [
      'not a platform',
      { platforms: 'amd64' },
      ['"platforms"', '"amd64" is not a platform', 'expected os/arch[/variant], e.g. linux/arm64'],
    ],
    [
      'duplicate platform',
      { platforms: 'linux/amd64,linux/arm64,linux/amd64' },
      ['"platforms" lists linux/amd64 twice'],
    ],
    ['duplicate by alias', { platforms: 'linux/arm64\nlinux/aarch64' }, ['"platforms" lists linux/arm64 twice']],
    ['duplicate arm and arm/v7', { platforms: 'linux/arm,linux/arm/v7' }, ['"platforms" lists linux/arm/v7 twice']],
    [
      'empty platforms in merge mode',
      { platforms: '', mode: 'merge', tags: 'a/b:c', push: 'true' },
      ['"platforms" is empty', 'expected a list such as linux/amd64,linux/arm64'],
    ],
    ['empty platforms in plan mode', { platforms: ' ,\n , ', mode: 'plan' }, ['"platforms" is empty']],
    [
      'uppercase repository',
      { tags: 'ghcr.io/Acme/app:latest' },
      ['"tags"', '"ghcr.io/Acme/app:latest" is not a valid image reference', 'expected [registry/]name[:tag][@digest]'],
    ],
    [
      'malformed tag',
      { tags: 'ghcr.io/acme/app:-bad' },
      ['"tags"', '"-bad" is not a valid tag', 'expected [registry/]name[:tag][@digest]'],
    ],
    // Only the tag's own problem: given-but-invalid tags are not also "empty".
    ['malformed tag with push', { tags: 'ghcr.io/acme/app:-bad', push: 'true' }, ['"-bad" is not a valid tag']],
    ['empty name', { tags: ':latest' }, ['"tags"', 'the name is empty']],
    [
      'tag with digest',
      { tags: `ghcr.io/acme/app:1@${DIGEST}` },
      ['"tags" has "ghcr.io/acme/app:1@sha256:', 'with a digest', 'expected name:tag'],
    ],
    ['tag with a bad digest', { tags: 'ghcr.io/acme/app@sha256:abc' }, ['"tags"', '"sha256:abc" is not a digest']],
    [
      'push true without tags',
      { push: 'true', tags: '' },
      ['"tags" is empty but "push" is true', 'expected at least one image reference'],
    ],
    ['push yes', { push: 'yes' }, ['"push" is "yes"', 'expected true or false']],
    ['cleanup 1', { cleanup: '1' }, ['"cleanup" is "1"', 'expected true or false']],
    ['no-cache on', { 'no-cache': 'on' }, ['"no-cache" is "on"', 'expected true or false']],
    ['pull empty', { pull: '' }, ['"pull" is ""', 'expected true or false']],
    ['bad publish', { publish: 'always' }, ['"publish" is "always"', 'expected one of: post, main, false']],
    ['bad qemu', { qemu: 'yes' }, ['"qemu" is "yes"', 'expected one of: auto, true, false']],
    [
      'bad driver',
      { driver: 'kubernetes' },
      ['"driver" is "kubernetes"', 'expected docker-container or docker, or empty'],
    ],
    [
      'temp-tag-prefix starting with -',
      { 'temp-tag-prefix': '-tmp' },
      ['"temp-tag-prefix" is "-tmp"', 'expected 1 to 48 of A-Z a-z 0-9 _ . -, not starting with . or -'],
    ],
    [
      'temp-tag-prefix with a slash',
      { 'temp-tag-prefix': 'tmp/x' },
      ['"temp-tag-prefix" is "tmp/x"', 'expected 1 to 48'],
    ],
    ['temp-tag-prefix empty', { 'temp-tag-prefix': '' }, ['"temp-tag-prefix" is ""', 'expected 1 to 48']],
    [
      'temp-tag-prefix of 49',
      { 'temp-tag-prefix': 'a'.repeat(49) },
      ['"temp-tag-prefix" is "aaaa', 'expected 1 to 48'],
    ],
    ['qemu-image empty', { 'qemu-image': '' }, ['"qemu-image" is empty', 'expected an image reference']],
    [
      'build-arg with empty key',
      { 'build-args': '=value' },
      ['"build-args" has "=value"', 'expected KEY=value, or KEY alone'],
    ],
    ['build-arg name with a space', { 'build-args': 'MY ARG' }, ['"build-args" has "MY ARG"', 'expected KEY=value']],
    ['label without =', { labels: 'maintainer' }, ['"labels" has "maintainer"', 'expected key=value']],
    [
      'annotation without =',
      { annotations: 'index:vendor' },
      ['"annotations" has "index:vendor"', 'expected key=value'],
    ],
    [
      'build-context without =',
      { 'build-contexts': 'alpine' },
      ['"build-contexts" has "alpine"', 'expected key=value'],
    ],
    [
      'secret id with a space',
      { secrets: 'A=1\nMY TOKEN=x' },
      ['"secrets" entry 2 has a space in its id', 'expected id=value'],
    ],
    ['secret-file without =', { 'secret-files': 'npmrc' }, ['"secret-files" has "npmrc"', 'expected key=value']],
    ['secret-env without =', { 'secret-envs': 'TOKEN' }, ['"secret-envs" has "TOKEN"', 'expected id=ENV_VAR']],
    [
      'secret-env without a variable',
      { 'secret-envs': 'TOKEN=' },
      ['"secret-envs" has "TOKEN="', 'expected id=ENV_VAR'],
    ],
    // Values that reach argv where a leading - is a flag (the context is buildx's last argument, qemu-image an
    // argument of docker run, builder of buildx inspect and rm).
    [
      'a context that is a flag',
      { context: '--output=type=local,dest=/tmp/x' },
      ['"context" is "--output=type=local,dest=/tmp/x", which would be read as a flag', 'expected a path or a URL'],
    ],
    ['a network that is a flag', { network: '--privileged' }, ['"network" is "--privileged"', 'not starting with -']],
    ['a target that is a flag', { target: '-t' }, ['"target" is "-t"', 'the name of a build stage']],
    ['a builder that is a flag', { builder: '--all-inactive' }, ['"builder" is "--all-inactive"', 'builder']],
    [
      'a qemu-image that is a flag',
      { 'qemu-image': '-v/:/host' },
      ['"qemu-image" is "-v/:/host", which would be read as a flag', 'expected an image reference'],
    ],
    // Regression: 0.001, 1e-9 and 0x10 were taken as hours, so any temporary tag was "stale" at once.
    ...['0.001', '0.5', '1e-9', '0x10', '1e3', '-1', ' ', 'a day', '24h', '.5'].map(
      (hours): [string, Overrides, string[]] => [
        `stale-tag-hours ${hours}`,
        { 'stale-tag-hours': hours },
        [`"stale-tag-hours" is "${hours.trim()}"`, 'expected a decimal number of hours, 1 or more, or 0'],
      ],
    ),
    [
      'ghcr.io without an owner, pushed',
      { push: 'true', tags: 'ghcr.io/app:latest' },
      ['"tags" has ghcr.io/app, which has no owner', 'expected ghcr.io/OWNER/NAME'],
    ],
    [
      'cleanup-tags on ghcr.io without an owner',
      { 'cleanup-tags': 'ghcr.io/app:old' },
      ['"cleanup-tags" has ghcr.io/app, which has no owner'],
    ],
    [
      'cleanup-tags naming a final tag by another spelling',
      { tags: 'app:latest', 'cleanup-tags': 'registry-1.docker.io/library/app:latest' },
      ['"cleanup-tags" has "registry-1.docker.io/library/app:latest", which is also in "tags"'],
    ],
    [
      'cleanup-tags naming a final tag with the HTTPS port',
      { tags: 'registry.example.com/acme/app:1', 'cleanup-tags': 'REGISTRY.example.com:443/acme/app:1' },
      ['which is also in "tags"'],
    ],
    [
      'a local export with push',
      { ...PUSHED, outputs: 'type=local,dest=out' },
      ['"outputs" has type=local, but "push" is true', 'for a local export, set push: false'],
    ],
    [
      'two outputs with push',
      { ...PUSHED, outputs: 'type=image,compression=zstd\ntype=image,oci-mediatypes=true' },
      ['"outputs" has 2 entries, but "push" is true'],
    ],
    ['outputs turning the push off', { ...PUSHED, outputs: 'type=image,push=false' }, ['"outputs" has push=false']],
    [
      'outputs naming another image',
      { ...PUSHED, outputs: 'type=image,name=docker.io/acme/other' },
      ['"outputs" has name=docker.io/acme/other, which is not a repository of "tags"'],
    ],
    [
      'outputs with index annotations',
      { ...PUSHED, outputs: 'type=image,annotation-index.org.opencontainers.image.vendor=Acme' },
      ['"outputs" has annotation-index.org.opencontainers.image.vendor', 'annotations: index:'],
    ],
    [
      // The recipe's build step without push: true pushes through outputs; here the action must push.
      'outputs that push without push',
      { push: 'false', outputs: 'type=image,push-by-digest=true,name-canonical=true,push=true' },
      ['"outputs" has a type=image entry that pushes, but "push" is false', 'expected push: true'],
    ],
    ['type=registry without push', { push: 'false', outputs: 'type=registry' }, ['"outputs" has a type=registry']],
    [
      'outputs that are not CSV',
      { push: 'false', outputs: 'type=local,"dest=out' },
      ['"outputs" entry 1 is not one CSV'],
    ],
    ['outputs without a type', { push: 'false', outputs: 'dest=out,x=y' }, ['"outputs" entry 1 has no type=']],
    ['load with push', { ...PUSHED, load: 'true' }, ['"load" is true but "push" is true', 'with push: false']],
    [
      'call check with push',
      { ...PUSHED, call: 'check' },
      ['"call" is "check", which evaluates the build', 'push: false'],
    ],
    ['shm-size not a size', { 'shm-size': 'big' }, ['"shm-size" is "big"', 'expected a size such as 2g']],
    ['ulimit without limits', { ulimit: 'nofile' }, ['"ulimit" has "nofile"', 'expected name=soft[:hard]']],
    ['add-hosts without an address', { 'add-hosts': 'docker' }, ['"add-hosts" has "docker"', 'expected host:ip']],
    ['attests without a type', { attests: 'mode=max' }, ['"attests" has "mode=max"', 'expected type=']],
    [
      // The unit tests' runner says nothing about the repository, as a runner that is not GitHub's may not.
      'an empty context where the runner does not name the repository',
      { context: '' },
      ['"context" is empty, the Git context', 'GITHUB_REPOSITORY is ""', 'set "context" to a path or URL'],
    ],
    [
      'a build context using {{defaultContext}} where the runner does not name the repository',
      { 'build-contexts': 'src={{defaultContext}}:src' },
      ['"build-contexts" uses {{defaultContext}}'],
    ],
  ])('%s', (_name, overrides, messageParts) => {
    const error = inputError(overrides);
    expect(error.name).toBe('InputError');
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/^Invalid input: "/);
    for (const part of messageParts) expect(error.message).toContain(part);
  });

  test('several problems are all reported at once', () => {
    const error = inputError({
      mode: 'fast',
      platforms: 'linux/amd64,linux/amd64,linux/sparc',
      push: 'maybe',
      publish: 'never',
      'build-args': '=X',
      'temp-tag-prefix': '.x',
      tags: 'ghcr.io/acme/app@' + DIGEST,
    });
    expect(error.problems).toHaveLength(8);
    expect(error.message.startsWith('Invalid inputs:\n')).toBe(true);
    expect(error.message.split('\n').slice(1)).toEqual(error.problems.map((problem) => `  - ${problem}`));
    for (const part of [
      '"mode" is "fast"',
      '"platforms" lists linux/amd64 twice',
      'unknown architecture "sparc"',
      '"push" is "maybe"',
      '"publish" is "never"',
      '"build-args" has "=X"',
      '"temp-tag-prefix" is ".x"',
      '"tags" has "ghcr.io/acme/app@sha256:',
    ]) {
      expect(error.problems.some((problem) => problem.includes(part))).toBe(true);
      expect(error.message).toContain(part);
    }
  });
});

describe('parseInputs: secrets never appear in errors or warnings', () => {
  const SECRET = 'Zq9-S3CR3T-value-4f1c';

  /** Everything parseInputs says about the inputs: the error (message and fields), or the warnings. */
  function said(overrides: Overrides): string {
    try {
      return parseInputs(reader(overrides)).warnings.join('\n');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return `${error.message}\n${JSON.stringify(error)}`;
    }
  }

  test.each<[string, Overrides]>([
    ['a secret line without =', { secrets: SECRET }],
    ['a secret with a space before =', { secrets: `TOKEN =${SECRET}` }],
    ['a secret with an empty id', { secrets: `=${SECRET}` }],
    ['a valid secret next to an invalid one', { secrets: `TOKEN=${SECRET}\n${SECRET}` }],
    ['a valid secret with other problems', { secrets: `TOKEN=${SECRET}`, mode: 'bad', push: 'nope' }],
    ['a continuation line of a multi-line secret', { secrets: `KEY=-----BEGIN-----\n${SECRET}\n-----END-----` }],
  ])('%s', (_name, overrides) => {
    const message = said(overrides);
    expect(message).not.toBe('');
    expect(message).not.toContain(SECRET);
  });

  // Regression: an unquoted multi-line secret failed the step; build-push-action warns and builds with the rest.
  test('the lines of an unquoted multi-line secret: skipped with a warning each naming its position', () => {
    const inputs = parseInputs(reader({ secrets: `KEY=-----BEGIN-----\n${SECRET}\n-----END-----\nB=2` }));
    expect(inputs.build.secrets).toEqual(['KEY=-----BEGIN-----', 'B=2']);
    expect(inputs.warnings).toEqual([
      expect.stringContaining('"secrets" entry 2 is not id=value and is skipped'),
      expect.stringContaining('"secrets" entry 3 is not id=value and is skipped'),
    ]);
  });

  // Regression: values were trimmed, so an SSH key lost the newline after its END line and no longer parsed.
  test('a quoted secret keeps its trailing newlines and spaces', () => {
    const key = `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`;
    const inputs = parseInputs(reader({ secrets: `"SSH_KEY=${key}"\nPADDED=  x  \n` }));
    expect(inputs.build.secrets).toEqual([`SSH_KEY=${key}`, 'PADDED=  x  ']);
    expect(inputs.warnings).toEqual([]);
  });

  test('an empty value is skipped with a warning naming the id', () => {
    const inputs = parseInputs(reader({ secrets: 'EMPTY=\nB=2' }));
    expect(inputs.build.secrets).toEqual(['B=2']);
    expect(inputs.warnings).toEqual(['"secrets" entry 1 has an empty value and is skipped']);
  });

  // A line of an unquoted value that holds `=` becomes a secret whose id, a piece of the value, is in buildx's
  // command line: where any entry is not id=value, every entry and every id is masked.
  test.each<[string, string, string[]]>([
    ['well-formed entries: only their values, masked as written to files', 'A=1\n"B=x\ny"', []],
    ['an unclosed quote: an input error, which shows nothing', `"KEY=${SECRET}`, []],
    [
      'an unquoted multi-line value',
      `KEY=-----BEGIN-----\n${SECRET}\npiece+of/the=value\n-----END-----\nB=2`,
      ['KEY=-----BEGIN-----', SECRET, 'piece+of/the=value', '-----END-----', 'B=2', 'KEY', 'piece+of/the', 'B'],
    ],
  ])('secretPieces: %s', (_name, text, pieces) => {
    expect(secretPieces(text)).toEqual(pieces);
  });

  test('a secret value is not leaked by a CSV error either', () => {
    let caught: unknown;
    try {
      parseInputs(reader({ secrets: `"${SECRET}` }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).not.toContain(SECRET);
  });

  // Regression (src/inputs/parse.ts parseInputs/parseList, fixed): a list input with an unclosed quote makes csv-parse throw its own
  // CsvError ("Quote Not Closed: the parsing is finished with an opening quote at line 1"), which escapes
  // parseInputs as is: it is not an InputError, does not name the input, and stops the collection of the other
  // problems (the module's contract: "collects every problem at once, each naming the input").
  test.each<[InputName, string]>([
    ['tags', '"ghcr.io/acme/app:latest'],
    ['secrets', `"${SECRET}`],
  ])('an unclosed quote in "%s" is an InputError naming the input', (name, value) => {
    expect(() => parseInputs(reader({ [name]: value }))).toThrow(InputError);
    expect(() => parseInputs(reader({ [name]: value }))).toThrow(`"${name}"`);
  });
});

describe('sign, attest and sigstore', () => {
  /** What a job granted `id-token: write` has: the runner's token request URL and token. */
  const WITH_TOKEN: RunnerEnvironment = {
    variables: {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/?api-version=2.0',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x',
    },
    pullRequestHeadSha: () => undefined,
  };

  test('by default: sign auto, no attestation, the Sigstore instance @actions/attest would choose', () => {
    expect(parseInputs(reader(PUSHED)).signing).toEqual({
      sign: 'auto',
      attest: false,
      sigstore: { kind: 'auto' },
      oidcTokenAvailable: false,
      publicRepository: false,
    });
  });

  test("a job with id-token: write has a token; a public repository's payload makes it public", () => {
    const signing = parseInputs(reader(PUSHED), { ...WITH_TOKEN, repositoryPublic: () => true }).signing;
    expect({ token: signing.oidcTokenAvailable, public: signing.publicRepository }).toEqual({
      token: true,
      public: true,
    });
  });

  test('a private deployment: its URLs, without trailing slashes', () => {
    const sigstore =
      'fulcio=https://fulcio.corp/, rekor=https://rekor.corp,tsa=http://localhost:8080/ts,oidc-issuer=https://issuer.corp';
    expect(parseInputs(reader({ ...PUSHED, sigstore })).signing.sigstore).toEqual({
      kind: 'custom',
      endpoints: {
        name: 'https://fulcio.corp',
        fulcioURL: 'https://fulcio.corp',
        rekorURL: 'https://rekor.corp',
        tsaServerURL: 'http://localhost:8080/ts',
        oidcIssuer: 'https://issuer.corp',
      },
    });
  });

  test.each<[string, Overrides, RunnerEnvironment | undefined, RegExp]>([
    [
      'sign true without push',
      { sign: 'true' },
      WITH_TOKEN,
      /"sign" is true but "push" is false \(expected push: true/,
    ],
    [
      'sign true with publish false',
      { ...PUSHED, sign: 'true', publish: 'false' },
      WITH_TOKEN,
      /"sign" is true but "publish" is false \(expected publish: post or main/,
    ],
    [
      'sign true without a token',
      { ...PUSHED, sign: 'true' },
      undefined,
      /"sign" is true but the job has no OIDC token \(expected the workflow to grant the job "permissions: id-token: write"/,
    ],
    [
      'attest true without a token',
      { ...PUSHED, attest: 'true' },
      undefined,
      /"attest" is true but the job has no OIDC token/,
    ],
    ['sign yes', { ...PUSHED, sign: 'yes' }, WITH_TOKEN, /"sign" is "yes" \(expected one of: auto, true, false\)/],
    ['attest auto', { ...PUSHED, attest: 'auto' }, WITH_TOKEN, /"attest" is "auto" \(expected true or false\)/],
    [
      'an unknown instance',
      { ...PUSHED, sigstore: 'staging' },
      WITH_TOKEN,
      /"sigstore" has "staging" \(expected auto, public-good, github, or fulcio=URL,rekor=URL,tsa=URL/,
    ],
    [
      'a key twice',
      { ...PUSHED, sigstore: 'fulcio=https://a,fulcio=https://b,rekor=https://r' },
      WITH_TOKEN,
      /"sigstore" has "fulcio=https:\/\/b" \(expected/,
    ],
    [
      'no witness',
      { ...PUSHED, sigstore: 'fulcio=https://fulcio.corp' },
      WITH_TOKEN,
      /a private deployment needs fulcio and at least one of rekor and tsa/,
    ],
    ['no fulcio', { ...PUSHED, sigstore: 'rekor=https://rekor.corp' }, WITH_TOKEN, /a private deployment needs fulcio/],
    [
      'plain HTTP to another machine: the token would travel in clear',
      { ...PUSHED, sigstore: 'fulcio=http://10.0.0.5,rekor=https://rekor.corp' },
      WITH_TOKEN,
      /"sigstore" has fulcio=http:\/\/10\.0\.0\.5, which is not https \(expected https:\/\/HOST\[\/PATH\]: the job's token is sent there; http only to localhost\)/,
    ],
    ['not a URL', { ...PUSHED, sigstore: 'fulcio=fulcio.corp,rekor=https://r' }, WITH_TOKEN, /which is not a URL/],
  ])('%s: refused, naming the input and the form', (_, overrides, runner, expected) => {
    let problem: string | undefined;
    try {
      parseInputs(reader(overrides), runner);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problem = error.problems.find((text) => expected.test(text));
    }
    expect(problem).toMatch(expected);
  });

  test('a shard with sign: true needs the token the merge signs with, not publish', () => {
    const shard = { ...PUSHED, mode: 'shard', sign: 'true', attest: 'true', publish: 'false' };
    expect(parseInputs(reader(shard), WITH_TOKEN).signing.sign).toBe('true');
    expect(inputError(shard).problems).toEqual([
      expect.stringMatching(/^"sign" is true but the job has no OIDC token/),
      expect.stringMatching(/^"attest" is true but the job has no OIDC token/),
    ]);
  });
});
