// Section 5: the default path, side by side. What users run by default is a docker-container builder, the kind
// docker/setup-buildx-action creates, pushing by digest; the other sections use the docker driver. Each run stands
// for one job on a fresh runner: a new builder, so a cold build cache, as on GitHub without cache-from. The raw side
// is build-push-action's `buildx build --push` on a builder made before the timed part, as setup-buildx makes it in
// a step of its own (and removes it in its post); the action runs on a builder made the same way (`builder:`, the
// like-for-like row, with the target) and, for information, on one it creates and removes inside its own steps.
// The target is section 1's, on action − raw in seconds: the overhead is a fixed cost per run, so a ratio says more
// about how long the build is than about the action.
import { join } from 'node:path';
import { actionBuilderPrefix, newRunId, ownBuilderInputs, runActionSteps } from '../action.js';
import type { BenchContext } from '../context.js';
import { writeArchContext } from '../contexts.js';
import { buildAndPush, removeBuilders, withBuilder } from '../docker.js';
import { formatDuration } from '../format.js';
import { expectTags } from '../registry.js';
import { interleave, pairedDifferences, pairedRatios, summarize, timed } from '../stats.js';
import { OVERHEAD_TARGET_MS } from './overhead.js';
import { durationRow, ratioRow, targetCell, type Row } from '../table.js';

const SECTION = '5. Default path';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const TAG = 'latest';
/** Variant names double as repository names, which must be lowercase. */
type VariantName = 'raw' | 'action' | 'own-builder';

export async function benchDefaultPath(bench: BenchContext): Promise<Row[]> {
  const context = writeArchContext(join(bench.workDir, 'default-path'), bench.baseImage);
  const registry = bench.registry.address;
  const repository = (variant: VariantName, label: string): string => `default-path/${variant}-${label}`;
  // One run id for the section's action runs: the builders the action creates are named after it, so what a
  // failed run leaves behind can be found, along with the section's own builders.
  const runId = newRunId();
  const builderPrefix = `bench-${runId}-`;
  const prefixes = [builderPrefix, actionBuilderPrefix(runId)];
  bench.cleanup.add(`buildx builders ${prefixes.join('…, ')}…`, () => removeBuilders(prefixes));

  const runAction = async (variant: VariantName, label: string, builderInputs: Record<string, string>) => {
    const { mainMs, postMs } = await runActionSteps({
      nodePath: bench.nodePath,
      actionDir: bench.actionDir,
      runId,
      inputs: {
        mode: 'auto',
        platforms: PLATFORMS.join(','),
        tags: `${registry}/${repository(variant, label)}:${TAG}`,
        push: 'true',
        context,
        provenance: 'false',
        ...builderInputs,
      },
    });
    // Pushed by digest: the final tag is the only one, with no temporary tag to delete.
    await expectTags(registry, repository(variant, label), [TAG]);
    return mainMs + postMs;
  };
  const variants: Record<VariantName, (label: string) => Promise<number>> = {
    raw: (label) =>
      withBuilder(`${builderPrefix}raw-${label}`, async (builder) => {
        const ms = await timed(() =>
          buildAndPush(context, PLATFORMS, `${registry}/${repository('raw', label)}:${TAG}`, builder),
        );
        await expectTags(registry, repository('raw', label), [TAG]);
        return ms;
      }),
    action: (label) =>
      withBuilder(`${builderPrefix}action-${label}`, (builder) => runAction('action', label, { builder })),
    'own-builder': (label) => runAction('own-builder', label, ownBuilderInputs()),
  };

  bench.log(`${SECTION}: warm-up (untimed), then interleaved timed runs of each: ${String(bench.buildRuns)}`);
  for (const variant of Object.values(variants)) await variant('warmup');
  const samples = await interleave(bench.buildRuns, variants, bench.log);
  const overhead = summarize(pairedDifferences(samples.action, samples.raw));
  return [
    durationRow(
      SECTION,
      'raw: `buildx build --push`, 2 platforms, on a new docker-container builder (its `buildx create` and ' +
        '`buildx rm` untimed, as setup-buildx runs them in its own step and post)',
      summarize(samples.raw),
    ),
    durationRow(
      SECTION,
      'action, mode auto, `builder:` a builder made the same way (untimed): main + post',
      summarize(samples.action),
    ),
    durationRow(
      SECTION,
      'action creating its own builder (`driver: docker-container`): main + post, its `buildx create` and ' +
        '`buildx rm` timed',
      summarize(samples['own-builder']),
    ),
    durationRow(SECTION, 'action with `builder:` − raw, paired run by run', overhead, {
      target: targetCell(overhead.median, OVERHEAD_TARGET_MS, formatDuration(OVERHEAD_TARGET_MS)),
    }),
    ratioRow(
      SECTION,
      'action with `builder:` / raw, paired run by run',
      summarize(pairedRatios(samples.action, samples.raw)),
    ),
    ratioRow(
      SECTION,
      'action creating its own builder / raw, paired run by run',
      summarize(pairedRatios(samples['own-builder'], samples.raw)),
      { result: 'builder creation and removal counted on the action side only' },
    ),
  ];
}
