import { parse as parseCsv } from 'csv-parse/sync';
import {
  buildxBuildArgs,
  buildxCreateArgs,
  DEFAULT_BUILDKITD_FLAGS,
  outputSpec,
  type BuildFiles,
} from '../../../src/plan/buildx-args.js';
import { SHARD_ANNOTATION } from '../../../src/handoff/binding.js';
import { imageKey } from '../../../src/handoff/record.js';
import type { BuildOptions, Driver } from '../../../src/inputs/inputs.js';
import { makePlan, type BuilderFacts, type Plan, type PlannedBuild } from '../../../src/plan/plan.js';
import { stepHash, type RunIdentity } from '../../../src/plan/temporary-tag.js';
import { parsePlatform } from '../../../src/platform.js';
import { parseTaggedReference } from '../../../src/reference.js';
import { defaultInputs, type InputOverrides } from '../support/fixtures.js';

const RUN: RunIdentity = {
  runId: '1234',
  runAttempt: '1',
  job: 'image',
  action: '__self',
  startedAt: 1_800_000_000,
  nonce: '5eed01',
};
const HASH = stepHash(RUN);

type Case = Pick<InputOverrides, 'platforms' | 'tags' | 'push' | 'mode' | 'build'>;

const CONTAINER: BuilderFacts = {
  name: 'builder-x',
  driver: 'docker-container',
  multiPlatform: true,
  nodes: 1,
  created: true,
  buildxVersion: '0.13.1',
  buildkitVersions: [],
};
const DOCKER: BuilderFacts = {
  name: 'default',
  driver: 'docker',
  multiPlatform: false,
  nodes: 1,
  created: false,
  buildxVersion: '0.13.1',
  buildkitVersions: [],
};

const FILES: BuildFiles = { metadataFile: '/tmp/mab/metadata-all.json', secretSpecs: [] };

/** argv of every planned build. */
function argvOf(c: Case, builder: BuilderFacts, files: BuildFiles = FILES): string[][] {
  const i = defaultInputs(c);
  const plan = makePlan(i, builder, RUN);
  return plan.builds.map((build) => buildxBuildArgs(build, plan, i.build, builder, files));
}

/** The expected argv of a build that sets no build option: only the builder, platforms and output vary. */
function plainArgv(builder: string, platforms: string, output: string): string[] {
  return [
    'buildx',
    'build',
    '--builder',
    builder,
    '--platform',
    platforms,
    '--output',
    output,
    '--metadata-file',
    '/tmp/mab/metadata-all.json',
    '.',
  ];
}

const FULL_BUILD: Partial<BuildOptions> = {
  context: 'https://github.com/acme/app.git#main:docker',
  file: 'docker/Dockerfile.release',
  target: 'runtime',
  labels: ['org.opencontainers.image.title=App', 'org.opencontainers.image.description=a "quoted", b'],
  annotations: ['manifest:org.opencontainers.image.licenses=MIT', 'index:org.opencontainers.image.vendor=Acme'],
  buildArgs: ['A=$(rm -rf /);|&', 'B=two words', 'C=\'single\' "double" `tick` $HOME', 'D=a,b,c'],
  buildContexts: ['base=docker-image://alpine:3.20', 'src=./src'],
  secretFiles: ['npmrc=/home/runner/.npmrc', 'cfg=/tmp/a=b.toml'],
  ssh: ['default', 'deploy=/home/runner/.ssh/id_ed25519'],
  cacheFrom: ['type=gha', 'type=registry,ref=ghcr.io/acme/app:buildcache'],
  cacheTo: ['type=gha,mode=max'],
  provenance: 'mode=max',
  sbom: 'true',
  noCache: true,
  pull: true,
  network: 'host',
};
const FULL_FILES: BuildFiles = {
  metadataFile: '/tmp/mab/metadata-all.json',
  secretSpecs: ['id=GIT_AUTH_TOKEN,src=/tmp/mab/secret-0'],
};

