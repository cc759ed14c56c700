// Parsing the inputs into the settings (inputs.ts): each input read in its form by an InputReader, which collects
// every problem at once, the settings assembled from them, then the rules between inputs (cross-field.ts). Pure: a
// reader function and the runner's environment in, Inputs out, or an InputError naming every input that is wrong.
import { CACHE_MODES, type RunRef } from './build-cache.js';
import { crossFieldProblems, ownerlessGhcr } from './cross-field.js';
import {
  containsDefaultContext,
  gitContextSource,
  usesDefaultContext,
  type GitContextSource,
  type RunnerVariables,
} from './git-context.js';
import { DRIVERS, InputError, MODES, PUBLISH_WHEN, QEMU_MODES, type Driver, type Inputs, type Mode } from './inputs.js';
import { parseList, type ListOptions } from './list.js';
import { InputReader, type InputValues } from './reader.js';
import { parseRunners, RunnersError, type RunnerMap } from './runners.js';
import { Input } from '../constants.js';
import { readSigningInputs } from '../signing/settings.js';
import { given, githubServerUrl, runnerFlag } from '../runner-variables.js';
import { errorMessage } from '../error-message.js';
import { formatPlatform, parsePlatform, PlatformError, type Platform } from '../platform.js';
import { canonicalReference, isValidTag, parseReference, taggedReference, type TaggedReference } from '../reference.js';

