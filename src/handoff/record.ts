// The record a shard hands to the merge job for each platform it built: what it pushed and where. Pure: the
// backends (directory, GitHub cache) only move these records as JSON text.
import { createHash } from 'node:crypto';
import { formatPlatform, parsePlatform, PlatformError, platformSlug } from '../platform.js';
import { parseTemporaryTag } from '../plan/temporary-tag.js';
import { canonicalRepository, isDigest, parseReference, type ImageReference } from '../reference.js';
import type { Descriptor } from '../registry/types.js';
import { isObject } from '../is-object.js';

export interface ShardRecord {
  version: 1;
  /** imageKey() of the final tags: shards and merge with the same tags agree on it. */
  image: string;
  /** Canonical platform, e.g. linux/arm64. */
  platform: string;
  runId: string;
  runAttempt: string;
  job: string;
  /** What the build pushed. */
  descriptor: Descriptor;
  /** Registry/repository names the image was pushed to. */
  repositories: string[];
  /** Full references of the temporary tags pushed; empty when pushed by digest. */
  temporaryTags: string[];
  /** ISO 8601. */
  createdAt: string;
}

export class ShardRecordError extends Error {
  override name = 'ShardRecordError';
}

const IMAGE_KEY = /^[0-9a-f]{16}$/;
// Run ids end up in file names and cache keys: no separators, no commas (the cache refuses them in keys), no `..`.
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RUN_ATTEMPT = /^[1-9][0-9]*$/;
// A GitHub job id (empty outside GitHub Actions): logged, so nothing that could start a workflow command.
const JOB = /^(?:[A-Za-z_][A-Za-z0-9_-]*)?$/;
const RECORD_FIELDS = [
  'version',
  'image',
  'platform',
  'runId',
  'runAttempt',
  'job',
  'descriptor',
  'repositories',
  'temporaryTags',
  'createdAt',
];
const DESCRIPTOR_FIELDS = ['mediaType', 'digest', 'size', 'platform', 'annotations'];
const PLATFORM_FIELDS = ['os', 'architecture', 'variant'];

/**
 * Which image a record belongs to: the first 16 hex digits of the sha256 of the sorted, distinct final tags, one
 * per line. Two images built in one run never see each other's records.
 */
export function imageKey(finalTags: string[]): string {
  const tags = [...new Set(finalTags)].sort();
  return createHash('sha256').update(tags.join('\n')).digest('hex').slice(0, 16);
}

/** Throws unless image and run id are safe to use in file names and cache keys, as records require. */
export function checkImageAndRun(image: string, runId: string): void {
  if (!IMAGE_KEY.test(image)) throw new ShardRecordError(`"${image}" is not an image key (16 hex digits)`);
  if (!RUN_ID.test(runId)) {
    throw new ShardRecordError(`"${runId}" is not a run id (a letter or digit, then letters, digits, ., _ or -)`);
  }
}

/** The platform as it appears in file names and cache keys: `linux/arm/v7` → `linux-arm-v7`. */
export function platformSlugOf(platform: string): string {
  return platformSlug(parsePlatform(platform));
}

/**
 * The record's JSON, with exactly the fields of ShardRecord and Descriptor: buildx's descriptor may carry more,
 * which the merge does not need and the strict parser would refuse.
 */
export function serializeShardRecord(record: ShardRecord): string {
  const { mediaType, digest, size, platform, annotations } = record.descriptor;
  const descriptor: Descriptor = {
    mediaType,
    digest,
    size,
    ...(platform ? { platform: { ...platform } } : {}),
    ...(annotations ? { annotations } : {}),
  };
  const known: ShardRecord = {
    version: record.version,
    image: record.image,
    platform: record.platform,
    runId: record.runId,
    runAttempt: record.runAttempt,
    job: record.job,
    descriptor,
    repositories: record.repositories,
    temporaryTags: record.temporaryTags,
    createdAt: record.createdAt,
  };
  return `${JSON.stringify(known, null, 2)}\n`;
}

