// Issue 7, nothing lost: the action against a registry that fails, a runner that dies mid-step, two runs racing
// for the same tag, and the deletion invariant. The registry is always checked directly (127.0.0.1:5000, never
// through the proxy) with plain HTTP (probe.ts, support/registry-inspect.ts), not with the action's own client.
// A tag shown as `name (dangling)` in a failure is one the registry lists but serves nothing under: what a dummy
// DELETE that failed half-way would leave (see 'deleting a dummy by digest').
import { randomInt } from 'node:crypto';
import type { ActionRun } from '../../scripts/local-runner.js';
import { DockerCli } from '../../src/docker/cli.js';
import { buildxAtLeast } from '../../src/plan/buildx-version.js';
import { DEFAULT_RETRY_POLICY } from '../../src/retry.js';
import { describeWithLab, lab } from './lab.js';
import { docker, listTags, resolve, uniqueRepository } from './probe.js';
import {
  seededFaults,
  startFaultProxy,
  type Fault,
  type FaultProxy,
  type ProxiedRequest,
} from './support/fault-proxy.js';
import { builderExists, driverInputs, LAB_DRIVERS, tagsPutBesides, type LabDriver } from './support/drivers.js';
import { crashStep } from './support/processes.js';
import {
  childrenByPlatform,
  fetchManifest,
  imageConfig,
  missingParts,
  putManifest,
  tagsAsServed,
} from './support/registry-inspect.js';
import {
  BOTH_PLATFORMS,
  TEMP_TAG_PREFIX,
  expectSucceeded,
  hoursAgo,
  labelContext,
  oldRunId,
  runShardsThenMerge,
  runState,
  runStep,
  stepLog,
  summarySection,
  temporaryTagsOfRun,
  type StepResult,
} from './support/steps.js';

/** The action's bundle: the script of every main and post process the local runner starts. */
const ACTION_SCRIPT = 'dist/index.js';

const FAULT_KINDS: readonly Fault[] = [
  'too-many-requests',
  'internal-error',
  'bad-gateway',
  'unavailable',
  'reset',
  'reset-mid-body',
  'slow',
];
/** The share of the action's own requests that fail; FAULT_RATE overrides it (higher, to make rare paths common). */
const FAULT_RATE = Number(process.env.FAULT_RATE ?? 0.2);
/** Before it, buildx on the docker driver pushes every image twice (see engineFaultRate). */
const BUILDX_PUSHING_ONCE = '0.22.0';
const OLD_BUILDX_ENGINE_FAULT_RATE = 0.05;
const FAULT_RUNS = Number(process.env.FAULT_RUNS ?? 20);
/** Set (with FAULT_SEED) to repeat one run of the loop below, with the faults it drew. */
const FAULT_RUN = process.env.FAULT_RUN === undefined ? undefined : Number(process.env.FAULT_RUN);

/**
 * The share of the engine's push requests that fail: the action's own, except under buildx before 0.22. On the
 * docker driver that one pushes every image twice (BuildKit's push, then its "pushing … with docker" step: the
 * engine's own push of the same name), so each attempt makes about twice the engine's requests, and at 20% a build
 * can fail all of ENGINE_PUSH_RETRY_POLICY's attempts (seen with 0.13.1). FAULT_ENGINE_RATE overrides it.
 */
function engineFaultRate(driver: LabDriver, buildxVersion: string): number {
  if (process.env.FAULT_ENGINE_RATE !== undefined) return Number(process.env.FAULT_ENGINE_RATE);
  if (driver === 'docker-container') return FAULT_RATE;
  return buildxAtLeast(buildxVersion, BUILDX_PUSHING_ONCE) ? FAULT_RATE : OLD_BUILDX_ENGINE_FAULT_RATE;
}

/**
 * A proxy in front of the lab registry failing FAULT_RATE of the action's own requests and `engineRate` of the
 * engine's push requests, each drawn from `seed`. The engine (dockerd, driver docker) retries no single request of a
 * push, so the action re-runs the whole build (at most ENGINE_PUSH_RETRY_POLICY.maxAttempts times); each attempt
 * skips the blobs already pushed.
 */
function faultyRegistry(seed: number, engineRate: number): Promise<FaultProxy> {
  const action = seededFaults({ seed, rate: FAULT_RATE, kinds: FAULT_KINDS });
  const engine = seededFaults({ seed: seed + 1_000_000, rate: engineRate, kinds: FAULT_KINDS });
  return startFaultProxy({
    target: lab.registry,
    chooseFault: (request) => (fromEngine(request) ? engine.chooseFault() : action.chooseFault()),
    retryAfterSeconds: 1,
    slowMs: 1_000,
    lifetimeMs: 300_000,
  });
}

