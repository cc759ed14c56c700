// Issue 4 end to end against the lab: shard jobs (separate processes and GITHUB_JOBs, one run id) hand their
// digests off through handoff-dir; a merge job publishes one index. Re-runs and missing shards included.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithLab, lab } from './lab.js';
import { driverInputs, LAB_DRIVERS, tagsPutBesides } from './support/drivers.js';
import {
  archContext,
  engineImageNames,
  imagePlatforms,
  getIndex,
  listTags,
  resolve,
  runArch,
  uniqueRepository,
} from './probe.js';
import {
  BOTH_PLATFORMS,
  expectSucceeded,
  newRunId,
  runShardsThenMerge,
  runStep,
  stepLog,
  TEMP_TAG_PREFIX,
  type StepResult,
} from './support/steps.js';

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

describeWithLab.each(LAB_DRIVERS)('shard + shard + merge through handoff-dir, driver %s', (driver) => {
  const repository = uniqueRepository(`shard-merge-${driver}`);
  const image = `${lab.registry}/${repository}`;
  let merge: StepResult;

  beforeAll(async () => {
    const run = await runShardsThenMerge({
      ...driverInputs(driver),
      tags: `${image}:latest,${image}:v2`,
      context: archContext(),
    });
    for (const shard of run.shards) {
      expect({ exit: shard.main.exitCode, log: stepLog(shard) }).toMatchObject({ exit: 0 });
    }
    merge = run.merge;
  });

  test('the merge succeeds and both final tags resolve to outputs.digest', async () => {
    expectSucceeded(merge);
    expect(merge.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(await resolve(repository, 'latest')).toBe(merge.outputs.digest);
    expect(await resolve(repository, 'v2')).toBe(merge.outputs.digest);
  });

  test('no intermediate tag is left: the registry holds only the final tags, the engine no temporary name', async () => {
    expect(await listTags(repository)).toEqual(['latest', 'v2']);
    // Before the next test pulls: what the engine holds is what the shards and their posts left in it. On the docker
    // driver each shard's image takes the final tags there (one engine here, so one of the two keeps them).
    const names = engineImageNames()
      .filter((name) => name.startsWith(`${image}:`))
      .sort();
    expect(names).toEqual(driver === 'docker' ? [`${image}:latest`, `${image}:v2`] : []);
  });

  test('the index serves both platforms and each runs with its own architecture', async () => {
    expect(imagePlatforms(await getIndex(repository, 'latest'))).toEqual(['linux/amd64', 'linux/arm64']);
    expect(runArch(`${image}:latest`, 'linux/amd64')).toBe('x86_64');
    expect(runArch(`${image}:latest`, 'linux/arm64')).toBe('aarch64');
  });

  test('pushed by digest, the shards never put a tag: the merge put only the final ones', () => {
    const besides = tagsPutBesides(repository, ['latest', 'v2']);
    if (driver === 'docker') expect(besides.every((tag) => tag.startsWith(`${TEMP_TAG_PREFIX}-`))).toBe(true);
    else expect(besides).toEqual([]);
  });
});

describeWithLab.each(LAB_DRIVERS)('re-running only the failed shard, driver %s', (driver) => {
  test('the merge of attempt 2 publishes amd64 from attempt 1 and arm64 from attempt 2', async () => {
    const repository = uniqueRepository(`rerun-${driver}`);
    const image = `${lab.registry}/${repository}`;
    const handoffDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const runId = newRunId();
    const context = archContext(['ARG BREAK_ARM64=', 'RUN test -z "$BREAK_ARM64" || test "$(uname -m)" != aarch64']);
    const common = { ...driverInputs(driver), tags: `${image}:latest`, 'handoff-dir': handoffDir, context };
    const firstAttempt = { runId, runAttempt: '1' };

    const [amd64, brokenArm64] = await Promise.all([
      runStep(
        { ...common, mode: 'shard', platforms: 'linux/amd64', 'build-args': 'BREAK_ARM64=yes' },
        { ...firstAttempt, job: 'build-amd64' },
      ),
      runStep(
        { ...common, mode: 'shard', platforms: 'linux/arm64', 'build-args': 'BREAK_ARM64=yes' },
        { ...firstAttempt, job: 'build-arm64' },
      ),
    ]);
    expect(amd64.main.exitCode).toBe(0);
    expect(brokenArm64.main.exitCode).toBe(1);

    const secondAttempt = { runId, runAttempt: '2' };
    const arm64 = await runStep(
      { ...common, mode: 'shard', platforms: 'linux/arm64' },
      { ...secondAttempt, job: 'build-arm64' },
    );
    expect({ exit: arm64.main.exitCode, log: stepLog(arm64) }).toMatchObject({ exit: 0 });
    expect(recordedAttempts(handoffDir)).toEqual({ 'linux/amd64': ['1'], 'linux/arm64': ['2'] });

    const merge = await runStep(
      { ...common, mode: 'merge', platforms: BOTH_PLATFORMS },
      { ...secondAttempt, job: 'merge' },
    );
    expect({ exit: merge.main.exitCode, log: stepLog(merge) }).toMatchObject({ exit: 0 });
    expect(await resolve(repository, 'latest')).toBe(merge.outputs.digest);
    expect(runArch(`${image}:latest`, 'linux/arm64')).toBe('aarch64');
    expect(runArch(`${image}:latest`, 'linux/amd64')).toBe('x86_64');
    expect(await listTags(repository)).toEqual(['latest']);
    if (driver === 'docker-container') expect(tagsPutBesides(repository, ['latest'])).toEqual([]);
  });
});

describeWithLab('a shard that never handed off', () => {
  test('the merge fails naming the missing platform and publishes nothing', async () => {
    const repository = uniqueRepository('missing-shard');
    const image = `${lab.registry}/${repository}`;
    const handoffDir = mkdtempSync(join(tmpdir(), 'handoff-'));
    const runId = newRunId();
    const common = { tags: `${image}:latest`, 'handoff-dir': handoffDir, context: archContext() };

    const amd64 = await runStep({ ...common, mode: 'shard', platforms: 'linux/amd64' }, { runId, job: 'build-amd64' });
    expect(amd64.main.exitCode).toBe(0);
    const merge = await runStep({ ...common, mode: 'merge', platforms: BOTH_PLATFORMS }, { runId, job: 'merge' });
    expect(merge.main.exitCode).toBe(1);
    expect(merge.main.stdout).toMatch(/::error::.*linux\/arm64/);
    expect(merge.main.stdout).not.toMatch(/::error::.*linux\/amd64,/);
    expect(merge.main.stdout).toContain(handoffDir);
    expect(merge.post?.exitCode).toBe(0);
    // Nothing published, and the amd64 shard's intermediate is gone too.
    expect(await listTags(repository)).toEqual([]);
  });
});
