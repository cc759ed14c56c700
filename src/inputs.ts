// The action's inputs as one typed settings object. Parsing is pure (a reader function in, Inputs out) and
// collects every problem at once, each naming the input and the form it expects, before anything runs.
import * as core from '@actions/core';
import { CACHE_MODES, type CacheMode } from './plan/build-cache.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { Input } from './constants.js';
import { formatPlatform, parsePlatform, PlatformError, type Platform } from './platform.js';
import { formatReference, isValidTag, parseReference, type ImageReference } from './reference.js';
import { parseRunners, RunnersError, type RunnerMap } from './plan/runners.js';
import { errorMessage } from './error-message.js';

export const MODES = ['auto', 'multi', 'fan-out', 'shard', 'merge', 'plan'] as const;
export type Mode = (typeof MODES)[number];

export const PUBLISH_WHEN = ['post', 'main', 'false'] as const;
export type PublishWhen = (typeof PUBLISH_WHEN)[number];

export const QEMU_MODES = ['auto', 'true', 'false'] as const;
export type QemuMode = (typeof QEMU_MODES)[number];

export const DRIVERS = ['docker-container', 'docker'] as const;
export type Driver = (typeof DRIVERS)[number];

/** What buildx builds, with docker/build-push-action's names and list semantics. */
export interface BuildOptions {
  context: string;
  file: string;
  target: string;
  labels: string[];
  annotations: string[];
  buildArgs: string[];
  buildContexts: string[];
  /** `id=value` pairs; the values are secrets and go to files, never to argv or logs. */
  secrets: string[];
  secretFiles: string[];
  ssh: string[];
  cacheFrom: string[];
  cacheTo: string[];
  provenance: string;
  sbom: string;
  noCache: boolean;
  pull: boolean;
  network: string;
}