describe('buildxBuildArgs', () => {
  test.each<[string, Case, BuilderFacts, BuildFiles, string[][]]>([
    [
      'docker-container, multi-platform, pushed by digest to two repositories (GitHub runners)',
      { tags: ['ghcr.io/acme/app:latest', 'docker.io/acme/app:1.0', 'ghcr.io/acme/app:1.0'] },
      CONTAINER,
      FILES,
      [
        plainArgv(
          'builder-x',
          'linux/amd64,linux/arm64',
          'type=image,"name=ghcr.io/acme/app,docker.io/acme/app",push-by-digest=true,name-canonical=true,push=true',
        ),
      ],
    ],
    [
      'docker-container, one repository',
      {},
      CONTAINER,
      FILES,
      [
        plainArgv(
          'builder-x',
          'linux/amd64,linux/arm64',
          'type=image,"name=ghcr.io/acme/app",push-by-digest=true,name-canonical=true,push=true',
        ),
      ],
    ],
    [
      'docker driver: fan-out, each build under its temporary tag in every repository',
      { tags: ['localhost:5000/app:latest', 'ghcr.io/acme/app:latest'] },
      DOCKER,
      FILES,
      ['linux-amd64', 'linux-arm64'].map((name) =>
        plainArgv(
          'default',
          name.replace(/-/g, '/'),
          `type=image,"name=localhost:5000/app:multiarch-tmp-1234-1-${HASH}-tro8w0-5eed01-${name},` +
            `ghcr.io/acme/app:multiarch-tmp-1234-1-${HASH}-tro8w0-5eed01-${name}",push=true`,
        ),
      ),
    ],
    [
      'a shard: each build annotates its image for the merge, after the user annotations (buildx keeps the last)',
      { mode: 'shard', build: { annotations: [`manifest:${SHARD_ANNOTATION}=mine`] } },
      CONTAINER,
      FILES,
      ['linux/amd64', 'linux/arm64'].map((platform) => [
        ...['buildx', 'build', '--builder', 'builder-x', '--platform', platform],
        ...['--annotation', `manifest:${SHARD_ANNOTATION}=mine`],
        ...['--annotation', `manifest:${SHARD_ANNOTATION}=1234/1/${imageKey(['ghcr.io/acme/app:latest'])}/${platform}`],
        '--output',
        'type=image,"name=ghcr.io/acme/app",push-by-digest=true,name-canonical=true,push=true',
        ...['--metadata-file', '/tmp/mab/metadata-all.json', '.'],
      ]),
    ],
    [
      'push false → cacheonly',
      { push: false, tags: [] },
      CONTAINER,
      FILES,
      [plainArgv('builder-x', 'linux/amd64,linux/arm64', 'type=cacheonly')],
    ],
    [
      'every build option, each value one argv item, context last',
      { build: FULL_BUILD, platforms: ['linux/arm64', 'linux/arm/v7'] },
      CONTAINER,
      FULL_FILES,
      [
        [
          'buildx',
          'build',
          '--builder',
          'builder-x',
          '--platform',
          'linux/arm64,linux/arm/v7',
          '--file',
          'docker/Dockerfile.release',
          '--target',
          'runtime',
          '--label',
          'org.opencontainers.image.title=App',
          '--label',
          'org.opencontainers.image.description=a "quoted", b',
          '--annotation',
          'manifest:org.opencontainers.image.licenses=MIT',
          // index: annotations are not for buildx: they go on the index this action publishes
          '--build-arg',
          'A=$(rm -rf /);|&',
          '--build-arg',
          'B=two words',
          '--build-arg',
          'C=\'single\' "double" `tick` $HOME',
          '--build-arg',
          'D=a,b,c',
          '--build-context',
          'base=docker-image://alpine:3.20',
          '--build-context',
          'src=./src',
          '--secret',
          'id=GIT_AUTH_TOKEN,src=/tmp/mab/secret-0',
          '--secret',
          'id=npmrc,src=/home/runner/.npmrc',
          '--secret',
          'id=cfg,src=/tmp/a=b.toml',
          '--ssh',
          'default',
          '--ssh',
          'deploy=/home/runner/.ssh/id_ed25519',
          '--cache-from',
          'type=gha',
          '--cache-from',
          'type=registry,ref=ghcr.io/acme/app:buildcache',
          '--cache-to',
          'type=gha,mode=max',
          '--attest',
          'type=provenance,mode=max',
          '--attest',
          'type=sbom,disabled=false',
          '--no-cache',
          '--pull',
          '--network',
          'host',
          '--output',
          'type=image,"name=ghcr.io/acme/app",push-by-digest=true,name-canonical=true,push=true',
          '--metadata-file',
          '/tmp/mab/metadata-all.json',
          'https://github.com/acme/app.git#main:docker',
        ],
      ],
    ],
    [
      'docker driver: index: annotations go to the index, cache-to is dropped, attestations off',
      {
        mode: 'fan-out',
        platforms: ['linux/amd64'],
        build: {
          annotations: ['index:a=b', 'c=d'],
          cacheTo: ['type=gha', 'type=inline'],
          provenance: 'false',
          sbom: 'false',
          context: './app dir',
        },
      },
      DOCKER,
      FILES,
      [
        [
          'buildx',
          'build',
          '--builder',
          'default',
          '--platform',
          'linux/amd64',
          '--annotation',
          'c=d',
          '--cache-to',
          'type=inline',
          '--attest',
          'type=provenance,disabled=true',
          '--attest',
          'type=sbom,disabled=true',
          '--output',
          `type=image,"name=ghcr.io/acme/app:multiarch-tmp-1234-1-${HASH}-tro8w0-5eed01-linux-amd64",push=true`,
          '--metadata-file',
          '/tmp/mab/metadata-all.json',
          './app dir',
        ],
      ],
    ],
  ])('%s', (_name, c, builder, files, expected) => {
    const argv = argvOf(c, builder, files);
    expect(argv).toEqual(expected);
    for (const args of argv) {
      // the context is the last item, and no value is ever split or glued to a neighbour
      expect(args.at(-1)).toBe(c.build?.context ?? '.');
      expect(args.slice(0, 2)).toEqual(['buildx', 'build']);
    }
  });
});