/** Parses and validates a record; `where` (a file path or cache key) names the source in every error. */
export function parseShardRecord(text: string, where: string): ShardRecord {
  const invalid = (what: string) => new ShardRecordError(`The handoff record at ${where} is invalid: ${what}.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) throw invalid('not a JSON object');
  if (json.version !== 1) throw invalid(`version is ${JSON.stringify(json.version)} (expected 1)`);
  checkFields(json, RECORD_FIELDS, 'the record', invalid);

  const image = requireString(json, 'image', invalid);
  if (!IMAGE_KEY.test(image)) throw invalid(`image "${image}" is not 16 hex digits`);
  const platform = requireString(json, 'platform', invalid);
  checkCanonicalPlatform(platform, invalid);
  const runId = requireString(json, 'runId', invalid);
  if (!RUN_ID.test(runId)) throw invalid(`runId "${runId}" is not a letter or digit, then letters, digits, ., _ or -`);
  const runAttempt = requireString(json, 'runAttempt', invalid);
  if (!RUN_ATTEMPT.test(runAttempt)) throw invalid(`runAttempt "${runAttempt}" is not a positive integer`);
  const createdAt = requireString(json, 'createdAt', invalid);
  if (Number.isNaN(Date.parse(createdAt)) || new Date(createdAt).toISOString() !== createdAt) {
    throw invalid(`createdAt "${createdAt}" is not an ISO 8601 UTC time such as 2026-01-31T12:00:00.000Z`);
  }
  const repositories = requireStrings(json, 'repositories', invalid);
  if (repositories.length === 0) throw invalid('repositories is empty');
  const job = requireString(json, 'job', invalid);
  if (!JOB.test(job)) {
    throw invalid(`job ${JSON.stringify(job)} is not a GitHub job id (a letter or _, then letters, digits, - or _)`);
  }

  return {
    version: 1,
    image,
    platform,
    runId,
    runAttempt,
    job,
    descriptor: parseDescriptor(json.descriptor, invalid),
    repositories,
    temporaryTags: requireStrings(json, 'temporaryTags', invalid),
    createdAt,
  };
}

/** Throws unless the record is the one expected at `where`: a record filed under the wrong run, image or attempt. */
export function checkRecordIdentity(
  record: ShardRecord,
  expected: Pick<ShardRecord, 'image' | 'runId' | 'platform' | 'runAttempt'>,
  where: string,
): void {
  for (const field of ['image', 'runId', 'platform', 'runAttempt'] as const) {
    if (record[field] !== expected[field]) {
      throw new ShardRecordError(
        `The handoff record at ${where} has ${field} "${record[field]}", but "${expected[field]}" was expected there.`,
      );
    }
  }
}

/** This run, as the merge job sees it: a record is trusted only when it agrees. */
export interface ThisRun {
  runId: string;
  /** The merge job's own attempt: the shards ran in it or in an earlier one. */
  runAttempt: string;
  finalTags: ImageReference[];
  tempTagPrefix: string;
}

/** Throws unless the merge job's attempt is a positive integer, without which no record's attempt can be checked. */
export function checkRunAttempt(runAttempt: string): void {
  if (!RUN_ATTEMPT.test(runAttempt)) {
    throw new ShardRecordError(
      `GITHUB_RUN_ATTEMPT is ${JSON.stringify(runAttempt)} (expected a positive integer), so the handoff records ` +
        'cannot be checked against this run attempt.',
    );
  }
}

/**
 * Why a parsed record is not one this run's shards could have written, [] when it is: another run or a later
 * attempt, a repository outside the final tags', or a tag that is not this shard's temporary tag (which post would
 * delete), such as a final or a user's tag.
 */
export function recordProblemsForRun(record: ShardRecord, run: ThisRun): string[] {
  const problems: string[] = [];
  if (record.runId !== run.runId) problems.push(`it is of run ${record.runId}, not of this run ${run.runId}`);
  if (Number(record.runAttempt) > Number(run.runAttempt)) {
    problems.push(`it is of attempt ${record.runAttempt}, after this attempt ${run.runAttempt}`);
  }
  const finalRepositories = new Set(run.finalTags.map(canonicalRepository));
  const finalTags = new Set(run.finalTags.map((tag) => `${canonicalRepository(tag)}:${tag.tag ?? ''}`));
  const finalRepositoryList = [...finalRepositories].join(', ');
  for (const text of record.repositories) {
    const name = tryParseReference(text);
    const isFinalRepository =
      name !== undefined &&
      name.tag === undefined &&
      name.digest === undefined &&
      finalRepositories.has(canonicalRepository(name));
    if (!isFinalRepository) {
      problems.push(
        `repositories names ${JSON.stringify(text)}, which is no repository of the final tags (${finalRepositoryList})`,
      );
    }
  }
  const slug = platformSlugOf(record.platform);
  for (const text of record.temporaryTags) {
    const reference = tryParseReference(text);
    const temporary =
      reference?.tag === undefined || reference.digest !== undefined
        ? undefined
        : parseTemporaryTag(run.tempTagPrefix, reference.tag);
    const repository = reference === undefined ? '' : canonicalRepository(reference);
    const isThisShards =
      temporary?.runId === run.runId &&
      temporary.runAttempt === record.runAttempt &&
      temporary.build === slug &&
      finalRepositories.has(repository) &&
      !finalTags.has(`${repository}:${reference?.tag ?? ''}`);
    if (!isThisShards) {
      problems.push(
        `temporaryTags names ${JSON.stringify(text)}, which is not this shard's temporary tag ` +
          `(${run.tempTagPrefix}-${run.runId}-${record.runAttempt}-<step>-<time>-${slug} in ${finalRepositoryList})`,
      );
    }
  }
  return problems;
}

