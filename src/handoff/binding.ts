// What binds a handoff record to the registry. A shard's build annotates its image's manifest with the run, attempt,
// image and platform it was built for; the merge publishes a record's image only when the registry shows that
// annotation on it. Whoever can write handoff-dir but not push can swap a record only for an image already in the
// repository, and none there names this run attempt's shard of this image and platform but the one it built. Pure.
import { platformManifests } from '../image-index/assemble.js';
import { isImageIndex, type Manifest } from '../registry/types.js';
import type { ShardRecord } from './record.js';

/** The manifest annotation a shard's image carries. */
export const SHARD_ANNOTATION = 'dev.multiarch-build.shard';

type ShardIdentity = Pick<ShardRecord, 'runId' | 'runAttempt' | 'image' | 'platform'>;

/**
 * `<run id>/<attempt>/<image key>/<platform>`. The image key tells apart images of one run pushed to one repository
 * (a matrix over tags); the repository of the workflow is left out: run ids differ between repositories already.
 */
export function shardAnnotationValue(shard: ShardIdentity): string {
  return `${shard.runId}/${shard.runAttempt}/${shard.image}/${shard.platform}`;
}

/** buildx's `--annotation` for a shard's image: on its image manifest, which an attestation index lists. */
export function shardAnnotationFlag(shard: ShardIdentity): string {
  return `manifest:${SHARD_ANNOTATION}=${shardAnnotationValue(shard)}`;
}

/** The digests to read beside a record's manifest: the images its index lists, none for an image manifest. */
export function imagesListed(manifest: Manifest): string[] {
  return isImageIndex(manifest) ? platformManifests(manifest).map((descriptor) => descriptor.digest) : [];
}

/**
 * Why the registry does not show `record`'s shard built what it names, [] when it does. `manifest`: what the
 * record's digest names; `listed`: the manifests imagesListed named, by digest. An index must list at least one
 * image, and each must carry the annotation: its attestations carry none and need none (the index's digest fixes
 * them).
 */
export function bindingProblems(
  record: ShardIdentity,
  manifest: Manifest,
  listed: ReadonlyMap<string, Manifest>,
): string[] {
  const expected = shardAnnotationValue(record);
  const problem = (what: string, image: Manifest | undefined): string[] => {
    if (image === undefined) return [`${what} was not read`];
    if (isImageIndex(image)) return [`${what} is an index, not an image`];
    const found = image.annotations?.[SHARD_ANNOTATION];
    if (found === expected) return [];
    const has = found === undefined ? 'has no' : `has ${JSON.stringify(found)} as its`;
    return [`${what} ${has} ${SHARD_ANNOTATION} annotation (expected "${expected}")`];
  };
  if (!isImageIndex(manifest)) return problem('its image manifest', manifest);
  const digests = imagesListed(manifest);
  if (digests.length === 0) return ['its index lists no image'];
  return digests.flatMap((digest) => problem(`the image manifest ${digest} in its index`, listed.get(digest)));
}
