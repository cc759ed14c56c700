// Deleting a tag without ever deleting the image it points to. Registries disagree on what deleting a tag means:
// some untag, some delete the manifest behind the tag (and with it every other tag of that image), some refuse.
// So the tag is first pointed at a unique tiny dummy manifest, and only then removed, by a means that can reach
// nothing but the dummy:
//   1. HEAD the tag: when there is none, nothing to do (unless it is known to be there: no HEAD then, and a
//      dangling tag is removed too).
//   2. Put the dummy under the tag. Its config, with this deleter's random nonce, is uploaded once per repository
//      and shared; the manifest names the tag. So its digest, computed here, belongs to this deleter and this tag.
//   3. ghcr.io has no registry DELETE: delete the dummy's package version through the GitHub Packages API.
//      docker.io has no registry DELETE: delete the tag through the Docker Hub API.
//      Any other registry: DELETE the dummy by digest (distribution, Harbor, GitLab, GAR, Quay…); when that is
//      refused as unsupported, DELETE the tag, once a HEAD shows that it still points at the dummy.
// A failure after step 2 leaves the tag on the harmless dummy; the error says so, and how to remove it.
import { randomUUID } from 'node:crypto';
import { DOCKER_HUB, formatName, formatReference, isValidTag, type ImageName } from '../../reference.js';
import type { RegistryClient } from '../client.js';
import { DockerHubApi } from './docker-hub.js';
import { dummyConfig, dummyManifest } from './dummy-manifest.js';
import { RegistryAuthError, RegistryError, refuseProtected } from '../errors.js';
import { GHCR, deleteGhcrPackageVersion } from './github-packages.js';
import { repositoryTarget, type Transport } from '../transport.js';
import { MediaType } from '../types.js';

/** How deleteTag removed the tag. */
export type TagDeletion =
  /** There was no such tag. */
  | 'absent'
  /** The tag was pointed at a dummy, which was deleted by digest. */
  | 'dummy-digest-delete'
  /** The tag was pointed at a dummy, then deleted (the registry refused to delete the dummy by digest). */
  | 'dummy-tag-delete'
  /** ghcr.io: the tag was pointed at a dummy, whose package version was deleted through the GitHub API. */
  | 'github-package-version'
  /** docker.io: the tag was pointed at a dummy, then deleted through the Docker Hub API. */
  | 'docker-hub-api';

export interface DeleteTagOptions {
  /**
   * Digests that must survive: the published index and every manifest it references. deleteTag only ever deletes
   * the dummy it just made, and refuses, with an error, to delete any of these, whatever a registry answers.
   */
  protectedDigests?: ReadonlySet<string>;
  /** For ghcr.io: a GitHub token allowed to delete package versions (packages: write, or delete:packages). */
  githubToken?: string;
  /**
   * The tag is known to be there (the registry just listed it, or this run pushed it moments ago): no HEAD is made
   * first, and it is removed even when it resolves to nothing. A tag whose manifest was deleted under it (a race
   * between deletions) stays listed, and only a dummy put under it can remove it.
   */
  present?: boolean;
}

/** deleteTag put a dummy under the tag but could not remove it: the tag now points at that dummy. */
export class DummyManifestNotDeletedError extends RegistryError {
  override name = 'DummyManifestNotDeletedError';

  constructor(
    message: string,
    cause: RegistryError,
    /** The tag left behind, as a full reference. */
    readonly tag: string,
    /** The digest of the dummy manifest the tag now points at. */
    readonly dummyDigest: string,
  ) {
    super(message, cause.status, cause.codes, { cause });
  }
}

/** Someone else put another manifest under the tag while it was being deleted: it is not ours to delete. */
export class TagMovedError extends RegistryError {
  override name = 'TagMovedError';
}

/** What the deletion is built from: the client's own manifest and blob operations. */
export class TagDeleter {
  readonly #store: RegistryClient;
  readonly #transport: Transport;
  readonly #dockerHub: DockerHubApi;
  /** Every dummy's config holds this deleter's random nonce, so each dummy is this deleter's own. */
  readonly #config = dummyConfig(randomUUID());
  /** The upload of #config to each repository (by name), started once and awaited by every deletion there. */
  readonly #configUploads = new Map<string, Promise<unknown>>();

  constructor(client: RegistryClient) {
    this.#store = client;
    this.#transport = client.transport;
    this.#dockerHub = new DockerHubApi(client.transport);
  }

