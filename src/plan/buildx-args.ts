// Pure functions from the plan to buildx argv. Every item is one argv element: nothing here passes through a
// shell, so tags, labels and build args with shell metacharacters arrive as written.
import type { BuildOptions, Driver } from '../inputs.js';
import { buildxAtLeast } from './buildx-version.js';
import type { BuilderFacts, Plan, PlannedBuild } from './plan.js';
import { formatPlatform } from '../platform.js';
import { formatName } from '../reference.js';

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
  builder: Pick<BuilderFacts, 'name'>,
  files: BuildFiles,
): string[] {
  const args = ['buildx', 'build', '--builder', builder.name];
  args.push('--platform', build.platforms.map(formatPlatform).join(','));
  if (options.file) args.push('--file', options.file);
  if (options.target) args.push('--target', options.target);
  pushEach(args, '--label', options.labels);
  pushEach(args, '--annotation', plan.buildAnnotations);
  pushEach(args, '--build-arg', options.buildArgs);
  pushEach(args, '--build-context', options.buildContexts);
  pushEach(args, '--secret', files.secretSpecs);
  pushEach(
    args,
    '--secret',
    options.secretFiles.map((entry) => secretFileSpec(entry)),
  );
  pushEach(args, '--ssh', options.ssh);
  pushEach(args, '--cache-from', build.cacheFrom);
  pushEach(args, '--cache-to', build.cacheTo);
  if (options.provenance) args.push(`--provenance=${options.provenance}`);
  if (options.sbom) args.push(`--sbom=${options.sbom}`);
  if (options.noCache) args.push('--no-cache');
  if (options.pull) args.push('--pull');
  if (options.network) args.push('--network', options.network);
  args.push('--output', outputSpec(build, plan));
  args.push('--metadata-file', files.metadataFile);
  args.push(options.context);
  return args;
}

/**
 * Where the image goes. Pushing by digest leaves no tag behind; a driver that cannot (docker) pushes under the
 * run's temporary tag, which post deletes. Names are quoted: buildx reads --output as CSV.
 */
export function outputSpec(build: PlannedBuild, plan: Plan): string {
  if (!plan.push) return 'type=cacheonly';
  const names = plan.repositories.map(formatName);
  if (plan.pushByDigest) {
    return `type=image,"name=${names.join(',')}",push-by-digest=true,name-canonical=true,push=true`;
  }
  if (build.temporaryTag === undefined) throw new Error(`build ${build.name} has no temporary tag to push under`);
  const tag = build.temporaryTag;
  return `type=image,"name=${names.map((name) => `${name}:${tag}`).join(',')}",push=true`;
}

/** `id=x,src=path` as buildx wants it, from build-push-action's `id=path` form. */
function secretFileSpec(entry: string): string {
  const separator = entry.indexOf('=');
  return [`id=${entry.slice(0, separator)}`, `src=${entry.slice(separator + 1)}`].map(csvField).join(',');
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

/** argv of `docker buildx create` for the builder this run owns. */
export function buildxCreateArgs(
  name: string,
  driver: Driver,
  driverOpts: string[],
  config: BuildkitdConfig | undefined,
): string[] {
  const args = ['buildx', 'create', '--name', name, '--driver', driver];
  pushEach(args, '--driver-opt', driverOpts);
  if (config) {
    // buildx 0.13 renamed --config to --buildkitd-config (the old name is deprecated).
    args.push(buildxAtLeast(config.buildxVersion, '0.13.0') ? '--buildkitd-config' : '--config', config.file);
  }
  args.push('--bootstrap');
  return args;
}