describe('buildxBuildArgs: the inputs build-push-action has and this action ignored', () => {
  /** The argv of the one build, from `buildx` to the context. */
  function onlyArgv(c: Case): string[] {
    const [argv, ...more] = argvOf({ platforms: ['linux/arm64'], ...c }, CONTAINER);
    expect(more).toEqual([]);
    return argv ?? [];
  }
  /** The values each flag got, in order. */
  function flagValues(argv: string[], flag: string): string[] {
    return argv.flatMap((item, index) => (item === flag ? [argv[index + 1] ?? ''] : []));
  }

  test('each maps to its buildx flag, one argv item per value', () => {
    const argv = onlyArgv({
      build: {
        secretEnvs: ['TOKEN=MY_TOKEN', 'ODD=VAR,WITH,COMMAS'],
        noCacheFilters: ['build', 'test'],
        attests: ['type=sbom,generator=image'],
        addHosts: ['docker:10.180.0.1', 'foo:10.0.0.1'],
        allow: ['network.host', 'security.insecure'],
        shmSize: '2g',
        ulimits: ['nofile=1024:1024', 'nproc=3'],
        cgroupParent: 'builds',
        ssh: ['default', 'github=/home/runner/.ssh/id_ed25519'],
      },
    });
    expect(flagValues(argv, '--secret')).toEqual(['id=TOKEN,env=MY_TOKEN', 'id=ODD,"env=VAR,WITH,COMMAS"']);
    expect(flagValues(argv, '--no-cache-filter')).toEqual(['build', 'test']);
    expect(flagValues(argv, '--attest')).toEqual(['type=sbom,generator=image']);
    expect(flagValues(argv, '--add-host')).toEqual(['docker:10.180.0.1', 'foo:10.0.0.1']);
    expect(flagValues(argv, '--allow')).toEqual(['network.host', 'security.insecure']);
    expect(flagValues(argv, '--shm-size')).toEqual(['2g']);
    expect(flagValues(argv, '--ulimit')).toEqual(['nofile=1024:1024', 'nproc=3']);
    expect(flagValues(argv, '--cgroup-parent')).toEqual(['builds']);
    expect(flagValues(argv, '--ssh')).toEqual(['default', 'github=/home/runner/.ssh/id_ed25519']);
    expect(argv.slice(-3)).toEqual(['--metadata-file', '/tmp/mab/metadata-all.json', '.']);
  });

  test.each<[string, Partial<BuildOptions>, string[]]>([
    [
      'attests alone',
      { attests: ['type=provenance,mode=min', 'type=sbom'] },
      ['type=provenance,mode=min', 'type=sbom'],
    ],
    [
      'provenance wins over a provenance entry',
      { provenance: 'mode=max', attests: ['type=provenance,mode=min', 'type=sbom'] },
      ['type=provenance,mode=max', 'type=sbom'],
    ],
    [
      'sbom wins over an sbom entry',
      { sbom: 'true', attests: [' type=sbom,generator=x', 'type=foo'] },
      ['type=sbom,disabled=false', 'type=foo'],
    ],
  ])('%s (as build-push-action)', (_name, build, attests) => {
    expect(flagValues(onlyArgv({ build }), '--attest')).toEqual(attests);
  });

  test.each<[string, Case, string[]]>([
    [
      "pushed: the action's own output",
      {},
      ['--output', 'type=image,"name=ghcr.io/acme/app",push-by-digest=true,name-canonical=true,push=true'],
    ],
    [
      // Regression: outputs was ignored, so compression=zstd never reached the push.
      "pushed, with outputs' exporter options added",
      { build: { outputs: ['type=image,push-by-digest=true,compression=zstd,"annotation.note=a,b",push=true'] } },
      [
        '--output',
        'type=image,"name=ghcr.io/acme/app",push-by-digest=true,name-canonical=true,push=true,compression=zstd,' +
          '"annotation.note=a,b"',
      ],
    ],
    ['build only', { push: false }, ['--output', 'type=cacheonly']],
    [
      // Regression: load was ignored; build-push-action names the loaded image by the tags.
      'load, named by the tags',
      { push: false, tags: ['ghcr.io/acme/app:test', 'acme/app:test'], build: { load: true } },
      ['--load', '--tag', 'ghcr.io/acme/app:test', '--tag', 'docker.io/acme/app:test'],
    ],
    [
      'outputs without push, as written',
      { push: false, build: { outputs: ['type=local,dest=out', 'type=oci,"dest=a,b.tar"'] } },
      ['--output', 'type=local,dest=out', '--output', 'type=oci,"dest=a,b.tar"', '--tag', 'ghcr.io/acme/app:latest'],
    ],
  ])('%s', (_name, c, exportArgs) => {
    const argv = onlyArgv(c);
    const start = argv.indexOf('--metadata-file');
    const tail = argv.slice(0, start);
    const first = tail.findIndex((item) => ['--output', '--load', '--tag'].includes(item));
    expect(tail.slice(first)).toEqual(exportArgs);
  });

  test('call: the method, before the output', () => {
    const argv = onlyArgv({ push: false, build: { call: 'check' } });
    expect(flagValues(argv, '--call')).toEqual(['check']);
    expect(argv.indexOf('--call')).toBeLessThan(argv.indexOf('--output'));
  });
});

