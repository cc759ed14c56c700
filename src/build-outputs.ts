// The step's `metadata` and `imageid` in build-push-action's shape, from buildx's metadata of each build and what
// the step published. Pure.
import type { BuildMetadata } from './docker/build.js';
import type { Descriptor } from './registry/types.js';

/** What the final tags point at, where the step published (or will publish) something. */
export interface PublishedImage {
  descriptor: Descriptor;
  /** The final tags, comma separated, as buildx writes `image.name`. */
  imageName: string;
}

const WARNINGS = 'buildx.build.warnings';

/**
 * `metadata`: buildx's keys, as build-push-action outputs them for its one build. Over several builds (one per
 * platform) a key they share with one value is kept, a key only one build has (such as
 * `buildx.build.provenance/linux/arm64`) is kept, the warnings are listed once each, and a key whose value differs
 * per build (`buildx.build.ref`, `containerimage.config.digest`) is left to `platform-metadata`. What was published
 * goes on top: its digest, descriptor and the final tags.
 */
export function metadataOutput(builds: BuildMetadata[], published?: PublishedImage): BuildMetadata {
  const merged = mergeMetadata(builds);
  if (published === undefined) return merged;
  return {
    ...merged,
    'containerimage.descriptor': published.descriptor,
    'containerimage.digest': published.descriptor.digest,
    'image.name': published.imageName,
  };
}

/**
 * `imageid` as build-push-action sets it from buildx's image ID file: the config digest of a build of one image,
 * else the digest of what was published (an index), else the one build's digest.
 */
export function imageIdOutput(builds: BuildMetadata[], published?: PublishedImage): string | undefined {
  const [only, ...others] = builds;
  const configDigest = only?.['containerimage.config.digest'];
  if (others.length === 0 && configDigest !== undefined) return configDigest;
  if (published !== undefined) return published.descriptor.digest;
  return others.length === 0 ? only?.['containerimage.digest'] : undefined;
}

function mergeMetadata(builds: BuildMetadata[]): BuildMetadata {
  const [only, ...others] = builds;
  if (only === undefined) return {};
  if (others.length === 0) return only;
  const merged: BuildMetadata = {};
  const keys = new Set(builds.flatMap((metadata) => Object.keys(metadata)));
  for (const key of keys) {
    const values = builds.filter((metadata) => key in metadata).map((metadata) => metadata[key]);
    if (key === WARNINGS)
      merged[key] = distinct(values.flatMap((value): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [])));
    else if (values.length === 1 || new Set(values.map((value) => JSON.stringify(value))).size === 1) {
      merged[key] = values[0];
    }
  }
  return merged;
}

function distinct(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
