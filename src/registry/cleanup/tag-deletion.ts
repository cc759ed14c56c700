// Deleting a tag without ever deleting the image it points to, nor what another writer put under it. Registries
// disagree on what deleting a tag means: some untag, some delete the manifest behind the tag (and with it every other
// tag of that image), some refuse. So the tag is first pointed at a unique tiny dummy manifest, and only then
// removed, by a means that can reach nothing but the dummy:
//   1. Read the tag (HEAD): when there is none, nothing to do; when the caller expects a digest and the tag points
//      at another, it is left (TagMovedError). A tag known to be there, with nothing expected, is not read, so a
//      dangling tag (listed, resolving to nothing) is removed too.
//   2. Put the dummy under the tag. Its config, with this deleter's random nonce, is uploaded once per repository
//      and shared; the manifest names the tag. So its digest, computed here, belongs to this deleter and this tag.
//   3. ghcr.io has no registry DELETE: delete the dummy's package version through the GitHub Packages API (at the
//      API the runner names), once that API lists the tag, and no other, on it.
//      docker.io has no registry DELETE: delete the tag through the Docker Hub API, each time right after a HEAD
//      showed that it still points at the dummy (that API deletes by name).
//      Any other registry: DELETE the dummy by digest (distribution, Harbor, GitLab, GAR, Quay…); when that is
//      refused as unsupported, DELETE the tag, right after a HEAD showed that it still points at the dummy.
// No write of steps 2 and 3 is sent twice blindly: the transport does not retry them, and before another try the
// tag is read again; a tag another writer moved meanwhile is left as it is (TagMovedError).
// A failure after step 2 leaves the tag on the harmless dummy; the error says so, and how to remove it.
import { randomUUID } from 'node:crypto';
import {
  canonicalRegistry,
  DOCKER_HUB,
  formatName,
  formatReference,
  GHCR,
  isValidTag,
  type ImageName,
} from '../../reference.js';
import type { RegistryClient, RequestOptions } from '../client.js';
import { digestOf } from '../digest.js';
import { DockerHubApi } from './docker-hub.js';
import { dummyConfig, dummyManifest } from './dummy-manifest.js';
import { NotYetVisibleError, RegistryAuthError, RegistryError, refuseProtected } from '../errors.js';
import type { GitHubApiAccess } from '../github-api.js';
import { deleteGhcrPackageVersion } from './github-packages.js';
import type { RetryReason } from '../../retry.js';
import { transientFailure } from '../transient.js';
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
  /**
   * For ghcr.io: the GitHub API the runner names, and a token allowed to delete package versions there (packages:
   * write, or delete:packages).
   */
  github?: GitHubApiAccess;
  /**
   * The tag is known to be there (the registry just listed it, or this run pushed it moments ago): no HEAD is made
   * first, and it is removed even when it resolves to nothing. A tag whose manifest was deleted under it (a race
   * between deletions) stays listed, and only a dummy put under it can remove it.
   */
  present?: boolean;
  /**
   * What the tag must still point at to be deleted (what the caller saw when it chose to delete it). The tag is read
   * right before the dummy would go over it: pointing elsewhere, it is left (TagMovedError); at nothing, 'absent'.
   */
  expectedDigest?: string;
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

  constructor(
    message: string,
    /** What the tag points at now. */
    readonly movedTo: string,
  ) {
    super(message, undefined);
  }
}

/** Every write of a deletion is sent once by the transport: deleteTag reads the tag before it tries again. */
const SENT_ONCE: RequestOptions = { retry: false };

/** One deletion under way: the tag, its dummy, and what the tag pointed at before. */
interface Deletion {
  name: ImageName;
  tag: string;
  /** The tag as a full reference. */
  reference: string;
  dummy: Buffer;
  dummyDigest: string;
  /** What the tag pointed at before the dummy, when known: the only manifest the dummy may be put over. */
  seen: string | undefined;
}

/** Where the tag of a deletion points now: at its dummy, at nothing, or at a manifest someone else put there. */
type TagState = 'dummy' | 'gone' | { movedTo: string };

