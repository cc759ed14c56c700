// Issue 23, item 5: a builder of several BuildKit nodes, one per platform, named in `builder`, as a workflow makes
// with setup-buildx-action's append; and a node whose BuildKit dies mid-build, in such a builder and in the one the
// action creates. Each node's own BuildKit is asked what it built (support/builders.ts), the registry directly.
import { randomBytes } from 'node:crypto';
import { describeWithLab, lab } from './lab.js';
import {
  archContext,
  docker,
  getIndex,
  imagePlatforms,
  listTags,
  resolve,
  runArch,
  uniqueRepository,
  type IndexJson,
} from './probe.js';
import {
  buildRecords,
  createMultiNodeBuilder,
  killNodeWhenRunning,
  nodeContainer,
  nodeContainers,
  removeBuildersLeft,
  runningContainer,
  type LabBuilder,
} from './support/builders.js';
import { builderExists, driverInputs, tagsPutBesides } from './support/drivers.js';
import {
  BOTH_PLATFORMS,
  expectSucceeded,
  labelContext,
  newRunId,
  runState,
  runStep,
  stepLog,
  type StepOptions,
  type StepResult,
} from './support/steps.js';

const PLATFORMS = BOTH_PLATFORMS.split(',');

/** The nodes `docker buildx inspect` lists for a builder, or undefined when buildx knows no such builder. */
function inspectedNodes(builder: string): string[] | undefined {
  const inspected = docker(['buildx', 'inspect', builder]);
  if (inspected.status !== 0) return undefined;
  const nodesSection = inspected.stdout.slice(inspected.stdout.indexOf('\nNodes:'));
  return [...nodesSection.matchAll(/^Name:\s+(\S+)$/gm)].map((match) => match[1] ?? '');
}

/** The images a digest stands for: itself for an image manifest, its children for an index. */
async function imagesOf(repository: string, digest: string): Promise<string[]> {
  const manifest = await getIndex(repository, digest);
  // An image manifest has no `manifests` (getIndex reads every manifest as an index).
  const children = manifest.manifests as IndexJson['manifests'] | undefined;
  return children === undefined ? [digest] : children.map((child) => child.digest);
}

/** The digest of the image an index lists for `platform`. */
function imageFor(index: IndexJson, platform: string): string | undefined {
  return index.manifests.find((m) => `${m.platform?.os ?? ''}/${m.platform?.architecture ?? ''}` === platform)?.digest;
}

describeWithLab('a builder of two nodes, one per platform, named in `builder`', () => {
  let builder: LabBuilder | undefined;

  beforeAll(() => {
    builder = createMultiNodeBuilder('multi-node', PLATFORMS);
  });

  afterAll(() => {
    builder?.remove();
  });

  const farm = (): LabBuilder => {
    if (builder === undefined) throw new Error('the builder was not created');
    return builder;
  };

  /**
   * The step in `mode` on the builder, run before the tests of the describe block that calls this, in a repository
   * of its own; `nonce` marks its builds in each node's records.
   */
  function stepOnFarm(mode: string): { repository: string; nonce: string; step: () => StepResult } {
    const repository = uniqueRepository(`multi-node-${mode}`);
    const nonce = randomBytes(8).toString('hex');
    let step: StepResult | undefined;
    beforeAll(async () => {
      step = await runStep({
        builder: farm().name,
        mode,
        platforms: BOTH_PLATFORMS,
        tags: `${lab.registry}/${repository}:v1`,
        context: archContext(),
        provenance: 'false',
        'build-args': `E2E_NONCE=${nonce}`,
      });
    });
    return {
      repository,
      nonce,
      step: () => {
        if (step === undefined) throw new Error(`the ${mode} step did not run`);
        return step;
      },
    };
  }

  /** The step succeeded: v1 is its index of both platforms, and no other tag was ever put in the repository. */
  async function expectPublishedUnderV1Only(repository: string, step: StepResult): Promise<void> {
    expectSucceeded(step);
    expect(await resolve(repository, 'v1')).toBe(step.outputs.digest);
    expect(imagePlatforms(await getIndex(repository, 'v1'))).toEqual(PLATFORMS);
    expect(await listTags(repository)).toEqual(['v1']);
    expect(tagsPutBesides(repository, ['v1'])).toEqual([]);
  }

  /** Each node's BuildKit got this run's builds of its own platform only, and what it exported was pushed. */
  async function expectEachNodeBuiltItsPlatform(repository: string, nonce: string): Promise<Record<string, string>> {
    const exported: Record<string, string> = {};
    for (const node of farm().nodes) {
      const records = buildRecords(node).filter((record) => record.buildArgs.E2E_NONCE === nonce);
      expect({ node: node.name, platforms: records.map((record) => record.platforms) }).toEqual({
        node: node.name,
        platforms: [[node.platform]],
      });
      const images = await imagesOf(repository, records[0]?.results[0] ?? 'none');
      expect(images).toHaveLength(1);
      exported[node.platform] = images[0] ?? '';
    }
    return exported;
  }

  describe('mode fan-out: a build per platform, each on its own node', () => {
    const { repository, nonce, step } = stepOnFarm('fan-out');

    test('the step publishes one index of both platforms under the final tag, and never puts another tag', async () => {
      await expectPublishedUnderV1Only(repository, step());
    });

    test("each node's BuildKit built its own platform, and that image is the one published for it", async () => {
      const exported = await expectEachNodeBuiltItsPlatform(repository, nonce);
      const published = await getIndex(repository, 'v1');
      for (const platform of PLATFORMS) expect(exported[platform]).toBe(imageFor(published, platform));
    });

    test('each platform image runs as that platform', () => {
      expect(runArch(`${lab.registry}/${repository}:v1`, 'linux/amd64')).toBe('x86_64');
      expect(runArch(`${lab.registry}/${repository}:v1`, 'linux/arm64')).toBe('aarch64');
    });

    test("post kept the user's builder and both its nodes", () => {
      expect(inspectedNodes(farm().name)).toEqual(farm().nodes.map((node) => node.name));
    });
  });

  // buildx merges a multi-platform build's results from several nodes itself, and pushes the merged index under a
  // tag whatever push-by-digest says: auto builds each platform on its node instead, and mode multi is refused.
  describe('mode auto: a build per platform, spread over the nodes, one index assembled by the action', () => {
    const { repository, nonce, step } = stepOnFarm('auto');

    test('the step runs one build per platform, and each node builds its own', async () => {
      expect(
        step()
          .main.stdout.match(/^Building .*$/gm)
          ?.sort(),
      ).toEqual(PLATFORMS.map((p) => `Building ${p}`));
      await expectEachNodeBuiltItsPlatform(repository, nonce);
    });

    test('the step publishes one index of both platforms under the final tag, and never puts another tag', async () => {
      await expectPublishedUnderV1Only(repository, step());
    });

    test("post kept the user's builder and both its nodes", () => {
      expect(step().post?.exitCode).toBe(0);
      expect(inspectedNodes(farm().name)).toEqual(farm().nodes.map((node) => node.name));
    });
  });

  describe('mode multi: refused before anything is built', () => {
    const { repository, step } = stepOnFarm('multi');

    test('the step fails naming the builder and its nodes, and puts nothing in the registry', async () => {
      expect(step().main.exitCode).toBe(1);
      expect(step().main.stdout).toContain(`::error::"mode" is multi, but builder "${farm().name}" has 2 nodes`);
      expect(await listTags(repository)).toEqual([]);
      expect(tagsPutBesides(repository, [])).toEqual([]);
    });
  });
});

