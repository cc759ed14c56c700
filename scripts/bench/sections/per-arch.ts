// Section 2: the hand-written flow the action replaces against the action's fan-out. The old flow pushes one
// per-arch tag per platform and joins them with `docker manifest create` + `push`; its two builds run side by
// side, as the matrix jobs of such a workflow do, and the action's fan-out also runs its builds in parallel.
import { join } from 'node:path';
import { runActionSteps } from '../action.js';
import type { BenchContext } from '../context.js';
import { writeArchContext } from '../contexts.js';
import { buildAndPush, createAndPushManifestList } from '../docker.js';
import { plural } from '../format.js';
import { listTags } from '../registry.js';
import { interleave, pairedDifferences, pairedRatios, summarize, timed } from '../stats.js';
import { durationRow, ratioRow, targetCell, type Row } from '../table.js';

const SECTION = '2. Per-arch flow vs fan-out';
const ARCHITECTURES = ['amd64', 'arm64'];
const TAG = 'latest';
/** Issue 26: the new way is never slower than the per-arch flow it replaces, within 10 %, paired run by run. */
const RATIO_TARGET = 1.1;
/** Variant names double as repository names, which must be lowercase. */
type VariantName = 'old-flow' | 'fan-out';

export async function benchPerArch(bench: BenchContext): Promise<Row[]> {
  const context = writeArchContext(join(bench.workDir, 'per-arch'), bench.baseImage);
  const repository = (variant: VariantName, label: string): string => `per-arch/${variant}-${label}`;
  const image = (variant: VariantName, label: string): string =>
    `${bench.registry.address}/${repository(variant, label)}`;
  const tagsLeft: Record<VariantName, string[][]> = { 'old-flow': [], 'fan-out': [] };
  const recordTagsLeft = async (variant: VariantName, label: string): Promise<void> => {
    tagsLeft[variant].push(await listTags(bench.registry.address, repository(variant, label)));
  };

  const variants = {
    'old-flow': async (label: string): Promise<number> => {
      const ms = await timed(() => oldPerArchFlow(context, image('old-flow', label)));
      await recordTagsLeft('old-flow', label);
      return ms;
    },
    'fan-out': async (label: string): Promise<number> => {
      const { mainMs, postMs } = await runActionSteps({
        nodePath: bench.nodePath,
        actionDir: bench.actionDir,
        inputs: {
          mode: 'fan-out',
          platforms: ARCHITECTURES.map((arch) => `linux/${arch}`).join(','),
          tags: `${image('fan-out', label)}:${TAG}`,
          push: 'true',
          driver: 'docker',
          context,
          provenance: 'false',
        },
      });
      await recordTagsLeft('fan-out', label);
      return mainMs + postMs;
    },
  };

  bench.log(`${SECTION}: warm-up (untimed), then interleaved timed runs of each: ${String(bench.buildRuns)}`);
  await variants['old-flow']('warmup');
  await variants['fan-out']('warmup');
  const samples = await interleave(bench.buildRuns, variants, bench.log);
  const ratio = summarize(pairedRatios(samples['fan-out'], samples['old-flow']));
  return [
    durationRow(SECTION, 'old: per-arch builds + `docker manifest create/push`', summarize(samples['old-flow']), {
      result: describeTagsLeft(tagsLeft['old-flow']),
    }),
    durationRow(SECTION, 'action, mode fan-out: main + post', summarize(samples['fan-out']), {
      result: describeTagsLeft(tagsLeft['fan-out']),
    }),
    ratioRow(SECTION, 'fan-out / old flow, paired run by run', ratio, {
      target: targetCell(ratio.median, RATIO_TARGET, `${RATIO_TARGET.toFixed(2)}×`),
    }),
    // What the ratio is made of: a cost per run in seconds, the same on a build of minutes.
    durationRow(
      SECTION,
      'fan-out − old flow, paired run by run',
      summarize(pairedDifferences(samples['fan-out'], samples['old-flow'])),
    ),
  ];
}

/** `R:latest-<arch>` per platform, built in parallel, then `R:latest` as a manifest list over them. */
async function oldPerArchFlow(context: string, image: string): Promise<void> {
  const perArch = ARCHITECTURES.map((arch) => ({ platform: `linux/${arch}`, tag: `${image}:${TAG}-${arch}` }));
  await Promise.all(perArch.map(({ platform, tag }) => buildAndPush(context, [platform], tag)));
  await createAndPushManifestList(
    `${image}:${TAG}`,
    perArch.map(({ tag }) => tag),
  );
}

/** The tags each run (warm-up included) left in its repository: one list when every run left the same. */
function describeTagsLeft(runs: readonly string[][]): string {
  const distinct = [...new Set(runs.map((tags) => tags.join(', ')))];
  const counts = runs.map((tags) => tags.length);
  const [only] = distinct;
  const [count] = counts;
  if (distinct.length === 1 && only !== undefined && count !== undefined) {
    return `${plural(count, 'tag')} left: ${only}`;
  }
  return `${String(Math.min(...counts))}–${String(Math.max(...counts))} tags left (varied: ${distinct.join(' / ')})`;
}
