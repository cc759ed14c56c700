// Issue 5 end to end: an authenticated registry with credentials only in a docker config file, a wrong password
// caught before any build, and cleanup-tags removing an older workflow's per-arch tags.
import { describeWithLab, lab } from './lab.js';
import {
  archContext,
  dockerConfig,
  getIndex,
  imagePlatforms,
  listTags,
  pushPlatformImage,
  resolve,
  runArch,
  uniqueRepository,
} from './probe.js';
import { BOTH_PLATFORMS, expectSucceeded, runShardsThenMerge, runStep, stepLog } from './support/steps.js';

describeWithLab('the htpasswd registry, credentials only in a docker config file', () => {
  const env = { DOCKER_CONFIG: dockerConfig(lab.authRegistry, lab.authUser, lab.authPassword) };

  test('one job: fan-out publishes and leaves only the final tag', async () => {
    const repository = uniqueRepository('auth-one-job');
    const run = await runStep(
      {
        mode: 'fan-out',
        platforms: BOTH_PLATFORMS,
        tags: `${lab.authRegistry}/${repository}:latest`,
        context: archContext(),
      },
      { env },
    );
    expectSucceeded(run);
    expect(await resolve(repository, 'latest', lab.authRegistry)).toBe(run.outputs.digest);
    expect(imagePlatforms(await getIndex(repository, 'latest', lab.authRegistry))).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    expect(await listTags(repository, lab.authRegistry)).toEqual(['latest']);
  });

  test('shard, shard, merge publish through the same credentials', async () => {
    const repository = uniqueRepository('auth-matrix');
    const { shards, merge } = await runShardsThenMerge(
      { tags: `${lab.authRegistry}/${repository}:latest`, context: archContext() },
      { env },
    );
    for (const shard of shards) expect(shard.main.exitCode).toBe(0);
    expect({ exit: merge.main.exitCode, log: stepLog(merge) }).toMatchObject({ exit: 0 });
    expect(await resolve(repository, 'latest', lab.authRegistry)).toBe(merge.outputs.digest);
    expect(await listTags(repository, lab.authRegistry)).toEqual(['latest']);
  });

  test('a wrong password fails with an authentication error before any build', async () => {
    const repository = uniqueRepository('auth-wrong');
    const password = 'not-the-password-7c1e';
    const run = await runStep(
      {
        platforms: BOTH_PLATFORMS,
        tags: `${lab.authRegistry}/${repository}:latest`,
        context: archContext(),
      },
      { env: { DOCKER_CONFIG: dockerConfig(lab.authRegistry, lab.authUser, password) } },
    );
    expect(run.main.exitCode).toBe(1);
    expect(run.main.stdout).toMatch(/::error::.*authentication.*lab-user/i);
    // Failed at the access check: no build ran, nothing pushed, the password printed nowhere.
    expect(run.main.stdout).not.toMatch(/Building linux/);
    expect(stepLog(run)).not.toContain(password);
    expect(await listTags(repository, lab.authRegistry)).toEqual([]);
  });
});

describeWithLab("cleanup-tags: an older per-arch workflow's tags", () => {
  test('latest-amd64 and latest-arm64 are gone after the run, latest serves both platforms', async () => {
    const repository = uniqueRepository('autoware');
    const image = `${lab.registry}/${repository}`;
    pushPlatformImage(`${image}:latest-amd64`, 'linux/amd64');
    pushPlatformImage(`${image}:latest-arm64`, 'linux/arm64');
    expect(await listTags(repository)).toEqual(['latest-amd64', 'latest-arm64']);

    const run = await runStep({
      platforms: BOTH_PLATFORMS,
      tags: `${image}:latest`,
      'cleanup-tags': `${image}:latest-amd64,${image}:latest-arm64`,
      context: archContext(),
    });
    expectSucceeded(run);
    expect(await listTags(repository)).toEqual(['latest']);
    expect(runArch(`${image}:latest`, 'linux/arm64')).toBe('aarch64');
    expect(runArch(`${image}:latest`, 'linux/amd64')).toBe('x86_64');
  });
});
