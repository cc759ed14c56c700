// The action's settings, as one typed object: what each input means once parsed (parse.ts reads them).
import type { CacheMode, RunRef } from './build-cache.js';
import type { GitContextSource } from './git-context.js';
import type { RunnerMap } from './runners.js';
import type { Platform } from '../platform.js';
import type { SigningInputs } from '../signing/settings.js';
import type { TaggedReference } from '../reference.js';

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
  /** The run's URL (`<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>`), provenance's builder-id; empty
   * outside GitHub Actions. */
  builderId: string;
  /** The event payload says the repository is private: default provenance is then mode=min, not max. */
  privateRepository: boolean;
  /** BUILDX_NO_DEFAULT_ATTESTATIONS is true: no default provenance. */
  noDefaultAttestations: boolean;
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
  /** Empty where a build may leave it so: one build for the builder's own platform. */
  platforms: Platform[];
  /** The runner label per platform for the matrix plan, from `platform-prefix=runner-label` lines. */
  runners: RunnerMap;
  /** Where shards hand their digests to merge; empty: the GitHub cache service. */
  handoffDir: string;
  tags: TaggedReference[];
  push: boolean;
  publish: PublishWhen;
  cleanup: boolean;
  /** Per-platform build cache: none, gha or registry (expanded by the plan). */
  cache: CacheMode;
  /** The run's ref, which scopes `cache: registry`. */
  runRef: RunRef;
  /** Leftover tags of the user's to delete after a successful publish (e.g. old per-arch tags). */
  cleanupTags: TaggedReference[];
  staleTagHours: number;
  tempTagPrefix: string;
  qemu: QemuMode;
  qemuImage: string;
  builder: string;
  /** Empty: the workflow's current builder unless it is the engine's own, else a docker-container one created. */
  driver: Driver | '';
  driverOpts: string[];
  /** Flags of the created builder's buildkitd; empty: setup-buildx-action's default entitlements. */
  buildkitdFlags: string;
  buildkitdConfigInline: string;
  githubToken: string;
  /** sign, attest and sigstore, with what the runner says about tokens and the repository. */
  signing: SigningInputs;
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

/** Whether a buildx --call method builds (empty, or `build` with its options). */
export function buildsImage(call: string): boolean {
  return call === '' || call.split(',')[0]?.trim() === 'build';
}
