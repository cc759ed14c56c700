// What main hands to post, through the runner's state file. Saved early and again after each step that creates
// something, so that a main killed half-way still leaves post enough to clean up. Never holds a secret.
import * as core from '@actions/core';
import { StateKey } from './constants.js';
import type { Inputs, PublishWhen } from './inputs/inputs.js';
import { publishWhen } from './plan/plan.js';
import { formatPlatform } from './platform.js';
import { formatReference, parseTaggedReference, type TaggedReference } from './reference.js';
import type { Descriptor } from './registry/types.js';
import type { SigningRecord } from './signing/sign-index.js';

export interface PhaseTiming {
  phase: string;
  seconds: number;
}

export interface RunState {
  mode: string;
  /** Main finished every build and pushed the index: only then may anything be published. */
  mainCompleted: boolean;
  cleanup: boolean;
  publish: PublishWhen;
  published: boolean;
  platforms: string[];
  /** Final tags as full references (registry/repository:tag). */
  finalTags: string[];
  /** Temporary tags (full references) this run pushed or was about to push: post deletes exactly these. */
  temporaryTags: string[];
  /** What each temporary tag pointed at once pushed (by its full reference), where main learned it. */
  temporaryTagDigests: Record<string, string>;
  /** Temporary tags (full references) the engine's own image store holds for this run (driver docker). */
  engineImages: string[];
  /** The user's leftovers to delete once the index is published (cleanup-tags). */
  cleanupTags: string[];
  tempTagPrefix: string;
  /** Temporary tags of this action older than this are stale (a crashed run's); 0 leaves them. */
  staleTagHours: number;
  /**
   * The builder this run uses; post removes it only when this run created it. 'pending' while `buildx create` runs
   * (it may have failed, or main may have died): post removes such a builder only if it exists under this step's name.
   */
  builder?: { name: string; created: boolean | 'pending' };
  /** The index pushed by digest, and its platform manifests. */
  index?: Descriptor;
  platformDigests: Record<string, string>;
  /** What signing the index left: digests, bundle paths, or why it is unsigned. */
  signing?: SigningRecord;
  timings: PhaseTiming[];
}

export function emptyRunState(): RunState {
  return {
    mode: '',
    mainCompleted: false,
    cleanup: true,
    publish: 'post',
    published: false,
    platforms: [],
    finalTags: [],
    temporaryTags: [],
    temporaryTagDigests: {},
    engineImages: [],
    cleanupTags: [],
    tempTagPrefix: '',
    staleTagHours: 0,
    platformDigests: {},
    timings: [],
  };
}

/** The state of a step that has created nothing yet: what post needs of the inputs. */
export function runStateFor(inputs: Inputs): RunState {
  return {
    ...emptyRunState(),
    mode: inputs.mode,
    cleanup: inputs.cleanup,
    cleanupTags: inputs.cleanupTags.map(formatReference),
    tempTagPrefix: inputs.tempTagPrefix,
    staleTagHours: inputs.staleTagHours,
    publish: publishWhen(inputs),
    platforms: inputs.platforms.map(formatPlatform),
    finalTags: inputs.tags.map(formatReference),
  };
}

/**
 * The temporary tags this run is about to push, known before the builds start so that a crash leaves a record.
 * The docker driver also keeps each image it pushes in the engine, under the same names: post untags those too.
 */
export function recordPlannedTemporaryTags(state: RunState, tags: string[], keptInEngine: boolean): void {
  state.temporaryTags = tags;
  if (keptInEngine) state.engineImages = tags;
}

/**
 * The temporary tags pushed, each with what it points at: post deletes exactly these, and each only while it still
 * points there.
 */
export function recordPushedTemporaryTags(
  state: RunState,
  pushed: { temporaryTags: string[]; digest: string }[],
): void {
  state.temporaryTags = pushed.flatMap(({ temporaryTags }) => temporaryTags);
  state.temporaryTagDigests = Object.fromEntries(
    pushed.flatMap(({ temporaryTags, digest }) => temporaryTags.map((tag) => [tag, digest])),
  );
}

/** A shard handed its images off: the merge job owns the temporary tags from here on, and deletes them. */
export function recordHandOff(state: RunState, digestByPlatforms: Record<string, string>): void {
  state.temporaryTags = [];
  state.platformDigests = digestByPlatforms;
  state.mainCompleted = true;
}

/** The index is pushed by digest and verified: from here on it may be published. */
export function recordIndex(state: RunState, index: Descriptor, digestByPlatform: Record<string, string>): void {
  state.index = index;
  state.platformDigests = digestByPlatform;
  state.mainCompleted = true;
}

/** Marks that main has started, so the shared entry point runs post next time. */
export function markMainStarted(): void {
  core.saveState(StateKey.IsPost, 'true');
}

export function saveRunState(state: RunState): void {
  core.saveState(StateKey.Run, JSON.stringify(state));
}

/** The state main left; undefined when main saved none (it failed before it created anything). */
export function loadRunState(): RunState | undefined {
  const text = core.getState(StateKey.Run);
  if (text === '') return undefined;
  return { ...emptyRunState(), ...(JSON.parse(text) as Partial<RunState>) };
}

/** The state's tags, parsed once: the final tags, the user's leftovers, and this run's temporary tags by their text. */
export interface StateTags {
  final: TaggedReference[];
  cleanup: TaggedReference[];
  temporary: Map<string, TaggedReference>;
}

export function stateTags(state: RunState): StateTags {
  return {
    final: state.finalTags.map(parseTaggedReference),
    cleanup: state.cleanupTags.map(parseTaggedReference),
    temporary: new Map(state.temporaryTags.map((text) => [text, parseTaggedReference(text)])),
  };
}
