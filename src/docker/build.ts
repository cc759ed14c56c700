// Runs the planned buildx builds (in parallel in fan-out), reads what each one pushed from its metadata file, and
// annotates the Dockerfile checks they reported.
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { buildxBuildArgs, csvField } from '../plan/buildx-args.js';
import type { DockerCli } from './cli.js';
import { CommandError } from './command.js';
import { buildsImage, type BuildOptions } from '../inputs/inputs.js';
import type { BuilderFacts, Plan, PlannedBuild } from '../plan/plan.js';
import { formatPlatform } from '../platform.js';
import type { Descriptor } from '../registry/types.js';
import { retry, type RetryPolicy } from '../retry.js';
import { errorMessage } from '../error-message.js';
import { dockerConfigPath } from '../registry/credentials/docker-config.js';
import {
  buildxReportingEnvironment,
  checkAnnotationsSetting,
  unhonouredBuildRecordSettings,
} from './build-reporting.js';
import {
  annotatedDockerfile,
  buildxConfigDirectory,
  checkAnnotations,
  distinctAnnotations,
  localStatePath,
  parseLocalState,
  runnerWorkspace,
  type CheckAnnotation,
} from './check-annotations.js';

/** The parts of buildx's metadata file this action reads. */
export interface BuildMetadata {
  'containerimage.descriptor'?: Descriptor;
  'containerimage.digest'?: string;
  'containerimage.config.digest'?: string;
  [key: string]: unknown;
}

export interface CompletedBuild {
  build: PlannedBuild;
  metadata: BuildMetadata;
}

export class BuildError extends Error {
  override name = 'BuildError';
}

