// Runs the action as GitHub's runner would (scripts/local-runner.ts), from a copy of action.yml and dist/ taken
// when the benchmark starts: other work on this checkout may rebuild dist/ meanwhile, and one table must measure
// one bundle.
import { createHash, randomInt } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalRunner, repoRoot, type ActionRun } from '../local-runner.js';
import { LAB_BUILDKIT } from './docker.js';
import { tail } from './process.js';
import { measure } from './stats.js';

/** A step that runs longer than this is killed, and the benchmark fails instead of hanging. */
const STEP_TIMEOUT_MS = 15 * 60 * 1000;

const ENTRY = join('dist', 'index.js');

/** Copies what the runner needs to run the action (action.yml and the bundle) and returns the copy's directory. */
export function snapshotAction(parentDir: string): string {
  const actionDir = join(parentDir, 'action');
  mkdirSync(actionDir);
  cpSync(join(repoRoot, 'action.yml'), join(actionDir, 'action.yml'));
  cpSync(join(repoRoot, 'dist'), join(actionDir, 'dist'), { recursive: true });
  // A build in progress elsewhere (check-dist starts with rm -rf dist) leaves no entry to measure.
  if (!existsSync(join(actionDir, ENTRY))) throw new Error(`${ENTRY} is missing: run npm run build, then bench again`);
  return actionDir;
}

/**
 * Names the bundle a table was measured with: the start of a sha256 over every dist/*.js file (name and bytes, in
 * name order), since the entry alone stays the same when only a chunk it loads changes.
 */
export function bundleDigest(actionDir: string): string {
  const hash = createHash('sha256');
  const dist = join(actionDir, 'dist');
  for (const file of readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    hash.update(`${file}\0`).update(readFileSync(join(dist, file)));
  }
  return `sha256:${hash.digest('hex').slice(0, 12)}`;
}

/** A GITHUB_RUN_ID for a section's action runs: a number, as GitHub's are. */
export function newRunId(): string {
  return String(randomInt(1e9, 1e10));
}

/** How the names of the builders the action creates under a run id begin (createdBuilderName in src/plan). */
export function actionBuilderPrefix(runId: string): string {
  return `multiarch-${runId}-`;
}

/** The inputs that make the action create its own docker-container builder with LAB_BUILDKIT (post removes it). */
export function ownBuilderInputs(): Record<string, string> {
  return {
    driver: 'docker-container',
    'driver-opts': LAB_BUILDKIT.driverOpts.join('\n'),
    'buildkitd-config-inline': readFileSync(LAB_BUILDKIT.configFile, 'utf8'),
  };
}

export interface StepTimes {
  mainMs: number;
  postMs: number;
}

export interface ActionRunOptions {
  actionDir: string;
  nodePath: string;
  inputs: Record<string, string>;
  /** GITHUB_RUN_ID (default: a random one); the action names the builder it creates after it. */
  runId?: string;
  /** Called between main and post, outside the timings (e.g. to reset a request counter). */
  beforePost?: () => void;
}

/** Runs main, then post, timing each; rejects when either step fails. */
export async function runActionSteps({
  actionDir,
  nodePath,
  inputs,
  runId,
  beforePost,
}: ActionRunOptions): Promise<StepTimes> {
  const runner = new LocalRunner({
    actionDir,
    nodePath,
    inputs,
    timeoutMs: STEP_TIMEOUT_MS,
    ...(runId === undefined ? {} : { runId }),
  });
  try {
    const main = await measure(() => runner.runMain());
    if (main.value.exitCode !== 0) throw stepFailed('main', main.value);
    beforePost?.();
    const post = await measure(() => runner.runPost());
    if (post.value.exitCode !== 0) throw stepFailed('post', post.value);
    return { mainMs: main.ms, postMs: post.ms };
  } finally {
    runner.remove();
  }
}

function stepFailed(step: string, run: ActionRun): Error {
  const ending = run.signal === null ? `exit ${String(run.exitCode)}` : `killed by ${run.signal}`;
  return new Error(`the action's ${step} step failed (${ending}):\n${tail(run.stdout + run.stderr)}`);
}
