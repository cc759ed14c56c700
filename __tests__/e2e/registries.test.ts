// Issue 5 end to end: an authenticated registry with credentials only in a docker config file, a wrong password
// caught before any build, and cleanup-tags removing an older workflow's per-arch tags.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRunner, type ActionRun } from '../../scripts/local-runner.js';
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

interface Step {
  main: ActionRun;
  post: ActionRun;
  outputs: Record<string, string>;
}

async function step(
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; job?: string; runId?: string } = {},
): Promise<Step> {
  const runner = new LocalRunner({ inputs: { driver: 'docker', push: 'true', ...inputs }, ...options });
  try {
    const main = await runner.runMain();
    const post = await runner.runPost();
    return { main, post, outputs: runner.outputs() };
  } finally {
    runner.remove();
  }
}

describeWithLab('the htpasswd registry, credentials only in a docker config file', () => {
  const env = { DOCKER_CONFIG: dockerConfig(lab.authRegistry, lab.authUser, lab.authPassword) };

  test('one job: fan-out publishes and leaves only the final tag', async () => {
    const repository = uniqueRepository('auth-one-job');
    const run = await step(
      {
        mode: 'fan-out',
        platforms: 'linux/amd64,linux/arm64',
        tags: `${lab.authRegistry}/${repository}:latest`,
        context: archContext(),
      },
      { env },
    );
    expect({ exit: run.main.exitCode, log: run.main.stdout }).toMatchObject({ exit: 0 });
    expect(run.post.exitCode).toBe(0);
    expect(await resolve(repository, 'latest', lab.authRegistry)).toBe(run.outputs.digest);
    expect(imagePlatforms(await getIndex(repository, 'latest', lab.authRegistry))).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    expect(await listTags(repository, lab.authRegistry)).toEqual(['latest']);
  });

  test('shard, shard, merge publish through the same credentials', async () => {
    const repository = uniqueRepository('auth-matrix');
    const common = {
      tags: `${lab.authRegistry}/${repository}:latest`,
      'handoff-dir': mkdtempSync(join(tmpdir(), 'handoff-')),
      context: archContext(),
    };
    const runId = String(Math.floor(Math.random() * 1e9));
    const shards = await Promise.all(
      ['linux/amd64', 'linux/arm64'].map((platform) =>
        step({ ...common, mode: 'shard', platforms: platform }, { env, runId, job: `build-${platform}` }),
      ),
    );
    for (const shard of shards) expect(shard.main.exitCode).toBe(0);
    const merge = await step(
      { ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' },
      { env, runId, job: 'merge' },
    );
    expect({ exit: merge.main.exitCode, log: merge.main.stdout }).toMatchObject({ exit: 0 });
    expect(await resolve(repository, 'latest', lab.authRegistry)).toBe(merge.outputs.digest);
    expect(await listTags(repository, lab.authRegistry)).toEqual(['latest']);
  });

  test('a wrong password fails with an authentication error before any build', async () => {
    const repository = uniqueRepository('auth-wrong');
    const password = 'not-the-password-7c1e';
    const run = await step(
      {
        platforms: 'linux/amd64,linux/arm64',
        tags: `${lab.authRegistry}/${repository}:latest`,
        context: archContext(),
      },
      { env: { DOCKER_CONFIG: dockerConfig(lab.authRegistry, lab.authUser, password) } },
    );
    expect(run.main.exitCode).toBe(1);
    expect(run.main.stdout).toMatch(/::error::.*authentication.*lab-user/i);
    // Failed at the access check: no build ran, nothing pushed, the password printed nowhere.
    expect(run.main.stdout).not.toMatch(/Building linux/);
    // `::add-mask::` lines are commands the runner consumes (they register the secret); the log shows the rest.
    const log = (run.main.stdout + run.main.stderr + run.post.stdout)
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(log).not.toContain(password);
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

    const run = await step({
      platforms: 'linux/amd64,linux/arm64',
      tags: `${image}:latest`,
      'cleanup-tags': `${image}:latest-amd64,${image}:latest-arm64`,
      context: archContext(),
    });
    expect({ exit: run.main.exitCode, log: run.main.stdout }).toMatchObject({ exit: 0 });
    expect(run.post.exitCode).toBe(0);
    expect(await listTags(repository)).toEqual(['latest']);
    expect(runArch(`${image}:latest`, 'linux/arm64')).toBe('aarch64');
    expect(runArch(`${image}:latest`, 'linux/amd64')).toBe('x86_64');
  });
});