/** A proxy that passes everything until the test starts an outage. */
function healthyProxy(): Promise<FaultProxy> {
  return startFaultProxy({ target: lab.registry, lifetimeMs: 300_000 });
}

const fromAction = (request: ProxiedRequest): boolean => request.userAgent.startsWith('multiarch-build');
/** dockerd's own push (`docker/…`) and its BuildKit's (`buildkit/…`): the build's side of the traffic. */
const fromEngine = (request: ProxiedRequest): boolean => /^(docker|buildkit)\//.test(request.userAgent);

type Flow = 'multi' | 'fan-out' | 'shard-merge';

interface FlowRun {
  steps: StepResult[];
  /** The step whose outputs name the published index: the merge in the matrix flow. */
  publisher: StepResult;
}

/** One run of a flow: one step (multi, fan-out), or two shards in parallel then the merge, as one workflow run. */
async function runFlow(flow: Flow, inputs: Record<string, string>): Promise<FlowRun> {
  if (flow !== 'shard-merge') {
    const step = await runStep({ ...inputs, mode: flow, platforms: BOTH_PLATFORMS });
    return { steps: [step], publisher: step };
  }
  const { shards, merge } = await runShardsThenMerge(inputs);
  return { steps: [...shards, merge], publisher: merge };
}

const succeeded = (run: FlowRun): boolean =>
  run.steps.every((step) => step.main.exitCode === 0 && step.post?.exitCode === 0);

/** How each failed step of a run ended: its exit codes and its ::error:: lines (or the end of its stderr). */
function failures(run: FlowRun): string[] {
  return run.steps
    .filter((step) => step.main.exitCode !== 0 || step.post?.exitCode !== 0)
    .map((step) => {
      const ended = (part: ActionRun | undefined) =>
        `${String(part?.exitCode)}${part?.signal ? ` ${part.signal}` : ''}`;
      const errors = stepLog(step)
        .split('\n')
        .filter((line) => line.startsWith('::error::'));
      const why =
        errors.length > 0
          ? errors.join(' | ')
          : `stderr: ${(step.main.stderr + (step.post?.stderr ?? '')).slice(-500)}`;
      return `main ${ended(step.main)}, post ${ended(step.post)}: ${why}`;
    });
}

/**
 * What is wrong with what a run published under `tag`: the tag must resolve to outputs.digest, an index of exactly
 * linux/amd64 and linux/arm64, the images platform-digests names, each labelled with this run's label.
 */
async function publishProblems(repository: string, tag: string, label: string, run: FlowRun): Promise<string[]> {
  if (!succeeded(run)) return failures(run);
  const problems: string[] = [];
  const digest = run.publisher.outputs.digest ?? '';
  const resolved = await resolve(repository, tag);
  if (resolved !== digest) problems.push(`${tag} resolves to ${String(resolved)}, not ${digest}`);
  const index = await fetchManifest(repository, tag);
  const children = index ? childrenByPlatform(index) : {};
  const reported = JSON.parse(run.publisher.outputs['platform-digests'] ?? '{}') as Record<string, string>;
  if (Object.keys(children).sort().join(',') !== BOTH_PLATFORMS) {
    problems.push(`the index under ${tag} lists ${JSON.stringify(children)}`);
  }
  for (const [platform, child] of Object.entries(children)) {
    if (reported[platform] !== child)
      problems.push(`platform-digests says ${platform} is ${String(reported[platform])}`);
    const config = await imageConfig(repository, child);
    if (config.config?.Labels?.['e2e.run'] !== label) problems.push(`${platform} is not this run's image`);
  }
  return problems;
}

/**
 * What a run left that it should not have: a temporary tag of its own, or a final tag after a failed step; and,
 * where the driver pushes by digest, any tag it put besides the final one (`tagsPut`, from the proxy), left or not.
 */
async function leakProblems(
  repository: string,
  tag: string,
  run: FlowRun,
  tagsPut: string[] | undefined,
): Promise<string[]> {
  const tags = await tagsAsServed(repository);
  const runIds = [...new Set(run.steps.map((step) => step.runId))];
  const leftovers = runIds.flatMap((runId) => temporaryTagsOfRun(tags, runId));
  const problems: string[] = [];
  if (leftovers.length > 0) {
    const lines = run.steps.flatMap((step) => stepLog(step).split('\n'));
    // What the steps said about it, if anything: a tag left with no warning is the worse bug.
    const warnings = lines.filter((line) => line.startsWith('::warning::'));
    // And every line that names one: what main and post did with it (a CI log keeps only a failure's last lines).
    const mentions = lines
      .filter((line) => leftovers.some((left) => line.includes(left.replace(/ \(dangling\)$/, ''))))
      .map((line) => line.slice(0, 400));
    problems.push(
      `temporary tags left: ${leftovers.join(', ')}; warnings: ${warnings.join(' | ') || 'none'}; ` +
        `the steps' lines naming them: ${mentions.join(' | ') || 'none'}`,
    );
  }
  if (!succeeded(run) && tags.includes(tag)) problems.push(`${tag} was published by a run that failed`);
  const besides = (tagsPut ?? []).filter((put) => put !== tag);
  if (besides.length > 0) problems.push(`tags put besides the final one, pushing by digest: ${besides.join(', ')}`);
  return problems;
}

