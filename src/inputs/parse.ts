// The action's inputs as one typed settings object. Parsing is pure (a reader function in, Inputs out) and
// collects every problem at once, each naming the input and the form it expects, before anything runs.
import * as core from '@actions/core';
import { CACHE_MODES, type CacheMode } from './build-cache.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { Input } from '../constants.js';
import { formatPlatform, parsePlatform, PlatformError, type Platform } from '../platform.js';
import { canonicalReference, isValidTag, parseReference, type ImageReference } from '../reference.js';
import { outputsProblems } from './build-outputs.js';
import {
  containsDefaultContext,
  gitContextSource,
  usesDefaultContext,
  type GitContextSource,
  type RunnerVariables,
} from './git-context.js';
import { parseRunners, RunnersError, type RunnerMap } from './runners.js';
import { GHCR } from '../registry/cleanup/github-packages.js';
import { errorMessage } from '../error-message.js';
import { readFileSync } from 'node:fs';

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
  /** As given; empty means the Git context of the workflow's commit, as `{{defaultContext}}` does. */
  context: string;
  /** The workflow's commit, where `context` or `build-contexts` builds from it. */
  gitContext?: GitContextSource;
  file: string;
  target: string;
  labels: string[];
  annotations: string[];
  buildArgs: string[];
  buildContexts: string[];
  /**
   * `id=value` pairs, each value exactly as given (trailing newlines of keys and PEM blocks kept); the values are
   * secrets and go to files, never to argv or logs. With the Git context, GIT_AUTH_TOKEN.<host> (the github-token).
   */
  secrets: string[];
  secretFiles: string[];
  /** `id=ENV_VAR` pairs: buildx reads the secret from its own environment. */
  secretEnvs: string[];
  ssh: string[];
  cacheFrom: string[];
  cacheTo: string[];
  provenance: string;
  sbom: string;
  attests: string[];
  noCache: boolean;
  noCacheFilters: string[];
  pull: boolean;
  network: string;
  addHosts: string[];
  allow: string[];
  shmSize: string;
  ulimits: string[];
  cgroupParent: string;
  /** buildx --output specs as given: exporter options for the push, or the exports of a build without push. */
  outputs: string[];
  /** Load the image into the engine (push false only). */
  load: boolean;
  /** buildx --call: empty or `build` builds; check, outline, targets only evaluate (push false only). */
  call: string;
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
  /** Flags of the created builder's buildkitd; empty: setup-buildx-action's default entitlements. */
  buildkitdFlags: string;
  buildkitdConfigInline: string;
  githubToken: string;
  build: BuildOptions;
  /** Things the user should know about the inputs, said once (never with a secret's value). */
  warnings: string[];
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

/** How one list input is read: docker/actions-toolkit's Util.getInputList options, as build-push-action sets them. */
export interface ListOptions {
  /** A line is one item even when it holds commas (build args, labels, cache specs). */
  ignoreComma?: boolean;
  /** Quotes are not CSV syntax but part of the item, for buildx to read (outputs, driver-opts). */
  keepQuotes?: boolean;
  /** false: items keep their leading and trailing whitespace and newlines (secrets). */
  trimWhitespace?: boolean;
}

/**
 * A list input as docker/build-push-action reads it: CSV records, one or more per line, a "quoted" field holding
 * commas and newlines. A record of one field is split on its commas unless `ignoreComma`; a record of several
 * fields gives each field, or, with `ignoreComma`, the fields joined again with commas. Empty items are dropped.
 */
