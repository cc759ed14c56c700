// `npm run bench` (issue 6): the action against the local lab, in one Markdown table (stdout and
// docs/benchmarks.md): its overhead over the raw buildx command, the old per-arch flow against fan-out, how the post
// step scales with platforms and tags, the bundle's cold start and size, the default path (a docker-container
// builder) side by side with build-push-action's, and how much of a rebuild the layer cache serves on every platform.
// Progress goes to stderr. A missed target is marked in the table;
// only a benchmark that could not measure exits non-zero.
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleDigest, snapshotAction } from './bench/action.js';
import { CleanupStack } from './bench/cleanup.js';
import type { BenchContext } from './bench/context.js';
import { copyImage, removeLocalImages } from './bench/docker.js';
import { formatMarkdown, latestRun, writeBenchmarksDoc } from './bench/docs.js';
import { describeMachine } from './bench/machine.js';
import { OptionsError, parseOptions, USAGE, type BenchOptions } from './bench/options.js';
import { runCommand } from './bench/process.js';
import { startThrowawayRegistry } from './bench/registry.js';
import { benchColdStart } from './bench/sections/cold-start.js';
import { benchDefaultPath } from './bench/sections/default-path.js';
import { benchLayerCache } from './bench/sections/layer-cache.js';
import { benchOverhead } from './bench/sections/overhead.js';
import { benchPerArch } from './bench/sections/per-arch.js';
import { benchPostScale } from './bench/sections/post-scale.js';
import { renderTable, type Row } from './bench/table.js';
import { repoRoot } from './local-runner.js';

const LAB_BASE_IMAGE = `127.0.0.1:${process.env.LAB_REGISTRY_PORT ?? '5000'}/lab/busybox:latest`;
const DOC_PATH = join(repoRoot, 'docs', 'benchmarks.md');
const SECTIONS: ((bench: BenchContext) => Promise<Row[]>)[] = [
  benchOverhead,
  benchPerArch,
  benchPostScale,
  benchColdStart,
  benchDefaultPath,
  benchLayerCache,
];

/**
 * The cold starts (section 4) run first, on a machine no build has loaded yet: for a while after section 3 the
 * engine goes on deleting the images it untagged, and node starts slower next to it; section 5 comes before 3 for
 * the same reason, and so does 6. The table keeps the sections' order.
 */
const RUN_ORDER = [4, 1, 2, 5, 6, 3];

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function requireLab(): Promise<void> {
  try {
    await runCommand('bash', [join(repoRoot, 'scripts', 'lab.sh'), 'status']);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the lab is not up; start it with: npm run lab up\n${reason}`, { cause: error });
  }
}

/** The run's temporary directory, action snapshot and registry (with the base image), each registered for cleanup. */
async function prepare(options: BenchOptions, cleanup: CleanupStack): Promise<BenchContext> {
  const workDir = mkdtempSync(join(tmpdir(), 'multiarch-bench-'));
  cleanup.add(`temporary directory ${workDir}`, () => {
    rmSync(workDir, { recursive: true, force: true });
  });
  const actionDir = snapshotAction(workDir);
  const registry = await startThrowawayRegistry(join(workDir, 'registry'));
  cleanup.add(`registry on ${registry.address}`, registry.stop);
  cleanup.add(`local images named ${registry.address}/…`, () => removeLocalImages([registry.address]));
  log(`Throwaway registry on ${registry.address}; copying ${LAB_BASE_IMAGE} into it`);
  const baseImage = `${registry.address}/lab/busybox:latest`;
  await copyImage(LAB_BASE_IMAGE, baseImage);
  return {
    actionDir,
    workDir,
    registry,
    baseImage,
    overheadRuns: options.overheadRuns,
    buildRuns: options.buildRuns,
    coldStartRuns: options.coldStartRuns,
    nodePath: options.nodePath,
    cleanup,
    log,
  };
}

/** On SIGINT or SIGTERM: undo what was started, then exit as killed by that signal. */
function cleanUpOnSignals(cleanup: CleanupStack): void {
  const handler = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping what the benchmark started`);
    void cleanup.runAll().finally(() => process.exit(128 + constants.signals[signal]));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function measureAll(options: BenchOptions, cleanup: CleanupStack): Promise<void> {
  await requireLab();
  const machine = await describeMachine(options.nodePath);
  const bench = await prepare(options, cleanup);
  const measured = new Map<number, Row[]>();
  for (const number of RUN_ORDER) {
    const section = SECTIONS[number - 1];
    if (section && options.sections.includes(number)) measured.set(number, await section(bench));
  }
  const rows = [...measured].sort(([a], [b]) => a - b).flatMap(([, sectionRows]) => sectionRows);
  const report = { machine, options, bundle: bundleDigest(bench.actionDir), table: renderTable(rows) };
  process.stdout.write(await formatMarkdown(latestRun(report), DOC_PATH));
  if (options.sections.length < SECTIONS.length) {
    log(`Only sections ${options.sections.join(', ')}: ${relative(process.cwd(), DOC_PATH)} left as it was`);
    return;
  }
  await writeBenchmarksDoc(DOC_PATH, report);
  log(`Wrote ${relative(process.cwd(), DOC_PATH)}`);
}

async function bench(options: BenchOptions): Promise<void> {
  const cleanup = new CleanupStack();
  cleanUpOnSignals(cleanup);
  let failure: Error | undefined;
  try {
    await measureAll(options, cleanup);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  }
  const leftBehind = await cleanup.runAll();
  for (const what of leftBehind) log(`Could not clean up ${what}`);
  if (failure !== undefined) throw failure;
  if (leftBehind.length > 0) throw new Error('the benchmark could not stop or remove everything it started');
}

/** What to say when the benchmark fails: the usage problem as is, anything else with where it happened. */
function describeFailure(error: unknown): string {
  if (error instanceof OptionsError || !(error instanceof Error)) return String(error);
  return error.stack ?? error.message;
}

try {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options === 'help') console.log(USAGE);
  else await bench(options);
} catch (error) {
  log(`bench failed: ${describeFailure(error)}`);
  process.exitCode = 1;
}
