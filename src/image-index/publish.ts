// Registry work around the builds: read what they pushed, push the index by digest, verify it, and point the final
// tags at it. Every write goes to each repository of the final tags. (Post deletes the temporary tags.)
import * as core from '@actions/core';
import { assembleIndex, indexProblems, platformManifests, serializeIndex, type BuildResult } from './assemble.js';
import type { Plan } from '../plan/plan.js';
import { normalizePlatform, type Platform } from '../platform.js';
import { formatName, formatReference, type ImageName, type TaggedReference } from '../reference.js';
import type { RegistryClient } from '../registry/client.js';
import { digestOf } from '../registry/digest.js';
import { errorMessage } from '../error-message.js';
import { isImageIndex, MediaType, type Descriptor, type ImageIndex } from '../registry/types.js';

export interface PushedIndex {
  descriptor: Descriptor;
  index: ImageIndex;
  bytes: Buffer;
  /** The index is buildx's own, unchanged: one export wrote it and the configs of its images together. */
  madeByBuildx: boolean;
}

const INDEX_MEDIA_TYPES = new Set<string>([MediaType.ociIndex, MediaType.dockerManifestList]);

export class VerificationError extends Error {
  override name = 'VerificationError';
}

/** What one build (or one shard) pushed, and the platforms it was asked for. */
export interface PushedImage {
  descriptor: Descriptor;
  platforms: Platform[];
}

/**
 * The index to publish: the one buildx pushed (its bytes, so its digest, unchanged) when one build made an index
 * and no index annotation is to be added; else one assembled from the pushed manifests. Either way it ends up in
 * every repository by digest, untagged.
 */
export async function pushIndex(
  plan: Pick<Plan, 'repositories' | 'indexAnnotations'>,
  images: PushedImage[],
  registry: RegistryClient,
): Promise<PushedIndex> {
  const [primary] = plan.repositories;
  if (!primary) throw new Error('no repository to push the index to (tags is empty)');
  const pushed = await Promise.all(
    images.map(async ({ descriptor, platforms }) => {
      const fetched = await registry.getManifest(primary, descriptor.digest);
      const { json, bytes } = fetched;
      // Type and size as the registry holds them (checked against the digest), not as a build or record says.
      const result: BuildResult = { descriptor: { ...descriptor, ...fetched.descriptor }, manifest: json, platforms };
      return { result, bytes };
    }),
  );
  const [only] = pushed;
  const keepBuildxIndex = only !== undefined && publishesBuildxIndex(images, plan.indexAnnotations);
  const bytes = keepBuildxIndex
    ? only.bytes
    : serializeIndex(
        assembleIndex(
          pushed.map((p) => p.result),
          plan.indexAnnotations,
        ),
      );
  const index = JSON.parse(bytes.toString('utf8')) as ImageIndex;
  const descriptor: Descriptor = {
    mediaType: index.mediaType ?? MediaType.ociIndex,
    digest: digestOf(bytes),
    size: bytes.length,
  };
  // buildx pushed its own index to every repository already.
  if (!keepBuildxIndex) {
    await Promise.all(
      plan.repositories.map((repository) =>
        registry.putManifest(repository, descriptor.digest, bytes, descriptor.mediaType),
      ),
    );
  }
  return { descriptor, index, bytes, madeByBuildx: keepBuildxIndex };
}

/** Whether the index published is the one buildx pushed, unchanged: one build made an index, no annotation is added. */
export function publishesBuildxIndex(images: PushedImage[], indexAnnotations: Record<string, string>): boolean {
  const [only] = images;
  return (
    images.length === 1 &&
    only !== undefined &&
    INDEX_MEDIA_TYPES.has(only.descriptor.mediaType) &&
    Object.keys(indexAnnotations).length === 0
  );
}

/**
 * Checks the index before anything is published: every requested platform present once, nothing else, and each
 * image's config declaring the platform its descriptor claims (catches an image built for the wrong architecture).
 * The configs of buildx's own index are not read back: the export that wrote them wrote the index's platforms from
 * the same build, so reading them would check buildx against itself, at two round trips per platform.
 */
export async function verifyIndex(
  pushed: PushedIndex,
  platforms: Platform[],
  repository: ImageName,
  registry: RegistryClient,
): Promise<void> {
  const configPlatforms = pushed.madeByBuildx
    ? new Map(platformManifests(pushed.index).flatMap((d) => (d.platform ? [[d.digest, d.platform] as const] : [])))
    : await readConfigPlatforms(pushed.index, repository, registry);
  const problems = indexProblems(pushed.index, platforms, configPlatforms);
  if (problems.length > 0) {
    throw new VerificationError(
      `the index ${pushed.descriptor.digest} failed verification, so nothing is published:\n  - ${problems.join('\n  - ')}`,
    );
  }
}