/** The tags a proxy saw put in `repository` (manifest PUTs by tag, not by digest). */
function tagsPutThrough(proxy: FaultProxy, repository: string): string[] {
  const prefix = `/v2/${repository}/manifests/`;
  return proxy.requests
    .filter((request) => request.method === 'PUT' && request.url.startsWith(prefix))
    .map((request) => request.url.slice(prefix.length))
    .filter((reference) => !reference.startsWith('sha256:'));
}

/** A run of the loop below, as its report and a failure name it. */
function runLine(r: { n: number; flow: Flow; seed: number; seconds: number }): string {
  return `run ${r.n} (${r.flow}, seed ${r.seed}, ${r.seconds.toFixed(1)} s)`;
}

describeWithLab.each(LAB_DRIVERS)(
  `a registry failing ~${FAULT_RATE * 100}% of the requests, the engine's too (on the docker driver from buildx ${BUILDX_PUSHING_ONCE} on), driver %s (429, 5xx, resets, slow answers)`,
  (driver) => {
    const baseSeed = Number(process.env.FAULT_SEED ?? randomInt(2 ** 31));
    const context = labelContext();

    test(`${FAULT_RUNS} runs in a row across multi, fan-out and shard+merge: each publishes a complete index, nothing is left`, async () => {
      const buildxVersion = await new DockerCli().buildxVersion();
      const engineRate = engineFaultRate(driver, buildxVersion);
      console.log(
        `fault seed ${baseSeed}: run n draws its faults from seed ${baseSeed}+n ` +
          `(FAULT_SEED=${baseSeed} repeats them all, with FAULT_RUN=n only run n); ` +
          `the engine's requests fail at ${engineRate} (buildx ${buildxVersion})`,
      );
      const flows: Flow[] = ['multi', 'fan-out', 'shard-merge'];
      const runs = Array.from({ length: FAULT_RUNS }, (_, n) => ({
        n,
        flow: flows[n % flows.length] ?? 'multi',
      })).filter(({ n }) => FAULT_RUN === undefined || n === FAULT_RUN);
      // One lane per flow, the three at once; a lane's runs follow each other and share a repository (distinct tags).
      // Each run goes through a proxy of its own, seeded with the run's seed.
      const lanes = flows.map((flow) => ({
        repository: uniqueRepository(`faults-${flow}-${driver}`),
        runs: runs.filter((run) => run.flow === flow),
      }));
      const injected = { requests: 0, engine: 0, action: 0 };

      const outcomes = await Promise.all(
        lanes.map(async ({ repository, runs: laneRuns }) => {
          const results = [];
          for (const { n, flow } of laneRuns) {
            const seed = baseSeed + n;
            const proxy = await faultyRegistry(seed, engineRate);
            const started = Date.now();
            try {
              const tag = `run-${n}`;
              const label = `run-${n}-seed-${seed}`;
              const run = await runFlow(flow, {
                ...driverInputs(driver, [proxy.host]),
                tags: `${proxy.host}/${repository}:${tag}`,
                context,
                provenance: 'false',
                'build-args': `RUN_LABEL=${label}`,
              });
              results.push({
                n,
                flow,
                seed,
                tag,
                published: succeeded(run),
                seconds: (Date.now() - started) / 1000,
                publishProblems: await publishProblems(repository, tag, label, run),
                leakProblems: await leakProblems(
                  repository,
                  tag,
                  run,
                  driver === 'docker-container' ? tagsPutThrough(proxy, repository) : undefined,
                ),
              });
            } finally {
              await proxy.stop();
              const failed = proxy.requests.filter((request) => request.fault !== 'pass' && request.fault !== 'slow');
              injected.requests += proxy.requests.length;
              injected.engine += failed.filter(fromEngine).length;
              injected.action += failed.filter(fromAction).length;
            }
          }
          return { tags: await tagsAsServed(repository), results };
        }),
      );

      const results = outcomes.flatMap((lane) => lane.results).sort((a, b) => a.n - b.n);
      console.log(
        [
          `${results.length} runs, ${injected.requests} requests; failures injected into the engine's pushes: ` +
            `${injected.engine}, into the action's own requests: ${injected.action}`,
          ...results.map((r) => `${runLine(r)}: ${[...r.publishProblems, ...r.leakProblems].join('; ') || 'ok'}`),
        ].join('\n'),
      );
      expect(results).toHaveLength(FAULT_RUN === undefined ? FAULT_RUNS : 1);
      expect(injected.engine).toBeGreaterThan(0);
      expect(injected.action).toBeGreaterThan(0);
      // Nothing leaked, whatever happened: no temporary tag of any run, no final tag of a run that failed, and each
      // repository holds exactly the final tags of the runs that succeeded.
      // As one line per run, so that a failure's last lines (all a CI log may keep) say what went wrong.
      expect(
        results.filter((r) => r.leakProblems.length > 0).map((r) => `${runLine(r)}: ${r.leakProblems.join('; ')}`),
      ).toEqual([]);
      for (const lane of outcomes) {
        expect(lane.tags).toEqual(
          lane.results
            .filter((r) => r.published)
            .map((r) => r.tag)
            .sort(),
        );
      }
      expect(
        results
          .filter((r) => r.publishProblems.length > 0)
          .map((r) => `${runLine(r)}: ${r.publishProblems.join('; ')}`),
      ).toEqual([]);
    });
  },
);