describeWithLab('a BuildKit node that dies mid-build', () => {
  /**
   * A step whose build waits in a RUN step until `container()`'s BuildKit is killed. The RUN outlives the test's
   * patience, and its command line carries a marker the kill looks for: the build is under way on that node.
   */
  async function stepKillingNode(
    container: () => Promise<string | undefined>,
    inputs: Record<string, string>,
    options: StepOptions = {},
  ): Promise<{ step: StepResult; killed: string | undefined; repository: string; error: string }> {
    const repository = uniqueRepository('node-dies');
    const marker = `e2e-node-dies-${randomBytes(8).toString('hex')}`;
    const stop = new AbortController();
    const killed = killNodeWhenRunning(container, marker, stop.signal);
    const step = await runStep(
      {
        platforms: BOTH_PLATFORMS,
        tags: `${lab.registry}/${repository}:latest`,
        context: labelContext([`RUN sleep 120; echo ${marker}`]),
        provenance: 'false',
        ...inputs,
      },
      options,
    ).finally(() => {
      stop.abort();
    });
    const [error = ''] = /^::error::.*$/m.exec(step.main.stdout) ?? [];
    return { step, killed: await killed, repository, error };
  }

  /** Main failed, post succeeded, and the registry holds no tag of the run: nothing was published. */
  async function expectNothingPublished(step: StepResult, repository: string): Promise<void> {
    expect({
      main: step.main.exitCode,
      post: step.post?.exitCode,
      // The step's log when post failed: the diff then says why.
      postFailure: step.post?.exitCode === 0 ? '' : stepLog(step),
    }).toEqual({ main: 1, post: 0, postFailure: '' });
    expect(await resolve(repository, 'latest')).toBeUndefined();
    expect(await listTags(repository)).toEqual([]);
  }

  test('in the builder the user named: the step fails naming that node, nothing is published, the builder is kept', async () => {
    const builder = createMultiNodeBuilder('node-dies', PLATFORMS);
    try {
      const arm64 = builder.nodes.find((node) => node.platform === 'linux/arm64');
      const { step, killed, repository, error } = await stepKillingNode(() => Promise.resolve(arm64?.container), {
        builder: builder.name,
      });
      expect(killed).toBe(arm64?.container);
      await expectNothingPublished(step, repository);
      expect(error).toContain(`node ${arm64?.name ?? ''} of builder ${builder.name} is stopped`);
      expect(inspectedNodes(builder.name)).toEqual(builder.nodes.map((node) => node.name));
    } finally {
      builder.remove();
    }
  });

  test('in the builder the action created: the step fails naming it, nothing is published, post removes it', async () => {
    const runId = newRunId();
    // Every builder this run creates is named multiarch-<run id>-… (src/plan/temporary-tag.ts).
    const runBuilders = `multiarch-${runId}-`;
    try {
      const { step, killed, repository, error } = await stepKillingNode(
        () => runningContainer(nodeContainer(runBuilders)),
        driverInputs('docker-container'),
        { runId },
      );
      const created = runState(step).builder?.name ?? '';
      expect(created.startsWith(runBuilders)).toBe(true);
      expect(killed).toBe(nodeContainer(`${created}0`));
      await expectNothingPublished(step, repository);
      expect(error).toContain(`node ${created}0 of builder ${created} is stopped`);
      // Post removed the builder and its node's container, dead as it was, and said so.
      expect(step.post?.stdout).toContain(`Removed builder ${created}`);
      expect(builderExists(created)).toBe(false);
      expect(docker(['buildx', 'ls']).stdout).not.toContain(runBuilders);
      expect(nodeContainers(runBuilders)).toEqual([]);
    } finally {
      removeBuildersLeft(runBuilders);
    }
  });
});
