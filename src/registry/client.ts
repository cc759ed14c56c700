// A small client of the OCI Distribution API (https://github.com/opencontainers/distribution-spec): manifests,
// blobs and tags of one registry repository at a time, with Docker's authentication (auth.ts). Every request goes
// through #request, which picks the URL, authenticates, follows redirects and turns refusals into RegistryErrors.
import { randomUUID } from 'node:crypto';

import { DOCKER_HUB, formatName, formatReference, isDigest, isValidTag, type ImageName } from '../reference.js';
import { RegistryAuth } from './auth.js';
import type { CredentialSource } from './credentials.js';
import { digestLike, digestOf } from './digest.js';
import { dummyImage } from './dummy-manifest.js';
import { RegistryAuthError, RegistryError, displayUrl, unexpectedResponseError } from './errors.js';
import { discardBody, sendHttp, type Fetch } from './http.js';
import {
  MANIFEST_MEDIA_TYPES,
  MediaType,
  isImageIndex,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  type Manifest,
} from './types.js';

export interface RegistryClientOptions {
  credentials: CredentialSource;
  fetch?: Fetch;
  /** Called once for each password or token the client sends (the action masks them with core.setSecret). */
  onSecret?: (secret: string) => void;
  userAgent?: string;
}

export interface FetchedManifest {
  /** The digest is computed here from the bytes (and checked against the one asked for). */
  descriptor: Descriptor;
  /** Exactly as the registry sent them: the digest is of these bytes, not of a re-serialization of `json`. */
  bytes: Buffer;
  json: Manifest;
}

/** How deleteTag removed a tag: it was not there, the registry deleted the tag, or the dummy-manifest trick. */
export type TagDeletion = 'absent' | 'tag-delete' | 'dummy-manifest';

/** deleteTag put a dummy under the tag but could not delete the dummy: the tag now points at it. */
export class DummyManifestNotDeletedError extends RegistryError {
  override name = 'DummyManifestNotDeletedError';

  constructor(
    message: string,
    cause: RegistryError,
    /** The digest of the dummy manifest the tag now points at; deleting it (e.g. via the GHCR API) deletes the tag. */
    readonly dummyDigest: string,
  ) {
    super(message, cause.status, cause.codes, { cause });
  }
}

/** What a request needs to be allowed to do, as token scope actions. */
type Access = 'pull' | 'push' | 'delete';
// A push also reads (HEAD before upload), so it asks for both and one token serves the whole push.
const SCOPE_ACTIONS: Record<Access, string> = { pull: 'pull', push: 'pull,push', delete: 'delete' };

interface Call {
  /** What we were doing, for errors: `could not ${action}: …`. */
  action: string;
  name: ImageName;
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** A path under /v2/<repository>/, or a URL the registry gave us (an upload location, the next page). */
  target: string | URL;
  access: Access;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** The statuses the caller handles; any other is a RegistryError. */
  expect: readonly number[];
}

const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
// Docker Hub's registry API is not on docker.io itself.
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
/** Asked for; registries may send fewer per page (and then a Link to the next page). */
const TAGS_PAGE_SIZE = 1000;

export class RegistryClient {
  readonly #auth: RegistryAuth;
  readonly #fetch: Fetch;
  readonly #userAgent: string;