// Only the docker driver has temporary tags, so only it deletes dummies.
describeWithLab('deleting a dummy by digest under registry faults, driver docker', () => {
  const context = labelContext();
  // A DELETE of the dummy answering 404 on a retry: the first got through (its answer lost), or distribution removed
  // the dummy's revision but not yet the tag. Either way the tag must end deleted, and nothing reported left.
  test.each([
    ['its answer is lost (the registry deleted it, the retry answers 404)', ['reset-mid-body']],
    ['it fails with 500, then answers 404 while the tag still stands', ['internal-error', 'manifest-unknown']],
  ] as const)('deleting a dummy by digest: %s: the tag is deleted and nothing is reported left', async (_, faults) => {
    const repository = uniqueRepository('dummy-delete');
    let deletes = 0;
    const proxy = await startFaultProxy({
      target: lab.registry,
      chooseFault: (request) => (request.method === 'DELETE' ? (faults[deletes++] ?? 'pass') : 'pass'),
    });
    try {
      const step = await runStep({
        mode: 'fan-out',
        platforms: BOTH_PLATFORMS,
        tags: `${proxy.host}/${repository}:latest`,
        context,
        provenance: 'false',
      });
      expectSucceeded(step);
      expect(deletes).toBeGreaterThan(faults.length);
      expect(await tagsAsServed(repository)).toEqual(['latest']);
      expect(summarySection(step.summary, 'Left behind')).toEqual([]);
      expect(stepLog(step)).not.toMatch(/::warning::Could not delete/);
    } finally {
      await proxy.stop();
    }
  });
});