describe('outputSpec', () => {
  function plan(overrides: Partial<Plan>): Plan {
    return {
      mode: 'multi',
      platforms: [parsePlatform('linux/amd64')],
      finalTags: [parseTaggedReference('ghcr.io/acme/app:latest')],
      repositories: [{ registry: 'ghcr.io', repository: 'acme/app' }],
      push: true,
      publish: 'post',
      pushByDigest: true,
      builds: [],
      buildAnnotations: [],
      indexAnnotations: {},
      context: '.',
      buildContexts: [],
      warnings: [],
      ...overrides,
    };
  }
  const build: PlannedBuild = {
    name: 'linux-amd64',
    platforms: [parsePlatform('linux/amd64')],
    cacheFrom: [],
    cacheTo: [],
    destination: 'index',
  };

  test.each<[string, Partial<Plan>, string | undefined, string]>([
    [
      'by digest',
      {},
      undefined,
      'type=image,"name=ghcr.io/acme/app",push-by-digest=true,name-canonical=true,push=true',
    ],
    [
      'by digest, the temporary tag ignored',
      {},
      'tmp-1',
      'type=image,"name=ghcr.io/acme/app",push-by-digest=true,name-canonical=true,push=true',
    ],
    ['temporary tag', { pushByDigest: false }, 'tmp-1', 'type=image,"name=ghcr.io/acme/app:tmp-1",push=true'],
    [
      'temporary tag in a Docker Hub and a port registry',
      {
        pushByDigest: false,
        repositories: [
          { registry: 'docker.io', repository: 'library/app' },
          { registry: 'localhost:5000', repository: 'acme/app' },
        ],
      },
      'tmp-1',
      'type=image,"name=docker.io/library/app:tmp-1,localhost:5000/acme/app:tmp-1",push=true',
    ],
    ['no push', { push: false }, 'tmp-1', 'type=cacheonly'],
  ])('%s', (_name, overrides, temporaryTag, expected) => {
    const spec = outputSpec({ ...build, ...(temporaryTag ? { temporaryTag } : {}) }, plan(overrides));
    expect(spec).toBe(expected);
    // buildx reads --output as CSV: the names stay one field
    if (spec !== 'type=cacheonly') {
      const records = parseCsv(spec);
      expect(records).toHaveLength(1);
      expect(records.flat().filter((field) => field.startsWith('name='))).toHaveLength(1);
    }
  });

  test('a driver that cannot push by digest and a build with no temporary tag is an error', () => {
    expect(() => outputSpec(build, plan({ pushByDigest: false }))).toThrow(
      'build linux-amd64 has no temporary tag to push under',
    );
  });
});