  constructor(options: RegistryClientOptions) {
    this.#fetch = options.fetch ?? fetch;
    this.#userAgent = options.userAgent ?? 'multiarch-build';
    this.#auth = new RegistryAuth({
      credentials: options.credentials,
      fetch: this.#fetch,
      onSecret: options.onSecret ?? (() => undefined),
      userAgent: this.#userAgent,
    });
  }

  /** An index or image manifest by tag or digest; by digest, the bytes are checked against it. */
  async getManifest(name: ImageName, reference: string): Promise<FetchedManifest> {
    const action = `get manifest ${describe(name, reference)}`;
    const { response } = await this.#request({
      action,
      name,
      method: 'GET',
      target: `manifests/${checkedReference(reference)}`,
      access: 'pull',
      headers: { Accept: MANIFEST_ACCEPT },
      expect: [200],
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (isDigest(reference)) checkDigest(action, bytes, reference, 'the digest asked for');
    checkDigest(action, bytes, response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
    const digest = isDigest(reference) ? reference : digestOf(bytes);
    const json = parseManifest(action, bytes);
    // The registry's Content-Type is the manifest's type when it is one we asked for; else the JSON says.
    const mediaType =
      [contentType(response), json.mediaType].find(
        (type) => type !== undefined && MANIFEST_MEDIA_TYPES.includes(type),
      ) ?? (isImageIndex(json) ? MediaType.ociIndex : MediaType.ociManifest);
    return { descriptor: { mediaType, digest, size: bytes.length }, bytes, json };
  }

  /** The descriptor of a manifest without its bytes, or undefined when there is no such manifest. */
  async headManifest(name: ImageName, reference: string): Promise<Descriptor | undefined> {
    const { response } = await this.#request({
      action: `check manifest ${describe(name, reference)}`,
      name,
      method: 'HEAD',
      target: `manifests/${checkedReference(reference)}`,
      access: 'pull',
      headers: { Accept: MANIFEST_ACCEPT },
      expect: [200, 404],
    });
    await discardBody(response);
    if (response.status === 404) return undefined;
    const digest = isDigest(reference) ? reference : response.headers.get('docker-content-digest');
    const mediaType = contentType(response);
    const size = Number(response.headers.get('content-length') ?? NaN);
    if (digest !== null && isDigest(digest) && mediaType !== undefined && Number.isSafeInteger(size) && size > 0) {
      return { mediaType, digest, size };
    }
    // Not every registry describes the manifest in a HEAD answer; the manifest itself does.
    return (await this.getManifest(name, reference)).descriptor;
  }

  /** Puts a manifest under a tag, or untagged under its digest; returns its digest (computed here). */
  async putManifest(name: ImageName, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const action = `put manifest ${describe(name, reference)}`;
    if (isDigest(reference)) checkDigest(action, bytes, reference, 'the digest to put it under');
    const digest = isDigest(reference) ? reference : digestOf(bytes);
    const { response } = await this.#request({
      action,
      name,
      method: 'PUT',
      target: `manifests/${checkedReference(reference)}`,
      access: 'push',
      headers: { 'Content-Type': mediaType },
      body: bytes,
      expect: [201],
    });
    await discardBody(response);
    checkDigest(action, bytes, response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
    return digest;
  }

  async deleteManifest(name: ImageName, digest: string): Promise<void> {
    if (!isDigest(digest)) throw new Error(`cannot delete manifest "${digest}" of ${formatName(name)}: not a digest`);
    const { response } = await this.#request({
      action: `delete manifest ${describe(name, digest)}`,
      name,
      method: 'DELETE',
      target: `manifests/${digest}`,
      access: 'delete',
      expect: [200, 202, 204],
    });
    await discardBody(response);
  }

  /** Every tag of the repository, page by page; none when the repository does not exist. */
  async listTags(name: ImageName): Promise<string[]> {
    const action = `list the tags of ${formatName(name)}`;
    const tags: string[] = [];
    const visited = new Set<string>();
    let target: string | URL = `tags/list?n=${TAGS_PAGE_SIZE}`;
    for (;;) {
      const { response, url } = await this.#request({
        action,
        name,
        method: 'GET',
        target,
        access: 'pull',
        expect: visited.size === 0 ? [200, 404] : [200],
      });
      if (response.status === 404) {
        await discardBody(response);
        return [];
      }
      tags.push(...parseTagList(action, await response.text()));
      visited.add(url.href);
      const next = nextPage(response.headers.get('link'), url);
      if (next === undefined) return tags;
      // The next page must be on the same registry (it gets our token) and new (a loop would never end).
      if (next.origin !== url.origin || visited.has(next.href)) {
        throw new RegistryError(
          `could not ${action}: GET ${displayUrl(url)} links to ${displayUrl(next)} as next page`,
          200,
        );
      }
      target = next;
    }
  }

  /** A whole blob in memory (meant for configs and other small blobs), checked against its digest. */
  async getBlob(name: ImageName, digest: string): Promise<Buffer> {
    if (!isDigest(digest)) throw new Error(`cannot get blob "${digest}" of ${formatName(name)}: not a digest`);
    const action = `get blob ${describe(name, digest)}`;
    const { response } = await this.#request({
      action,
      name,
      method: 'GET',
      target: `blobs/${digest}`,
      access: 'pull',
      expect: [200],
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    checkDigest(action, bytes, digest, 'the digest asked for');
    return bytes;
  }

  /** Uploads a blob unless the repository has it already: one POST to start, one PUT with all the bytes. */
  async pushBlob(name: ImageName, bytes: Buffer, mediaType: string = MediaType.octetStream): Promise<Descriptor> {
    const descriptor: Descriptor = { mediaType, digest: digestOf(bytes), size: bytes.length };
    const where = describe(name, descriptor.digest);
    const existing = await this.#request({
      action: `check blob ${where}`,
      name,
      method: 'HEAD',
      target: `blobs/${descriptor.digest}`,
      access: 'push',
      expect: [200, 404],
    });
    await discardBody(existing.response);
    if (existing.response.status === 200) return descriptor;

    const started = await this.#request({
      action: `start the upload of blob ${where}`,
      name,
      method: 'POST',
      target: 'blobs/uploads/',
      access: 'push',
      expect: [202],
    });
    await discardBody(started.response);
    const location = started.response.headers.get('location');
    if (location === null) {
      throw new RegistryError(
        `could not start the upload of blob ${where}: POST ${displayUrl(started.url)} answered 202 without a Location`,
        202,
      );
    }
    const action = `upload blob ${where}`;
    const finished = await this.#request({
      action,
      name,
      method: 'PUT',
      // The location may be relative, and may carry the registry's own query parameters (upload state).
      target: withQueryParameter(new URL(location, started.url), 'digest', descriptor.digest),
      access: 'push',
      headers: { 'Content-Type': MediaType.octetStream },
      body: bytes,
      expect: [201],
    });
    await discardBody(finished.response);
    checkDigest(
      action,
      bytes,
      finished.response.headers.get('docker-content-digest'),
      'the registry’s Docker-Content-Digest',
    );
    return descriptor;
  }

  /**
   * Removes a tag without ever deleting the image it points to. First the tag DELETE of the OCI spec; when the
   * registry has none (400, 405 or UNSUPPORTED), the dummy-manifest trick: put a new tiny manifest under the tag,
   * then delete that manifest by the digest computed here from its bytes.
   */
  async deleteTag(name: ImageName, tag: string): Promise<TagDeletion> {
    if (!isValidTag(tag)) throw new Error(`cannot delete tag "${tag}" of ${formatName(name)}: not a valid tag`);
    let refusal: RegistryError;
    try {
      const { response } = await this.#request({
        action: `delete tag ${formatReference({ ...name, tag })}`,
        name,
        method: 'DELETE',
        target: `manifests/${tag}`,
        access: 'delete',
        expect: [200, 202, 204, 404],
      });
      await discardBody(response);
      return response.status === 404 ? 'absent' : 'tag-delete';
    } catch (error) {
      if (!isTagDeleteUnsupported(error)) throw error;
      refusal = error;
    }
    // Such registries also answer 400 for a tag that does not exist; a dummy would only create it for a moment.
    if ((await this.headManifest(name, tag)) === undefined) return 'absent';
    await this.#deleteTagWithDummy(name, tag, refusal);
    return 'dummy-manifest';
  }

  async #deleteTagWithDummy(name: ImageName, tag: string, refusal: RegistryError): Promise<void> {
    const reference = formatReference({ ...name, tag });
    const dummy = dummyImage(reference, randomUUID());
    await this.pushBlob(name, dummy.config, MediaType.ociConfig);
    // The only digest this method deletes: computed from the dummy's bytes (putManifest checks the registry agrees),
    // so the image the tag pointed to before can never be the one deleted.
    const dummyDigest = await this.putManifest(name, tag, dummy.manifest, MediaType.ociManifest);
    try {
      await this.deleteManifest(name, dummyDigest);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      const refused = [refusal.status, ...refusal.codes].join(' ');
      throw new DummyManifestNotDeletedError(
        `could not delete tag ${reference}: the registry has no tag delete (it answered ${refused}), so the tag was ` +
          `pointed at a dummy manifest ${dummyDigest} to delete by digest, but ${error.message}. The tag now points at ` +
          'that harmless dummy (no layers), not at any image. Delete the dummy with the registry’s own tools to remove ' +
          'the tag: a distribution registry needs storage.delete.enabled: true; on ghcr.io, delete its package ' +
          'version through the GitHub Packages API.',
        error,
        dummyDigest,
      );
    }
  }

  /**
   * The one place that sends requests. Requests to the registry's own origin are authenticated; an upload location
   * or redirect on another host (blob storage) is sent without credentials. GET and HEAD follow redirects.
   */
  async #request(call: Call): Promise<{ response: Response; url: URL }> {
    const base = registryUrl(call.name.registry);
    let url =
      typeof call.target === 'string' ? new URL(`v2/${call.name.repository}/${call.target}`, base) : call.target;
    const headers = { 'User-Agent': this.#userAgent, ...call.headers };
    for (let redirects = 0; ; redirects++) {
      const request = { method: call.method, url, headers, body: call.body };
      const onRegistry = url.origin === base.origin;
      const response = onRegistry
        ? await this.#auth.send({
            ...request,
            registry: call.name.registry,
            scope: `repository:${call.name.repository}:${SCOPE_ACTIONS[call.access]}`,
          })
        : await sendHttp(this.#fetch, request);
      if (call.expect.includes(response.status)) return { response, url };

      const location = response.headers.get('location');
      const follows = call.method === 'GET' || call.method === 'HEAD';
      if (follows && REDIRECT_STATUSES.includes(response.status) && location !== null && redirects < MAX_REDIRECTS) {
        await discardBody(response);
        url = new URL(location, url);
        continue;
      }
      // Another host's query may hold a signature (presigned blob URLs): leave it out of the message.
      const shown = onRegistry ? url : new URL(url.pathname, url.origin);
      throw await unexpectedResponseError(call.action, call.method, shown, response);
    }
  }
}

