import { parse as parseCsv } from 'csv-parse/sync';
import { buildxBuildArgs, buildxCreateArgs, outputSpec, type BuildFiles } from '../../src/plan/buildx-args.js';
import type { BuildOptions, Driver } from '../../src/inputs.js';
import { makePlan, type BuilderFacts, type Plan } from '../../src/plan/plan.js';
import { stepHash, type RunIdentity } from '../../src/plan/temporary-tag.js';
import { parsePlatform } from '../../src/platform.js';
import { parseReference } from '../../src/reference.js';
import { defaultInputs, type InputOverrides } from './fixtures.js';

const RUN: RunIdentity = { runId: '1234', runAttempt: '1', job: 'image', action: '__self', startedAt: 1_800_000_000 };
const HASH = stepHash(RUN);

type Case = Pick<InputOverrides, 'platforms' | 'tags' | 'push' | 'mode' | 'build'>;

const CONTAINER: BuilderFacts = {
  name: 'builder-x',
  driver: 'docker-container',
  multiPlatform: true,
  created: true,
};
const DOCKER: BuilderFacts = {
  name: 'default',
  driver: 'docker',
  multiPlatform: false,
  created: false,
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
          `type=image,"name=localhost:5000/app:multiarch-tmp-1234-1-${HASH}-tro8w0-${name},` +
            `ghcr.io/acme/app:multiarch-tmp-1234-1-${HASH}-tro8w0-${name}",push=true`,
        ),
      ),
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
          '--provenance=mode=max',
          '--sbom=true',
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
          '--provenance=false',
          '--sbom=false',
          '--output',
          `type=image,"name=ghcr.io/acme/app:multiarch-tmp-1234-1-${HASH}-tro8w0-linux-amd64",push=true`,
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

describe('outputSpec', () => {
  function plan(overrides: Partial<Plan>): Plan {
    return {
      mode: 'multi',
      platforms: [parsePlatform('linux/amd64')],
      finalTags: [parseReference('ghcr.io/acme/app:latest')],
      repositories: [{ registry: 'ghcr.io', repository: 'acme/app' }],
      push: true,
      publish: 'post',
      pushByDigest: true,
      builds: [],
      buildAnnotations: [],
      indexAnnotations: {},
      warnings: [],
      ...overrides,
    };
  }
  const build = { name: 'linux-amd64', platforms: [parsePlatform('linux/amd64')], cacheFrom: [], cacheTo: [] };

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

/** The expected argv of `buildx create` for the builder mab-1: the driver, then `options`, then --bootstrap. */
function createArgv(driver: Driver, ...options: string[]): string[] {
  return ['buildx', 'create', '--name', 'mab-1', '--driver', driver, ...options, '--bootstrap'];
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
    expect(buildxCreateArgs('mab-1', driver, driverOpts, config)).toEqual(expected);
  });
});