export interface Inputs {
  mode: Mode;
  platforms: Platform[];
  /** The runner label per platform for the matrix plan, from `platform-prefix=runner-label` lines. */
  runners: RunnerMap;
  /** Where shards hand their digests to merge; empty: the GitHub cache service. */
  handoffDir: string;
  tags: ImageReference[];
  push: boolean;
  publish: PublishWhen;
  cleanup: boolean;
  /** Per-platform build cache: none, gha or registry (expanded by the plan). */
  cache: CacheMode;
  /** Leftover tags of the user's to delete after a successful publish (e.g. old per-arch tags). */
  cleanupTags: ImageReference[];
  staleTagHours: number;
  tempTagPrefix: string;
  qemu: QemuMode;
  qemuImage: string;
  builder: string;
  driver: Driver;
  driverOpts: string[];
  buildkitdConfigInline: string;
  githubToken: string;
  build: BuildOptions;
}

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0] ?? ''}`
        : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'InputError';
  }
}

/**
 * A list input as docker/build-push-action reads it: one item per line, each line CSV (so quotes protect commas);
 * with `splitCommas` false, a line stays one item even when it holds commas (build args, labels, cache specs).
 */
export function parseList(value: string, splitCommas: boolean): string[] {
  if (value.trim() === '') return [];
  const records: string[][] = parseCsv(value, {
    columns: false,
    relaxQuotes: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
  });
  // As build-push-action: a line of one field is split on its commas; a line of several (quoted) fields keeps them.
  const items = records.flatMap((record) => {
    if (!splitCommas) return [record.join(',')];
    return record.length === 1 ? (record[0] ?? '').split(',') : record;
  });
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export type InputReader = (name: Input) => string;

export function parseInputs(read: InputReader): Inputs {
  const problems: string[] = [];
  const text = (name: Input): string => read(name).trim();

  function list(name: Input, splitCommas: boolean): string[] {
    try {
      return parseList(read(name), splitCommas);
    } catch {
      // csv-parse's message may quote the text, and a secret's text must never reach a log.
      problems.push(`"${name}" has a quote that is not closed (expected one item per line, "quoted" where needed)`);
      return [];
    }
  }

  function oneOf<T extends string>(name: Input, allowed: readonly [T, ...T[]]): T {
    const value = text(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`"${name}" is "${value}" (expected one of: ${allowed.join(', ')})`);
    return allowed[0];
  }

  function boolean(name: Input): boolean {
    const value = text(name).toLowerCase();
    if (value === 'true' || value === 'false') return value === 'true';
    problems.push(`"${name}" is "${read(name)}" (expected true or false)`);
    return false;
  }

  function nonNegativeNumber(name: Input): number {
    const value = Number(text(name));
    if (text(name) !== '' && Number.isFinite(value) && value >= 0) return value;
    problems.push(`"${name}" is "${read(name)}" (expected a number of hours, 0 or more)`);
    return 0;
  }

  function keyValues(name: Input): string[] {
    const items = list(name, false);
    for (const item of items) {
      if (!/^[^=\s]+=/.test(item)) problems.push(`"${name}" has "${redactValue(name, item)}" (expected key=value)`);
    }
    return items;
  }

  const platforms = parsePlatforms(list(Input.Platforms, true), problems);
  const tagItems = list(Input.Tags, true);
  const tags = parseTags(tagItems, problems);
  // Given but invalid is its own problem, said by parseTags; "empty" means nothing was given.
  const noTags = tagItems.length === 0;
  const push = boolean(Input.Push);

  const tempTagPrefix = text(Input.TempTagPrefix);
  // The prefix is followed by run id, attempt, a step hash and a platform: keep room for them in 128 characters.
  if (!isValidTag(tempTagPrefix) || tempTagPrefix.length > 48) {
    problems.push(
      `"temp-tag-prefix" is "${tempTagPrefix}" (expected 1 to 48 of A-Z a-z 0-9 _ . -, not starting with . or -)`,
    );
  }

  const inputs: Inputs = {
    mode: oneOf(Input.Mode, MODES),
    platforms,
    runners: runnerEntries(list(Input.Runners, false), problems),
    handoffDir: text(Input.HandoffDir),
    tags,
    push,
    publish: oneOf(Input.Publish, PUBLISH_WHEN),
    cleanup: boolean(Input.Cleanup),
    cache: oneOf(Input.Cache, CACHE_MODES),
    cleanupTags: parseCleanupTags(list(Input.CleanupTags, true), tags, problems),
    staleTagHours: nonNegativeNumber(Input.StaleTagHours),
    tempTagPrefix,
    qemu: oneOf(Input.Qemu, QEMU_MODES),
    qemuImage: text(Input.QemuImage),
    builder: text(Input.Builder),
    driver: oneOf(Input.Driver, DRIVERS),
    driverOpts: list(Input.DriverOpts, false),
    buildkitdConfigInline: read(Input.BuildkitdConfigInline),
    githubToken: read(Input.GithubToken),
    build: {
      context: text(Input.Context) || '.',
      file: text(Input.File),
      target: text(Input.Target),
      labels: keyValues(Input.Labels),
      annotations: keyValues(Input.Annotations),
      buildArgs: keyValues(Input.BuildArgs),
      buildContexts: keyValues(Input.BuildContexts),
      secrets: keyValues(Input.Secrets),
      secretFiles: keyValues(Input.SecretFiles),
      ssh: list(Input.Ssh, false),
      cacheFrom: list(Input.CacheFrom, false),
      cacheTo: list(Input.CacheTo, false),
      provenance: text(Input.Provenance),
      sbom: text(Input.Sbom),
      noCache: boolean(Input.NoCache),
      pull: boolean(Input.Pull),
      network: text(Input.Network),
    },
  };
  if (noTags && (push || inputs.mode === 'shard' || inputs.mode === 'merge')) {
    const why = push ? '"push" is true' : `"mode" is ${inputs.mode}`;
    problems.push(`"tags" is empty but ${why} (expected at least one image reference: the final tags)`);
  }
  if (inputs.cache === 'registry' && noTags) {
    problems.push('"cache" is registry but "tags" is empty (expected tags: the cache is kept next to the image)');
  }
  if (inputs.mode === 'shard' && !push) {
    problems.push('"push" is false but "mode" is shard (expected true: a shard hands off what it pushed)');
  }
  if (inputs.qemu !== 'false' && inputs.qemuImage === '') {
    problems.push('"qemu-image" is empty (expected an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68)');
  }
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

function parsePlatforms(items: string[], problems: string[]): Platform[] {
  if (items.length === 0) {
    problems.push('"platforms" is empty (expected a list such as linux/amd64,linux/arm64)');
    return [];
  }
  const platforms: Platform[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    try {
      const platform = parsePlatform(item);
      const name = formatPlatform(platform);
      if (seen.has(name)) problems.push(`"platforms" lists ${name} twice`);
      seen.add(name);
      platforms.push(platform);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      problems.push(`"platforms": ${error.message}`);
    }
  }
  return platforms;
}

function parseTags(items: string[], problems: string[]): ImageReference[] {
  const tags: ImageReference[] = [];
  for (const item of items) {
    try {
      const reference = parseReference(item);
      if (reference.digest) {
        problems.push(`"tags" has "${item}" with a digest (expected name:tag; the digest is what this action outputs)`);
      } else {
        tags.push({ ...reference, tag: reference.tag ?? 'latest' });
      }
    } catch (error) {
      problems.push(`"tags": ${errorMessage(error)}`);
    }
  }
  return tags;
}

/** The runners mapping, parsed here so that a bad entry is an input error like any other. */
function runnerEntries(entries: string[], problems: string[]): RunnerMap {
  try {
    return parseRunners(entries);
  } catch (error) {
    if (!(error instanceof RunnersError)) throw error;
    problems.push(`"runners": ${error.message}`);
    return parseRunners([]);
  }
}

/** cleanup-tags: full tagged references that are not final tags (deleting one would undo the publish). */
function parseCleanupTags(items: string[], finalTags: ImageReference[], problems: string[]): ImageReference[] {
  const finals = new Set(finalTags.map(formatReference));
  const tags: ImageReference[] = [];
  for (const item of items) {
    try {
      const reference = parseReference(item);
      if (reference.digest !== undefined || reference.tag === undefined) {
        problems.push(`"cleanup-tags" has "${item}" (expected name:tag, without a digest)`);
      } else if (finals.has(formatReference(reference))) {
        problems.push(`"cleanup-tags" has "${item}", which is also in "tags" (expected only leftover tags)`);
      } else {
        tags.push(reference);
      }
    } catch (error) {
      problems.push(`"cleanup-tags": ${errorMessage(error)}`);
    }
  }
  return tags;
}

/** Secret values never reach a message: only their id does. */
function redactValue(name: Input, item: string): string {
  if (name !== Input.Secrets) return item;
  const separator = item.indexOf('=');
  return separator > 0 ? `${item.slice(0, separator)}=***` : '***';
}

/** The inputs as the runner passed them; the GitHub token is masked before anything can print it. */
export function getInputs(): Inputs {
  const token = core.getInput(Input.GithubToken);
  if (token !== '') core.setSecret(token);
  return parseInputs((name) => core.getInput(name));
}
