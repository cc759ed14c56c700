// Running the action as a workflow step (main, then post unless the runner died first) with the local runner, or as
// the jobs of one shard-merge workflow run, and reading back what each step left: outputs, state, summary, how long
// each part took, and its run id, which names its temporary tags.
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRunner, type ActionRun, type MainRunOptions } from '../../../scripts/local-runner.js';
import type { RunState } from '../../../src/state.js';
import { lab } from '../lab.js';
import { describeEntries, type CacheService } from './cache-service.js';

export const TEMP_TAG_PREFIX = 'multiarch-tmp';

export interface StepOptions {
  env?: Record<string, string>;
  runId?: string;
  runAttempt?: string;
  job?: string;
  /** RUNNER_TEMP shared with the other jobs of the run (see workflowRun); by default the step has its own. */
  runnerTemp?: string;
  /** Crash main when its output so far satisfies this (see LocalRunner). */
  killMainWhen?: MainRunOptions['killWhen'];
  /** false: the runner never gets to post (it died after main). */
  post?: boolean;
  /** Called after main ended and before post starts (e.g. to look at what a crashed main left). */
  beforePost?: () => Promise<void>;
  /** Called once post has started, with post's outcome (e.g. to crash it from outside); awaited before returning. */
  duringPost?: (post: Promise<ActionRun>) => Promise<void>;
  /** Called with RUNNER_TEMP (file commands included) once the steps ended, before it is deleted. */
  inspectRunnerTemp?: (runnerTemp: string) => Promise<void>;
}

export interface StepResult {
  runId: string;
  main: ActionRun;
  post: ActionRun | undefined;
  outputs: Record<string, string>;
  /** The file commands main saved for post, as the runner parsed them. */
  savedState: Record<string, string>;
  summary: string;
  mainMs: number;
  /** When main ended (ms since the epoch). */
  mainEndedAt: number;
  postMs: number;
}

/** A run id as GitHub's are (a number); a random one keeps the temporary tags of parallel runs apart. */
export function newRunId(): string {
  return String(randomInt(1e9, 1e10));
}

/**
 * A step's environment to run it `hours` in the past (its clock only): the temporary tags it leaves are then that
 * old, as a crashed run's would be when a later run sweeps them.
 */
export function hoursAgo(hours: number): Record<string, string> {
  const preload = new URL('./clock-offset.js', import.meta.url).href;
  return { NODE_OPTIONS: `--import=${preload}`, E2E_CLOCK_OFFSET_MS: String(-hours * 3_600_000) };
}

/** A run id older than every newRunId: a later run may sweep what this run leaves. */
export function oldRunId(): string {
  return String(randomInt(1e8, 1e9));
}

/** The step with `driver: docker` and `push: true` (the only way this lab pushes), then the given inputs. */
export async function runStep(inputs: Record<string, string>, options: StepOptions = {}): Promise<StepResult> {
  const runId = options.runId ?? newRunId();
  const runner = new LocalRunner({
    inputs: { driver: 'docker', push: 'true', ...inputs },
    runId,
    // A bundle built elsewhere (with its own action.yml) instead of this checkout's dist/.
    ...(process.env.MULTIARCH_ACTION_DIR ? { actionDir: process.env.MULTIARCH_ACTION_DIR } : {}),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.runAttempt === undefined ? {} : { runAttempt: options.runAttempt }),
    ...(options.job === undefined ? {} : { job: options.job }),
    ...(options.runnerTemp === undefined ? {} : { runnerTemp: options.runnerTemp }),
  });
  try {
    const started = Date.now();
    const main = await runner.runMain(options.killMainWhen ? { killWhen: options.killMainWhen } : {});
    const mainEndedAt = Date.now();
    const mainMs = mainEndedAt - started;
    let postStarted = Date.now();
    let post: ActionRun | undefined;
    if (options.post !== false) {
      await options.beforePost?.();
      postStarted = Date.now();
      const postRun = runner.runPost();
      try {
        await options.duringPost?.(postRun);
      } finally {
        post = await postRun;
      }
    }
    await options.inspectRunnerTemp?.(runner.runnerTemp);
    recordForFailure(`run ${runId}${options.job ? `, job ${options.job}` : ''}`, main, post);
    return {
      runId,
      main,
      post,
      outputs: runner.outputs(),
      savedState: runner.state(),
      summary: runner.summary(),
      mainMs,
      mainEndedAt,
      postMs: post === undefined ? 0 : Date.now() - postStarted,
    };
  } finally {
    runner.remove();
  }
}

/** Keeps a step's logs for the test environment to print if the test fails (step-log-environment.js). */
function recordForFailure(label: string, main: ActionRun, post: ActionRun | undefined): void {
  const output = (run: ActionRun | undefined): string => (run === undefined ? '(not run)' : run.stdout + run.stderr);
  keepForFailure(label, `main (exit ${main.exitCode}):\n${output(main)}\npost:\n${output(post)}`);
}

/** Text the test environment prints, after the logs kept before it, if the test fails (step-log-environment.js). */
function keepForFailure(label: string, log: string): void {
  (globalThis as { __stepLogs?: { label: string; log: string }[] }).__stepLogs?.push({ label, log });
}

/** The RunState main handed to post. */
export function runState(step: StepResult): RunState {
  const text = step.savedState.run;
  if (text === undefined) throw new Error(`main saved no run state:\n${stepLog(step)}`);
  return JSON.parse(text) as RunState;
}