/** Deletes tags through one registry client, with dummies of its own (see the top of this file). */
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
   * at the dummy, a TagMovedError when another writer moved it) says what was left and how to remove it.
   */
  async deleteTag(name: ImageName, tag: string, options: DeleteTagOptions = {}): Promise<TagDeletion> {
    if (!isValidTag(tag)) throw new Error(`cannot delete tag "${tag}" of ${formatName(name)}: not a valid tag`);
    const reference = formatReference({ ...name, tag });
    const dummy = dummyManifest(this.#config, reference);
    // The only digest deleted below: computed from the dummy's bytes (putManifest checks that the registry agrees),
    // so the image the tag pointed to before cannot be the one deleted.
    const deletion: Deletion = { name, tag, reference, dummy, dummyDigest: digestOf(dummy), seen: undefined };
    const expected = options.expectedDigest;
    if (expected === undefined && !options.present) {
      deletion.seen = (await this.#store.headManifest(name, tag))?.digest;
      if (deletion.seen === undefined) return 'absent';
    }
    await this.#uploadConfig(name);
    if (expected !== undefined) {
      // Read after the config upload, which may take a while: right before the dummy goes over it.
      const current = (await this.#store.headManifest(name, tag))?.digest;
      if (current === undefined) return 'absent';
      deletion.seen = expected;
      if (current !== expected) throw moved(deletion, current, expected);
    }
    await this.#putDummy(deletion);
    const protectedDigests = options.protectedDigests ?? new Set<string>();
    try {
      refuseProtected(deletion.dummyDigest, protectedDigests);
      return await this.#removeDummy(deletion, { ...options, protectedDigests });
    } catch (error) {
      if (!(error instanceof RegistryError) || error instanceof TagMovedError) throw error;
      throw new DummyManifestNotDeletedError(
        `could not delete tag ${reference}: ${error.message}. The tag now points at a harmless dummy manifest ` +
          `${deletion.dummyDigest} (no layers), not at any image. To remove it, ` +
          `${removalAdvice(name, tag, deletion.dummyDigest)}.`,
        error,
        reference,
        deletion.dummyDigest,
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

  /**
   * Puts the dummy under the tag. A PUT that failed for a passing reason may have got through: before the next try
   * the tag is read, and the dummy goes only over nothing or over what the tag pointed at before. A tag known present
   * but not read points, the first time it is read, at what it pointed at before: no one else writes it.
   * MANIFEST_BLOB_UNKNOWN for the config uploaded just before passes too: distribution rewrites a blob's link in
   * place when the same blob is uploaded again (the same repository under another host name, say), and a manifest
   * checked meanwhile finds no link.
   */
  async #putDummy(deletion: Deletion): Promise<void> {
    let attempts = 0;
    await this.#transport.retrying(
      async () => {
        if (attempts++ > 0) {
          const state = await this.#tagState(deletion);
          if (state === 'dummy') return;
          if (state !== 'gone') {
            deletion.seen ??= state.movedTo;
            if (state.movedTo !== deletion.seen) throw moved(deletion, state.movedTo, deletion.seen);
          }
        }
        await this.#store.putManifest(deletion.name, deletion.tag, deletion.dummy, MediaType.ociManifest, SENT_ONCE);
      },
      (error) => transientFailure(error) || isManifestBlobUnknown(error),
    );
  }

  async #removeDummy(
    deletion: Deletion,
    options: DeleteTagOptions & { protectedDigests: ReadonlySet<string> },
  ): Promise<TagDeletion> {
    const { name, tag, dummyDigest } = deletion;
    if (canonicalRegistry(name.registry) === GHCR) {
      const github = options.github;
      if (github === undefined || github.token === '') {
        throw new RegistryError('ghcr.io has no registry DELETE, and no GitHub token was given for its API', undefined);
      }
      await this.#removeWhileOnDummy(deletion, false, () =>
        deleteGhcrPackageVersion(
          this.#transport,
          name,
          { tag, digest: dummyDigest },
          { github, protectedDigests: options.protectedDigests },
        ),
      );
      return 'github-package-version';
    }
    if (canonicalRegistry(name.registry) === DOCKER_HUB) {
      // The Hub API deletes by name, and knows a tag a little after the registry does (NotYetVisibleError).
      await this.#removeWhileOnDummy(
        deletion,
        true,
        () => this.#dockerHub.deleteTag(name, tag),
        (error) => transientFailure(error) || error instanceof NotYetVisibleError,
      );
      return 'docker-hub-api';
    }
    return this.#deleteWithRegistryApi(deletion);
  }

  async #deleteWithRegistryApi(deletion: Deletion): Promise<TagDeletion> {
    const { name, tag } = deletion;
    let refusal: RegistryError;
    try {
      await this.#deleteDummyByDigest(deletion);
      return 'dummy-digest-delete';
    } catch (error) {
      if (!isRefusedAsUnsupported(error)) throw error;
      refusal = error;
    }
    try {
      // Whatever the registry deletes along with the tag can only be the dummy, as long as the tag points at it.
      await this.#removeWhileOnDummy(deletion, true, async () => {
        await this.#transport.request({
          action: `delete tag ${deletion.reference}`,
          method: 'DELETE',
          ...repositoryTarget(name, 'delete', `manifests/${tag}`),
          expect: [200, 202, 204],
          ...SENT_ONCE,
        });
      });
    } catch (error) {
      if (!(error instanceof RegistryError) || error instanceof TagMovedError) throw error;
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

  /**
   * DELETE of the dummy by digest. One that failed may have got through, or half-way (see isManifestUnknown): before
   * the next try the tag is read; on the dummy, the DELETE is sent again; at nothing, the same dummy is put back
   * under it first (over nothing), which ends both cases cleanly; moved, it is left.
   */
  async #deleteDummyByDigest(deletion: Deletion): Promise<void> {
    const { name, tag, dummy, dummyDigest } = deletion;
    let attempts = 0;
    await this.#transport.retrying(
      async () => {
        if (attempts++ > 0) {
          const state = await this.#tagState(deletion);
          if (typeof state === 'object') throw moved(deletion, state.movedTo, deletion.dummyDigest);
          if (state === 'gone') await this.#store.putManifest(name, tag, dummy, MediaType.ociManifest, SENT_ONCE);
        }
        await this.#store.deleteManifest(name, dummyDigest, SENT_ONCE);
      },
      (error) => transientFailure(error) || isManifestUnknown(error),
    );
  }

  /**
   * Runs `remove` (one request) until it gets through. Before each further try, and before the first when
   * `checkFirst` (a removal by name, which reaches whatever the tag points at), the tag must still be on the dummy:
   * at nothing, an earlier try got through; moved, it is left.
   */
  async #removeWhileOnDummy(
    deletion: Deletion,
    checkFirst: boolean,
    remove: () => Promise<void>,
    isRetryable?: (error: unknown) => boolean | RetryReason,
  ): Promise<void> {
    let attempts = 0;
    await this.#transport.retrying(async () => {
      if (attempts++ > 0 || checkFirst) {
        const state = await this.#tagState(deletion);
        if (state === 'gone') return;
        if (state !== 'dummy') throw moved(deletion, state.movedTo, deletion.dummyDigest);
      }
      await remove();
    }, isRetryable);
  }

  /**
   * One HEAD, retried on its own like any read: a read that failed changes nothing, so it must not use up the
   * attempts of the write sequence it starts (with each attempt a HEAD and a write, a registry failing one request in
   * five failed a sequence's seven attempts about once in two thousand deletions).
   */
  async #tagState(deletion: Deletion): Promise<TagState> {
    const current = await this.#store.headManifest(deletion.name, deletion.tag);
    if (current === undefined) return 'gone';
    return current.digest === deletion.dummyDigest ? 'dummy' : { movedTo: current.digest };
  }
}