/** What the runner says about the run, beyond the inputs: where the Git context comes from. */
export interface RunnerEnvironment {
  variables: RunnerVariables;
  /** The head commit of the pull request the workflow runs for, from the event payload (read when needed). */
  pullRequestHeadSha: () => string | undefined;
  /** `repository.private` of the event payload. */
  repositoryPrivate?: () => boolean | undefined;
  /** `repository.visibility` of the event payload is public. */
  repositoryPublic?: () => boolean;
  /** `repository.default_branch` of the event payload. */
  defaultBranch?: () => string | undefined;
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
export function parseInputs(read: InputValues, runner: RunnerEnvironment = NO_RUNNER): Inputs {
  const reader = new InputReader(read);
  const { problems } = reader;
  const mode = reader.oneOf(Input.Mode, MODES);
  const builds = BUILDING_MODES.includes(mode);
  const platforms = parsePlatforms(reader.list(Input.Platforms), builds, problems);
  const tagItems = reader.list(Input.Tags);
  const tags = parseTags(tagItems, problems);
  const push = reader.boolean(Input.Push);
  const githubToken = reader.text(Input.GithubToken);
  const tempTagPrefix = readTempTagPrefix(reader);

  const context = reader.notFlag(Input.Context, 'a path or a URL');
  const buildContexts = reader.keyValues(Input.BuildContexts);
  const buildSecrets = readSecrets(reader);
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
    runners: runnerEntries(reader.list(Input.Runners, { ignoreComma: true, keepQuotes: true }), problems),
    handoffDir: reader.text(Input.HandoffDir),
    tags,
    push,
    publish: reader.oneOf(Input.Publish, PUBLISH_WHEN),
    cleanup: reader.boolean(Input.Cleanup),
    cache: reader.oneOf(Input.Cache, CACHE_MODES),
    runRef: runRef(runner),
    cleanupTags: parseCleanupTags(reader.list(Input.CleanupTags), tags, problems),
    staleTagHours: readStaleTagHours(reader),
    tempTagPrefix,
    qemu: reader.oneOf(Input.Qemu, QEMU_MODES),
    qemuImage: reader.notFlag(Input.QemuImage, 'an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68'),
    builder: reader.notFlag(Input.Builder, 'the name of a buildx builder'),
    driver: readDriver(reader),
    driverOpts: reader.list(Input.DriverOpts, { ignoreComma: true, keepQuotes: true }),
    buildkitdFlags: reader.text(Input.BuildkitdFlags),
    buildkitdConfigInline: reader.text(Input.BuildkitdConfigInline),
    githubToken,
    signing: readSigningInputs(reader, runner.variables, runner.repositoryPublic?.() ?? false),
    build: {
      context,
      ...(gitContext ? { gitContext } : {}),
      file: reader.text(Input.File),
      target: reader.notFlag(Input.Target, 'the name of a build stage'),
      labels: reader.keyValues(Input.Labels),
      annotations: reader.keyValues(Input.Annotations),
      // buildx takes a bare NAME from its environment (HTTP_PROXY), as `docker build --build-arg NAME` does.
      buildArgs: reader.matching(Input.BuildArgs, { ignoreComma: true }, /^[^=\s]+(=|$)/, 'KEY=value, or KEY alone'),
      buildContexts,
      secrets: buildSecrets,
      secretFiles: reader.keyValues(Input.SecretFiles),
      secretEnvs: reader.matching(Input.SecretEnvs, {}, /^[^=\s]+=[^=\s]+$/, 'id=ENV_VAR'),
      ssh: reader.list(Input.Ssh),
      cacheFrom: reader.list(Input.CacheFrom, { ignoreComma: true }),
      cacheTo: reader.list(Input.CacheTo, { ignoreComma: true }),
      provenance: reader.text(Input.Provenance),
      sbom: reader.text(Input.Sbom),
      attests: reader.matching(Input.Attests, { ignoreComma: true }, /(^|,)\s*type=/, 'type=sbom|provenance,…'),
      builderId: runUrl(runner.variables),
      privateRepository: runner.repositoryPrivate?.() ?? false,
      noDefaultAttestations: runnerFlag(runner.variables.BUILDX_NO_DEFAULT_ATTESTATIONS),
      noCache: reader.boolean(Input.NoCache),
      noCacheFilters: reader.list(Input.NoCacheFilters),
      pull: reader.boolean(Input.Pull),
      network: reader.notFlag(Input.Network, 'a networking mode such as host or none'),
      addHosts: reader.matching(Input.AddHosts, {}, ADD_HOST, 'host:ip, e.g. docker:10.180.0.1'),
      allow: reader.list(Input.Allow),
      shmSize: readShmSize(reader),
      ulimits: reader.matching(Input.Ulimit, { ignoreComma: true }, ULIMIT, 'name=soft[:hard], e.g. nofile=1024:1024'),
      cgroupParent: reader.text(Input.CgroupParent),
      outputs: reader.list(Input.Outputs, { ignoreComma: true, keepQuotes: true }),
      load: reader.boolean(Input.Load),
      call: reader.notFlag(Input.Call, 'a method such as check'),
    },
    warnings: reader.warnings,
  };
  problems.push(...crossFieldProblems(inputs, tagItems.length > 0));
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

function readDriver(reader: InputReader): Driver | '' {
  const value = reader.text(Input.Driver);
  if (value === '' || (DRIVERS as readonly string[]).includes(value)) return value as Driver | '';
  reader.problems.push(`"driver" is "${value}" (expected ${DRIVERS.join(' or ')}, or empty)`);
  return '';
}

/** The run's URL, as GitHub shows it and build-push-action writes it into provenance; empty outside a runner. */
function runUrl(variables: RunnerVariables): string {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = variables;
  if (!repository || !runId) return '';
  return `${githubServerUrl(variables)}/${repository}/actions/runs/${runId}/attempts/${given(variables.GITHUB_RUN_ATTEMPT) ?? '1'}`;
}

function runRef(runner: RunnerEnvironment): RunRef {
  const ref = given(runner.variables.GITHUB_REF);
  const defaultBranch = runner.defaultBranch?.();
  return { ...(ref === undefined ? {} : { ref }), ...(defaultBranch === undefined ? {} : { defaultBranch }) };
}

function readTempTagPrefix(reader: InputReader): string {
  const prefix = reader.text(Input.TempTagPrefix);
  // The prefix is followed by run id, attempt, a step hash and a platform: keep room for them in 128 characters.
  if (!isValidTag(prefix) || prefix.length > 48) {
    reader.problems.push(
      `"temp-tag-prefix" is "${prefix}" (expected 1 to 48 of A-Z a-z 0-9 _ . -, not starting with . or -)`,
    );
  }
  return prefix;
}

function readStaleTagHours(reader: InputReader): number {
  const value = reader.text(Input.StaleTagHours);
  const hours = Number(value);
  if (/^\d+(\.\d+)?$/.test(value) && (hours === 0 || hours >= 1)) return hours;
  reader.problems.push(
    `"stale-tag-hours" is "${value}" (expected a decimal number of hours, 1 or more, or 0 to keep stale tags)`,
  );
  return 0;
}

function readShmSize(reader: InputReader): string {
  const value = reader.text(Input.ShmSize);
  if (value !== '' && !SHM_SIZE.test(value)) {
    reader.problems.push(`"shm-size" is "${value}" (expected a size such as 2g or 512m)`);
  }
  return value;
}

/**
 * As build-push-action: an entry that is not id=value (such as a line of an unquoted multi-line value) or has an
 * empty value is skipped with a warning. Entries are named by position only: a line of an unquoted value may look
 * like id=value, so even an id may be a piece of a secret.
 */
function readSecrets(reader: InputReader): string[] {
  const kept: string[] = [];
  reader.list(Input.Secrets, SECRETS_LIST).forEach((entry, index) => {
    const separator = entry.indexOf('=');
    if (separator <= 0) {
      reader.warnings.push(
        `"secrets" entry ${index + 1} is not id=value and is skipped (a value of several lines must be quoted ` +
          'as a whole: "id=first line … last line")',
      );
    } else if (separator === entry.length - 1) {
      reader.warnings.push(`"secrets" entry ${index + 1} has an empty value and is skipped`);
    } else if (/\s/.test(entry.slice(0, separator))) {
      reader.problems.push(
        `"secrets" entry ${index + 1} has a space in its id (expected id=value, the id without spaces)`,
      );
    } else {
      kept.push(entry);
    }
  });
  return kept;
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

/** Empty only where the step builds: as build-push-action, for the builder's own platform. */
function parsePlatforms(items: string[], builds: boolean, problems: string[]): Platform[] {
  if (items.length === 0 && !builds) {
    problems.push(
      '"platforms" is empty (expected a list such as linux/amd64,linux/arm64: every platform of the index)',
    );
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

function parseTags(items: string[], problems: string[]): TaggedReference[] {
  const tags: TaggedReference[] = [];
  for (const item of items) {
    try {
      const reference = parseReference(item);
      if (reference.digest) {
        problems.push(`"tags" has "${item}" with a digest (expected name:tag; the digest is what this action outputs)`);
      } else {
        tags.push(taggedReference(reference));
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

/**
 * cleanup-tags: full tagged references that are not final tags (deleting one would undo the publish), compared
 * as the registry sees them, so that another spelling of a final tag (index.docker.io/acme/app) is one too.
 */
function parseCleanupTags(items: string[], finalTags: TaggedReference[], problems: string[]): TaggedReference[] {
  const finals = new Set(finalTags.map(canonicalReference));
  const tags: TaggedReference[] = [];
  for (const item of items) {
    try {
      const reference = parseReference(item);
      if (reference.digest !== undefined || reference.tag === undefined) {
        problems.push(`"cleanup-tags" has "${item}" (expected name:tag, without a digest)`);
      } else if (finals.has(canonicalReference(reference))) {
        problems.push(`"cleanup-tags" has "${item}", which is also in "tags" (expected only leftover tags)`);
      } else {
        tags.push(taggedReference(reference));
      }
    } catch (error) {
      problems.push(`"cleanup-tags": ${errorMessage(error)}`);
    }
  }
  problems.push(...ownerlessGhcr('cleanup-tags', tags));
  return tags;
}