/** Everything the step printed, as a job log shows it: `::add-mask::` commands are consumed by the runner. */
export function stepLog(step: StepResult): string {
  const streams = [step.main.stdout, step.main.stderr, step.post?.stdout ?? '', step.post?.stderr ?? ''];
  return streams
    .join('\n')
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Main and post both exited 0; the step's log is in the failure message when not. */
export function expectSucceeded(step: StepResult): void {
  expect({ main: step.main.exitCode, post: step.post?.exitCode, log: stepLog(step) }).toMatchObject({
    main: 0,
    post: 0,
  });
}

/** Tags of a repository that are temporary tags of the run `runId`. */
export function temporaryTagsOfRun(tags: string[], runId: string): string[] {
  return tags.filter((tag) => tag.startsWith(`${TEMP_TAG_PREFIX}-${runId}-`));
}

/** A tiny build context: FROM the lab base, a label from a build arg, no RUN (nothing to emulate, quick to push). */
export function labelContext(extraLines: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-context-'));
  writeFileSync(
    join(dir, 'Dockerfile'),
    [`FROM ${lab.baseImage}`, 'ARG RUN_LABEL=none', 'LABEL e2e.run=$RUN_LABEL', ...extraLines, ''].join('\n'),
  );
  return dir;
}

/** What every run here builds: the runner's own platform and an emulated one. */
export const BOTH_PLATFORMS = 'linux/amd64,linux/arm64';

/** The jobs of one workflow run, made by workflowRun: each step runs with the run's id and what its jobs share. */
export interface WorkflowRun {
  runId: string;
  /** A shard job building `platform`: job build-<os>-<arch> and attempt 1 unless `options` say otherwise. */
  shard(inputs: Record<string, string>, platform: string, options?: JobOptions): Promise<StepResult>;
  /** The merge job: job merge and attempt 1 unless `options` say otherwise. */
  merge(inputs: Record<string, string>, platforms: string, options?: JobOptions): Promise<StepResult>;
  /** Deletes what the jobs shared, once they have ended. */
  remove(): void;
}

export type JobOptions = Pick<StepOptions, 'runAttempt' | 'job'>;

/**
 * A workflow run whose shard and merge jobs hand off through a fresh handoff-dir, or, given `cache`, through the
 * GitHub cache as the action does without handoff-dir: then every job gets the service's variables, as a runner
 * hands them to an action, and one RUNNER_TEMP, as GitHub gives every job of a run (the handoff saves its entries
 * from there, and the cache restores an entry only to the paths it was saved from).
 */
export function workflowRun({
  env = {},
  cache,
}: { env?: Record<string, string>; cache?: CacheService } = {}): WorkflowRun {
  const runId = newRunId();
  const shared = mkdtempSync(join(tmpdir(), cache === undefined ? 'e2e-handoff-' : 'e2e-runner-temp-'));
  const handoffInputs: Record<string, string> = cache === undefined ? { 'handoff-dir': shared } : {};
  const stepOptions: StepOptions =
    cache === undefined ? { runId, env } : { runId, env: { ...env, ...cache.env }, runnerTemp: shared };
  return {
    runId,
    shard: (inputs, platform, options = {}) =>
      runStep(
        { ...inputs, ...handoffInputs, mode: 'shard', platforms: platform },
        { ...stepOptions, job: `build-${platform.replaceAll('/', '-')}`, ...options },
      ),
    merge: async (inputs, platforms, options = {}) => {
      const merge = await runStep(
        { ...inputs, ...handoffInputs, mode: 'merge', platforms },
        { ...stepOptions, job: 'merge', ...options },
      );
      // What the shards left in the cache service, printed last, should the test fail: a record the merge missed
      // shows there with its key and version (the version hashes the record's path and the compression).
      if (cache !== undefined) keepForFailure('the GitHub cache service after the merge', describeEntries(cache));
      return merge;
    },
    remove: () => {
      rmSync(shared, { recursive: true, force: true });
    },
  };
}

/**
 * One workflow run of the shard-merge flow: a shard job per platform of BOTH_PLATFORMS in parallel, handing off
 * through a fresh handoff-dir (or the GitHub cache, faked by `cache`), then the merge job. `shardInputs` go to the
 * shards only (as a workflow passes the build's inputs to its build jobs alone).
 */
export async function runShardsThenMerge(
  inputs: Record<string, string>,
  {
    shardInputs = {},
    env,
    cache,
  }: { shardInputs?: Record<string, string>; env?: Record<string, string>; cache?: CacheService } = {},
): Promise<{ shards: StepResult[]; merge: StepResult }> {
  const run = workflowRun({ env, cache });
  try {
    const shards = await Promise.all(
      BOTH_PLATFORMS.split(',').map((platform) => run.shard({ ...inputs, ...shardInputs }, platform)),
    );
    return { shards, merge: await run.merge(inputs, BOTH_PLATFORMS) };
  } finally {
    run.remove();
  }
}

/** The items of a `**Title:**` list in the job summary (e.g. "Temporary tags deleted", "Left behind"). */
export function summarySection(summary: string, title: string): string[] {
  const lines = summary.split('\n');
  const start = lines.indexOf(`**${title}:**`);
  if (start === -1) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 2)) {
    const item = /^- `(.*)`$/.exec(line)?.[1];
    if (item === undefined) break;
    items.push(item);
  }
  return items;
}