describeWithLab('a registry that is down for good', () => {
  const context = labelContext();
  const inputs = (image: string) => ({
    mode: 'fan-out',
    platforms: BOTH_PLATFORMS,
    tags: `${image}:latest`,
    context,
    provenance: 'false',
  });

  test.each([
    ['answering 503 to everything', 'unavailable', /answered 503 UNAVAILABLE/],
    ['refusing connections', 'refused', /ECONNREFUSED/],
  ] as const)(
    '%s: main fails within the retry bound, before any build; nothing is published',
    async (_, how, reason) => {
      const repository = uniqueRepository(`down-${how}`);
      const proxy = await healthyProxy();
      if (how === 'unavailable') proxy.startOutage('unavailable');
      else await proxy.stop(); // its port now refuses connections
      try {
        const step = await runStep(inputs(`${proxy.host}/${repository}`));
        expect(step.main.exitCode).toBe(1);
        const [error, ...more] = step.main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
        expect(more).toEqual([]);
        // Says what it could not do, in which registry and repository, whether the server answered or not.
        expect(error).toMatch(/^::error::could not \w/);
        expect(error).toMatch(/127\.0\.0\.1:\d+\/(v2\/)?e2e\/down-/);
        expect(error).toMatch(reason);
        expect(error).toMatch(
          new RegExp(`\\(gave up after ${DEFAULT_RETRY_POLICY.maxAttempts} attempts in \\d+\\.\\d s\\)$`),
        );
        expect(step.main.stdout).not.toMatch(/^Building /m);
        // Bounded: DEFAULT_RETRY_POLICY's attempts within its minute, for main and again for post's stale-tag lookup.
        expect(step.mainMs).toBeLessThan(DEFAULT_RETRY_POLICY.maxElapsedMs);
        expect(step.post?.exitCode).toBe(0);
        expect(step.postMs).toBeLessThan(DEFAULT_RETRY_POLICY.maxElapsedMs);
        expect(await listTags(repository)).toEqual([]);
      } finally {
        await proxy.stop();
      }
    },
  );

  test('down from the moment the index is assembled: no final tag; post names each temporary tag it could not delete', async () => {
    const repository = uniqueRepository('down-mid-run');
    const proxy = await healthyProxy();
    // Both builds have pushed (main read each image as buildx reported its push): the registry dies at the action's
    // next request, the first that puts the assembled index together in the registry.
    let mainStdout = '';
    const down = proxy.outageAfter(
      (request) =>
        fromAction(request) && BOTH_PLATFORMS.split(',').every((platform) => pushCompleted(mainStdout, platform)),
      'unavailable',
    );
    let downAt = Number.POSITIVE_INFINITY;
    void down.then(() => (downAt = Date.now()));
    try {
      const step = await runStep(inputs(`${proxy.host}/${repository}`), {
        // Never kills: it only keeps main's output for the outage to look at.
        killMainWhen: (stdout) => {
          mainStdout = stdout;
          return false;
        },
      });
      expect(step.main.exitCode).toBe(1);
      expect(step.main.stdout).toMatch(
        new RegExp(
          `^::error::could not .*answered 503 .*\\(gave up after ${DEFAULT_RETRY_POLICY.maxAttempts} attempts in \\d+\\.\\d s\\)$`,
          'm',
        ),
      );
      expect(downAt).toBeLessThan(step.mainEndedAt);
      expect(step.mainEndedAt - downAt).toBeLessThan(DEFAULT_RETRY_POLICY.maxElapsedMs);
      expect(step.post?.exitCode).toBe(0);
      expect(step.postMs).toBeLessThan(DEFAULT_RETRY_POLICY.maxElapsedMs);

      const tags = await listTags(repository);
      expect(tags).not.toContain('latest');
      // The builds had pushed their temporary tags; with the registry down post cannot delete them, and says so.
      const temporary = runState(step).temporaryTags;
      expect(temporary).toHaveLength(2);
      expect(temporaryTagsOfRun(tags, step.runId)).toHaveLength(2);
      for (const reference of temporary) {
        expect(step.post?.stdout).toContain(`::warning::Could not delete the tag ${reference}:`);
      }
      expect(summarySection(step.summary, 'Left behind').sort()).toEqual([...temporary].sort());
    } finally {
      await proxy.stop();
    }
  });
});

/**
 * Whether `platform`'s build has pushed its image: BuildKit printed the `done` of its "pushing manifest for …" line.
 * (buildx before 0.22 then pushes the same image again, "with docker"; its image is in the registry already.)
 */
function pushCompleted(stdout: string, platform: string): boolean {
  const prefix = `[${platform}] #`;
  return stdout
    .split('\n')
    .some(
      (line) =>
        line.startsWith(prefix) && /^\d+ pushing manifest for \S+ (\d+\.\d+s )?done$/.test(line.slice(prefix.length)),
    );
}