/** Whether two records hand off the same thing: a retried step writes the same record at another time. */
export function sameHandoff(a: ShardRecord, b: ShardRecord): boolean {
  return serializeShardRecord({ ...a, createdAt: '' }) === serializeShardRecord({ ...b, createdAt: '' });
}

type Invalid = (what: string) => ShardRecordError;

function parseDescriptor(value: unknown, invalid: Invalid): Descriptor {
  if (!isObject(value)) throw invalid('descriptor is not an object');
  checkFields(value, DESCRIPTOR_FIELDS, 'descriptor', invalid);
  const mediaType = requireString(value, 'mediaType', invalid, 'descriptor.');
  if (mediaType === '') throw invalid('descriptor.mediaType is empty');
  const digest = requireString(value, 'digest', invalid, 'descriptor.');
  if (!isDigest(digest)) throw invalid(`descriptor.digest "${digest}" is not a sha256 or sha512 digest`);
  const { size } = value;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw invalid(`descriptor.size ${JSON.stringify(size)} is not a non-negative integer`);
  }
  const descriptor: Descriptor = { mediaType, digest, size };
  if (value.platform !== undefined) {
    const { platform } = value;
    if (!isObject(platform)) throw invalid('descriptor.platform is not an object');
    checkFields(platform, PLATFORM_FIELDS, 'descriptor.platform', invalid);
    const os = requireString(platform, 'os', invalid, 'descriptor.platform.');
    const architecture = requireString(platform, 'architecture', invalid, 'descriptor.platform.');
    const variant =
      platform.variant === undefined ? undefined : requireString(platform, 'variant', invalid, 'descriptor.platform.');
    descriptor.platform = { os, architecture, ...(variant === undefined ? {} : { variant }) };
  }
  if (value.annotations !== undefined) {
    const { annotations } = value;
    if (!isObject(annotations) || !Object.values(annotations).every((v) => typeof v === 'string')) {
      throw invalid('descriptor.annotations is not an object of strings');
    }
    descriptor.annotations = annotations as Record<string, string>;
  }
  return descriptor;
}

function checkCanonicalPlatform(platform: string, invalid: Invalid): void {
  let canonical: string;
  try {
    canonical = formatPlatform(parsePlatform(platform));
  } catch (error) {
    if (error instanceof PlatformError) throw invalid(error.message);
    throw error;
  }
  // Canonical spelling only, so that file names, cache keys and comparisons agree.
  if (canonical !== platform) throw invalid(`platform "${platform}" is not written canonically ("${canonical}")`);
}

function checkFields(value: Record<string, unknown>, allowed: string[], what: string, invalid: Invalid): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw invalid(`${what} has unknown fields: ${unknown.join(', ')}`);
}

function requireString(value: Record<string, unknown>, field: string, invalid: Invalid, path = ''): string {
  const text = value[field];
  if (typeof text !== 'string') throw invalid(`${path}${field} is ${describe(text)} (expected a string)`);
  return text;
}

function requireStrings(value: Record<string, unknown>, field: string, invalid: Invalid): string[] {
  const list = value[field];
  if (!Array.isArray(list) || !list.every((item): item is string => typeof item === 'string' && item !== '')) {
    throw invalid(`${field} is not a list of non-empty strings`);
  }
  return list;
}

function tryParseReference(text: string): ImageReference | undefined {
  try {
    return parseReference(text);
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
