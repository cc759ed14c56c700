// Section 1: what the action costs over the raw command a build-push-action user runs for the same result, with a
// warm build cache so that the work around the build is what differs: the action's main and post (a multi-platform
// build pushed under a temporary tag, the index by digest, verification, publishing, cleanup) against one
// `buildx build` that pushes straight to the final tag.
import { join } from 'node:path';
import { runActionSteps } from '../action.js';
import type { BenchContext } from '../context.js';
import { writeArchContext } from '../contexts.js';
import { buildAndPush } from '../docker.js';
import { listTags } from '../registry.js';
import { interleave, pairedDifferences, pairedRatios, summarize, timed } from '../stats.js';
import { durationRow, formatDuration, ratioRow, targetCell, type Row } from '../table.js';

const SECTION = '1. Overhead';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const TAG = 'latest';
/** action / raw at the median. */
const RATIO_TARGET = 1.05;

export async function benchOverhead(bench: BenchContext): Promise<Row[]> {
  const context = writeArchContext(join(bench.workDir, 'overhead'), bench.baseImage);
  const repository = (variant: string, label: string): string => `overhead/${variant}-${label}`;
  const image = (variant: string, label: string): string =>
    `${bench.registry.address}/${repository(variant, label)}:${TAG}`;

  const variants = {
    action: async (label: string): Promise<number> => {
      const { mainMs, postMs } = await runActionSteps({
        nodePath: bench.nodePath,
        actionDir: bench.actionDir,
        inputs: {
          mode: 'multi',
          platforms: PLATFORMS.join(','),
          tags: image('action', label),
          push: 'true',
          driver: 'docker',
          context,
          provenance: 'false',
        },
      });
      await expectOnlyFinalTag(bench, repository('action', label));
      return mainMs + postMs;
    },
    raw: async (label: string): Promise<number> => {
      const ms = await timed(() => buildAndPush(context, PLATFORMS, image('raw', label)));
      await expectOnlyFinalTag(bench, repository('raw', label));
      return ms;
    },
  };

  bench.log(`${SECTION}: warm-up (untimed), then interleaved timed runs of each: ${String(bench.buildRuns)}`);
  await variants.action('warmup');
  await variants.raw('warmup');
  const samples = await interleave(bench.buildRuns, variants, bench.log);
  const ratios = summarize(pairedRatios(samples.action, samples.raw));
  const overhead = summarize(pairedDifferences(samples.action, samples.raw));
  return [
    durationRow(SECTION, 'action, mode multi, 2 platforms: main + post', summarize(samples.action)),
    durationRow(SECTION, 'raw: `buildx build --push` to the final tag', summarize(samples.raw)),
    ratioRow(SECTION, 'action / raw, paired run by run', ratios, {
      target: targetCell(ratios.median, RATIO_TARGET, `${RATIO_TARGET.toFixed(2)}×`),
    }),
    // The overhead is a fixed cost, not a share of the build: it is what a user pays per run.
    durationRow(SECTION, 'action − raw, paired run by run', overhead, {
      result: `within ${RATIO_TARGET.toFixed(2)}× for builds of ${formatDuration(overhead.median / (RATIO_TARGET - 1))} or more`,
    }),
  ];
}

/** Both sides must end with exactly the final tag, or they did not do the same work. */
async function expectOnlyFinalTag(bench: BenchContext, repository: string): Promise<void> {
  const tags = await listTags(bench.registry.address, repository);
  if (tags.join(',') !== TAG) {
    throw new Error(`${repository} holds tags [${tags.join(', ')}] after the run; expected only ${TAG}`);
  }
}