describeWithLab('a runner that dies mid-step', () => {
  test.each(LAB_DRIVERS)(
    'main killed after the first platform was pushed, driver %s: post publishes nothing and removes what the run created',
    async (driver) => {
      const repository = uniqueRepository(`crash-main-${driver}`);
      // arm64 (emulated) takes 6 s longer, so that amd64 has pushed while arm64 still builds.
      const context = labelContext([
        'ARG NONCE',
        'RUN echo "$NONCE" > /nonce && if [ "$(uname -m)" = aarch64 ]; then sleep 6; fi',
      ]);
      let killedAt = 0;
      let leftByMain: string[] = [];
      const step = await runStep(
        {
          ...driverInputs(driver),
          mode: 'fan-out',
          platforms: BOTH_PLATFORMS,
          tags: `${lab.registry}/${repository}:latest`,
          context,
          provenance: 'false',
          'build-args': `NONCE=${randomInt(1e9)}`,
        },
        {
          killMainWhen: (stdout) => {
            if (!pushCompleted(stdout, 'linux/amd64')) return false;
            crashStep(ACTION_SCRIPT);
            killedAt = Date.now();
            return true;
          },
          beforePost: async () => {
            leftByMain = await listTags(repository);
          },
        },
      );
      expect(step.main.signal).toBe('SIGKILL');
      expect(step.main.stdout).not.toContain('Assemble index');
      const state = runState(step);
      if (driver === 'docker') {
        // The crash came after a push: amd64's temporary tag was there for post to find, arm64's was not yet.
        const temporary = state.temporaryTags.map((reference) => reference.slice(reference.lastIndexOf(':') + 1));
        expect(temporary).toHaveLength(2);
        expect(leftByMain).toEqual(temporary.filter((tag) => tag.endsWith('-linux-amd64')));
      } else {
        // Pushed by digest: main left no tag at all; post removed the builder main created, and the arm64 build in it.
        expect(state.temporaryTags).toEqual([]);
        expect(leftByMain).toEqual([]);
        expect(state.builder?.created).toBe(true);
        expect(builderExists(state.builder?.name ?? '')).toBe(false);
      }

      expect(step.post?.exitCode).toBe(0);
      expect(step.summary).toContain('Main did not finish: nothing was published.');
      expect(await tagsAsServed(repository)).toEqual([]);
      // The arm64 build died with main: nothing of it arrives later, when it would have pushed had it lived.
      await new Promise((done) => setTimeout(done, Math.max(0, killedAt + 8_000 - Date.now())));
      expect(await tagsAsServed(repository)).toEqual([]);
      if (driver === 'docker-container') expect(tagsPutBesides(repository, [])).toEqual([]);
    },
  );

  test('post killed in the middle of its first deletion: a later run removes the stale temporary tags, and only those', async () => {
    const repository = uniqueRepository('crash-post');
    const image = `${lab.registry}/${repository}`;
    const context = labelContext();
    const common = { mode: 'fan-out', platforms: BOTH_PLATFORMS, context, provenance: 'false' };

    // Run A: post is killed in the middle of its first deletion, once it has put the dummy under the tag (from then
    // on the registry answers nothing more: the runner is dying).
    const proxy = await healthyProxy();
    let crashed: StepResult;
    try {
      // Two hours ago, by an older run: its leftovers are stale for a later run with stale-tag-hours 1.
      crashed = await runStep(
        { ...common, tags: `${proxy.host}/${repository}:a` },
        {
          env: hoursAgo(2),
          runId: oldRunId(),
          duringPost: async (post) => {
            const firstDummy = proxy.outageAfter(
              (request) =>
                fromAction(request) &&
                request.method === 'PUT' &&
                request.url.includes(`/manifests/${TEMP_TAG_PREFIX}-`),
              'hold',
            );
            await Promise.race([firstDummy, post]);
            crashStep(ACTION_SCRIPT);
          },
        },
      );
    } finally {
      await proxy.stop();
    }
    expect(crashed.main.exitCode).toBe(0);
    expect(crashed.post?.signal).toBe('SIGKILL');
    expect(await resolve(repository, 'a')).toBe(crashed.outputs.digest);
    // Both temporary tags are left, one of them on its dummy (it no longer names the image it was pushed with).
    const leftByA = temporaryTagsOfRun(await listTags(repository), crashed.runId);
    expect(leftByA).toHaveLength(2);
    const images = Object.values(JSON.parse(crashed.outputs['platform-digests'] ?? '{}') as Record<string, string>);
    const onImages = await Promise.all(
      leftByA.map(async (tag) => images.includes((await resolve(repository, tag)) ?? '')),
    );
    expect(onImages.sort()).toEqual([false, true]);

    // Tags that look like the action's but are not its temporary tags (another prefix, another shape, the prefix
    // not at the start, a user's own tags), all pointing at a real image, all dated long ago where they carry a date.
    const longAgo = (Math.floor(Date.now() / 1000) - 30 * 86_400).toString(36);
    const lookAlikes = [
      'latest-amd64',
      `${TEMP_TAG_PREFIX}-release`,
      `${TEMP_TAG_PREFIX}-1-1-abcdef01-xyz`,
      `${TEMP_TAG_PREFIX}-1-1-abcdef01-${longAgo}-linux`,
      `${TEMP_TAG_PREFIX}-1-1-abcdeg01-${longAgo}-all`,
      `${TEMP_TAG_PREFIX}x-1-1-abcdef01-${longAgo}-all`,
      `v2-${TEMP_TAG_PREFIX}-1-1-abcdef01-${longAgo}-all`,
      `ci-tmp-1-1-abcdef01-${longAgo}-linux-amd64`,
      // The shape before temporary tags had a random part: a user's tag may look like it.
      `${TEMP_TAG_PREFIX}-1-1-abcdef01-${longAgo}-all`,
    ];
    const target = await fetchManifest(repository, 'a');
    if (target === undefined) throw new Error('run A published nothing');
    for (const tag of lookAlikes) await putManifest(repository, tag, target);

    // Run C: main only, still "in progress" (its temporary tags are fresh). Run D: the default 24 h threshold.
    const inProgress = await runStep({ ...common, tags: `${image}:c` }, { post: false });
    expect(inProgress.main.exitCode).toBe(0);
    const leftByC = temporaryTagsOfRun(await listTags(repository), inProgress.runId);
    expect(leftByC).toHaveLength(2);
    const patient = await runStep({ ...common, tags: `${image}:d`, 'stale-tag-hours': '24' });
    expectSucceeded(patient);
    expect(await tagsAsServed(repository)).toEqual([...lookAlikes, ...leftByA, ...leftByC, 'a', 'd'].sort());

    // Run B, a later run with a threshold of an hour: A's two-hour-old leftovers are swept; C's, fresh (a run in
    // progress), are not, and nothing else is.
    const sweeper = await runStep({ ...common, tags: `${image}:b`, 'stale-tag-hours': '1' });
    expectSucceeded(sweeper);
    expect(sweeper.post?.stdout).toContain(`Deleting 2 stale temporary tags of ${image}`);
    expect(await tagsAsServed(repository)).toEqual([...lookAlikes, ...leftByC, 'a', 'b', 'd'].sort());
    expect(summarySection(sweeper.summary, 'Temporary tags deleted')).toEqual(
      expect.arrayContaining(leftByA.map((tag) => `${image}:${tag}`)),
    );
  });
});

