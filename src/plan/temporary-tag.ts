// Names this run gives what it creates in shared places (temporary tags in the registry, a builder on the engine):
// unique per run attempt and step, recognisable as this action's by their shape, and dated, so that a later run
// can tell a crashed run's leftovers from a live run's. Pure.
import { createHash } from 'node:crypto';
import { formatName, type ImageName } from '../reference.js';

/** Identifies one step of one run attempt: temporary tags carry it so that concurrent runs never collide. */
export interface RunIdentity {
  runId: string;
  runAttempt: string;
  job: string;
  action: string;
  /** When this step started (Unix seconds): temporary tags carry it, so a later run can tell their age. */
  startedAt: number;
  /**
   * Six hex digits drawn when the step starts: two steps of one run, attempt, job and step id that start in the same
   * second (matrix legs over several images on one self-hosted engine) still name what they create apart.
   */
  nonce: string;
}

/**
 * `<prefix>-<run id>-<attempt>-<step hash>-<start time, base 36>-<nonce>-<build>`: unique per step, recognisable as
 * ours by its shape, and dated, so that a later run can remove the ones a crashed run left behind.
 */
export function temporaryTag(prefix: string, run: RunIdentity, buildName: string): string {
  return `${prefix}-${runPart(run)}-${run.startedAt.toString(36)}-${run.nonce}-${buildName}`;
}

/** A temporary tag in each repository, as full references (`registry/repository:tag`); none for no tag. */
export function temporaryReferences(repositories: ImageName[], tag: string | undefined): string[] {
  return tag === undefined ? [] : repositories.map((repository) => `${formatName(repository)}:${tag}`);
}

/** What a temporary tag says of itself, or undefined when the tag is not one of ours (wrong prefix or shape). */
export function parseTemporaryTag(
  prefix: string,
  tag: string,
): { runId: string; runAttempt: string; createdAt: number; build: string } | undefined {
  if (!tag.startsWith(`${prefix}-`)) return undefined;
  const match = /^(\d+)-(\d+)-[0-9a-f]{8}-([0-9a-z]{1,8})-[0-9a-f]{6}-(all|[a-z0-9]+-[a-z0-9]+(?:-[a-z0-9]+)?)$/.exec(
    tag.slice(prefix.length + 1),
  );
  if (!match) return undefined;
  const [, runId = '', runAttempt = '', time = '', build = ''] = match;
  const createdAt = Number.parseInt(time, 36);
  // A start before GitHub Actions existed is no run's: a user's tag that happens to have the shape.
  if (createdAt < EARLIEST_START) return undefined;
  return { runId, runAttempt, createdAt, build };
}

/** 2019-01-01 (Unix seconds): no step of a GitHub Actions run started before it. */
const EARLIEST_START = 1_546_300_800;

/** Eight hex digits that tell apart the steps of one run (job and step id): a name, not a secret. */
export function stepHash(run: RunIdentity): string {
  return createHash('sha256').update(`${run.job}\n${run.action}`).digest('hex').slice(0, 8);
}

/**
 * The name of a builder this step creates: run, attempt and step, when the step started, and a hash of its
 * platforms, so that matrix legs of one job sharing a self-hosted engine never take each other's builder.
 */
export function createdBuilderName(run: RunIdentity, platforms: string[]): string {
  const hash = createHash('sha256').update(platforms.join(',')).digest('hex');
  return `${createdBuilderPrefix(run)}${run.startedAt.toString(36)}-${run.nonce}-${hash.slice(0, 8)}`;
}

/** Whether a builder's name is one createdBuilderName gives in this step: no other step, nor a user's builder, has it. */
export function isCreatedBuilderName(name: string, run: RunIdentity): boolean {
  const prefix = createdBuilderPrefix(run);
  return name.startsWith(prefix) && name.length > prefix.length;
}

/** How the names of the builders this step creates begin: run, attempt and step; start time and platforms follow. */
function createdBuilderPrefix(run: RunIdentity): string {
  return `multiarch-${runPart(run)}-`;
}

/** `<run id>-<attempt>-<step hash>`: the run attempt and step, which every name this step gives begins with. */
function runPart(run: RunIdentity): string {
  return `${run.runId}-${run.runAttempt}-${stepHash(run)}`;
}
