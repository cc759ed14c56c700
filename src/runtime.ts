// What main and post take from the runner's environment, and the shared way they time and group their phases.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { RunIdentity } from './plan/temporary-tag.js';
import type { PhaseTiming } from './state.js';

export function runIdentity(env: NodeJS.ProcessEnv = process.env): RunIdentity {
  return {
    runId: env.GITHUB_RUN_ID ?? 'local',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? '',
    action: env.GITHUB_ACTION ?? '',
    startedAt: Math.floor(Date.now() / 1000),
    nonce: randomBytes(3).toString('hex'),
  };
}

/**
 * RUNNER_TEMP itself: the same path in every job of a run, which the cache handoff needs (a cache entry is found
 * only under the path it was saved from).
 */
export function runnerTemp(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP ?? tmpdir();
}

/** A fresh directory under RUNNER_TEMP for this step's files (metadata, secrets, buildkitd config). */
export async function stepTempDir(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return mkdtemp(join(runnerTemp(env), 'multiarch-build-'));
}

/** Runs one phase in its own log group and records how long it took. */
export async function phase<T>(timings: PhaseTiming[], name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await core.group(name, work);
  } finally {
    timings.push({ phase: name, seconds: Math.round(performance.now() - started) / 1000 });
  }
}