/**
 * The API root of a registry: Docker Hub's API host for docker.io; plain http for loopback (localhost,
 * 127.0.0.0/8, [::1]), which Docker treats as insecure registries by default; https for everything else.
 */
function registryUrl(registry: string): URL {
  const host = registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
  const { hostname } = new URL(`http://${host}`);
  const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
  return new URL(`${loopback ? 'http' : 'https'}://${host}/`);
}

/** How registries without a tag DELETE answer one: distribution 2.x 400 DIGEST_INVALID, others 405 UNSUPPORTED. */
function isTagDeleteUnsupported(error: unknown): error is RegistryError {
  return (
    error instanceof RegistryError &&
    !(error instanceof RegistryAuthError) &&
    (error.status === 400 || error.status === 405 || error.codes.includes('UNSUPPORTED'))
  );
}

function describe(name: ImageName, reference: string): string {
  return `${formatName(name)}${isDigest(reference) ? '@' : ':'}${reference}`;
}

/** A tag or digest, checked before it goes into a URL path. */
function checkedReference(reference: string): string {
  if (isValidTag(reference) || isDigest(reference)) return reference;
  throw new Error(`"${reference}" is neither a tag nor a digest (sha256:… or sha512:…)`);
}

/** Throws unless the bytes have the expected digest (when there is one: registries may omit the header). */
function checkDigest(action: string, bytes: Uint8Array, expected: string | null, source: string): void {
  if (expected === null) return;
  const actual = isDigest(expected) ? digestLike(expected, bytes) : digestOf(bytes);
  if (actual !== expected) {
    throw new RegistryError(
      `could not ${action}: the content’s digest is ${actual}, but ${source} is ${expected}`,
      undefined,
    );
  }
}

