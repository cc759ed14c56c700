// Section 3: how the post step grows with platforms and tags. Mode fan-out, where each platform leaves a temporary
// tag for post to delete, so post's work is publishing every final tag plus cleaning up after every platform. The
// action talks to the registry through a counting proxy, so each row also says how many requests post made. The grid
// runs on the docker driver; two of its points also run on the default path, a docker-container builder the action
// creates, where every platform is pushed by digest and post has no temporary tag to delete but the builder to remove.
import { join } from 'node:path';
import { actionBuilderPrefix, newRunId, ownBuilderInputs, runActionSteps } from '../action.js';
import type { BenchContext } from '../context.js';
import { writeScratchContext } from '../contexts.js';
import { startCountingProxy, type CountingProxy, type RequestCounts } from '../counting-proxy.js';
import { removeBuilders, removeLocalImages } from '../docker.js';
import { formatDuration, plural } from '../format.js';
import { interleave, summarize } from '../stats.js';
import { durationRow, resultRow, targetCell, type Row } from '../table.js';

const SECTION = '3. Post-step scale';
/** Platforms a FROM-scratch image builds for without emulation, in the order they are added. */
const PLATFORMS = [
  'linux/amd64',
  'linux/arm64',
  'linux/arm/v7',
  'linux/riscv64',
  'linux/ppc64le',
  'linux/s390x',
  'linux/386',
  'linux/arm/v6',
];
const PLATFORM_COUNTS = [2, 4, 8];
const TAG_COUNTS = [1, 5, 20];
/** The grid's corners with the most platforms, again on a docker-container builder. */
const CONTAINER_POINTS = [1, 20].map((tags) => ({ platforms: 8, tags, driver: 'docker-container' as const }));
/** Issue 26's limits on post's median at 8 platforms, by tag count, on either driver. */
const POST_TARGET_MS_AT_8_PLATFORMS: Record<number, number> = { 1: 2000, 20: 3000 };
/** Requests per (platform, tag) pair above which post's requests grow as platforms × tags. */
const MAX_PRODUCT_TERM = 0.5;
/** The proxy closes itself after this long, whatever happens to the benchmark. */
const PROXY_MAX_LIFETIME_MS = 2 * 60 * 60 * 1000;

interface GridPoint {
  platforms: number;
  tags: number;
  driver: 'docker' | 'docker-container';
}

/** requests ≈ constant + perPlatform·platforms + perTag·tags (+ perPlatformAndTag·platforms·tags, centred) */
interface RequestModel {
  constant: number;
  perPlatform: number;
  perTag: number;
  perPlatformAndTag: number;
}

export async function benchPostScale(bench: BenchContext): Promise<Row[]> {
  const context = writeScratchContext(join(bench.workDir, 'post-scale'));
  const proxy = await startCountingProxy(bench.registry.port, PROXY_MAX_LIFETIME_MS);
  // Post removes the builder the action created, but nothing removes it after a main that failed.
  const runId = newRunId();
  bench.cleanup.add(`buildx builders ${actionBuilderPrefix(runId)}…`, () =>
    removeBuilders([actionBuilderPrefix(runId)]),
  );
  try {
    const requestCounts = new Map<string, RequestCounts[]>();
    const runPostAt = async (point: GridPoint, label: string): Promise<number> => {
      const { postMs } = await runActionSteps({
        nodePath: bench.nodePath,
        actionDir: bench.actionDir,
        runId,
        inputs: actionInputs(proxy, context, point, label),
        beforePost: () => {
          proxy.reset();
        },
      });
      const key = pointName(point);
      requestCounts.set(key, [...(requestCounts.get(key) ?? []), proxy.counts()]);
      return postMs;
    };
    const grid = PLATFORM_COUNTS.flatMap((platforms) =>
      TAG_COUNTS.map((tags) => ({ platforms, tags, driver: 'docker' as const })),
    );
    const points = [...grid, ...CONTAINER_POINTS];

    bench.log(`${SECTION}: warm-up (untimed), then interleaved timed runs per grid point: ${String(bench.buildRuns)}`);
    for (const driver of ['docker', 'docker-container'] as const) {
      await runActionSteps({
        nodePath: bench.nodePath,
        actionDir: bench.actionDir,
        runId,
        inputs: actionInputs(proxy, context, { platforms: PLATFORMS.length, tags: 1, driver }, 'warmup'),
      });
    }
    const variants = Object.fromEntries(
      points.map((point) => [pointName(point), (label: string) => runPostAt(point, label)]),
    );
    const samples = await interleave(bench.buildRuns, variants, bench.log);
    const requestsAt = (point: GridPoint): RequestCounts[] => requestCounts.get(pointName(point)) ?? [];
    const durationRowAt = (point: GridPoint): Row => {
      const summary = summarize(samples[pointName(point)] ?? []);
      const limit = point.platforms === 8 ? POST_TARGET_MS_AT_8_PLATFORMS[point.tags] : undefined;
      return durationRow(SECTION, `post: ${pointName(point)}`, summary, {
        result: describeRequests(requestsAt(point)),
        ...(limit === undefined ? {} : { target: targetCell(summary.median, limit, formatDuration(limit)) }),
      });
    };
    return [
      ...grid.map(durationRowAt),
      requestGrowthRow(grid, (point) => summarize(requestsAt(point).map(totalRequests)).median),
      ...CONTAINER_POINTS.map(durationRowAt),
    ];
  } finally {
    await proxy.stop();
    await removeLocalImages([proxy.address]);
  }
}

