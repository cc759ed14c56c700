import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { Input } from '../../src/constants.js';
import { InputError, parseInputs, parseList } from '../../src/inputs.js';
import { defaultInputs } from './fixtures.js';
import { parseRunners } from '../../src/plan/runners.js';

type InputName = `${Input}`;
type Overrides = Partial<Record<InputName, string>>;

const ACTION_YML = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');

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
const MINIMAL: Overrides = { platforms: 'linux/amd64,linux/arm64' };

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
    ['driver', 'docker-container'],
    ['context', '.'],
    ['push', 'false'],
    ['no-cache', 'false'],
    ['platforms', ''],
    ['github-token', '${{ github.token }}'],
    ['qemu-image', 'tonistiigi/binfmt:qemu-v10.2.3-68'],
  ])('%s defaults to %j', (name, value) => {
    expect(DEFAULTS[name]).toBe(value);
  });
});

describe('parseList', () => {
  test.each<[string, string, boolean, string[]]>([
    ['empty', '', true, []],
    ['only whitespace', '  \n \t \n', true, []],
    ['comma list', 'linux/amd64,linux/arm64', true, ['linux/amd64', 'linux/arm64']],
    ['newline list', 'linux/amd64\nlinux/arm64', true, ['linux/amd64', 'linux/arm64']],
    ['CRLF newlines', 'a\r\nb\r\n', true, ['a', 'b']],
    ['mixed newlines and commas', 'a,b\nc\nd,e', true, ['a', 'b', 'c', 'd', 'e']],
    ['blank lines skipped', '\na\n\n\nb\n\n', true, ['a', 'b']],
    ['whitespace trimmed', '  a  ,  b  \n\t c \t', true, ['a', 'b', 'c']],
    ['trailing and doubled commas', 'a,,b,\nc,', true, ['a', 'b', 'c']],
    ['one quoted field alone is split (as build-push-action does)', '"a,b"', true, ['a', 'b']],
    ['splitCommas=false keeps a line whole', 'type=registry,ref=x', false, ['type=registry,ref=x']],
    [
      'splitCommas=false, one item per line',
      'type=registry,ref=ghcr.io/acme/cache\ntype=gha,mode=max',
      false,
      ['type=registry,ref=ghcr.io/acme/cache', 'type=gha,mode=max'],
    ],
    ['splitCommas=true splits the same line', 'type=registry,ref=x', true, ['type=registry', 'ref=x']],
    ['build arg with commas', 'LIST=a,b,c\nB=2', false, ['LIST=a,b,c', 'B=2']],
    ['build arg, blank lines and indentation', '\n  A=1  \n\n  B=two words \n', false, ['A=1', 'B=two words']],
    ['quotes inside a value are kept (relaxed quotes)', 'KEY=say "hi"', false, ['KEY=say "hi"']],
    ['quoted fields rejoined with commas when not splitting', '"A=x,y",B=z', false, ['A=x,y,B=z']],
  ])('%s', (_name, value, splitCommas, expected) => {
    expect(parseList(value, splitCommas)).toEqual(expected);
  });

  // Regression (src/inputs.ts parseList, fixed): docker/actions-toolkit's Util.getList (build-push-action's list semantics, which
  // parseList's doc claims) keeps the fields of a multi-field CSV record as they are, so a quoted field keeps its
  // commas: `"a,b",c` → ["a,b", "c"]. parseList splits every field on commas again (record.flatMap(field =>
  // field.split(','))) and returns ["a", "b", "c"]: quoting cannot protect a comma when splitCommas is true.
  test.each<[string, string[]]>([
    ['"a,b",c', ['a,b', 'c']],
    ['x\n"type=registry,ref=y",z', ['x', 'type=registry,ref=y', 'z']],
  ])('quoted CSV %j keeps the comma inside quotes → %j', (value, expected) => {
    expect(parseList(value, true)).toEqual(expected);
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
        'buildkitd-config-inline': '[worker.oci]\n  max-parallelism = 4\n',
        context: '',
        file: 'docker/Dockerfile',
        target: 'runtime',
        labels: 'org.opencontainers.image.title=App\norg.opencontainers.image.description=a, b and c',
        annotations: 'index:org.opencontainers.image.vendor=Acme\nmanifest:foo=bar',
        'build-args': 'A=1,2\nB=',
        'build-contexts': 'base=docker-image://alpine:3.20',
        secrets: 'GIT_AUTH_TOKEN=abc=def',
        'secret-files': 'npmrc=/home/runner/.npmrc',
        ssh: 'default',
        'cache-from': 'type=gha',
        'cache-to': 'type=gha,mode=max',
        provenance: 'mode=max',
        sbom: 'true',
        'no-cache': 'true',
        pull: 'true',
        network: 'host',
        'github-token': 'ghs_token',
      }),
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
      buildkitdConfigInline: '[worker.oci]\n  max-parallelism = 4\n',
      githubToken: 'ghs_token',
    });
    expect(inputs.build).toEqual({
      context: '.',
      file: 'docker/Dockerfile',
      target: 'runtime',
      labels: ['org.opencontainers.image.title=App', 'org.opencontainers.image.description=a, b and c'],
      annotations: ['index:org.opencontainers.image.vendor=Acme', 'manifest:foo=bar'],
      buildArgs: ['A=1,2', 'B='],
      buildContexts: ['base=docker-image://alpine:3.20'],
      secrets: ['GIT_AUTH_TOKEN=abc=def'],
      secretFiles: ['npmrc=/home/runner/.npmrc'],
      ssh: ['default'],
      cacheFrom: ['type=gha'],
      cacheTo: ['type=gha,mode=max'],
      provenance: 'mode=max',
      sbom: 'true',
      noCache: true,
      pull: true,
      network: 'host',
    });
  });

  test.each<[string, Overrides]>([
    ['push false without tags', { push: 'false', tags: '' }],
    ['a single platform', { platforms: 'linux/arm64' }],
    ['temp-tag-prefix of 48 characters', { 'temp-tag-prefix': 'a'.repeat(48) }],
    ['qemu false with no qemu-image', { qemu: 'false', 'qemu-image': '' }],
    ['mode multi', { mode: 'multi' }],
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
    ['mode merge without tags', { mode: 'merge', tags: '' }, ['"tags" is empty', 'mode" is merge']],
    [
      'unknown architecture',
      { platforms: 'linux/amd64,linux/sparc' },
      ['"platforms"', '"linux/sparc" has an unknown architecture "sparc"', 'expected one of amd64'],
    ],
    ['unknown os', { platforms: 'plan9/amd64' }, ['"platforms"', 'unknown os "plan9"', 'expected one of linux']],
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
    ['empty platforms', { platforms: '' }, ['"platforms" is empty', 'expected a list such as linux/amd64,linux/arm64']],
    ['platforms of only separators', { platforms: ' ,\n , ' }, ['"platforms" is empty']],
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
    ['bad driver', { driver: 'kubernetes' }, ['"driver" is "kubernetes"', 'expected one of: docker-container, docker']],
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
    ['build-arg without =', { 'build-args': 'A=1\nNOVALUE' }, ['"build-args" has "NOVALUE"', 'expected key=value']],
    ['build-arg with empty key', { 'build-args': '=value' }, ['"build-args" has "=value"', 'expected key=value']],
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
    ['secret without =', { secrets: 'GIT_AUTH_TOKEN' }, ['"secrets" has "***"', 'expected key=value']],
    ['secret-file without =', { 'secret-files': 'npmrc' }, ['"secret-files" has "npmrc"', 'expected key=value']],
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
      'build-args': 'X',
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
      '"build-args" has "X"',
      '"temp-tag-prefix" is ".x"',
      '"tags" has "ghcr.io/acme/app@sha256:',
    ]) {
      expect(error.problems.some((problem) => problem.includes(part))).toBe(true);
      expect(error.message).toContain(part);
    }
  });
});

describe('parseInputs: secrets never appear in errors', () => {
  const SECRET = 'Zq9-S3CR3T-value-4f1c';

  test.each<[string, Overrides]>([
    ['a secret line without =', { secrets: SECRET }],
    ['a secret with a space before =', { secrets: `TOKEN =${SECRET}` }],
    ['a secret with an empty id', { secrets: `=${SECRET}` }],
    ['a valid secret next to an invalid one', { secrets: `TOKEN=${SECRET}\n${SECRET}` }],
    ['a valid secret with other problems', { secrets: `TOKEN=${SECRET}`, mode: 'bad', push: 'nope' }],
    ['a continuation line of a multi-line secret', { secrets: `KEY=-----BEGIN-----\n${SECRET}\n-----END-----` }],
  ])('%s', (_name, overrides) => {
    const error = inputError(overrides);
    expect(error.message).not.toContain(SECRET);
    expect(error.problems.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
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

  // Regression (src/inputs.ts parseInputs/parseList, fixed): a list input with an unclosed quote makes csv-parse throw its own
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
