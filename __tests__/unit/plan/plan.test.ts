import {
  withBuilderPlatform,
  describePlan,
  makePlan,
  PlanError,
  planIndex,
  publishWhen,
  type BuilderFacts,
  type Plan,
} from '../../../src/plan/plan.js';
import { imageKey } from '../../../src/handoff/record.js';
import type { RunRef } from '../../../src/inputs/build-cache.js';
import type { GitContextSource } from '../../../src/inputs/git-context.js';
import { stepHash } from '../../../src/plan/temporary-tag.js';
import { formatPlatform } from '../../../src/platform.js';
import { parseReference } from '../../../src/reference.js';
import { defaultInputs, RUN, type InputOverrides } from '../support/fixtures.js';

const DOCKER_CONTAINERD: BuilderFacts = {
  name: 'default',
  driver: 'docker',
  multiPlatform: true,
  nodes: 1,
  created: false,
  buildxVersion: '0.13.1',
  buildkitVersions: [],
};
const DOCKER_PLAIN: BuilderFacts = { ...DOCKER_CONTAINERD, multiPlatform: false };
const CONTAINER: BuilderFacts = {
  name: 'multiarch-9876543210-2-abcdef01',
  driver: 'docker-container',
  multiPlatform: true,
  nodes: 1,
  created: true,
  buildxVersion: '0.13.1',
  buildkitVersions: [],
};

/** What a build looks like in a table: name, platforms, and whether it has a temporary tag. */
function summary(plan: Plan): { name: string; platforms: string[]; temporary: boolean }[] {
  return plan.builds.map((build) => ({
    name: build.name,
    platforms: build.platforms.map(formatPlatform),
    temporary: build.temporaryTag !== undefined,
  }));
}

const DEFAULT_BRANCH: RunRef = { ref: 'refs/heads/main', defaultBranch: 'main' };
const PULL_REQUEST: RunRef = { ref: 'refs/pull/42/merge', defaultBranch: 'main' };

const TEMPORARY_TAG = /^multiarch-tmp-9876543210-2-[0-9a-f]{8}-tro8w0-5eed01-(all|linux-[a-z0-9-]+)$/;

