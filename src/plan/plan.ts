// The plan: inputs plus facts about the builder and the run, turned into what main will do. Pure, so every
// decision (mode, push by digest or temporary tags, which annotations go where) is tested by tables.
import type { CacheMode } from '../inputs/build-cache.js';
import { buildCacheSpecs } from '../inputs/build-cache.js';
import { buildContext } from './build-context.js';
import type { BuildOptions, Inputs, PublishWhen } from '../inputs/inputs.js';
import { formatPlatform, parsePlatform, platformSlug, type Platform } from '../platform.js';
import { formatName, formatReference, type ImageName, type TaggedReference } from '../reference.js';
import { shardAnnotationFlag } from '../handoff/binding.js';
import { imageKey } from '../handoff/record.js';
import { temporaryTag, type RunIdentity } from './temporary-tag.js';

/** What main learned about the builder before planning. */
export interface BuilderFacts {
  name: string;
  driver: string;
  /** Can build several platforms in one build and push the result (the docker driver needs the containerd store). */
  multiPlatform: boolean;
  /**
   * BuildKit nodes in the builder. A multi-platform build over several nodes is merged by buildx itself, which
   * pushes the merged index under a tag (`latest` when none is given) whatever push-by-digest says.
   */
  nodes: number;
  /** This run created the builder, so post removes it. */
  created: boolean;
  /** Each node's BuildKit version, as buildx reports it: whether default provenance applies depends on it. */
  buildkitVersions: string[];
  /** The first node's own platform: what a build gets when `platforms` is empty. */
  defaultPlatform?: string;
  /** buildx's version number (`0.13.1`): how it reads a Git context depends on it. */
  buildxVersion: string;
}

/** What becomes of a build's image: part of the index this step pushes, handed to the merge job, or not pushed. */
export type BuildDestination = 'index' | 'handoff' | 'local';

/** One `buildx build` invocation. */
export interface PlannedBuild {
  /** `all` for the multi-platform build, else the platform's slug (linux-arm64). */
  name: string;
  platforms: Platform[];
  /** Set where the driver cannot push by digest: the run-unique tag pushed in every repository. */
  temporaryTag?: string;
  cacheFrom: string[];
  cacheTo: string[];
  destination: BuildDestination;
  /** A handoff build's `--annotation` naming its run, attempt, image and platform, which the merge checks. */
  handoffAnnotation?: string;
}

export interface Plan {
  mode: 'multi' | 'fan-out';
  platforms: Platform[];
  finalTags: TaggedReference[];
  /** Distinct repositories of the final tags, in input order: every build pushes to each of them. */
  repositories: ImageName[];
  push: boolean;
  publish: PublishWhen;
  pushByDigest: boolean;
  builds: PlannedBuild[];
  /** Annotations handed to buildx. */
  buildAnnotations: string[];
  /** `index:` annotations, written by this action into the index it publishes. */
  indexAnnotations: Record<string, string>;
  /** The build context buildx gets: `context`, or the Git context of the workflow's commit where it names it. */
  context: string;
  /** `build-contexts`, `{{defaultContext}}` expanded. */
  buildContexts: string[];
  /** Things the user should know about the plan, said once. */
  warnings: string[];
}

export class PlanError extends Error {
  override name = 'PlanError';
}

const DRIVERS_WITHOUT_PUSH_BY_DIGEST = new Set(['docker']);
/** The docker driver exports cache only inline, into the image itself. */
const DOCKER_DRIVER_CACHE_TYPES = new Set(['inline']);

/** What a run's index is made of and where it goes: the same for a build's plan and for a merge. */
export type IndexPlan = Pick<Plan, 'platforms' | 'finalTags' | 'repositories' | 'indexAnnotations' | 'publish'>;

export function planIndex(
  inputs: Pick<Inputs, 'platforms' | 'tags' | 'build' | 'push' | 'mode' | 'publish'>,
): IndexPlan {
  return {
    platforms: inputs.platforms,
    finalTags: inputs.tags,
    repositories: distinctRepositories(inputs.tags),
    indexAnnotations: splitAnnotations(inputs.build.annotations).indexAnnotations,
    publish: publishWhen(inputs),
  };
}

/**
 * Inputs with empty `platforms` given the builder's own platform, as a build without --platform gets it (the first
 * node's first platform).
 */
export function withBuilderPlatform(inputs: Inputs, builder: Pick<BuilderFacts, 'name' | 'defaultPlatform'>): Inputs {
  if (inputs.platforms.length > 0) return inputs;
  if (builder.defaultPlatform === undefined) {
    throw new PlanError(
      `"platforms" is empty and builder "${builder.name}" reports no platform to build for (expected a list such ` +
        'as linux/amd64 in "platforms")',
    );
  }
  return { ...inputs, platforms: [parsePlatform(builder.defaultPlatform)] };
}