/** The tag points at `movedTo` where this deletion left it at `left` (what it pointed at before, or the dummy). */
function moved(deletion: Deletion, movedTo: string, left: string): TagMovedError {
  const what = left === deletion.dummyDigest ? `the dummy ${left} put under it` : left;
  return new TagMovedError(
    `could not delete tag ${deletion.reference}: another writer moved it meanwhile (it points at ${movedTo}, not at ` +
      `${what}): it is left as it is`,
    movedTo,
  );
}

/** A manifest refused because the registry does not know a blob it names (see #putDummy). */
function isManifestBlobUnknown(error: unknown): boolean {
  return error instanceof RegistryError && error.status === 400 && error.codes.includes('MANIFEST_BLOB_UNKNOWN');
}

/**
 * A DELETE of the dummy answering 404 means an earlier try got through (its answer lost), or got half-way:
 * distribution may remove the dummy's revision but not yet the tag, leaving the tag listed and resolving to
 * nothing. Putting the same dummy bytes back under the tag (which a HEAD shows at nothing) and deleting them once
 * more ends both cases cleanly.
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
  if (canonicalRegistry(name.registry) === GHCR) {
    return (
      `delete the package version ${dummyDigest} of ${GHCR}/${name.repository} on github.com (in the package's ` +
      'settings), or give the action a github-token that may delete package versions (permissions: packages: write)'
    );
  }
  if (canonicalRegistry(name.registry) === DOCKER_HUB) {
    return `delete the tag ${tag} on https://hub.docker.com/repository/docker/${name.repository}/tags`;
  }
  return (
    `delete the manifest ${dummyDigest} (DELETE /v2/${name.repository}/manifests/${dummyDigest}; a distribution ` +
    'registry needs storage.delete.enabled: true) or the tag, with the registry’s own tools'
  );
}