describe('makePlan: mode and builds', () => {
  test.each<[string, InputOverrides, BuilderFacts, Plan['mode'], boolean, ReturnType<typeof summary>]>([
    [
      'auto, docker driver with the containerd store → multi with a temporary tag',
      {},
      DOCKER_CONTAINERD,
      'multi',
      false,
      [{ name: 'all', platforms: ['linux/amd64', 'linux/arm64'], temporary: true }],
    ],
    [
      'auto, docker driver without the containerd store → fan-out, one build per platform',
      { platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'] },
      DOCKER_PLAIN,
      'fan-out',
      false,
      [
        { name: 'linux-amd64', platforms: ['linux/amd64'], temporary: true },
        { name: 'linux-arm64', platforms: ['linux/arm64'], temporary: true },
        { name: 'linux-arm-v7', platforms: ['linux/arm/v7'], temporary: true },
      ],
    ],
    [
      'auto, docker-container → multi, by digest, no temporary tag',
      {},
      CONTAINER,
      'multi',
      true,
      [{ name: 'all', platforms: ['linux/amd64', 'linux/arm64'], temporary: false }],
    ],
    [
      'auto, a builder of two nodes → fan-out, each platform on its node, by digest (buildx would tag a merge)',
      {},
      { ...CONTAINER, nodes: 2 },
      'fan-out',
      true,
      [
        { name: 'linux-amd64', platforms: ['linux/amd64'], temporary: false },
        { name: 'linux-arm64', platforms: ['linux/arm64'], temporary: false },
      ],
    ],
    [
      'multi, one platform on a builder of two nodes → one build: buildx merges nothing',
      { mode: 'multi', platforms: ['linux/arm64'] },
      { ...CONTAINER, nodes: 2 },
      'multi',
      true,
      [{ name: 'linux-arm64', platforms: ['linux/arm64'], temporary: false }],
    ],
    [
      'auto, one platform on a single-platform builder → multi',
      { platforms: ['linux/arm64'] },
      DOCKER_PLAIN,
      'multi',
      false,
      [{ name: 'linux-arm64', platforms: ['linux/arm64'], temporary: true }],
    ],
    [
      'explicit fan-out on docker-container → one build per platform, by digest',
      { mode: 'fan-out' },
      CONTAINER,
      'fan-out',
      true,
      [
        { name: 'linux-amd64', platforms: ['linux/amd64'], temporary: false },
        { name: 'linux-arm64', platforms: ['linux/arm64'], temporary: false },
      ],
    ],
    [
      'explicit fan-out with one platform → named by its slug',
      { mode: 'fan-out', platforms: ['linux/amd64/v2'] },
      DOCKER_CONTAINERD,
      'fan-out',
      false,
      [{ name: 'linux-amd64-v2', platforms: ['linux/amd64/v2'], temporary: true }],
    ],
    [
      'explicit multi with one platform on a single-platform builder is fine',
      { mode: 'multi', platforms: ['linux/amd64'] },
      DOCKER_PLAIN,
      'multi',
      false,
      [{ name: 'linux-amd64', platforms: ['linux/amd64'], temporary: true }],
    ],
    [
      'push false on the docker driver → no temporary tags',
      { push: false },
      DOCKER_PLAIN,
      'fan-out',
      false,
      [
        { name: 'linux-amd64', platforms: ['linux/amd64'], temporary: false },
        { name: 'linux-arm64', platforms: ['linux/arm64'], temporary: false },
      ],
    ],
  ])('%s', (_name, overrides, builder, mode, pushByDigest, builds) => {
    const plan = makePlan(defaultInputs(overrides), builder, RUN);
    expect(plan.mode).toBe(mode);
    expect(plan.pushByDigest).toBe(pushByDigest);
    expect(summary(plan)).toEqual(builds);
    for (const build of plan.builds) {
      if (build.temporaryTag !== undefined) {
        expect(build.temporaryTag).toMatch(TEMPORARY_TAG);
        expect(build.temporaryTag.endsWith(`-${build.name}`)).toBe(true);
      }
    }
    expect(plan.platforms.map(formatPlatform)).toEqual(builds.flatMap((build) => build.platforms));
  });

  test('temporary tags are <prefix>-<runId>-<attempt>-<8hex>-<start>-<name>, one per build, valid as tags', () => {
    const plan = makePlan(defaultInputs({ tempTagPrefix: 'tmp.x_1' }), DOCKER_PLAIN, RUN);
    const hash = stepHash(RUN);
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    expect(plan.builds.map((build) => build.temporaryTag)).toEqual([
      `tmp.x_1-9876543210-2-${hash}-tro8w0-5eed01-linux-amd64`,
      `tmp.x_1-9876543210-2-${hash}-tro8w0-5eed01-linux-arm64`,
    ]);
  });

  test('one temporary tag per build serves every repository (the build pushes it to each)', () => {
    const plan = makePlan(
      defaultInputs({ tags: ['ghcr.io/acme/app:latest', 'docker.io/acme/app:latest', 'ghcr.io/acme/app:1.0'] }),
      DOCKER_CONTAINERD,
      RUN,
    );
    expect(plan.builds).toHaveLength(1);
    expect(plan.builds[0]?.temporaryTag).toBe(`multiarch-tmp-9876543210-2-${stepHash(RUN)}-tro8w0-5eed01-all`);
    expect(plan.repositories).toEqual([
      { registry: 'ghcr.io', repository: 'acme/app' },
      { registry: 'docker.io', repository: 'acme/app' },
    ]);
  });

  test('explicit mode multi with several platforms on a builder of several nodes → PlanError naming the nodes', () => {
    const make = () => makePlan(defaultInputs({ mode: 'multi' }), { ...CONTAINER, nodes: 2 }, RUN);
    expect(make).toThrow(PlanError);
    expect(make).toThrow(
      `"mode" is multi, but builder "${CONTAINER.name}" has 2 nodes: buildx merges their results itself and pushes ` +
        'the merged index under a tag, ignoring push-by-digest',
    );
    expect(make).toThrow('Use mode auto or fan-out');
  });

  test.each<[string, InputOverrides, BuilderFacts]>([
    ['docker driver without the containerd store', {}, DOCKER_PLAIN],
    ['a docker-container builder that reports no multi-platform support', {}, { ...CONTAINER, multiPlatform: false }],
  ])('explicit mode multi with several platforms on %s → PlanError naming mode', (_name, overrides, builder) => {
    const make = () => makePlan(defaultInputs({ ...overrides, mode: 'multi' }), builder, RUN);
    expect(make).toThrow(PlanError);
    expect(make).toThrow(/^"mode" is multi, but builder "[^"]+" \(driver [a-z-]+\) cannot build several platforms/);
    expect(make).toThrow('Use mode fan-out or auto');
  });
});

describe('makePlan: push and publish', () => {
  test.each<[string, InputOverrides, BuilderFacts, boolean, Plan['publish'], string[]]>([
    ['push, publish post', {}, CONTAINER, true, 'post', []],
    ['push, publish main', { publish: 'main' }, CONTAINER, true, 'main', []],
    ['push, publish false', { publish: 'false' }, CONTAINER, true, 'false', []],
    [
      'push false, publish post, tags set → publish false with a warning',
      { push: false },
      DOCKER_CONTAINERD,
      false,
      'false',
      ['push is false: the images are built but nothing is pushed or published.'],
    ],
    ['push false, publish false → no warning', { push: false, publish: 'false' }, CONTAINER, false, 'false', []],
    ['push false, no tags → no warning', { push: false, tags: [] }, CONTAINER, false, 'false', []],
  ])('%s', (_name, overrides, builder, push, publish, warnings) => {
    const plan = makePlan(defaultInputs(overrides), builder, RUN);
    expect(plan.push).toBe(push);
    expect(plan.publish).toBe(publish);
    expect(plan.warnings).toEqual(warnings);
    if (!push) expect(plan.builds.every((build) => build.temporaryTag === undefined)).toBe(true);
  });

  test('final tags are kept in order; repositories are deduplicated across tags and registries', () => {
    const tags = [
      'ghcr.io/acme/app:latest',
      'ghcr.io/acme/app:1.2.3',
      'registry.example.com:5000/acme/app:latest',
      'acme/app:latest',
      'index.docker.io/acme/app:1.2.3',
      'registry.example.com:5000/acme/app:1.2.3',
      'ghcr.io/acme/other:latest',
    ];
    const plan = makePlan(defaultInputs({ tags }), CONTAINER, RUN);
    expect(plan.finalTags).toEqual(tags.map(parseReference));
    expect(plan.repositories).toEqual([
      { registry: 'ghcr.io', repository: 'acme/app' },
      { registry: 'registry.example.com:5000', repository: 'acme/app' },
      { registry: 'docker.io', repository: 'acme/app' },
      { registry: 'ghcr.io', repository: 'acme/other' },
    ]);
  });
});

describe('withBuilderPlatform: empty platforms, as build-push-action builds them', () => {
  test("the builder's first platform", () => {
    const inputs = withBuilderPlatform(defaultInputs({ platforms: [] }), {
      ...CONTAINER,
      defaultPlatform: 'linux/arm64',
    });
    expect(inputs.platforms).toEqual([{ os: 'linux', architecture: 'arm64' }]);
    expect(makePlan(inputs, CONTAINER, RUN).builds.map((build) => build.name)).toEqual(['linux-arm64']);
  });

  test('platforms given: unchanged', () => {
    const inputs = defaultInputs({ platforms: ['linux/amd64', 'linux/arm64'] });
    expect(withBuilderPlatform(inputs, { ...CONTAINER, defaultPlatform: 'linux/arm64' })).toBe(inputs);
  });

  test('a builder that reports no platform: an error naming the input', () => {
    expect(() => withBuilderPlatform(defaultInputs({ platforms: [] }), CONTAINER)).toThrow(
      `"platforms" is empty and builder "${CONTAINER.name}" reports no platform to build for`,
    );
  });
});

describe('planIndex', () => {
  test("is the index part of a build's plan, so a merge assembles the same index", () => {
    const inputs = defaultInputs({
      tags: ['ghcr.io/acme/app:latest', 'ghcr.io/acme/app:v1', 'docker.io/acme/app:latest'],
      build: { annotations: ['index:org.opencontainers.image.title=app', 'manifest:a=b'] },
    });
    const index = planIndex(inputs);
    expect(index).toEqual({
      platforms: inputs.platforms,
      finalTags: inputs.tags,
      repositories: [
        { registry: 'ghcr.io', repository: 'acme/app' },
        { registry: 'docker.io', repository: 'acme/app' },
      ],
      indexAnnotations: { 'org.opencontainers.image.title': 'app' },
      publish: 'post',
    });
    expect(makePlan(inputs, CONTAINER, RUN)).toMatchObject(index);
  });

  test('a merge publishes in main', () => {
    expect(planIndex(defaultInputs({ mode: 'merge' })).publish).toBe('main');
  });
});

describe('publishWhen', () => {
  // [mode, push, publish input, when the tags are published]
  test.each<[InputOverrides['mode'], boolean, Plan['publish'], Plan['publish']]>([
    ['auto', true, 'post', 'post'],
    ['multi', true, 'main', 'main'],
    ['fan-out', true, 'false', 'false'],
    ['auto', false, 'post', 'false'],
    ['shard', true, 'post', 'false'],
    ['shard', true, 'main', 'false'],
    // A merge publishes in main: its job has nothing else to wait for.
    ['merge', true, 'post', 'main'],
    ['merge', true, 'main', 'main'],
    ['merge', true, 'false', 'false'],
    // Regression: merge decided on its own and published with push false.
    ['merge', false, 'post', 'false'],
    ['merge', false, 'main', 'false'],
  ])('mode %s, push %s, publish %s → %s', (mode, push, publish, expected) => {
    expect(publishWhen(defaultInputs({ mode, push, publish }))).toBe(expected);
  });
});

describe('makePlan: where each build goes', () => {
  test.each<[string, InputOverrides, Plan['builds'][number]['destination']]>([
    ['pushed: into the index this step pushes', {}, 'index'],
    ['a shard: handed to the merge job', { mode: 'shard' }, 'handoff'],
    ['push false: nowhere', { push: false }, 'local'],
  ])('%s', (_name, overrides, destination) => {
    const plan = makePlan(defaultInputs(overrides), CONTAINER, RUN);
    expect(plan.builds.map((build) => build.destination)).toEqual(plan.builds.map(() => destination));
  });

  test("a shard's builds carry the annotation naming run, attempt, image and platform; no other build does", () => {
    const key = imageKey(['ghcr.io/acme/app:latest']);
    const shard = makePlan(defaultInputs({ mode: 'shard' }), CONTAINER, RUN);
    expect(shard.builds.map((build) => build.handoffAnnotation)).toEqual([
      `manifest:dev.multiarch-build.shard=9876543210/2/${key}/linux/amd64`,
      `manifest:dev.multiarch-build.shard=9876543210/2/${key}/linux/arm64`,
    ]);
    for (const overrides of [{}, { push: false }, { mode: 'shard', push: false }] as InputOverrides[]) {
      const plan = makePlan(defaultInputs(overrides), CONTAINER, RUN);
      expect(plan.builds.map((build) => build.handoffAnnotation)).toEqual(plan.builds.map(() => undefined));
    }
  });

  test.each<[string, InputOverrides, string]>([
    ['load', { push: false, build: { load: true } }, '"load"'],
    ['outputs', { push: false, build: { outputs: ['type=local,dest=out'] } }, '"outputs"'],
    ['both', { push: false, build: { load: true, outputs: ['type=tar,dest=x.tar'] } }, '"load" and "outputs"'],
  ])('%s without push, in a plan of one build per platform: refused, naming the input', (_name, overrides, named) => {
    const make = () => makePlan(defaultInputs({ ...overrides, mode: 'fan-out' }), CONTAINER, RUN);
    expect(make).toThrow(PlanError);
    expect(make).toThrow(`${named} would export each of this plan's 2 builds (one per platform) to the same place`);
    // One build takes them.
    const plan = makePlan(defaultInputs({ ...overrides, mode: 'multi' }), CONTAINER, RUN);
    expect(plan.builds).toHaveLength(1);
    expect(plan.warnings).toEqual([]);
  });
});

describe('makePlan: the build context', () => {
  const SOURCE: GitContextSource = {
    repositoryUrl: 'https://github.com/acme/app.git',
    commit: 'c0ffee',
    queryForm: true,
    host: 'github.com',
  };
  const at = (buildxVersion: string): BuilderFacts => ({ ...CONTAINER, buildxVersion });

  test.each<[string, InputOverrides['build'], BuilderFacts, string, string[]]>([
    ['a path, as given', { context: './app', buildContexts: ['base=./base'] }, CONTAINER, './app', ['base=./base']],
    [
      // Regression: the default was `.` and {{defaultContext}} reached buildx as written.
      'empty: the Git context (fragment form on buildx 0.13)',
      { context: '', gitContext: SOURCE },
      CONTAINER,
      'https://github.com/acme/app.git#c0ffee',
      [],
    ],
    [
      'empty, on buildx 0.29 with BUILDX_SEND_GIT_QUERY_AS_INPUT: the query form',
      { context: '', gitContext: SOURCE },
      at('0.29.1'),
      'https://github.com/acme/app.git?ref=c0ffee',
      [],
    ],
    [
      '{{defaultContext}}:docker, and in build-contexts',
      {
        context: '{{defaultContext}}:docker',
        buildContexts: ['src={{defaultContext}}:src', 'x=./x'],
        gitContext: SOURCE,
      },
      CONTAINER,
      'https://github.com/acme/app.git#c0ffee:docker',
      ['src=https://github.com/acme/app.git#c0ffee:src', 'x=./x'],
    ],
  ])('%s', (_name, build, builder, context, buildContexts) => {
    const plan = makePlan(defaultInputs({ build }), builder, RUN);
    expect(plan.context).toBe(context);
    expect(plan.buildContexts).toEqual(buildContexts);
  });
});

describe('makePlan: annotations', () => {
  const annotations = [
    'org.opencontainers.image.title=App',
    'index:org.opencontainers.image.vendor=Acme, Inc.',
    'manifest:org.opencontainers.image.licenses=MIT',
    'index:org.example.note=a=b',
    'manifest-descriptor:org.example.x=y',
  ];

  test.each<[string, InputOverrides, BuilderFacts, string[], Record<string, string>]>([
    [
      'multi: index: ones go to the published index, the rest to buildx',
      {},
      CONTAINER,
      [
        'org.opencontainers.image.title=App',
        'manifest:org.opencontainers.image.licenses=MIT',
        'manifest-descriptor:org.example.x=y',
      ],
      { 'org.opencontainers.image.vendor': 'Acme, Inc.', 'org.example.note': 'a=b' },
    ],
    [
      'multi on the docker driver: the same split',
      {},
      DOCKER_CONTAINERD,
      [
        'org.opencontainers.image.title=App',
        'manifest:org.opencontainers.image.licenses=MIT',
        'manifest-descriptor:org.example.x=y',
      ],
      { 'org.opencontainers.image.vendor': 'Acme, Inc.', 'org.example.note': 'a=b' },
    ],
    [
      'fan-out: index: ones move to the assembled index',
      {},
      DOCKER_PLAIN,
      [
        'org.opencontainers.image.title=App',
        'manifest:org.opencontainers.image.licenses=MIT',
        'manifest-descriptor:org.example.x=y',
      ],
      { 'org.opencontainers.image.vendor': 'Acme, Inc.', 'org.example.note': 'a=b' },
    ],
    [
      'explicit fan-out on docker-container: the same split',
      { mode: 'fan-out' },
      CONTAINER,
      [
        'org.opencontainers.image.title=App',
        'manifest:org.opencontainers.image.licenses=MIT',
        'manifest-descriptor:org.example.x=y',
      ],
      { 'org.opencontainers.image.vendor': 'Acme, Inc.', 'org.example.note': 'a=b' },
    ],
  ])('%s', (_name, overrides, builder, buildAnnotations, indexAnnotations) => {
    const plan = makePlan(defaultInputs({ ...overrides, build: { annotations } }), builder, RUN);
    expect(plan.buildAnnotations).toEqual(buildAnnotations);
    expect(plan.indexAnnotations).toEqual(indexAnnotations);
  });

  // Regression (src/plan/plan.ts splitAnnotations, fixed): BuildKit refuses index-level annotations on a single-platform export that has
  // no attestations ("index annotations not supported for single platform export"; buildx itself refuses them on
  // the docker driver without the containerd store, for `index:` and `index-descriptor:` alike). makePlan only
  // moves them out of the build in fan-out, and only the exact `index:` prefix: (a) mode auto with ONE platform
  // plans `multi`, so `index:` annotations go to a single-platform build; (b) in fan-out, `index-descriptor:` and
  // buildx's type-list form `index,manifest:` still reach the single-platform builds. Those builds then fail.
  test.each<[string, InputOverrides, BuilderFacts, string[]]>([
    ['auto with one platform on the docker driver', { platforms: ['linux/amd64'] }, DOCKER_PLAIN, ['index:a=b']],
    [
      'auto with one platform, provenance false, docker-container',
      { platforms: ['linux/arm64'], build: { provenance: 'false' } },
      CONTAINER,
      ['index:a=b'],
    ],
    ['fan-out with index-descriptor:', {}, DOCKER_PLAIN, ['index-descriptor:a=b']],
    ['fan-out with index,manifest:', {}, DOCKER_PLAIN, ['index,manifest:a=b']],
  ])('%s → no index-level annotation reaches a single-platform build', (_name, overrides, builder, annotations) => {
    const plan = makePlan(defaultInputs({ ...overrides, build: { ...overrides.build, annotations } }), builder, RUN);
    expect(plan.builds.every((build) => build.platforms.length === 1)).toBe(true);
    expect(plan.buildAnnotations.filter((annotation) => /^index[-,:]/.test(annotation))).toEqual([]);
  });

  // Regression: with push false, `index:` annotations were neither published (nothing is) nor given to buildx.
  test('push false: every annotation goes to buildx, as build-push-action hands them over', () => {
    const plan = makePlan(
      defaultInputs({ push: false, build: { annotations, outputs: ['type=oci,dest=app.tar'] } }),
      CONTAINER,
      RUN,
    );
    expect(plan.buildAnnotations).toEqual(annotations);
    expect(plan.warnings).toEqual([]);
  });

  test('no annotations → none anywhere', () => {
    const plan = makePlan(defaultInputs(), DOCKER_PLAIN, RUN);
    expect(plan.buildAnnotations).toEqual([]);
    expect(plan.indexAnnotations).toEqual({});
  });
});

describe('makePlan: cache-to', () => {
  const DOCKER_CACHE_WARNING =
    'The docker driver cannot export build cache except inline: cache-to is ignored ' +
    '(use driver: docker-container to export it).';

  test.each<[string, string[], BuilderFacts, string[], string[]]>([
    [
      'docker-container keeps every exporter',
      ['type=gha,mode=max', 'type=registry,ref=ghcr.io/acme/cache', 'type=inline'],
      CONTAINER,
      ['type=gha,mode=max', 'type=registry,ref=ghcr.io/acme/cache', 'type=inline'],
      [],
    ],
    ['docker driver keeps inline, without a warning', ['type=inline'], DOCKER_CONTAINERD, ['type=inline'], []],
    [
      'docker driver drops gha and registry (and a bare reference), with one warning',
      ['type=gha,mode=max', 'type=inline', 'ghcr.io/acme/cache:buildcache', 'mode=max, type=registry,ref=x'],
      DOCKER_PLAIN,
      ['type=inline'],
      [DOCKER_CACHE_WARNING],
    ],
    [
      'docker driver, only non-inline → nothing, one warning',
      ['type=local,dest=/tmp/c'],
      DOCKER_CONTAINERD,
      [],
      [DOCKER_CACHE_WARNING],
    ],
    ['docker driver, no cache-to → nothing, no warning', [], DOCKER_PLAIN, [], []],
  ])('%s', (_name, cacheTo, builder, kept, warnings) => {
    const plan = makePlan(defaultInputs({ build: { cacheTo } }), builder, RUN);
    for (const build of plan.builds) expect(build.cacheTo).toEqual(kept);
    expect(plan.warnings).toEqual(warnings);
  });
});

describe('makePlan: the cache convenience input', () => {
  test.each<[string, InputOverrides, BuilderFacts, Record<string, { from: string[]; to: string[] }>]>([
    [
      'gha, fan-out: one scope per platform',
      { cache: 'gha', mode: 'fan-out' },
      CONTAINER,
      {
        'linux-amd64': {
          from: ['type=gha,scope=acme-app-linux-amd64'],
          to: ['type=gha,scope=acme-app-linux-amd64,mode=max,ignore-error=true'],
        },
        'linux-arm64': {
          from: ['type=gha,scope=acme-app-linux-arm64'],
          to: ['type=gha,scope=acme-app-linux-arm64,mode=max,ignore-error=true'],
        },
      },
    ],
    [
      'gha, multi: one scope for the one build',
      { cache: 'gha' },
      CONTAINER,
      {
        all: { from: ['type=gha,scope=acme-app-all'], to: ['type=gha,scope=acme-app-all,mode=max,ignore-error=true'] },
      },
    ],
    [
      // Regression: a one-platform build in mode auto (a reusable-workflow leg with push false) was named `all`, so
      // the legs of every platform shared one scope and each rebuild missed. With push false it only reads.
      'gha, auto with one platform: the scope of that platform, as a shard has',
      { cache: 'gha', push: false, platforms: ['linux/arm64'] },
      CONTAINER,
      { 'linux-arm64': { from: ['type=gha,scope=acme-app-linux-arm64'], to: [] } },
    ],
    [
      'gha, a pull request: the same scope name (the cache service keeps each ref to its own entries)',
      { cache: 'gha', mode: 'shard', platforms: ['linux/arm64'], runRef: PULL_REQUEST },
      CONTAINER,
      {
        'linux-arm64': {
          from: ['type=gha,scope=acme-app-linux-arm64'],
          to: ['type=gha,scope=acme-app-linux-arm64,mode=max,ignore-error=true'],
        },
      },
    ],
    [
      'registry, a shard of one platform: a cache tag per platform next to the image',
      { cache: 'registry', mode: 'shard', platforms: ['linux/arm64'], runRef: DEFAULT_BRANCH },
      CONTAINER,
      {
        'linux-arm64': {
          from: ['type=registry,ref=ghcr.io/acme/app:buildcache-linux-arm64-branch-main'],
          to: ['type=registry,ref=ghcr.io/acme/app:buildcache-linux-arm64-branch-main,mode=max,ignore-error=true'],
        },
      },
    ],
    [
      "the user's own cache-from and cache-to come first, for every build",
      {
        cache: 'gha',
        mode: 'fan-out',
        platforms: ['linux/arm64'],
        build: { cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=min'] },
      },
      CONTAINER,
      {
        'linux-arm64': {
          from: ['type=gha', 'type=gha,scope=acme-app-linux-arm64'],
          to: ['type=gha,mode=min', 'type=gha,scope=acme-app-linux-arm64,mode=max,ignore-error=true'],
        },
      },
    ],
    [
      'none adds nothing',
      { cache: 'none', mode: 'fan-out', platforms: ['linux/arm64'] },
      CONTAINER,
      { 'linux-arm64': { from: [], to: [] } },
    ],
    [
      'the docker driver cannot: nothing added (and a warning)',
      { cache: 'gha', mode: 'fan-out', platforms: ['linux/arm64'] },
      DOCKER_PLAIN,
      { 'linux-arm64': { from: [], to: [] } },
    ],
  ])('%s', (_name, overrides, builder, expected) => {
    const plan = makePlan(defaultInputs(overrides), builder, RUN);
    expect(Object.fromEntries(plan.builds.map((b) => [b.name, { from: b.cacheFrom, to: b.cacheTo }]))).toEqual(
      expected,
    );
    const warned = plan.warnings.some((warning) => warning.includes('cannot use cache'));
    expect(warned).toBe(builder.driver === 'docker' && overrides.cache !== 'none');
  });
});

describe('makePlan: the registry cache, scoped by ref', () => {
  const tag = (scope: string): string => `type=registry,ref=ghcr.io/acme/app:buildcache-all-${scope}`;
  const written = (scope: string): string => `${tag(scope)},mode=max,ignore-error=true`;

  test.each<[string, InputOverrides, { from: string[]; to: string[] }]>([
    [
      'the default branch: reads and writes its own scope',
      { runRef: DEFAULT_BRANCH },
      {
        from: [tag('branch-main')],
        to: [written('branch-main')],
      },
    ],
    [
      "a branch: reads its own scope, then the default branch's; writes only its own",
      { runRef: { ref: 'refs/heads/feature/login', defaultBranch: 'main' } },
      {
        from: [tag('branch_feature-login-3de6205b6fa832ed'), tag('branch-main')],
        to: [written('branch_feature-login-3de6205b6fa832ed')],
      },
    ],
    [
      "a pull request: reads its own scope, then the default branch's; writes only its own",
      { runRef: PULL_REQUEST },
      { from: [tag('pr-42'), tag('branch-main')], to: [written('pr-42')] },
    ],
    [
      "a tag: reads the default branch's scope, writes nothing",
      { runRef: { ref: 'refs/tags/v1.2.3', defaultBranch: 'main' } },
      { from: [tag('branch-main')], to: [] },
    ],
    [
      'push false, the default branch: reads, writes nothing',
      { push: false, runRef: DEFAULT_BRANCH },
      { from: [tag('branch-main')], to: [] },
    ],
    [
      'push false, a pull request: reads, writes nothing',
      { push: false, runRef: PULL_REQUEST },
      { from: [tag('pr-42'), tag('branch-main')], to: [] },
    ],
    [
      "push false: the user's own cache-to is written as given",
      { push: false, runRef: PULL_REQUEST, build: { cacheTo: ['type=registry,ref=ghcr.io/acme/cache:pr'] } },
      { from: [tag('pr-42'), tag('branch-main')], to: ['type=registry,ref=ghcr.io/acme/cache:pr'] },
    ],
    [
      'the default branch unknown (no event payload): a branch reads and writes only its own scope',
      { runRef: { ref: 'refs/heads/feature/login' } },
      { from: [tag('branch_feature-login-3de6205b6fa832ed')], to: [written('branch_feature-login-3de6205b6fa832ed')] },
    ],
    ['no ref (outside a runner): one local scope', { runRef: {} }, { from: [tag('local')], to: [written('local')] }],
  ])('%s', (_name, overrides, expected) => {
    const plan = makePlan(defaultInputs({ cache: 'registry', ...overrides }), CONTAINER, RUN);
    expect(plan.builds.map((build) => ({ from: build.cacheFrom, to: build.cacheTo }))).toEqual([expected]);
  });
});

describe('describePlan', () => {
  test.each<[string, InputOverrides, BuilderFacts, string]>([
    [
      'multi by digest',
      {},
      CONTAINER,
      'one multi-platform build for linux/amd64, linux/arm64; pushed by digest; publish: post',
    ],
    [
      'fan-out under temporary tags',
      {},
      DOCKER_PLAIN,
      '2 builds, one per platform for linux/amd64, linux/arm64; pushed under run-unique temporary tags ' +
        '(the driver cannot push by digest); publish: post',
    ],
    [
      'no push',
      { push: false },
      CONTAINER,
      'one multi-platform build for linux/amd64, linux/arm64; no push; publish: false',
    ],
  ])('%s', (_name, overrides, builder, text) => {
    expect(describePlan(makePlan(defaultInputs(overrides), builder, RUN))).toBe(text);
  });
});
