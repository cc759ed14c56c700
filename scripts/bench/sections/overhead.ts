// Section 1: what the action costs over the raw commands that do its work by hand, with a warm build cache so that
// the work around the build is what differs: the action's main and post (a multi-platform build pushed under a
// temporary tag, the index verified, the final tag published from it, the temporary tag deleted) against the
// shortest raw path, one `buildx build` that pushes straight to the final tag, and against the same flow by hand
// (`buildx build --push` under a temporary tag, then `buildx imagetools create` to publish the final tag). The
// target is on action − raw, in seconds: the overhead is a fixed cost per run, not a share of the build. The
// by-hand flow is there for information, with no target.
import { join } from 'node:path';
import { runActionSteps } from '../action.js';
import type { BenchContext } from '../context.js';
import { writeArchContext } from '../contexts.js';
import { buildAndPush, copyImage } from '../docker.js';
import { formatDuration } from '../format.js';
import { expectTags } from '../registry.js';
import { interleave, pairedDifferences, pairedRatios, summarize, timed } from '../stats.js';
import { durationRow, ratioRow, targetCell, type Row } from '../table.js';

const SECTION = '1. Overhead';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const TAG = 'latest';
/** The by-hand flow's temporary tag: it stays, since no docker command deletes a tag from a registry. */
const BUILD_TAG = 'build';
/** Main + post over the shortest raw path (action − raw), at the median. */
export const OVERHEAD_TARGET_MS = 1000;

export async function benchOverhead(bench: BenchContext): Promise<Row[]> {
  const context = writeArchContext(join(bench.workDir, 'overhead'), bench.baseImage);
  const repository = (variant: string, label: string): string => `overhead/${variant}-${label}`;
  const image = (variant: string, label: string, tag = TAG): string =>
    `${bench.registry.address}/${repository(variant, label)}:${tag}`;

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
      await expectTags(bench.registry.address, repository('action', label), [TAG]);
      return mainMs + postMs;
    },
    byHand: async (label: string): Promise<number> => {
      const ms = await timed(async () => {
        await buildAndPush(context, PLATFORMS, image('by-hand', label, BUILD_TAG));
        await copyImage(image('by-hand', label, BUILD_TAG), image('by-hand', label));
      });
      await expectTags(bench.registry.address, repository('by-hand', label), [BUILD_TAG, TAG]);
      return ms;
    },
    raw: async (label: string): Promise<number> => {
      const ms = await timed(() => buildAndPush(context, PLATFORMS, image('raw', label)));
      await expectTags(bench.registry.address, repository('raw', label), [TAG]);
      return ms;
    },
  };

  bench.log(`${SECTION}: warm-up (untimed), then interleaved timed runs of each: ${String(bench.overheadRuns)}`);
  for (const variant of Object.values(variants)) await variant('warmup');
  const samples = await interleave(bench.overheadRuns, variants, bench.log);
  const byHandRatios = summarize(pairedRatios(samples.action, samples.byHand));
  const rawRatios = summarize(pairedRatios(samples.action, samples.raw));
  const overhead = summarize(pairedDifferences(samples.action, samples.raw));
  return [
    durationRow(SECTION, 'action, mode multi, 2 platforms: main + post', summarize(samples.action)),
    durationRow(
      SECTION,
      'by hand: `buildx build --push` to a temporary tag + `buildx imagetools create` to the final tag',
      summarize(samples.byHand),
      { result: 'the temporary tag is left behind' },
    ),
    durationRow(SECTION, 'raw: `buildx build --push` straight to the final tag', summarize(samples.raw)),
    ratioRow(SECTION, 'action / by hand, paired run by run', byHandRatios),
    ratioRow(SECTION, 'action / raw, paired run by run', rawRatios),
    // The overhead is a fixed cost, not a share of the build: it is what a user pays per run, whatever the build.
    durationRow(SECTION, 'action − raw, paired run by run', overhead, {
      target: targetCell(overhead.median, OVERHEAD_TARGET_MS, formatDuration(OVERHEAD_TARGET_MS)),
    }),
  ];
}