export async function runBuilds(
  plan: Plan,
  options: BuildOptions,
  builder: BuilderFacts,
  docker: DockerCli,
  tempDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CompletedBuild[]> {
  const notice = unhonouredBuildRecordSettings(env);
  if (notice !== undefined) core.notice(notice);
  const buildxEnv = buildxReportingEnvironment(env);
  const secretFiles = await writeSecretFiles(options.secrets, tempDir);
  try {
    const parallel = plan.builds.length > 1;
    const outcomes = await Promise.allSettled(
      plan.builds.map(async (build): Promise<CompletedBuild> => {
        const metadataFile = join(tempDir, `metadata-${build.name}.json`);
        const args = buildxBuildArgs(build, plan, options, builder, {
          metadataFile,
          secretSpecs: secretFiles.specs,
        });
        const label = build.platforms.map(formatPlatform).join(',');
        core.info(`Building ${label}`);
        try {
          // A build is re-run only when its push hit a passing registry fault; the build cache makes that cheap.
          const output = parallel ? { linePrefix: `[${label}] ` } : {};
          let raceRetried = false;
          await retry(() => docker.buildx(args, { ...output, env: buildxEnv }), {
            ...ENGINE_PUSH_RETRY_POLICY,
            isRetryable: (error) => {
              const transient = transientPushFailure(error);
              if (transient !== false || raceRetried) return transient;
              const race = concurrentPushRace(error);
              raceRetried = race !== false;
              return race;
            },
            onRetry: (message) => {
              core.warning(`${label}: ${message}`);
            },
          });
        } catch (error) {
          throw new BuildError(`the build for ${label} on builder ${builder.name} failed: ${errorMessage(error)}`);
        }
        return { build, metadata: await readMetadata(metadataFile, buildsImage(options.call)) };
      }),
    );
    const completed = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    // The checks of the builds that completed are worth seeing even when another platform's build failed.
    await annotateChecks(completed, env);
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    if (failures.length > 0) {
      throw new BuildError(
        [...failures.map(errorMessage), ...(await nodesNotRunning(builder.name, docker))].join('\n'),
      );
    }
    return completed;
  } finally {
    await secretFiles.remove();
  }
}

/**
 * After a failed build, the builder's nodes that are not running: buildx's error for a BuildKit that died mid-build
 * (`error reading from server: EOF`) names neither the node nor the builder.
 */
async function nodesNotRunning(builder: string, docker: DockerCli): Promise<string[]> {
  try {
    const nodes = await docker.builderNodes(builder);
    return nodes
      .filter((node) => node.status !== 'running')
      .map((node) => `node ${node.name} of builder ${builder} is ${node.status}`);
  } catch {
    return []; // the build's own error stands without it
  }
}

/**
 * Each Dockerfile check the builds reported, once, as a warning annotation on the Dockerfile (unless
 * DOCKER_BUILD_CHECKS_ANNOTATIONS is false). Best effort: a build whose Dockerfile cannot be told gets none.
 */
async function annotateChecks(completed: CompletedBuild[], env: NodeJS.ProcessEnv): Promise<void> {
  const setting = checkAnnotationsSetting(env);
  if (setting.warning !== undefined) core.warning(setting.warning);
  if (!setting.enabled) return;
  const workspace = runnerWorkspace(env, process.cwd());
  const buildxConfigDir = buildxConfigDirectory(env, dockerConfigPath(env));
  const annotations: CheckAnnotation[] = [];
  for (const { build, metadata } of completed) {
    const warnings = metadata['buildx.build.warnings'];
    if (!Array.isArray(warnings) || warnings.length === 0) continue;
    try {
      const statePath = localStatePath(metadata['buildx.build.ref'], buildxConfigDir);
      if (statePath === undefined) throw new Error('the metadata has no buildx.build.ref');
      const state = parseLocalState(JSON.parse(await readFile(statePath, 'utf8')));
      const dockerfile = annotatedDockerfile(state, workspace);
      if (dockerfile === undefined) throw new Error('its Dockerfile is not in this repository');
      const content = dockerfile.absolutePath && (await readFile(dockerfile.absolutePath)).toString('base64');
      annotations.push(...checkAnnotations(warnings, dockerfile, content));
    } catch (error) {
      core.debug(`No check annotations for ${build.name}: ${errorMessage(error)}`);
    }
  }
  for (const { message, ...properties } of distinctAnnotations(annotations)) core.warning(message, properties);
}

/** buildx's metadata file; a call that only evaluates the build (`call: check`) writes none, and so has none. */
async function readMetadata(file: string, builds: boolean): Promise<BuildMetadata> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BuildMetadata;
  } catch (error) {
    if (!builds && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/**
 * The engine retries no single request of a push (containerd retries only 408 and 429), so one fault anywhere
 * in the dozens of requests of a multi-platform push fails all of it. Each attempt gets further than the last
 * (blobs already pushed are skipped), hence more attempts than for one request, over a longer bound.
 */
export const ENGINE_PUSH_RETRY_POLICY = {
  maxAttempts: 10,
  maxElapsedMs: 180_000,
  baseDelayMs: 1_000,
  maxDelayMs: 15_000,
} as const satisfies Partial<RetryPolicy>;

// What buildx prints when a push (not the build itself) failed for a reason that may pass: registry overload,
// throttling, a dropped connection. A failing RUN step prints none of these.
const TRANSIENT_PUSH_ERRORS = [
  /unexpected (HTTP )?status( from \w+ request to \S+)?: (429|5\d\d)/i,
  /\btoomanyrequests\b/i,
  /connection reset by peer|broken pipe|i\/o timeout|unexpected EOF/i,
  /failed to (push|do request)\b.*(connection reset|connection refused|i\/o timeout|EOF|TLS handshake timeout)/i,
  /\b(429 Too Many Requests|503 Service Unavailable|502 Bad Gateway|504 Gateway Timeout)\b/,
];

/** Whether a failed build failed in its push for a reason worth one more try. */
export function transientPushFailure(error: unknown): boolean | { reason: string } {
  if (!(error instanceof CommandError)) return false;
  const output = `${error.result.stderr}\n${error.result.stdout}`;
  if (output.includes('did not complete successfully')) return false;
  const match = TRANSIENT_PUSH_ERRORS.map((pattern) => pattern.exec(output)).find(Boolean);
  return match ? { reason: `the push failed (${match[0]})` } : false;
}

/**
 * A manifest PUT refused with 400 right after its blobs went up. BuildKit pushes a layer that two exports of one
 * builder share (two platforms' builds of a fan-out, an image and its registry cache) once per export, at the same
 * time, and its pusher can send one export's manifest before the other's upload of that layer has ended
 * (containerd/containerd#2706): the registry answers MANIFEST_BLOB_UNKNOWN. By the next attempt the layer is there.
 * A 400 for another reason comes back the same, so the build is run again for it once only.
 */
const MANIFEST_PUT_REFUSED =
  /failed commit on ref "manifest-sha256:[0-9a-f]{64}": unexpected status from PUT request to \S+: 400 Bad Request/;

/** Whether a failed build's manifest PUT was refused as it is when a parallel push of a layer had not ended. */
export function concurrentPushRace(error: unknown): false | { reason: string } {
  if (!(error instanceof CommandError)) return false;
  const match = MANIFEST_PUT_REFUSED.exec(`${error.result.stderr}\n${error.result.stdout}`);
  return match
    ? { reason: `the registry refused a manifest (${match[0]}), as when a shared layer was still uploading` }
    : false;
}

/** The descriptor of what a build pushed, from its metadata; an error names the build when buildx gave none. */
export function pushedDescriptor(completed: CompletedBuild): Descriptor {
  const descriptor = completed.metadata['containerimage.descriptor'];
  if (!descriptor?.digest) {
    throw new BuildError(`buildx reported no pushed image for ${completed.build.name} (no containerimage.descriptor)`);
  }
  return descriptor;
}

/**
 * `secrets` values go to files only this user can read, referenced as `id=…,src=…`: a value in argv would be
 * visible to every process on the runner. The files are removed when the builds end.
 */
async function writeSecretFiles(
  secrets: string[],
  tempDir: string,
): Promise<{ specs: string[]; remove: () => Promise<void> }> {
  const files: string[] = [];
  const specs: string[] = [];
  for (const secret of secrets) {
    const separator = secret.indexOf('=');
    const id = secret.slice(0, separator);
    const value = secret.slice(separator + 1);
    if (value !== '') core.setSecret(value);
    const file = join(tempDir, `secret-${randomUUID()}`);
    await writeFile(file, value, { mode: 0o600 });
    files.push(file);
    specs.push([`id=${id}`, `src=${file}`].map(csvField).join(','));
  }
  const remove = async (): Promise<void> => {
    await Promise.all(files.map((file) => rm(file, { force: true })));
  };
  return { specs, remove };
}