describeWithLab('two runs publishing the same tag at once', () => {
  test('both succeed, each deletes only its own temporary tags, the tag ends on one whole index', async () => {
    const repository = uniqueRepository('race');
    const tag = `${lab.registry}/${repository}:latest`;
    const context = labelContext();
    const runs = await Promise.all(
      (['multi', 'fan-out'] as const).map((mode) =>
        runStep({
          mode,
          platforms: BOTH_PLATFORMS,
          tags: tag,
          context,
          provenance: 'false',
          'build-args': `RUN_LABEL=${mode}`,
        }),
      ),
    );
    for (const run of runs) expectSucceeded(run);
    const [first, second] = runs.map((run) => run.outputs.digest);
    expect(first).not.toEqual(second);

    for (const run of runs) {
      const own = runState(run).temporaryTags;
      expect(own.length).toBeGreaterThan(0);
      expect(summarySection(run.summary, 'Temporary tags deleted').sort()).toEqual([...own].sort());
    }
    expect(await tagsAsServed(repository)).toEqual(['latest']);

    const final = await resolve(repository, 'latest');
    const winner = runs.find((run) => run.outputs.digest === final);
    expect(winner).toBeDefined();
    const index = await fetchManifest(repository, 'latest');
    if (index === undefined || winner === undefined) throw new Error('no index under latest');
    const children = childrenByPlatform(index);
    expect(children).toEqual(JSON.parse(winner.outputs['platform-digests'] ?? '{}'));
    // Never a mix: both images carry the winner's label.
    const label = winner === runs[0] ? 'multi' : 'fan-out';
    for (const child of Object.values(children)) {
      expect((await imageConfig(repository, child)).config?.Labels?.['e2e.run']).toBe(label);
    }
    expect(await missingParts(repository, winner.outputs.digest ?? '')).toEqual([]);
  });
});