function contentType(response: Response): string | undefined {
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  return type === '' ? undefined : type;
}

function parseManifest(action: string, bytes: Buffer): Manifest {
  const invalid = (reason: string) => new RegistryError(`could not ${action}: the manifest ${reason}`, undefined);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('is not JSON');
  }
  if (typeof json !== 'object' || json === null) throw invalid('is not a JSON object');
  const manifest = json as Partial<ImageIndex & ImageManifest>;
  if (manifest.schemaVersion !== 2) throw invalid(`has schemaVersion ${String(manifest.schemaVersion)}, not 2`);
  if (Array.isArray(manifest.manifests)) return manifest as ImageIndex;
  if (typeof manifest.config === 'object' && Array.isArray(manifest.layers)) return manifest as ImageManifest;
  throw invalid('is neither an image index (manifests) nor an image manifest (config and layers)');
}

function parseTagList(action: string, text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  // A repository without tags may answer `"tags": null`.
  const tags = typeof body === 'object' && body !== null && 'tags' in body ? (body.tags ?? []) : undefined;
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
    throw new RegistryError(`could not ${action}: the answer is not a tag list ({"tags": [...]})`, 200);
  }
  return tags;
}

/** The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL. */
function nextPage(link: string | null, url: URL): URL | undefined {
  for (const match of (link ?? '').matchAll(/<([^>]*)>([^,<]*)/g)) {
    const [, target = '', params = ''] = match;
    if (/;\s*rel="?next"?(?:[\s;]|$)/i.test(params)) return new URL(target, url);
  }
  return undefined;
}

/** Adds a parameter without re-encoding those already there (upload state is opaque to us). */
function withQueryParameter(url: URL, name: string, value: string): URL {
  const next = new URL(url.href);
  next.search = `${url.search === '' ? '?' : `${url.search}&`}${name}=${encodeURIComponent(value)}`;
  return next;
}