export function makePlan(inputs: Inputs, builder: BuilderFacts, run: RunIdentity): Plan {
  const warnings: string[] = [];
  const mode = chooseMode(inputs, builder);
  const pushByDigest = !DRIVERS_WITHOUT_PUSH_BY_DIGEST.has(builder.driver);

  const index = planIndex(inputs);
  const { repositories } = index;
  const cache = planCache(inputs, builder, warnings);
  const groups = mode === 'multi' ? [inputs.platforms] : inputs.platforms.map((platform) => [platform]);
  const destination = !inputs.push ? 'local' : inputs.mode === 'shard' ? 'handoff' : 'index';
  const builds = groups.map((platforms): PlannedBuild => {
    // A build of one platform is named after it, whatever the mode: matrix legs of one platform each (mode auto
    // with push false in the reusable workflow) must not share one cache scope or tag, where each would miss.
    const [only, ...others] = platforms;
    const name = only && others.length === 0 ? platformSlug(only) : 'all';
    const needsTemporaryTag = inputs.push && !pushByDigest;
    const specs = buildCacheSpecs(cache.mode, name, repositories[0], inputs.runRef, inputs.push);
    return {
      name,
      platforms,
      ...(needsTemporaryTag ? { temporaryTag: temporaryTag(inputs.tempTagPrefix, run, name) } : {}),
      cacheFrom: [...inputs.build.cacheFrom, ...specs.from],
      cacheTo: [...cache.userCacheTo, ...specs.to],
      destination,
      ...(destination === 'handoff' ? { handoffAnnotation: handoffAnnotation(inputs, run, platforms) } : {}),
    };
  });
  const localExports = inputs.push ? [] : exportsOf(inputs.build);
  if (builds.length > 1 && localExports.length > 0) {
    throw new PlanError(
      `${localExports.join(' and ')} would export each of this plan's ${builds.length} builds (one per platform) ` +
        'to the same place (expected one build: mode multi, with a builder that builds several platforms at ' +
        'once, or one platform per step)',
    );
  }

  // Without push nothing of this action's is published: buildx gets every annotation, index ones included, as
  // build-push-action hands them over (and BuildKit refuses those its export cannot hold).
  const { buildAnnotations, dropped } = inputs.push
    ? splitAnnotations(inputs.build.annotations)
    : { buildAnnotations: inputs.build.annotations, dropped: [] };
  if (dropped.length > 0) {
    warnings.push(
      `index-descriptor annotations exist only in OCI layouts, not in a registry; ignored: ${dropped.join(', ')}`,
    );
  }

  if (!inputs.push && inputs.publish !== 'false' && inputs.tags.length > 0 && localExports.length === 0) {
    warnings.push('push is false: the images are built but nothing is pushed or published.');
  }

  return {
    ...index,
    mode,
    push: inputs.push,
    pushByDigest,
    builds,
    buildAnnotations,
    ...buildContext(inputs.build, builder.buildxVersion),
    warnings,
  };
}

/** The annotation binding a shard's image to the record handOff writes for it: the same run, image and platform. */
function handoffAnnotation(inputs: Pick<Inputs, 'tags'>, run: RunIdentity, platforms: Platform[]): string {
  const [platform, ...others] = platforms;
  // A record names one platform, so a shard plans one build per platform (fan-out).
  if (!platform || others.length > 0) throw new PlanError("a shard's build must be of one platform");
  return shardAnnotationFlag({
    runId: run.runId,
    runAttempt: run.runAttempt,
    image: imageKey(inputs.tags.map(formatReference)),
    platform: formatPlatform(platform),
  });
}

/** The inputs that export a build without push: `load` and `outputs`, by name. */
function exportsOf(build: BuildOptions): string[] {
  return [...(build.load ? ['"load"'] : []), ...(build.outputs.length > 0 ? ['"outputs"'] : [])];
}

/**
 * The docker driver exports cache only inline: other cache-to entries, and the `cache` convenience, are dropped
 * with one warning each rather than failing the build.
 */
function planCache(
  inputs: Inputs,
  builder: BuilderFacts,
  warnings: string[],
): { mode: CacheMode; userCacheTo: string[] } {
  if (builder.driver !== 'docker') return { mode: inputs.cache, userCacheTo: inputs.build.cacheTo };
  const userCacheTo = inputs.build.cacheTo.filter((spec) => DOCKER_DRIVER_CACHE_TYPES.has(cacheType(spec)));
  if (userCacheTo.length < inputs.build.cacheTo.length) {
    warnings.push(
      'The docker driver cannot export build cache except inline: cache-to is ignored ' +
        '(use driver: docker-container to export it).',
    );
  }
  if (inputs.cache !== 'none') {
    warnings.push(
      `The docker driver cannot use cache: ${inputs.cache}; building without it (use driver: docker-container).`,
    );
  }
  return { mode: 'none', userCacheTo };
}

