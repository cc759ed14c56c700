// Typed fixtures shared by the unit tests: the Inputs of a minimal workflow step, overridable per test.
import type { BuildOptions, Inputs } from '../../../src/inputs/inputs.js';
import { parsePlatform } from '../../../src/platform.js';
import { parseTaggedReference } from '../../../src/reference.js';
import { parseRunners } from '../../../src/inputs/runners.js';
import type { RunIdentity } from '../../../src/plan/temporary-tag.js';

/** One step of one run attempt (run 9876543210, attempt 2, started at 1_800_000_000, `tro8w0` in base 36). */
export const RUN: RunIdentity = {
  runId: '9876543210',
  runAttempt: '2',
  job: 'image',
  action: '__self',
  startedAt: 1_800_000_000,
  nonce: '5eed01',
};

/** The build options when no build input but `context: .` is set (action.yml's defaults otherwise). */
export function defaultBuildOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    context: '.',
    file: '',
    target: '',
    labels: [],
    annotations: [],
    buildArgs: [],
    buildContexts: [],
    secrets: [],
    secretFiles: [],
    secretEnvs: [],
    ssh: [],
    cacheFrom: [],
    cacheTo: [],
    provenance: '',
    sbom: '',
    attests: [],
    builderId: '',
    privateRepository: false,
    noDefaultAttestations: false,
    noCache: false,
    noCacheFilters: [],
    pull: false,
    network: '',
    addHosts: [],
    allow: [],
    shmSize: '',
    ulimits: [],
    cgroupParent: '',
    outputs: [],
    load: false,
    call: '',
    ...overrides,
  };
}

/** Overrides of Inputs, with platforms and tags as written in a workflow and the build options in part. */
export type InputOverrides = Partial<Omit<Inputs, 'platforms' | 'tags' | 'build'>> & {
  platforms?: string[];
  tags?: string[];
  build?: Partial<BuildOptions>;
};

/**
 * The Inputs of a step that sets only `platforms: linux/amd64,linux/arm64`, `tags: ghcr.io/acme/app:latest`,
 * `push: true` and `context: .` (everything else as action.yml defaults it), with `overrides` applied. The defaults are written out,
 * not parsed, so that the tests of parseInputs can compare with them.
 */
export function defaultInputs(overrides: InputOverrides = {}): Inputs {
  const { platforms, tags, build, ...rest } = overrides;
  return {
    mode: 'auto',
    platforms: platforms?.map(parsePlatform) ?? [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ],
    tags: tags?.map(parseTaggedReference) ?? [{ registry: 'ghcr.io', repository: 'acme/app', tag: 'latest' }],
    push: true,
    publish: 'post',
    cleanup: true,
    cache: 'none',
    runRef: {},
    cleanupTags: [],
    staleTagHours: 24,
    tempTagPrefix: 'multiarch-tmp',
    runners: parseRunners([]),
    handoffDir: '',
    qemu: 'auto',
    qemuImage:
      'tonistiigi/binfmt:qemu-v10.2.3-68@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0',
    builder: '',
    driver: '',
    driverOpts: [],
    buildkitdFlags: '',
    buildkitdConfigInline: '',
    githubToken: '${{ github.token }}',
    signing: {
      sign: 'auto',
      attest: false,
      sigstore: { kind: 'auto' },
      oidcTokenAvailable: false,
      publicRepository: false,
    },
    warnings: [],
    ...rest,
    build: defaultBuildOptions(build),
  };
}