/** The platform each image's config declares, by the image's digest. */
async function readConfigPlatforms(
  index: ImageIndex,
  repository: ImageName,
  registry: RegistryClient,
): Promise<Map<string, Platform>> {
  const configPlatforms = new Map<string, Platform>();
  await Promise.all(
    platformManifests(index).map(async (descriptor) => {
      const { json } = await registry.getManifest(repository, descriptor.digest);
      if (isImageIndex(json)) return;
      const config = JSON.parse(
        (await registry.getBlob(repository, json.config.digest)).toString('utf8'),
      ) as Partial<Platform>;
      if (config.os && config.architecture) {
        configPlatforms.set(
          descriptor.digest,
          normalizePlatform({
            os: config.os,
            architecture: config.architecture,
            ...(config.variant ? { variant: config.variant } : {}),
          }),
        );
      }
    }),
  );
  return configPlatforms;
}

/** Where one final tag points once publishing ended. */
export interface TagOutcome {
  /** The tag, as a full reference. */
  tag: string;
  /** The digest it resolves to, `nothing`, or `unknown` and why. */
  pointsAt: string;
  /** Why it was not published, when it was not. */
  problem?: string;
}

/** Some final tags were not published: where each tag points, and the one command that finishes the job. */
export class PublishIncompleteError extends Error {
  override name = 'PublishIncompleteError';

  constructor(
    readonly indexDigest: string,
    readonly tags: TagOutcome[],
    /** `docker buildx imagetools create -t … REPO@DIGEST`: a carbon copy of the index under the tags it lacks. */
    readonly command: string,
  ) {
    super(
      `the index ${indexDigest} is not published under every tag:\n` +
        tags.map((outcome) => `  - ${describeOutcome(outcome, indexDigest)}`).join('\n') +
        `\nTo finish publishing, run: ${command}`,
    );
  }
}

/**
 * Points every final tag at the index: the same bytes, so the same digest, under each tag. Every tag is tried and
 * read back (waiting out registries that show a write late), so that a failure leaves no tag unaccounted for: then
 * a PublishIncompleteError says where each tag points and how to finish. A tag that another run has since pointed at
 * its own index is that run's to own: a warning, not a failure, since a tag PUT is atomic and the tag always names
 * one whole index.
 */
export async function publishTags(
  tags: TaggedReference[],
  index: { descriptor: Descriptor; bytes: Buffer },
  registry: RegistryClient,
): Promise<string[]> {
  const digest = index.descriptor.digest;
  const outcomes = await Promise.all(tags.map((tag) => publishTag(tag, index, registry)));
  const unpublished = tags.filter((_, i) => outcomes[i]?.problem !== undefined);
  const [source] = unpublished;
  if (source !== undefined) {
    const targets = unpublished.map((tag) => `-t ${formatReference(tag)}`).join(' ');
    const command = `docker buildx imagetools create ${targets} ${formatName(source)}@${digest}`;
    throw new PublishIncompleteError(digest, outcomes, command);
  }
  return tags.map(formatReference);
}

/**
 * One tag. The transport retries a PUT that failed for a passing reason: the same bytes under the same tag, so a
 * PUT that got through is not harmed by another. Anything but the index or another writer's index under the tag
 * afterwards (nothing, a single image, no answer) is a problem.
 */
async function publishTag(
  tag: TaggedReference,
  index: { descriptor: Descriptor; bytes: Buffer },
  registry: RegistryClient,
): Promise<TagOutcome> {
  const reference = tag.tag;
  const shown = formatReference(tag);
  const digest = index.descriptor.digest;
  try {
    await registry.putManifest(tag, reference, index.bytes, index.descriptor.mediaType);
  } catch (error) {
    return { tag: shown, pointsAt: await pointsAt(tag, registry), problem: `its PUT failed: ${errorMessage(error)}` };
  }
  const found = await registry
    .waitForManifest(tag, reference, digest)
    .catch(() => registry.headManifest(tag, reference))
    .catch((error: unknown) => new Error(errorMessage(error)));
  if (found instanceof Error) {
    return { tag: shown, pointsAt: `unknown (${found.message})`, problem: 'it could not be read back' };
  }
  if (found?.digest === digest) return { tag: shown, pointsAt: digest };
  if (found && INDEX_MEDIA_TYPES.has(found.mediaType)) {
    core.warning(`${shown} was published, then pointed at ${found.digest} by another writer.`);
    return { tag: shown, pointsAt: found.digest };
  }
  return { tag: shown, pointsAt: found?.digest ?? 'nothing', problem: 'it does not resolve to the index' };
}

/** What a tag resolves to, for a message. */
async function pointsAt(tag: TaggedReference, registry: RegistryClient): Promise<string> {
  try {
    return (await registry.headManifest(tag, tag.tag))?.digest ?? 'nothing';
  } catch (error) {
    return `unknown (${errorMessage(error)})`;
  }
}

/** `TAG points at DIGEST (the index)`, or `TAG points at … : not published, PROBLEM`. */
export function describeOutcome(outcome: TagOutcome, indexDigest: string): string {
  const where = `${outcome.tag} points at ${outcome.pointsAt}`;
  if (outcome.problem !== undefined) return `${where}: not published, ${outcome.problem}`;
  return outcome.pointsAt === indexDigest ? `${where} (the index)` : `${where} (another writer's, since)`;
}
