// Every input, output and state name in one place, so a typo is a compile error rather than a silent ''.

export enum Input {
  Mode = 'mode',
  Platforms = 'platforms',
  Runners = 'runners',
  HandoffDir = 'handoff-dir',
  Publish = 'publish',
  Cleanup = 'cleanup',
  CleanupTags = 'cleanup-tags',
  StaleTagHours = 'stale-tag-hours',
  TempTagPrefix = 'temp-tag-prefix',
  Qemu = 'qemu',
  QemuImage = 'qemu-image',
  Builder = 'builder',
  Driver = 'driver',
  DriverOpts = 'driver-opts',
  BuildkitdConfigInline = 'buildkitd-config-inline',
  Context = 'context',
  File = 'file',
  Target = 'target',
  Tags = 'tags',
  Labels = 'labels',
  Annotations = 'annotations',
  BuildArgs = 'build-args',
  BuildContexts = 'build-contexts',
  Secrets = 'secrets',
  SecretFiles = 'secret-files',
  Ssh = 'ssh',
  CacheFrom = 'cache-from',
  CacheTo = 'cache-to',
  Cache = 'cache',
  Provenance = 'provenance',
  Sbom = 'sbom',
  NoCache = 'no-cache',
  Pull = 'pull',
  Network = 'network',
  Push = 'push',
  GithubToken = 'github-token',
}

export enum Output {
  Digest = 'digest',
  PlatformDigests = 'platform-digests',
  Metadata = 'metadata',
  ImageId = 'imageid',
  Plan = 'plan',
}

export enum StateKey {
  /** Set by main; its presence tells the shared entry point that it runs as the post step. */
  IsPost = 'isPost',
  /** The RunState JSON (src/state.ts). */
  Run = 'run',
}