/**
 * When the tags are published: never by a shard (the merge does), never when nothing is pushed (push false, in
 * every mode, merge included), and by a merge in main (its job has nothing else to wait for).
 */
export function publishWhen(inputs: Pick<Inputs, 'push' | 'mode' | 'publish'>): PublishWhen {
  if (!inputs.push || inputs.mode === 'shard' || inputs.publish === 'false') return 'false';
  return inputs.mode === 'merge' ? 'main' : inputs.publish;
}

function chooseMode(inputs: Inputs, builder: BuilderFacts): Plan['mode'] {
  if (inputs.mode === 'merge' || inputs.mode === 'plan') {
    throw new PlanError(`mode ${inputs.mode} builds nothing: it has no build plan`);
  }
  // A shard's record is per platform, so each of its platforms is its own build.
  if (inputs.mode === 'shard') return 'fan-out';
  const oneBuildAtOnce = builder.multiPlatform && builder.nodes === 1;
  if (inputs.mode === 'auto') return oneBuildAtOnce || inputs.platforms.length === 1 ? 'multi' : 'fan-out';
  if (inputs.mode === 'multi' && builder.nodes > 1 && inputs.platforms.length > 1) {
    throw new PlanError(
      `"mode" is multi, but builder "${builder.name}" has ${String(builder.nodes)} nodes: buildx merges their ` +
        'results itself and pushes the merged index under a tag, ignoring push-by-digest, which would create a tag ' +
        'besides the final ones. Use mode auto or fan-out: each platform is then built on its own node, and this ' +
        'action assembles the index.',
    );
  }
  if (inputs.mode === 'multi' && !builder.multiPlatform && inputs.platforms.length > 1) {
    throw new PlanError(
      `"mode" is multi, but builder "${builder.name}" (driver ${builder.driver}) cannot build several platforms ` +
        'in one build (the docker driver needs the containerd image store). Use mode fan-out or auto, or the ' +
        'docker-container driver.',
    );
  }
  return inputs.mode;
}

export function distinctRepositories(tags: ImageName[]): ImageName[] {
  const repositories = new Map<string, ImageName>();
  for (const tag of tags) {
    const name = { registry: tag.registry, repository: tag.repository };
    repositories.set(formatName(name), name);
  }
  return [...repositories.values()];
}

/**
 * Annotations by level. Index-level ones go on the index this action publishes, never to buildx: a single-platform
 * build has no index to put them on (BuildKit refuses them), and the published index may be one this action
 * assembles. `index-descriptor` ones only exist in OCI layouts, not in a registry, so they are dropped with a note.
 * buildx's forms: `key=value` (manifest), `level[,level…]:key=value`, a level may name a platform in brackets.
 */
export function splitAnnotations(annotations: string[]): {
  buildAnnotations: string[];
  indexAnnotations: Record<string, string>;
  dropped: string[];
} {
  const buildAnnotations: string[] = [];
  const indexAnnotations: Record<string, string> = {};
  const dropped: string[] = [];
  for (const annotation of annotations) {
    const equals = annotation.indexOf('=');
    const keyPart = annotation.slice(0, equals);
    const colon = keyPart.lastIndexOf(':');
    if (colon === -1) {
      buildAnnotations.push(annotation);
      continue;
    }
    const key = keyPart.slice(colon + 1);
    const value = annotation.slice(equals + 1);
    const levels: string[] = keyPart.slice(0, colon).match(/[a-z-]+(?:\[[^\]]*\])?/g) ?? [];
    const forBuildx = levels.filter((level) => level !== 'index' && level !== 'index-descriptor');
    if (levels.includes('index')) indexAnnotations[key] = value;
    if (levels.includes('index-descriptor')) dropped.push(annotation);
    if (forBuildx.length > 0) buildAnnotations.push(`${forBuildx.join(',')}:${key}=${value}`);
  }
  return { buildAnnotations, indexAnnotations, dropped };
}

/** The `type=` of a cache spec; buildx takes a bare value as a registry reference. */
function cacheType(spec: string): string {
  const field = spec.split(',').find((part) => part.trim().startsWith('type='));
  return field ? field.trim().slice('type='.length) : 'registry';
}

export function describePlan(plan: Plan): string {
  const platforms = plan.platforms.map(formatPlatform).join(', ');
  const how = plan.mode === 'multi' ? 'one multi-platform build' : `${plan.builds.length} builds, one per platform`;
  const push = !plan.push
    ? 'no push'
    : plan.pushByDigest
      ? 'pushed by digest'
      : 'pushed under run-unique temporary tags (the driver cannot push by digest)';
  return `${how} for ${platforms}; ${push}; publish: ${plan.publish}`;
}
