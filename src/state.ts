// What main hands to post, through the runner's state file. Saved early and again after each step that creates
// something, so that a main killed half-way still leaves post enough to clean up. Never holds a secret.
import * as core from '@actions/core';
import { StateKey } from './constants.js';
import type { PublishWhen } from './inputs/parse.js';
import type { Descriptor } from './registry/types.js';

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
