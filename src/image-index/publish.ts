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

/**
 * What the final tags will point at. `buildx-index`: the index one build pushed, unchanged (one export wrote it and
 * its images' configs together). `assembled-index`: one this action made over the builds' images. `manifest`: one
 * platform with nothing to attach (no attestation, no index annotation), published as the image manifest itself, as
 * build-push-action publishes it: consumers such as AWS Lambda refuse an index.
 */
export interface PushedIndex {
  kind: 'buildx-index' | 'assembled-index' | 'manifest';
  descriptor: Descriptor;
  bytes: Buffer;
  /** Its images by platform: the index itself, or a one-entry listing of the manifest (never pushed). */
  index: ImageIndex;
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
 * What to publish: the manifest itself (one platform, nothing to attach), the index buildx pushed (its bytes, so its
 * digest, unchanged) when one build made an index and no index annotation is to be added, else an index assembled
 * from the pushed manifests. Either way it ends up in every repository by digest, untagged.
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
  const noAnnotations = Object.keys(plan.indexAnnotations).length === 0;
  if (only !== undefined && pushed.length === 1 && noAnnotations) {
    const { result, bytes } = only;
    // buildx pushed it to every repository already.
    if (!isImageIndex(result.manifest) && result.platforms.length === 1) {
      return { kind: 'manifest', descriptor: result.descriptor, bytes, index: assembleIndex([result], {}) };
    }
    if (INDEX_MEDIA_TYPES.has(result.descriptor.mediaType)) {
      const index = JSON.parse(bytes.toString('utf8')) as ImageIndex;
      return { kind: 'buildx-index', descriptor: result.descriptor, bytes, index };
    }
  }
  const index = assembleIndex(
    pushed.map((p) => p.result),
    plan.indexAnnotations,
  );
  const bytes = serializeIndex(index);
  const descriptor: Descriptor = { mediaType: MediaType.ociIndex, digest: digestOf(bytes), size: bytes.length };
  await Promise.all(
    plan.repositories.map((repository) =>
      registry.putManifest(repository, descriptor.digest, bytes, descriptor.mediaType),
    ),
  );
  return { kind: 'assembled-index', descriptor, index, bytes };
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
  const configPlatforms =
    pushed.kind === 'buildx-index'
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
 * its own image is that run's to own: a warning, not a failure, since a tag PUT is atomic and the tag always names
 * one whole image.
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

/** A tag PUT whose read-back still shows the tag's previous image is tried this many times in all. */
const PUT_ATTEMPTS = 2;
/** A tag whose previous image could not be read before the PUT. */
const UNREAD = Symbol('unread');

/**
 * One tag, read before the PUT so that a read-back can tell a PUT that did not take (the previous image still
 * shown, as a lagging replica or a cache in front of the registry shows it) from another writer's image (a third
 * digest). The transport retries a PUT that failed for a passing reason: the same bytes under the same tag, so a
 * PUT that got through is not harmed by another. Where the previous image could not be read, nothing but the index
 * counts as published.
 */
async function publishTag(
  tag: TaggedReference,
  index: { descriptor: Descriptor; bytes: Buffer },
  registry: RegistryClient,
): Promise<TagOutcome> {
  const reference = tag.tag;
  const shown = formatReference(tag);
  const digest = index.descriptor.digest;
  const before = await registry.headManifest(tag, reference).then(
    (found) => found?.digest,
    () => UNREAD,
  );
  for (let attempt = 1; ; attempt++) {
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
    if (found !== undefined && before !== UNREAD && found.digest !== before) {
      core.warning(`${shown} was published, then pointed at ${found.digest} by another writer.`);
      return { tag: shown, pointsAt: found.digest };
    }
    if (attempt < PUT_ATTEMPTS) continue;
    const problem =
      found === undefined
        ? 'it resolves to nothing after the PUT'
        : before === UNREAD
          ? 'it does not resolve to the index, and what it pointed at before could not be read'
          : 'it still points at its previous image after the PUT';
    return { tag: shown, pointsAt: found?.digest ?? 'nothing', problem };
  }
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