  /**
   * Removes a tag without ever deleting the image it points to. Returns how it was removed ('absent' when there
   * was no such tag). When the tag cannot be removed, the error (a DummyManifestNotDeletedError once the tag points
   * at the dummy) says what was left and how to remove it.
   */
  async deleteTag(name: ImageName, tag: string, options: DeleteTagOptions = {}): Promise<TagDeletion> {
    if (!isValidTag(tag)) throw new Error(`cannot delete tag "${tag}" of ${formatName(name)}: not a valid tag`);
    if (!options.present && (await this.#store.headManifest(name, tag)) === undefined) return 'absent';
    const reference = formatReference({ ...name, tag });
    const protectedDigests = options.protectedDigests ?? new Set<string>();

    const manifest = dummyManifest(this.#config, reference);
    await this.#uploadConfig(name);
    // The only digest deleted below: computed from the dummy's bytes (putManifest checks that the registry
    // agrees), so the image the tag pointed to before cannot be the one deleted.
    const dummyDigest = await this.#store.putManifest(name, tag, manifest, MediaType.ociManifest);
    try {
      refuseProtected(dummyDigest, protectedDigests);
      const repoint = async (): Promise<void> => {
        await this.#store.putManifest(name, tag, manifest, MediaType.ociManifest);
      };
      return await this.#removeDummy(name, tag, dummyDigest, { ...options, protectedDigests }, repoint);
    } catch (error) {
      if (!(error instanceof RegistryError) || error instanceof TagMovedError) throw error;
      throw new DummyManifestNotDeletedError(
        `could not delete tag ${reference}: ${error.message}. The tag now points at a harmless dummy manifest ` +
          `${dummyDigest} (no layers), not at any image. To remove it, ${removalAdvice(name, tag, dummyDigest)}.`,
        error,
        reference,
        dummyDigest,
      );
    }
  }

  /**
   * The config's upload to the repository, shared by every deletion there. A failed upload (already retried by
   * uploadBlob) fails the deletions awaiting it with its error, before any dummy is put, and is then forgotten:
   * the next deletion in that repository uploads again.
   */
  #uploadConfig(name: ImageName): Promise<unknown> {
    const key = formatName(name);
    const known = this.#configUploads.get(key);
    if (known !== undefined) return known;
    const upload = this.#store.uploadBlob(name, this.#config, MediaType.ociConfig);
    this.#configUploads.set(key, upload);
    upload.catch(() => this.#configUploads.delete(key));
    return upload;
  }

  async #removeDummy(
    name: ImageName,
    tag: string,
    dummyDigest: string,
    options: DeleteTagOptions & { protectedDigests: ReadonlySet<string> },
    repoint: () => Promise<void>,
  ): Promise<TagDeletion> {
    if (name.registry === GHCR) {
      if (options.githubToken === undefined || options.githubToken === '') {
        throw new RegistryError('ghcr.io has no registry DELETE, and no GitHub token was given for its API', undefined);
      }
      await deleteGhcrPackageVersion(this.#transport, name, dummyDigest, {
        token: options.githubToken,
        protectedDigests: options.protectedDigests,
      });
      return 'github-package-version';
    }
    if (name.registry === DOCKER_HUB) {
      await this.#dockerHub.deleteTag(name, tag);
      return 'docker-hub-api';
    }
    return this.#deleteWithRegistryApi(name, tag, dummyDigest, repoint);
  }

  async #deleteWithRegistryApi(
    name: ImageName,
    tag: string,
    dummyDigest: string,
    repoint: () => Promise<void>,
  ): Promise<TagDeletion> {
    let refusal: RegistryError;
    try {
      await this.#deleteDummy(name, dummyDigest, repoint);
      return 'dummy-digest-delete';
    } catch (error) {
      if (!isRefusedAsUnsupported(error)) throw error;
      refusal = error;
    }
    // Whatever the registry deletes along with the tag can only be the dummy, as long as the tag points at it.
    const current = await this.#store.headManifest(name, tag);
    if (current === undefined) return 'absent';
    if (current.digest !== dummyDigest) {
      throw new TagMovedError(
        `could not delete tag ${formatReference({ ...name, tag })}: the registry refused to delete the dummy put ` +
          `under it by digest (${refusal.message}), and meanwhile the tag was moved to ${current.digest}, by ` +
          'another writer: it is left as it is',
        undefined,
      );
    }
    try {
      await this.#transport.request({
        action: `delete tag ${formatReference({ ...name, tag })}`,
        method: 'DELETE',
        ...repositoryTarget(name, 'delete', `manifests/${tag}`),
        expect: [200, 202, 204],
      });
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      throw new RegistryError(
        `the registry refused both to delete the dummy by digest (${refusal.message}) and to delete the tag ` +
          `(${error.message})`,
        error.status,
        error.codes,
        { cause: error },
      );
    }
    return 'dummy-tag-delete';
  }

  async #deleteDummy(name: ImageName, dummyDigest: string, repoint: () => Promise<void>): Promise<void> {
    try {
      await this.#store.deleteManifest(name, dummyDigest);
    } catch (error) {
      if (!isManifestUnknown(error)) throw error;
      await repoint();
      await this.#store.deleteManifest(name, dummyDigest);
    }
  }
}

/**
 * A DELETE of the dummy answering 404 means an earlier try got through (its answer lost), or got half-way:
 * distribution may remove the dummy's revision but not yet the tag, leaving the tag listed and resolving to
 * nothing. Putting the same dummy bytes back under the tag and deleting them once more ends both cases cleanly.
 */
function isManifestUnknown(error: unknown): boolean {
  return error instanceof RegistryError && error.status === 404;
}

/**
 * How registries without a DELETE by digest refuse it: 405 (distribution with deletes disabled, GHCR, Docker Hub)
 * or UNSUPPORTED, and 400 from some. Not an authentication failure: that one is reported as it is.
 */
function isRefusedAsUnsupported(error: unknown): error is RegistryError {
  return (
    error instanceof RegistryError &&
    !(error instanceof RegistryAuthError) &&
    (error.status === 400 || error.status === 405 || error.codes.includes('UNSUPPORTED'))
  );
}

/** What a person can do about a tag left on a dummy, in this registry. */
function removalAdvice(name: ImageName, tag: string, dummyDigest: string): string {
  if (name.registry === GHCR) {
    return (
      `delete the package version ${dummyDigest} of ${GHCR}/${name.repository} on github.com (in the package's ` +
      'settings), or give the action a github-token that may delete package versions (permissions: packages: write)'
    );
  }
  if (name.registry === DOCKER_HUB) {
    return `delete the tag ${tag} on https://hub.docker.com/repository/docker/${name.repository}/tags`;
  }
  return (
    `delete the manifest ${dummyDigest} (DELETE /v2/${name.repository}/manifests/${dummyDigest}; a distribution ` +
    'registry needs storage.delete.enabled: true) or the tag, with the registry’s own tools'
  );
}
