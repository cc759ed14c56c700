// Which buildx release knows which flag: an input that needs a newer buildx than the runner's is refused before
// the build, with the input and both versions named; and comparing releases as buildx names them (`0.13.1`,
// `v0.29.1`, Debian's `0.13.1+ds1`). Pure.
import semver from 'semver';
import type { Inputs } from '../inputs/inputs.js';

/** Whether a buildx version (`0.13.1`, `v0.29.1`, `0.13.1+ds1`) is `minimum` or later; an unreadable one is not. */
export function buildxAtLeast(version: string, minimum: string): boolean {
  const parsed = semver.coerce(version);
  return parsed !== null && semver.gte(parsed, minimum);
}

/**
 * Flags that older buildx releases do not know (or, for --shm-size and --ulimit before 0.7.0, accept and ignore),
 * named by the input that asks for them, with the release that introduced each.
 */
const MINIMUM_BUILDX: { flag: string; version: string; used: (inputs: Inputs) => boolean }[] = [
  { flag: 'call', version: '0.15.0', used: (inputs) => inputs.build.call !== '' },
  { flag: 'annotations', version: '0.12.0', used: (inputs) => inputs.build.annotations.length > 0 },
  // A shard's build annotates its image for the merge to check (handoff/binding.ts).
  { flag: 'mode: shard', version: '0.12.0', used: (inputs) => inputs.mode === 'shard' && inputs.push },
  { flag: 'provenance', version: '0.10.0', used: (inputs) => inputs.build.provenance !== '' },
  { flag: 'sbom', version: '0.10.0', used: (inputs) => inputs.build.sbom !== '' },
  { flag: 'attests', version: '0.10.0', used: (inputs) => inputs.build.attests.length > 0 },
  { flag: 'build-contexts', version: '0.8.0', used: (inputs) => inputs.build.buildContexts.length > 0 },
  { flag: 'no-cache-filters', version: '0.8.0', used: (inputs) => inputs.build.noCacheFilters.length > 0 },
  { flag: 'shm-size', version: '0.7.0', used: (inputs) => inputs.build.shmSize !== '' },
  { flag: 'ulimit', version: '0.7.0', used: (inputs) => inputs.build.ulimits.length > 0 },
];

/** The error for the first input whose flag this buildx version does not know; undefined when it knows them all. */
export function unsupportedInput(inputs: Inputs, buildxVersion: string): string | undefined {
  const missing = MINIMUM_BUILDX.find(({ version, used }) => used(inputs) && !buildxAtLeast(buildxVersion, version));
  return (
    missing && `"${missing.flag}" needs buildx ${missing.version} or later; this runner has buildx ${buildxVersion}.`
  );
}
