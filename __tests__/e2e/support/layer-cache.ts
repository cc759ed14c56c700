// The layer-cache measurement (issue 23): a Dockerfile of several steps built twice, each time on a builder of its
// own (so only the exported cache can carry anything over), the second time with its late one-line step changed;
// then what each platform's second build took from the cache. Asserted by __tests__/e2e/layer-cache.test.ts,
// tabulated by scripts/bench/sections/layer-cache.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileSteps } from './build-progress.js';

export const LAYER_CACHE_MODES = ['multi', 'fan-out', 'shard'] as const;
export type LayerCacheMode = (typeof LAYER_CACHE_MODES)[number];
export const LAYER_CACHE_TYPES = ['registry', 'gha'] as const;
export type LayerCacheType = (typeof LAYER_CACHE_TYPES)[number];

/** The steps after FROM that both runs share: one whose output differs per platform, a file of the context, both. */
const UNCHANGED_STEPS = [
  'RUN uname -m > /arch',
  'COPY greeting.txt /greeting.txt',
  'RUN sed "s/^/$(cat /arch): /" /greeting.txt > /greeting-arch.txt',
];

export type Run = 1 | 2;

/** The late one-line step as run `run` writes it: the only line the second run changes. */
function changedStep(run: Run): string {
  return `RUN echo "late step of run ${run}" > /late`;
}

/** Writes run `run`'s build context into `dir`: the same directory both times, as a checkout of two commits. */
export function writeLayerCacheContext(dir: string, baseImage: string, run: Run): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'greeting.txt'), 'hello from a cached layer\n');
  const lines = [`FROM ${baseImage}`, ...UNCHANGED_STEPS, changedStep(run), 'CMD ["cat", "/greeting-arch.txt"]', ''];
  writeFileSync(join(dir, 'Dockerfile'), lines.join('\n'));
}

/** What one platform's build did with the steps after FROM (the FROM only resolves the base image), by instruction. */
export interface PlatformOutcome {
  cached: string[];
  executed: string[];
  /** Failed or never finished: none in a build that succeeded. */
  other: string[];
}

/**
 * What every platform's build of run `run` does when the cache works: the first, on an empty cache, runs every
 * step; the second takes every unchanged step from the cache and runs the changed one.
 */
export function expectedOutcome(run: Run): PlatformOutcome {
  return run === 1
    ? { cached: [], executed: [...UNCHANGED_STEPS, changedStep(1)], other: [] }
    : { cached: [...UNCHANGED_STEPS], executed: [changedStep(2)], other: [] };
}

/**
 * What each platform's build did, from the logs of the jobs of one run (buildx's progress as JSON, see
 * build-progress.ts); `platform` names the platform of a job whose one build names none (a shard).
 */
export function outcomesByPlatform(
  jobs: readonly { log: string; platform?: string }[],
): Record<string, PlatformOutcome> {
  const outcomes: Record<string, PlatformOutcome> = {};
  for (const step of jobs.flatMap(({ log, platform }) => dockerfileSteps(log, platform))) {
    if (step.number === 1) continue;
    const outcome = (outcomes[step.platform] ??= { cached: [], executed: [], other: [] });
    const list =
      step.outcome === 'cached' ? outcome.cached : step.outcome === 'executed' ? outcome.executed : outcome.other;
    list.push(step.instruction);
  }
  return outcomes;
}