function pointName({ platforms, tags, driver }: GridPoint): string {
  const where = driver === 'docker' ? '' : ', docker-container builder the action created (post removes it)';
  return `${plural(platforms, 'platform')} × ${plural(tags, 'tag')}${where}`;
}

/** One repository per run, holding every final tag; no emulation is needed, so QEMU stays off. */
function actionInputs(proxy: CountingProxy, context: string, point: GridPoint, label: string): Record<string, string> {
  const name = `${point.driver}-p${String(point.platforms)}-t${String(point.tags)}-${label}`;
  const image = `${proxy.address}/post-scale/${name}`;
  const tags = Array.from({ length: point.tags }, (_, index) => `${image}:tag-${String(index + 1)}`);
  return {
    mode: 'fan-out',
    platforms: PLATFORMS.slice(0, point.platforms).join(','),
    tags: tags.join(','),
    push: 'true',
    ...(point.driver === 'docker' ? { driver: 'docker' } : ownBuilderInputs()),
    qemu: 'false',
    context,
    provenance: 'false',
  };
}

function totalRequests(counts: RequestCounts): number {
  return [...counts.byMethod.values()].reduce((sum, count) => sum + count, 0);
}

/**
 * The requests post made: the total and the split by method, or the range when runs differed; and the server
 * errors among the answers, since retried requests explain both a varying count and a slow run.
 */
function describeRequests(runs: readonly RequestCounts[]): string {
  const totals = runs.map(totalRequests);
  const serverErrors = runs.reduce((sum, counts) => sum + counts.serverErrors, 0);
  const errorNote =
    serverErrors === 0 ? '' : `; ${String(serverErrors)} answered 5xx over ${plural(runs.length, 'run')}`;
  const [first] = runs;
  if (first === undefined) return '';
  if (new Set(totals).size > 1) {
    return `${String(Math.min(...totals))}–${String(Math.max(...totals))} requests${errorNote}`;
  }
  const byMethod = [...first.byMethod]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([method, count]) => `${method} ${String(count)}`);
  return `${String(totals[0])} requests (${byMethod.join(', ')})${errorNote}`;
}

/**
 * Whether post's requests grow as platforms + tags rather than as their product: the p·t coefficient of a least
 * squares fit must stay under half a request per (platform, tag) pair. A retried request moves it by hundredths; a
 * request per final tag per platform moves it by 1.
 */
function requestGrowthRow(grid: readonly GridPoint[], requests: (point: GridPoint) => number): Row {
  const model = fitRequestModel(grid, requests);
  const formula =
    `≈ ${formatCoefficient(model.constant)} + ${formatCoefficient(model.perPlatform)}·p + ` +
    `${formatCoefficient(model.perTag)}·t, p·t term ${formatCoefficient(model.perPlatformAndTag, 2)}`;
  const linear = Math.abs(model.perPlatformAndTag) < MAX_PRODUCT_TERM;
  return resultRow(
    SECTION,
    'post requests for p platforms and t tags (least squares over the docker driver grid)',
    formula,
    `O(p + t), p·t term < ${String(MAX_PRODUCT_TERM)}: ${linear ? 'met' : '**MISSED**'}`,
  );
}

/**
 * requests ≈ constant + perPlatform·p + perTag·t + perPlatformAndTag·(p − p̄)(t − t̄). On a full grid the centred
 * p, t and their product are orthogonal, so each least-squares coefficient is a plain ratio of sums.
 */
function fitRequestModel(grid: readonly GridPoint[], requests: (point: GridPoint) => number): RequestModel {
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const meanPlatforms = mean(grid.map((point) => point.platforms));
  const meanTags = mean(grid.map((point) => point.tags));
  const meanRequests = mean(grid.map(requests));
  const coefficient = (centred: (point: GridPoint) => number): number =>
    grid.reduce((sum, point) => sum + centred(point) * (requests(point) - meanRequests), 0) /
    grid.reduce((sum, point) => sum + centred(point) ** 2, 0);
  const perPlatform = coefficient((point) => point.platforms - meanPlatforms);
  const perTag = coefficient((point) => point.tags - meanTags);
  const perPlatformAndTag = coefficient((point) => (point.platforms - meanPlatforms) * (point.tags - meanTags));
  return {
    constant: meanRequests - perPlatform * meanPlatforms - perTag * meanTags,
    perPlatform,
    perTag,
    perPlatformAndTag,
  };
}

/** Rounded for reading; String() also turns a rounded -0 into 0. */
function formatCoefficient(value: number, decimals = 1): string {
  const scale = 10 ** decimals;
  return String(Math.round(value * scale) / scale);
}
