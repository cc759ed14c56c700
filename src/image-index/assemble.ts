// The image index this action publishes: assembled from what the builds pushed, and checked before anything is
// published. Pure: manifests and configs come in as data.
import { formatPlatform, normalizePlatform, samePlatform, type Platform } from '../platform.js';
import { MediaType, isImageIndex, type Descriptor, type ImageIndex, type Manifest } from '../registry/types.js';

/** What one build pushed: the descriptor buildx reported, the manifest behind it, and the platform it built. */
export interface BuildResult {
  descriptor: Descriptor;
  manifest: Manifest;
  /** The platforms the build was asked for (used for a bare image manifest, which names no platform). */
  platforms: Platform[];
}

const ATTESTATION_TYPE = 'attestation-manifest';

/** BuildKit's attestation manifests: `unknown/unknown`, pointing at the image they describe. */
export function isAttestation(descriptor: Descriptor): boolean {
  return (
    descriptor.annotations?.['vnd.docker.reference.type'] === ATTESTATION_TYPE ||
    (descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown')
  );
}

export function platformManifests(index: ImageIndex): Descriptor[] {
  return index.manifests.filter((descriptor) => !isAttestation(descriptor));
}

/**
 * One index over every build's images: platform manifests first (in build order), then the attestation
 * manifests that describe them, as buildx orders a multi-platform index. `index:` annotations go on top.
 */
export function assembleIndex(results: BuildResult[], annotations: Record<string, string>): ImageIndex {
  const images: Descriptor[] = [];
  const attestations: Descriptor[] = [];
  for (const result of results) {
    if (isImageIndex(result.manifest)) {
      for (const child of result.manifest.manifests) (isAttestation(child) ? attestations : images).push(child);
    } else {
      const [platform, ...others] = result.platforms;
      if (!platform || others.length > 0) {
        throw new Error(
          `a build of ${result.platforms.length} platforms pushed a single image ${result.descriptor.digest}`,
        );
      }
      images.push({ ...withoutPlatform(result.descriptor), platform: normalizePlatform(platform) });
    }
  }
  return {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [...images, ...attestations],
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}

function withoutPlatform(descriptor: Descriptor): Descriptor {
  return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
}

/** platform → manifest digest, for the `platform-digests` output. */
export function platformDigests(index: ImageIndex): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const descriptor of platformManifests(index)) {
    if (descriptor.platform) digests[formatPlatform(normalizePlatform(descriptor.platform))] = descriptor.digest;
  }
  return digests;
}

/**
 * What is wrong with an index before it is published: a requested platform missing, one not requested, one twice,
 * or an image whose config says another os/architecture/variant than its descriptor (an image built for the wrong
 * architecture). `configPlatforms` maps each platform manifest's digest to the platform its config declares.
 */
export function indexProblems(
  index: ImageIndex,
  requested: Platform[],
  configPlatforms: ReadonlyMap<string, Platform>,
): string[] {
  const problems: string[] = [];
  const images = platformManifests(index);
  for (const platform of requested) {
    const matching = images.filter((d) => d.platform && samePlatform(d.platform, platform));
    if (matching.length === 0) problems.push(`${formatPlatform(platform)} is missing from the index`);
    if (matching.length > 1) problems.push(`${formatPlatform(platform)} is in the index ${matching.length} times`);
  }
  for (const descriptor of images) {
    const platform = descriptor.platform;
    if (!platform) {
      problems.push(`manifest ${descriptor.digest} has no platform in the index`);
      continue;
    }
    const name = formatPlatform(normalizePlatform(platform));
    if (!requested.some((wanted) => samePlatform(wanted, platform))) {
      problems.push(`${name} (${descriptor.digest}) is in the index but was not requested`);
    }
    const declared = configPlatforms.get(descriptor.digest);
    if (!declared) problems.push(`the config of ${name} (${descriptor.digest}) was not checked`);
    else if (!samePlatform(declared, platform)) {
      problems.push(
        `${name} (${descriptor.digest}) is an image for ${formatPlatform(normalizePlatform(declared))} by its config`,
      );
    }
  }
  return problems;
}

export function serializeIndex(index: ImageIndex): Buffer {
  return Buffer.from(JSON.stringify(index));
}