describeWithLab('the invariant: no manifest of an index this action published is ever deleted', () => {
  test('after every deletion path, each published index and everything it lists is still there by digest', async () => {
    const repository = uniqueRepository('invariant');
    const image = `${lab.registry}/${repository}`;
    // One fixed label: every build below makes byte-identical images (the build cache), so every deletion below
    // aims at a tag on a manifest that a published index lists, or on a published index itself.
    const context = labelContext();
    const common = { context, provenance: 'false', 'build-args': 'RUN_LABEL=invariant' };
    const publish = async (flow: Flow, inputs: Record<string, string>): Promise<FlowRun> => {
      const run = await runFlow(flow, { ...common, ...inputs });
      for (const step of run.steps) expectSucceeded(step);
      return run;
    };

    // An older workflow's per-arch tags, built from the same sources.
    for (const arch of ['amd64', 'arm64']) {
      const output = `type=image,name=${image}:latest-${arch},push=true`;
      const build = ['buildx', 'build', '--platform', `linux/${arch}`, '--provenance=false', '--output', output];
      expect(docker([...build, '--build-arg', 'RUN_LABEL=invariant', context]).status).toBe(0);
    }
    const perArch = {
      'linux/amd64': await resolve(repository, 'latest-amd64'),
      'linux/arm64': await resolve(repository, 'latest-arm64'),
    };

    // 1. multi: its temporary tag is on the very index it publishes; cleanup-tags are on that index's images.
    const one = await publish('multi', {
      tags: `${image}:one`,
      'cleanup-tags': `${image}:latest-amd64,${image}:latest-arm64`,
    });
    const oneIndex = await fetchManifest(repository, 'one');
    expect(oneIndex && childrenByPlatform(oneIndex)).toEqual(perArch);
    // 2. fan-out: temporary tags on the images; cleanup-tags on the index run 1 published (another index).
    const two = await publish('fan-out', { tags: `${image}:two`, 'cleanup-tags': `${image}:one` });
    // 3. a crashed fan-out (main only): temporary tags on the same images, left for the sweep.
    //    It ran two hours ago, as an older run: stale for stale-tag-hours 1.
    const crashed = await runStep(
      { ...common, mode: 'fan-out', platforms: BOTH_PLATFORMS, tags: `${image}:three` },
      { post: false, env: hoursAgo(2), runId: oldRunId() },
    );
    expect(crashed.main.exitCode).toBe(0);
    expect(temporaryTagsOfRun(await listTags(repository), crashed.runId)).toHaveLength(2);
    // 4. shards + merge: the merge deletes the shards' temporary tags and sweeps run 3's. Its images carry its run's
    //    shard annotation, so its index is its own: cleanup-tags deletes run 2's tag, never the index under it.
    const four = await publish('shard-merge', {
      tags: `${image}:four`,
      'stale-tag-hours': '1',
      'cleanup-tags': `${image}:two`,
    });
    // 5. multi again (run 1's index again): cleanup-tags on run 4's tag.
    const five = await publish('multi', { tags: `${image}:five`, 'cleanup-tags': `${image}:four` });

    const [first, second, fourth, fifth] = [one, two, four, five].map((run) => run.publisher.outputs.digest ?? '');
    expect(new Set([first, fifth]).size).toBe(1);
    expect(new Set([first, second, fourth]).size).toBe(3);
    // The invariant: every published index, every manifest it lists, and their blobs, retrievable by digest.
    for (const index of [first, second, fourth]) expect(await missingParts(repository, index ?? '')).toEqual([]);
    // Every tag the runs deleted is gone (resolves to nothing); the last one stays.
    const resolved = async (tag: string) => [tag, await resolve(repository, tag)];
    const tags = ['latest-amd64', 'latest-arm64', 'one', 'two', 'three', 'four', 'five'];
    expect(Object.fromEntries(await Promise.all(tags.map(resolved)))).toEqual({
      'latest-amd64': undefined,
      'latest-arm64': undefined,
      one: undefined,
      two: undefined,
      three: undefined,
      four: undefined,
      five: first,
    });
    expect(temporaryTagsOfRun(await tagsAsServed(repository), crashed.runId)).toEqual([]);
  });
});

// Issue 27 item 1: a read-back that still shows the tag's previous image (a cache or replica in front of the registry
// acknowledged the PUT and never applied it) was taken as "another writer moved it", and the run reported success.
describeWithLab('a tag PUT acknowledged but never applied', () => {
  test('publish main: the step fails, says where the tag points and how to finish; the tag keeps its image', async () => {
    const repository = uniqueRepository('swallowed-put');
    const context = labelContext();
    const common = { mode: 'fan-out', platforms: BOTH_PLATFORMS, context, provenance: 'false', publish: 'main' };
    const earlier = await runStep({
      ...common,
      tags: `${lab.registry}/${repository}:latest`,
      'build-args': 'RUN_LABEL=a',
    });
    expectSucceeded(earlier);
    // Every PUT of the tag by this action is swallowed; everything else reaches the registry.
    const proxy = await startFaultProxy({
      target: lab.registry,
      chooseFault: (request) =>
        request.method === 'PUT' &&
        request.url === `/v2/${repository}/manifests/latest` &&
        request.userAgent.startsWith('multiarch-build')
          ? 'swallow-write'
          : 'pass',
    });
    try {
      const tag = `${proxy.host}/${repository}:latest`;
      const step = await runStep({
        ...driverInputs('docker', [proxy.host]),
        ...common,
        tags: tag,
        'build-args': 'RUN_LABEL=b',
      });
      expect(step.main.exitCode).toBe(1);
      const log = stepLog(step);
      expect(log).toContain(
        `${tag} points at ${earlier.outputs.digest ?? ''}: not published, it still points at its previous image after the PUT`,
      );
      expect(log).toContain(
        `To finish publishing, run: docker buildx imagetools create -t ${tag} ${proxy.host}/${repository}@`,
      );
      expect(log).not.toContain('by another writer');
      expect(await resolve(repository, 'latest')).toBe(earlier.outputs.digest);
    } finally {
      await proxy.stop();
    }
  });
});
