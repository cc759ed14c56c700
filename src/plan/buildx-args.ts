// Pure functions from the plan to buildx argv. Every item is one argv element: nothing here passes through a
// shell, so tags, labels and build args with shell metacharacters arrive as written.
import type { BuildOptions, Driver } from '../inputs/inputs.js';
import { attestations } from './attestations.js';
import { buildxAtLeast } from './buildx-version.js';
import { temporaryReferences } from './temporary-tag.js';
import type { BuilderFacts, Plan, PlannedBuild } from './plan.js';
import { imageOutputOptions } from '../inputs/build-outputs.js';
import { formatPlatform } from '../platform.js';
import { formatName, formatReference } from '../reference.js';

/** Files main prepares for one build: where buildx writes its metadata, and secrets already written to files. */
export interface BuildFiles {
  metadataFile: string;
  /** `id=<id>,src=<file>` for each `secrets` entry (the value itself never enters argv). */
  secretSpecs: string[];
}

export function buildxBuildArgs(
  build: PlannedBuild,
  plan: Plan,
  options: BuildOptions,
  builder: Pick<BuilderFacts, 'name' | 'driver' | 'buildkitVersions'>,
  files: BuildFiles,
): string[] {
  const args = ['buildx', 'build', '--builder', builder.name];
  args.push('--platform', build.platforms.map(formatPlatform).join(','));
  if (options.file) args.push('--file', options.file);
  if (options.target) args.push('--target', options.target);
  pushEach(args, '--label', options.labels);
  pushEach(args, '--annotation', plan.buildAnnotations);
  // After the user's: buildx keeps the last value of a key, so none of theirs replaces it.
  if (build.handoffAnnotation !== undefined) args.push('--annotation', build.handoffAnnotation);
  pushEach(args, '--build-arg', options.buildArgs);
  pushEach(args, '--build-context', plan.buildContexts);
  pushEach(args, '--secret', files.secretSpecs);
  pushEach(
    args,
    '--secret',
    options.secretFiles.map((entry) => secretSpec(entry, 'src')),
  );
  pushEach(
    args,
    '--secret',
    options.secretEnvs.map((entry) => secretSpec(entry, 'env')),
  );
  pushEach(args, '--ssh', options.ssh);
  pushEach(args, '--cache-from', build.cacheFrom);
  pushEach(args, '--cache-to', build.cacheTo);
  pushEach(args, '--no-cache-filter', options.noCacheFilters);
  pushEach(args, '--attest', attestations(options, builder));
  if (options.noCache) args.push('--no-cache');
  if (options.pull) args.push('--pull');
  if (options.network) args.push('--network', options.network);
  pushEach(args, '--add-host', options.addHosts);
  pushEach(args, '--allow', options.allow);
  if (options.shmSize) args.push('--shm-size', options.shmSize);
  pushEach(args, '--ulimit', options.ulimits);
  if (options.cgroupParent) args.push('--cgroup-parent', options.cgroupParent);
  if (options.call) args.push('--call', options.call);
  args.push(...exportArgs(build, plan, options));
  args.push('--metadata-file', files.metadataFile);
  args.push(plan.context);
  return args;
}

/**
 * Where the build goes. With push: the action's own push (outputSpec), with the `outputs` entry's options. Without:
 * the user's `outputs` as written and `load`, the images named by `tags` as build-push-action names them; nothing
 * given is type=cacheonly (build only).
 */
function exportArgs(build: PlannedBuild, plan: Plan, options: BuildOptions): string[] {
  if (plan.push) return ['--output', outputSpec(build, plan, imageOutputOptions(options.outputs))];
  if (options.outputs.length === 0 && !options.load) return ['--output', 'type=cacheonly'];
  const args: string[] = [];
  pushEach(args, '--output', options.outputs);
  if (options.load) args.push('--load');
  pushEach(args, '--tag', plan.finalTags.map(formatReference));
  return args;
}

/**
 * The push. By digest it leaves no tag behind; a driver that cannot (docker) pushes under the run's temporary tag,
 * which post deletes. Names are quoted: buildx reads --output as CSV. `options` are further exporter options
 * (compression=zstd, …), added after the action's own.
 */
export function outputSpec(build: PlannedBuild, plan: Plan, options: string[] = []): string {
  if (!plan.push) return 'type=cacheonly';
  const names = plan.repositories.map(formatName);
  const extra = options.map((option) => `,${csvField(option)}`).join('');
  if (plan.pushByDigest) {
    return `type=image,"name=${names.join(',')}",push-by-digest=true,name-canonical=true,push=true${extra}`;
  }
  if (build.temporaryTag === undefined) throw new Error(`build ${build.name} has no temporary tag to push under`);
  return `type=image,"name=${temporaryReferences(plan.repositories, build.temporaryTag).join(',')}",push=true${extra}`;
}

/** `id=x,src=path` or `id=x,env=VAR` as buildx wants it, from build-push-action's `id=path` and `id=VAR` forms. */
function secretSpec(entry: string, source: 'src' | 'env'): string {
  const separator = entry.indexOf('=');
  return [`id=${entry.slice(0, separator)}`, `${source}=${entry.slice(separator + 1)}`].map(csvField).join(',');
}

/** One field of a buildx CSV flag value (--secret, --output): quoted when it holds a comma or a quote. */
export function csvField(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function pushEach(args: string[], flag: string, values: string[]): void {
  for (const value of values) args.push(flag, value);
}

/** A buildkitd config file for the builder this run creates, and the buildx that will read it. */
export interface BuildkitdConfig {
  file: string;
  buildxVersion: string;
}

/**
 * docker/setup-buildx-action's buildkitd flags when `buildkitd-flags` is empty: a build may then ask for these
 * entitlements (`allow: network.host`, `network: host`, `allow: security.insecure`); without them buildkitd refuses.
 */
export const DEFAULT_BUILDKITD_FLAGS =
  '--allow-insecure-entitlement security.insecure --allow-insecure-entitlement network.host';

/** argv of `docker buildx create` for the builder this run owns. */
export function buildxCreateArgs(
  name: string,
  driver: Driver,
  driverOpts: string[],
  buildkitdFlags: string,
  config: BuildkitdConfig | undefined,
): string[] {
  const args = ['buildx', 'create', '--name', name, '--driver', driver];
  pushEach(args, '--driver-opt', driverOpts);
  args.push('--buildkitd-flags', buildkitdFlags || DEFAULT_BUILDKITD_FLAGS);
  if (config) {
    // buildx 0.13 renamed --config to --buildkitd-config (the old name is deprecated).
    args.push(buildxAtLeast(config.buildxVersion, '0.13.0') ? '--buildkitd-config' : '--config', config.file);
  }
  args.push('--bootstrap');
  return args;
}
