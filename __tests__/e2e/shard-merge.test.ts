// Issue 4 end to end against the lab: shard jobs (separate processes and GITHUB_JOBs, one run id) hand their
// digests off through handoff-dir; a merge job publishes one index. Re-runs and missing shards included.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRunner, type ActionRun } from '../../scripts/local-runner.js';
import { describeWithLab, lab } from './lab.js';
import { archContext, imagePlatforms, getIndex, listTags, resolve, runArch, uniqueRepository } from './probe.js';

interface Step {
  main: ActionRun;
  post: ActionRun;
  outputs: Record<string, string>;
}

async function step(job: string, runId: string, runAttempt: string, inputs: Record<string, string>): Promise<Step> {
  const runner = new LocalRunner({ inputs: { driver: 'docker', push: 'true', ...inputs }, job, runId, runAttempt });
  try {
    const main = await runner.runMain();
    const post = await runner.runPost();
    return { main, post, outputs: runner.outputs() };
  } finally {
    runner.remove();
  }
}

function log(result: Step): string {
  return `${result.main.stdout}\n${result.main.stderr}\n--- post\n${result.post.stdout}`;
}

/** Shard records in a handoff dir: platform → attempt that wrote the newest one. */
function recordedAttempts(handoffDir: string): Record<string, string[]> {
  const attempts: Record<string, string[]> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) {
        const record = JSON.parse(readFileSync(path, 'utf8')) as { platform: string; runAttempt: string };
        (attempts[record.platform] ??= []).push(record.runAttempt);
      }
    }
  };
  walk(handoffDir);
  return attempts;
}

const runId = (): string => String(Math.floor(Math.random() * 1e9));

describeWithLab('shard + shard + merge through handoff-dir', () => {
  const repository = uniqueRepository('shard-merge');
  const image = `${lab.registry}/${repository}`;
  const handoffDir = mkdtempSync(join(tmpdir(), 'handoff-'));
  const run = runId();
  const common = { tags: `${image}:latest,${image}:v2`, 'handoff-dir': handoffDir, context: archContext() };
  let merge: Step;

  beforeAll(async () => {
    const shards = await Promise.all([
      step('build-amd64', run, '1', { ...common, mode: 'shard', platforms: 'linux/amd64' }),
      step('build-arm64', run, '1', { ...common, mode: 'shard', platforms: 'linux/arm64' }),
    ]);
    for (const shard of shards) expect({ exit: shard.main.exitCode, log: log(shard) }).toMatchObject({ exit: 0 });
    merge = await step('merge', run, '1', { ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' });
  });

  test('the merge succeeds and both final tags resolve to outputs.digest', async () => {
    expect({ exit: merge.main.exitCode, log: log(merge) }).toMatchObject({ exit: 0 });
    expect(merge.post.exitCode).toBe(0);
    expect(merge.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(await resolve(repository, 'latest')).toBe(merge.outputs.digest);
    expect(await resolve(repository, 'v2')).toBe(merge.outputs.digest);
  });

  test('the index serves both platforms and each runs with its own architecture', async () => {
    expect(imagePlatforms(await getIndex(repository, 'latest'))).toEqual(['linux/amd64', 'linux/arm64']);
    expect(runArch(`${image}:latest`, 'linux/amd64')).toBe('x86_64');
    expect(runArch(`${image}:latest`, 'linux/arm64')).toBe('aarch64');
  });

  test('no intermediate tag is left: only the final tags', async () => {
    expect(await listTags(repository)).toEqual(['latest', 'v2']);
  });
});

describeWithLab('re-running only the failed shard', () => {
  test('the merge of attempt 2 publishes amd64 from attempt 1 and arm64 from attempt 2', async () => {
    const repository = uniqueRepository('rerun');
    const image = `${lab.registry}/${repository}`;
    const handoffDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const run = runId();
    const context = archContext(['ARG BREAK_ARM64=', 'RUN test -z "$BREAK_ARM64" || test "$(uname -m)" != aarch64']);
    const common = { tags: `${image}:latest`, 'handoff-dir': handoffDir, context };

    const [amd64, brokenArm64] = await Promise.all([
      step('build-amd64', run, '1', {
        ...common,
        mode: 'shard',
        platforms: 'linux/amd64',
        'build-args': 'BREAK_ARM64=yes',
      }),
      step('build-arm64', run, '1', {
        ...common,
        mode: 'shard',
        platforms: 'linux/arm64',
        'build-args': 'BREAK_ARM64=yes',
      }),
    ]);
    expect(amd64.main.exitCode).toBe(0);
    expect(brokenArm64.main.exitCode).toBe(1);

    const arm64 = await step('build-arm64', run, '2', { ...common, mode: 'shard', platforms: 'linux/arm64' });
    expect({ exit: arm64.main.exitCode, log: log(arm64) }).toMatchObject({ exit: 0 });
    expect(recordedAttempts(handoffDir)).toEqual({ 'linux/amd64': ['1'], 'linux/arm64': ['2'] });

    const merge = await step('merge', run, '2', { ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' });
    expect({ exit: merge.main.exitCode, log: log(merge) }).toMatchObject({ exit: 0 });
    expect(await resolve(repository, 'latest')).toBe(merge.outputs.digest);
    expect(runArch(`${image}:latest`, 'linux/arm64')).toBe('aarch64');
    expect(runArch(`${image}:latest`, 'linux/amd64')).toBe('x86_64');
    expect(await listTags(repository)).toEqual(['latest']);
  });
});

describeWithLab('a shard that never handed off', () => {
  test('the merge fails naming the missing platform and publishes nothing', async () => {
    const repository = uniqueRepository('missing-shard');
    const image = `${lab.registry}/${repository}`;
    const handoffDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const run = runId();
    const common = { tags: `${image}:latest`, 'handoff-dir': handoffDir, context: archContext() };

    const amd64 = await step('build-amd64', run, '1', { ...common, mode: 'shard', platforms: 'linux/amd64' });
    expect(amd64.main.exitCode).toBe(0);
    const merge = await step('merge', run, '1', { ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' });
    expect(merge.main.exitCode).toBe(1);
    expect(merge.main.stdout).toMatch(/::error::.*linux\/arm64/);
    expect(merge.main.stdout).not.toMatch(/::error::.*linux\/amd64,/);
    expect(merge.main.stdout).toContain(handoffDir);
    expect(merge.post.exitCode).toBe(0);
    // Nothing published, and the amd64 shard's intermediate is gone too.
    expect(await listTags(repository)).toEqual([]);
  });
});