// Regression (src/plan/buildx-args.ts secretFileSpec, fixed): buildx parses a --secret value as one CSV record (encoding/csv), so a
// secret file path with a comma (`cfg=/srv/a,b.toml`) becomes `id=cfg,src=/srv/a,b.toml`, which buildx reads as
// the fields `id=cfg`, `src=/srv/a` and `b.toml` and refuses ("invalid field 'b.toml' must be a key=value pair").
// The src= field needs CSV quoting, as outputSpec already does for name=.
test('a secret-file path with a comma stays one CSV field of --secret', () => {
  const args = argvOf({ build: { secretFiles: ['cfg=/srv/a,b.toml'] } }, CONTAINER).flat();
  expect(args).toContain('--secret');
  const spec = args[args.indexOf('--secret') + 1] ?? '';
  expect(parseCsv(spec)).toEqual([['id=cfg', 'src=/srv/a,b.toml']]);
});

/**
 * The expected argv of `buildx create` for the builder mab-1: the driver, then `options` (driver options first),
 * setup-buildx-action's default buildkitd flags before the config, then --bootstrap.
 */
function createArgv(driver: Driver, ...options: string[]): string[] {
  const config = options.findIndex((option) => option.endsWith('config'));
  const at = config === -1 ? options.length : config;
  const flags = ['--buildkitd-flags', DEFAULT_BUILDKITD_FLAGS];
  return [
    'buildx',
    'create',
    '--name',
    'mab-1',
    '--driver',
    driver,
    ...options.slice(0, at),
    ...flags,
    ...options.slice(at),
    '--bootstrap',
  ];
}

describe('buildxCreateArgs', () => {
  test.each<[string, Driver, string[], string | undefined, string, string[]]>([
    ['plain docker-container', 'docker-container', [], undefined, '0.29.1', createArgv('docker-container')],
    [
      'driver opts and config on 0.13.1+ds1 → --buildkitd-config',
      'docker-container',
      ['image=moby/buildkit:v0.16.0', 'network=host'],
      '/tmp/mab/mab-1-buildkitd.toml',
      '0.13.1+ds1',
      createArgv(
        'docker-container',
        '--driver-opt',
        'image=moby/buildkit:v0.16.0',
        '--driver-opt',
        'network=host',
        '--buildkitd-config',
        '/tmp/mab/mab-1-buildkitd.toml',
      ),
    ],
    [
      'config on 0.29.1 → --buildkitd-config',
      'docker-container',
      [],
      '/tmp/b.toml',
      '0.29.1',
      createArgv('docker-container', '--buildkitd-config', '/tmp/b.toml'),
    ],
    [
      'config on 0.13.0 → --buildkitd-config',
      'docker-container',
      [],
      '/tmp/b.toml',
      'v0.13.0',
      createArgv('docker-container', '--buildkitd-config', '/tmp/b.toml'),
    ],
    [
      'config on 0.12.1 → --config',
      'docker-container',
      ['env.BUILDKIT_STEP_LOG_MAX_SIZE=10485760'],
      '/tmp/b.toml',
      '0.12.1',
      createArgv(
        'docker-container',
        '--driver-opt',
        'env.BUILDKIT_STEP_LOG_MAX_SIZE=10485760',
        '--config',
        '/tmp/b.toml',
      ),
    ],
    ['docker driver, no config → no config flag', 'docker', [], undefined, '0.12.1', createArgv('docker')],
  ])('%s', (_name, driver, driverOpts, file, buildxVersion, expected) => {
    const config = file === undefined ? undefined : { file, buildxVersion };
    expect(buildxCreateArgs('mab-1', driver, driverOpts, '', config)).toEqual(expected);
  });

  // Regression: the created builder had no entitlements, so `allow: network.host` (granted by setup-buildx's builder)
  // failed; and driver-opts lost their quotes, so buildx split "env.no_proxy=a,b" at the comma.
  test('buildkitd flags as given, and a quoted driver option as one argv item for buildx to read', () => {
    expect(
      buildxCreateArgs('mab-1', 'docker-container', ['"env.no_proxy=localhost,127.0.0.1"'], '--debug', undefined),
    ).toEqual([
      'buildx',
      'create',
      '--name',
      'mab-1',
      '--driver',
      'docker-container',
      '--driver-opt',
      '"env.no_proxy=localhost,127.0.0.1"',
      '--buildkitd-flags',
      '--debug',
      '--bootstrap',
    ]);
    expect(DEFAULT_BUILDKITD_FLAGS).toBe(
      '--allow-insecure-entitlement security.insecure --allow-insecure-entitlement network.host',
    );
  });
});