export function parseList(value: string, options: ListOptions = {}): string[] {
  if (value.trim() === '') return [];
  const records: string[][] = parseCsv(value, {
    columns: false,
    relaxQuotes: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
    ...(options.keepQuotes ? { quote: false } : {}),
  });
  const items = records.flatMap((record): string[] => {
    if (record.length === 1) return options.ignoreComma ? record : (record[0] ?? '').split(',');
    return options.ignoreComma ? [record.join(',')] : record;
  });
  if (options.trimWhitespace === false) return items.filter((item) => item.trim() !== '');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export type InputReader = (name: Input) => string;

/** What the runner says about the run, beyond the inputs: where the Git context comes from. */
export interface RunnerEnvironment {
  variables: RunnerVariables;
  /** The head commit of the pull request the workflow runs for, from the event payload (read when needed). */
  pullRequestHeadSha: () => string | undefined;
}

const NO_RUNNER: RunnerEnvironment = { variables: {}, pullRequestHeadSha: () => undefined };

/** `secrets` as build-push-action reads it: one entry per line, each value exactly as given. */
const SECRETS_LIST: ListOptions = { ignoreComma: true, trimWhitespace: false };

/** Modes that build, and so read the build inputs. */
const BUILDING_MODES: readonly Mode[] = ['auto', 'multi', 'fan-out', 'shard'];

// docker's forms: units.RAMInBytes for --shm-size, `name=soft[:hard]` for --ulimit, `host:ip` (or host=ip) for
// --add-host.
const SHM_SIZE = /^\d+(\.\d+)* ?[kmgtp]?i?b?$/i;
const ULIMIT = /^[a-z_]+=-?\d+(:-?\d+)?$/;
const ADD_HOST = /^[^\s:=]+[:=]\S+$/;

/**
 * The inputs, from `read` (each value as the runner passed it, untrimmed: secrets keep their whitespace) and the
 * runner's environment. Throws an InputError listing every problem.
 */
export function parseInputs(read: InputReader, runner: RunnerEnvironment = NO_RUNNER): Inputs {
  const problems: string[] = [];
  const warnings: string[] = [];
  const text = (name: Input): string => read(name).trim();

  function list(name: Input, options: ListOptions = {}): string[] {
    try {
      return parseList(read(name), options);
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

  /** A value that lands in argv where a leading `-` would make it a flag of buildx or docker. */
  function notFlag(name: Input, expected: string): string {
    const value = text(name);
    if (value.startsWith('-')) {
      problems.push(
        `"${name}" is "${value}", which would be read as a flag (expected ${expected}, not starting with -)`,
      );
    }
    return value;
  }

  function staleTagHours(): number {
    const value = text(Input.StaleTagHours);
    const hours = Number(value);
    if (/^\d+(\.\d+)?$/.test(value) && (hours === 0 || hours >= 1)) return hours;
    problems.push(
      `"stale-tag-hours" is "${value}" (expected a decimal number of hours, 1 or more, or 0 to keep stale tags)`,
    );
    return 0;
  }

  /** Items of a list input, each checked against `form` (a problem quotes the item and says `expected`). */
  function matching(name: Input, options: ListOptions, form: RegExp, expected: string): string[] {
    const items = list(name, options);
    for (const item of items) {
      if (!form.test(item)) problems.push(`"${name}" has "${item}" (expected ${expected})`);
    }
    return items;
  }

  const keyValues = (name: Input): string[] => matching(name, { ignoreComma: true }, /^[^=\s]+=/, 'key=value');

  /**
   * As build-push-action: an entry that is not id=value (such as a line of an unquoted multi-line value) or has an
   * empty value is skipped with a warning. Entries are named by position only: a line of an unquoted value may look
   * like id=value, so even an id may be a piece of a secret.
   */
  function secrets(): string[] {
    const kept: string[] = [];
    list(Input.Secrets, SECRETS_LIST).forEach((entry, index) => {
      const separator = entry.indexOf('=');
      if (separator <= 0) {
        warnings.push(
          `"secrets" entry ${index + 1} is not id=value and is skipped (a value of several lines must be quoted ` +
            'as a whole: "id=first line … last line")',
        );
      } else if (separator === entry.length - 1) {
        warnings.push(`"secrets" entry ${index + 1} has an empty value and is skipped`);
      } else if (/\s/.test(entry.slice(0, separator))) {
        problems.push(`"secrets" entry ${index + 1} has a space in its id (expected id=value, the id without spaces)`);
      } else {
        kept.push(entry);
      }
    });
    return kept;
  }

  const mode = oneOf(Input.Mode, MODES);
  const builds = BUILDING_MODES.includes(mode);
  const platforms = parsePlatforms(list(Input.Platforms), problems);
  const tagItems = list(Input.Tags);
  const tags = parseTags(tagItems, problems);
  // Given but invalid is its own problem, said by parseTags; "empty" means nothing was given.
  const noTags = tagItems.length === 0;
  const push = boolean(Input.Push);
  const githubToken = text(Input.GithubToken);

  const tempTagPrefix = text(Input.TempTagPrefix);
  // The prefix is followed by run id, attempt, a step hash and a platform: keep room for them in 128 characters.
  if (!isValidTag(tempTagPrefix) || tempTagPrefix.length > 48) {
    problems.push(
      `"temp-tag-prefix" is "${tempTagPrefix}" (expected 1 to 48 of A-Z a-z 0-9 _ . -, not starting with . or -)`,
    );
  }

  const context = notFlag(Input.Context, 'a path or a URL');
  const buildContexts = keyValues(Input.BuildContexts);
  const buildSecrets = secrets();
  const gitContext = builds ? gitContextFor(context, buildContexts, runner, problems) : undefined;
  // As build-push-action: BuildKit fetches the default Git context with the job's token, unless the user gave one.
  if (gitContext && usesDefaultContext(context) && githubToken !== '') {
    if (!buildSecrets.some((secret) => secret.startsWith('GIT_AUTH_TOKEN='))) {
      buildSecrets.push(`GIT_AUTH_TOKEN.${gitContext.host}=${githubToken}`);
    }
  }

  const inputs: Inputs = {
    mode,
    platforms,
    runners: runnerEntries(list(Input.Runners, { ignoreComma: true }), problems),
    handoffDir: text(Input.HandoffDir),
    tags,
    push,
    publish: oneOf(Input.Publish, PUBLISH_WHEN),
    cleanup: boolean(Input.Cleanup),
    cache: oneOf(Input.Cache, CACHE_MODES),
    cleanupTags: parseCleanupTags(list(Input.CleanupTags), tags, problems),
    staleTagHours: staleTagHours(),
    tempTagPrefix,
    qemu: oneOf(Input.Qemu, QEMU_MODES),
    qemuImage: notFlag(Input.QemuImage, 'an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68'),
    builder: notFlag(Input.Builder, 'the name of a buildx builder'),
    driver: oneOf(Input.Driver, DRIVERS),
    driverOpts: list(Input.DriverOpts, { ignoreComma: true, keepQuotes: true }),
    buildkitdFlags: text(Input.BuildkitdFlags),
    buildkitdConfigInline: text(Input.BuildkitdConfigInline),
    githubToken,
    build: {
      context,
      ...(gitContext ? { gitContext } : {}),
      file: text(Input.File),
      target: notFlag(Input.Target, 'the name of a build stage'),
      labels: keyValues(Input.Labels),
      annotations: keyValues(Input.Annotations),
      // buildx takes a bare NAME from its environment (HTTP_PROXY), as `docker build --build-arg NAME` does.
      buildArgs: matching(Input.BuildArgs, { ignoreComma: true }, /^[^=\s]+(=|$)/, 'KEY=value, or KEY alone'),
      buildContexts,
      secrets: buildSecrets,
      secretFiles: keyValues(Input.SecretFiles),
      secretEnvs: matching(Input.SecretEnvs, {}, /^[^=\s]+=[^=\s]+$/, 'id=ENV_VAR'),
      ssh: list(Input.Ssh),
      cacheFrom: list(Input.CacheFrom, { ignoreComma: true }),
      cacheTo: list(Input.CacheTo, { ignoreComma: true }),
      provenance: text(Input.Provenance),
      sbom: text(Input.Sbom),
      attests: matching(Input.Attests, { ignoreComma: true }, /(^|,)\s*type=/, 'type=sbom|provenance,…'),
      noCache: boolean(Input.NoCache),
      noCacheFilters: list(Input.NoCacheFilters),
      pull: boolean(Input.Pull),
      network: notFlag(Input.Network, 'a networking mode such as host or none'),
      addHosts: matching(Input.AddHosts, {}, ADD_HOST, 'host:ip, e.g. docker:10.180.0.1'),
      allow: list(Input.Allow),
      shmSize: text(Input.ShmSize),
      ulimits: matching(Input.Ulimit, { ignoreComma: true }, ULIMIT, 'name=soft[:hard], e.g. nofile=1024:1024'),
      cgroupParent: text(Input.CgroupParent),
      outputs: list(Input.Outputs, { ignoreComma: true, keepQuotes: true }),
      load: boolean(Input.Load),
      call: notFlag(Input.Call, 'a method such as check'),
    },
    warnings,
  };
  const build = inputs.build;
  if (noTags && (push || mode === 'shard' || mode === 'merge')) {
    const why = push ? '"push" is true' : `"mode" is ${mode}`;
    problems.push(`"tags" is empty but ${why} (expected at least one image reference: the final tags)`);
  }
  if (inputs.cache === 'registry' && noTags) {
    problems.push('"cache" is registry but "tags" is empty (expected tags: the cache is kept next to the image)');
  }
  if (mode === 'shard' && !push) {
    problems.push('"push" is false but "mode" is shard (expected true: a shard hands off what it pushed)');
  }
  if (inputs.qemu !== 'false' && inputs.qemuImage === '') {
    problems.push('"qemu-image" is empty (expected an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68)');
  }
  if (push) problems.push(...ownerlessGhcr('tags', tags));
  if (build.shmSize !== '' && !SHM_SIZE.test(build.shmSize)) {
    problems.push(`"shm-size" is "${build.shmSize}" (expected a size such as 2g or 512m)`);
  }
  problems.push(...outputsProblems(build.outputs, push, tags));
  if (build.load && push) {
    problems.push(
      '"load" is true but "push" is true (expected one of them: this action publishes the image to the registry, ' +
        'pull it from there; or load it in a build with push: false)',
    );
  }
  if (push && !buildsImage(build.call)) {
    problems.push(
      `"call" is "${build.call}", which evaluates the build and makes no image, but "push" is true (expected ` +
        'push: false with a call, or no call)',
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

/**
 * What to mask of `secrets` besides the values, which are masked as they are written to files: where an entry is
 * not id=value, a multi-line value was left unquoted, so each of its lines became an entry, and one with `=` a
 * secret whose id (shown in buildx's command line) is a piece of the value. Then every entry and every id.
 */
export function secretPieces(text: string): string[] {
  let entries: string[];
  try {
    entries = parseList(text, SECRETS_LIST);
  } catch {
    // An unclosed quote is an input error, which shows no value.
    return [];
  }
  if (entries.every((entry) => entry.indexOf('=') > 0)) return [];
  const ids = entries.map((entry) => entry.slice(0, Math.max(entry.indexOf('='), 0)));
  return [...new Set([...entries, ...ids])].filter((piece) => piece.trim() !== '');
}

/** Whether a buildx --call method builds (empty, or `build` with its options). */
export function buildsImage(call: string): boolean {
  return call === '' || call.split(',')[0]?.trim() === 'build';
}

/** The Git context, where `context` or a build context names it; a runner that cannot say which is a problem. */
function gitContextFor(
  context: string,
  buildContexts: string[],
  runner: RunnerEnvironment,
  problems: string[],
): GitContextSource | undefined {
  const inContext = usesDefaultContext(context);
  if (!inContext && !buildContexts.some(containsDefaultContext)) return undefined;
  try {
    return gitContextSource(runner.variables, runner.pullRequestHeadSha);
  } catch (error) {
    const where = !inContext
      ? '"build-contexts" uses {{defaultContext}}'
      : context === ''
        ? '"context" is empty'
        : '"context" uses {{defaultContext}}';
    problems.push(
      `${where}, the Git context of this workflow's commit, but ${errorMessage(error)}; set "context" to a path ` +
        'or URL (e.g. .) instead',
    );
    return undefined;
  }
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

/** ghcr.io keeps every image under a user or organization, and cleanup there deletes through that owner's packages. */
function ownerlessGhcr(name: string, references: ImageReference[]): string[] {
  return references
    .filter((reference) => reference.registry.toLowerCase() === GHCR && !reference.repository.includes('/'))
    .map(
      (reference) =>
        `"${name}" has ${GHCR}/${reference.repository}, which has no owner (expected ${GHCR}/OWNER/NAME, e.g. ` +
        `${GHCR}/acme/${reference.repository})`,
    );
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

/**
 * cleanup-tags: full tagged references that are not final tags (deleting one would undo the publish), compared
 * as the registry sees them, so that another spelling of a final tag (index.docker.io/acme/app) is one too.
 */
function parseCleanupTags(items: string[], finalTags: ImageReference[], problems: string[]): ImageReference[] {
  const finals = new Set(finalTags.map(canonicalReference));
  const tags: ImageReference[] = [];
  for (const item of items) {
    try {
      const reference = parseReference(item);
      if (reference.digest !== undefined || reference.tag === undefined) {
        problems.push(`"cleanup-tags" has "${item}" (expected name:tag, without a digest)`);
      } else if (finals.has(canonicalReference(reference))) {
        problems.push(`"cleanup-tags" has "${item}", which is also in "tags" (expected only leftover tags)`);
      } else {
        tags.push(reference);
      }
    } catch (error) {
      problems.push(`"cleanup-tags": ${errorMessage(error)}`);
    }
  }
  problems.push(...ownerlessGhcr('cleanup-tags', tags));
  return tags;
}

/**
 * The inputs as the runner passed them, untrimmed (as build-push-action reads secrets); the GitHub token is masked
 * before anything can print it, and the warnings are said once.
 */
export function getInputs(): Inputs {
  const token = core.getInput(Input.GithubToken);
  if (token !== '') core.setSecret(token);
  for (const piece of secretPieces(core.getInput(Input.Secrets, { trimWhitespace: false }))) core.setSecret(piece);
  const inputs = parseInputs((name) => core.getInput(name, { trimWhitespace: false }), {
    variables: process.env,
    pullRequestHeadSha: () => pullRequestHeadSha(process.env.GITHUB_EVENT_PATH),
  });
  for (const warning of inputs.warnings) core.warning(warning);
  return inputs;
}

/** `pull_request.head.sha` of the event payload the runner wrote, as @actions/github reads it. */
function pullRequestHeadSha(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { head?: { sha?: unknown } } };
    const sha = event.pull_request?.head?.sha;
    return typeof sha === 'string' ? sha : undefined;
  } catch {
    return undefined;
  }
}
