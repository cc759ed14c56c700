// Section 6: the layer cache the `cache` input sets up, measured on the default path, a docker-container builder
// the action creates and removes (one per job, as on a fresh runner, so only the exported cache carries anything
// from one run to the next). Per mode and cache type, a Dockerfile of several steps is built, then built again with
// its late one-line step changed; buildx's own progress output (BUILDKIT_PROGRESS=rawjson) says which steps each
// platform's second build took from the cache and which it ran. `registry` keeps the cache in the benchmark's
// registry; `gha` in the GitHub cache, for which the e2e tests' fake of GitHub's cache service stands in (the lab's
// BuildKit 0.13 speaks its v1 API). Shards hand off through a handoff-dir: how they hand off leaves the layer cache
// alone.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { RAWJSON_PROGRESS } from '../../../__tests__/e2e/support/build-progress.js';
import { startCacheService, type CacheService } from '../../../__tests__/e2e/support/cache-service.js';
import {
  expectedOutcome,
  LAYER_CACHE_MODES,
  LAYER_CACHE_TYPES,
  outcomesByPlatform,
  writeLayerCacheContext,
  type LayerCacheMode,
  type LayerCacheType,
  type PlatformOutcome,
  type Run,
} from '../../../__tests__/e2e/support/layer-cache.js';
import { LocalRunner } from '../../local-runner.js';
import { actionBuilderPrefix, newRunId, ownBuilderInputs } from '../action.js';
import type { BenchContext } from '../context.js';
import { removeBuilders } from '../docker.js';
import { plural } from '../format.js';
import { tail } from '../process.js';
import { resultRow, type Row } from '../table.js';

const SECTION = '6. Layer cache';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** A job still running after this long is killed, and the benchmark fails instead of hanging. */
const JOB_TIMEOUT_MS = 15 * 60 * 1000;

/** How many steps of one platform's second build the cache served, and how many it ran, in one round. */
interface SecondRunCounts {
  unchangedCached: number;
  changedExecuted: number;
}

export async function benchLayerCache(bench: BenchContext): Promise<Row[]> {
  const service = await startCacheService();
  // One run id for every job here: the builders the action creates are named after it, so what a failed job
  // leaves behind can be found.
  const runId = newRunId();
  bench.cleanup.add(`buildx builders ${actionBuilderPrefix(runId)}…`, () =>
    removeBuilders([actionBuilderPrefix(runId)]),
  );
  try {
    const counts = new Map<string, SecondRunCounts[]>();
    bench.log(`${SECTION}: per mode and cache type, a build and a rebuild after a late change: ${bench.buildRuns}×`);
    for (let round = 1; round <= bench.buildRuns; round++) {
      for (const cache of LAYER_CACHE_TYPES) {
        for (const mode of LAYER_CACHE_MODES) {
          const outcomes = await buildTwice(bench, service, runId, { cache, mode, label: `run${String(round)}` });
          for (const platform of PLATFORMS) {
            const key = rowKey(mode, cache, platform);
            counts.set(key, [...(counts.get(key) ?? []), countSecondRun(outcomes[platform])]);
          }
          bench.log(`  ${mode}, cache ${cache}, round ${String(round)}/${String(bench.buildRuns)}: measured`);
        }
      }
    }
    return LAYER_CACHE_MODES.flatMap((mode) =>
      LAYER_CACHE_TYPES.flatMap((cache) =>
        PLATFORMS.map((platform) => countsRow(mode, cache, platform, counts.get(rowKey(mode, cache, platform)) ?? [])),
      ),
    );
  } finally {
    await service.stop();
  }
}

interface Scenario {
  cache: LayerCacheType;
  mode: LayerCacheMode;
  label: string;
}

/**
 * Builds the context in `scenario.mode` into a repository of its own, changes the late step, builds again: what each
 * platform's second build did.
 */
async function buildTwice(
  bench: BenchContext,
  service: CacheService,
  runId: string,
  { cache, mode, label }: Scenario,
): Promise<Record<string, PlatformOutcome>> {
  const context = join(bench.workDir, 'layer-cache', `${cache}-${mode}-${label}`);
  const publishInputs = {
    platforms: PLATFORMS.join(','),
    tags: `${bench.registry.address}/layer-cache/${cache}-${mode}-${label}:latest`,
    push: 'true',
  };
  const buildInputs = { ...ownBuilderInputs(), context, cache, provenance: 'false' };
  // What a runner hands every job (the cache service's variables), and buildx's progress as JSON.
  const env = { ...service.env, ...RAWJSON_PROGRESS };
  const build = async (run: Run): Promise<Record<string, PlatformOutcome>> => {
    writeLayerCacheContext(context, bench.baseImage, run);
    if (mode === 'shard') {
      return shardsThenMerge(bench, { ...publishInputs, ...buildInputs }, publishInputs, env, runId);
    }
    const log = await runJob(bench, { ...publishInputs, ...buildInputs, mode }, env, { runId });
    return outcomesByPlatform([{ log }]);
  };
  // The first build must start from nothing (a new builder, a new cache), or the second measures nothing.
  const first = await build(1);
  if (PLATFORMS.some((platform) => !isDeepStrictEqual(first[platform], expectedOutcome(1)))) {
    throw new Error(`the first build (${mode}, cache ${cache}) did not run every step: ${JSON.stringify(first)}`);
  }
  return build(2);
}

