// Issue 3's promises, end to end against the lab with the docker driver: one step builds every platform,
// publishes one index under the final tags, and leaves no temporary tag behind.
import { describeWithLab, lab } from './lab.js';
import {
  archContext,
  engineImageNames,
  getIndex,
  imagePlatforms,
  listTags,
  resolve,
  runArch,
  uniqueRepository,
} from './probe.js';
import {
  BOTH_PLATFORMS,
  expectSucceeded,
  runStep,
  stepLog,
  TEMP_TAG_PREFIX,
  type StepResult,
} from './support/steps.js';

describeWithLab.each(['multi', 'fan-out'])('mode %s, two platforms, two final tags', (mode) => {
  const repository = uniqueRepository(`one-job-${mode}`);
  const image = `${lab.registry}/${repository}`;
  let run: StepResult;

  beforeAll(async () => {
    run = await runStep({
      mode,
      platforms: BOTH_PLATFORMS,
      tags: `${image}:latest,${image}:v1`,
      context: archContext(),
      provenance: 'false',
    });
  });

  test('main and post succeed and the digest output is set', () => {
    expectSucceeded(run);
    expect(run.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
  });

  test('both final tags resolve to the index whose digest is outputs.digest', async () => {
    expect(await resolve(repository, 'latest')).toBe(run.outputs.digest);
    expect(await resolve(repository, 'v1')).toBe(run.outputs.digest);
  });

  test('the registry holds the final tags and nothing else from the run', async () => {
    expect(await listTags(repository)).toEqual(['latest', 'v1']);
  });

  test('the engine holds no image under a temporary tag; a multi build stays there under the final tags', () => {
    // Before any test here pulls: what the engine holds is what the docker driver and post left in it.
    const names = engineImageNames()
      .filter((name) => name.startsWith(`${image}:`))
      .sort();
    expect(names).toEqual(mode === 'multi' ? [`${image}:latest`, `${image}:v1`] : []);
    // The check can fail: main's log names the temporary tags the engine held before post.
    expect(stepLog(run)).toContain(`${image}:${TEMP_TAG_PREFIX}-`);
  });

  test('with provenance off the index has exactly the two platforms, and platform-digests names them', async () => {
    const index = await getIndex(repository, 'latest');
    expect(index.manifests).toHaveLength(2);
    expect(imagePlatforms(index)).toEqual(['linux/amd64', 'linux/arm64']);
    const digests = JSON.parse(run.outputs['platform-digests'] ?? '{}') as Record<string, string>;
    expect(Object.keys(digests).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(index.manifests.map((m) => m.digest).sort()).toEqual(Object.values(digests).sort());
  });

  test('each platform runs and prints its own architecture', () => {
    expect(runArch(`${image}:latest`, 'linux/amd64')).toBe('x86_64');
    expect(runArch(`${image}:latest`, 'linux/arm64')).toBe('aarch64');
  });

  test('the job summary names the index, the platforms and the published tags', () => {
    expect(run.summary).toContain(run.outputs.digest);
    expect(run.summary).toContain('linux/arm64');
    expect(run.summary).toContain(`${image}:v1`);
  });
});

describeWithLab('publish: false', () => {
  test('the index exists by digest, no tag was created, nothing is left over', async () => {
    const repository = uniqueRepository('no-publish');
    const run = await runStep({
      mode: 'fan-out',
      platforms: BOTH_PLATFORMS,
      tags: `${lab.registry}/${repository}:latest`,
      context: archContext(),
      publish: 'false',
    });
    expectSucceeded(run);
    const digest = run.outputs.digest ?? '';
    expect(await resolve(repository, digest)).toBe(digest);
    expect(await listTags(repository)).toEqual([]);
  });
});

describeWithLab('a build that fails on arm64 only', () => {
  test('the step fails with that error, nothing is published, post deletes the temporary tags', async () => {
    const repository = uniqueRepository('arm64-fails');
    const run = await runStep({
      mode: 'fan-out',
      platforms: BOTH_PLATFORMS,
      tags: `${lab.registry}/${repository}:latest`,
      context: archContext(['RUN test "$(uname -m)" != aarch64 || { echo "no arm64 here" >&2; exit 3; }']),
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.stdout).toMatch(/::error::.*linux\/arm64.*failed/s);
    expect(run.post?.exitCode).toBe(0);
    // The amd64 build pushed its temporary tag before arm64 failed; post must have deleted it.
    expect(await listTags(repository)).toEqual([]);
    expect(run.summary).toContain('nothing was published');
  });
});

describeWithLab('provenance: true', () => {
  test('attestation manifests stay in the published index', async () => {
    const repository = uniqueRepository('provenance');
    const run = await runStep({
      mode: 'fan-out',
      platforms: BOTH_PLATFORMS,
      tags: `${lab.registry}/${repository}:latest`,
      context: archContext(),
      provenance: 'true',
    });
    expect(run.main.exitCode).toBe(0);
    const index = await getIndex(repository, 'latest');
    expect(imagePlatforms(index)).toEqual(['linux/amd64', 'linux/arm64']);
    const attestations = index.manifests.filter((m) => m.platform?.os === 'unknown');
    expect(attestations).toHaveLength(2);
    expect(await listTags(repository)).toEqual(['latest']);
  });
});