/**
 * A shard job per platform, side by side, each on its own builder, then the merge job (given the publishing inputs
 * only, as a workflow gives the build's inputs to its build jobs): what each shard built.
 */
async function shardsThenMerge(
  bench: BenchContext,
  shardInputs: Record<string, string>,
  mergeInputs: Record<string, string>,
  env: Record<string, string>,
  runId: string,
): Promise<Record<string, PlatformOutcome>> {
  const handoffDir = mkdtempSync(join(bench.workDir, 'layer-cache-handoff-'));
  const logs = await Promise.all(
    PLATFORMS.map((platform) =>
      runJob(bench, { ...shardInputs, mode: 'shard', platforms: platform, 'handoff-dir': handoffDir }, env, {
        runId,
        job: `build-${platform.replaceAll('/', '-')}`,
      }),
    ),
  );
  await runJob(bench, { ...mergeInputs, mode: 'merge', 'handoff-dir': handoffDir }, env, { runId, job: 'merge' });
  // A shard's one build names no platform in its output: it is the shard's.
  return outcomesByPlatform(logs.map((log, index) => ({ log, platform: PLATFORMS[index] })));
}

/** One job running the action: main, then post; what both printed, or an error when either failed. */
async function runJob(
  bench: BenchContext,
  inputs: Record<string, string>,
  env: Record<string, string>,
  identity: { runId: string; job?: string },
): Promise<string> {
  const runner = new LocalRunner({
    actionDir: bench.actionDir,
    nodePath: bench.nodePath,
    inputs,
    env,
    timeoutMs: JOB_TIMEOUT_MS,
    ...identity,
  });
  const printed: string[] = [];
  try {
    for (const [step, run] of [
      ['main', () => runner.runMain()],
      ['post', () => runner.runPost()],
    ] as const) {
      const { exitCode, signal, stdout, stderr } = await run();
      printed.push(stdout, stderr);
      if (exitCode !== 0) {
        const ending = signal === null ? `exit ${String(exitCode)}` : `killed by ${signal}`;
        throw new Error(`the action's ${step} step failed (${ending}):\n${tail(printed.join('\n'))}`);
      }
    }
    return printed.join('\n');
  } finally {
    runner.remove();
  }
}

function rowKey(mode: LayerCacheMode, cache: LayerCacheType, platform: string): string {
  return `${mode} ${cache} ${platform}`;
}

/** The steps the second build of a platform should take from the cache, and the one it should run. */
const SECOND_RUN = expectedOutcome(2);

/** Of those, how many the second build of a platform took from the cache, and how many it ran. */
function countSecondRun(outcome: PlatformOutcome | undefined): SecondRunCounts {
  if (outcome === undefined) throw new Error('a platform printed no Dockerfile step: was its progress rawjson?');
  return {
    unchangedCached: SECOND_RUN.cached.filter((step) => outcome.cached.includes(step)).length,
    changedExecuted: SECOND_RUN.executed.filter((step) => outcome.executed.includes(step)).length,
  };
}

/** `3/3`, or `2–3/3` when rounds differed. */
function countOf(values: readonly number[], total: number): string {
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return `${min === max ? String(min) : `${String(min)}–${String(max)}`}/${String(total)}`;
}

function countsRow(mode: LayerCacheMode, cache: LayerCacheType, platform: string, rounds: SecondRunCounts[]): Row {
  const [unchanged, changed] = [SECOND_RUN.cached.length, SECOND_RUN.executed.length];
  const cached = rounds.map((round) => round.unchangedCached);
  const executed = rounds.map((round) => round.changedExecuted);
  const met = cached.every((value) => value === unchanged) && executed.every((value) => value === changed);
  return {
    ...resultRow(
      SECTION,
      `mode ${mode}, \`cache: ${cache}\`, ${platform}: rebuild after a late one-line change`,
      `unchanged steps cached: ${countOf(cached, unchanged)}; changed step ran: ${countOf(executed, changed)}`,
      `every unchanged step cached, the changed one ran, in ${plural(rounds.length, 'round')}: ` +
        (met ? 'met' : '**MISSED**'),
    ),
    runs: String(rounds.length),
  };
}
