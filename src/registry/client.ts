// A small client of the OCI Distribution API (https://github.com/opencontainers/distribution-spec): manifests,
// blobs and tags of one registry repository at a time, with Docker's authentication (auth.ts). Every request goes
// through the Transport (transport.ts), which authenticates, follows redirects, turns refusals into RegistryErrors
// and retries what failed for a passing reason.
import pLimit from 'p-limit';
import { oneLine } from '../one-line.js';
import { formatName, isDigest, isValidTag, type ImageName } from '../reference.js';
import type { RetryPolicy, RetryTuning } from '../retry.js';
import type { CredentialSource } from './credentials/credential.js';
import { digestLike, digestOf } from './digest.js';
import { NotYetVisibleError, RegistryError, displayUrl } from './errors.js';
import { defaultFetch, nextPage, type Fetch, type HttpResponse } from './http.js';
import { Transport, repositoryCredentials, repositoryTarget } from './transport.js';
import { transientFailure } from './transient.js';
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
  /** At most this many requests in flight at once (default 8): independent requests run together, boundedly. */
  maxConcurrentRequests?: number;
  /** Called once for each password or token the client sends (the action masks them with core.setSecret). */
  onSecret?: (secret: string) => void;
  /**
   * Told, with the reason, about each retry of a request that failed for a passing reason (429, 5xx, a reset, a
   * timeout) and each further look for a manifest just written; the action logs it.
   */
  onRetry?: (message: string) => void;
  /** Bounds of those retries (DEFAULT_RETRY_POLICY otherwise), and the clock, sleep and randomness behind them. */
  retry?: RetryTuning;
  /** The time limit of each request, until the last byte of its answer (30 s otherwise). */
  requestTimeoutMs?: number;
  userAgent?: string;
}

/** How one call is sent. */
export interface RequestOptions {
  /**
   * False: one request, not retried when it fails for a passing reason, for a caller that checks what the
   * registry holds before it tries a destructive write again (tag deletion).
   */
  retry?: boolean;
}

export interface FetchedManifest {
  /** The digest is computed here from the bytes (and checked against the one asked for). */
  descriptor: Descriptor;
  /** Exactly as the registry sent them: the digest is of these bytes, not of a re-serialization of `json`. */
  bytes: Buffer;
  json: Manifest;
}

const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
/** Asked for; registries may send fewer per page (and then a Link to the next page). */
const TAGS_PAGE_SIZE = 1000;
/** How long waitForManifest looks for a manifest just written: short waits, about 10 s in all. */
const MANIFEST_VISIBILITY_WAIT: Partial<RetryPolicy> = {
  maxAttempts: 20,
  maxElapsedMs: 10_000,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
};

/** Enough to overlap a publish's or a cleanup's independent requests without flooding a registry. */
const MAX_CONCURRENT_REQUESTS = 8;

/** Every request of one client, token requests included, shares one bound on how many run at once. */
function withConcurrencyLimit(fetchImpl: Fetch, limit: number): Fetch {
  const queue = pLimit(limit);
  return (input, init) => queue(() => fetchImpl(input, init));
}

export class RegistryClient {
  readonly #transport: Transport;

  constructor(options: RegistryClientOptions) {
    this.#transport = new Transport({
      credentials: options.credentials,
      fetch: withConcurrencyLimit(
        options.fetch ?? defaultFetch,
        options.maxConcurrentRequests ?? MAX_CONCURRENT_REQUESTS,
      ),
      onSecret: options.onSecret ?? (() => undefined),
      onRetry: options.onRetry ?? (() => undefined),
      retry: options.retry ?? {},
      requestTimeoutMs: options.requestTimeoutMs,
      userAgent: options.userAgent ?? 'multiarch-build',
    });
  }

  /** An index or image manifest by tag or digest; by digest, the bytes are checked against it. */
  async getManifest(name: ImageName, reference: string, options: RequestOptions = {}): Promise<FetchedManifest> {
    const action = `get manifest ${describe(name, reference)}`;
    const { response } = await this.#transport.request({
      action,
      method: 'GET',
      ...repositoryTarget(name, 'pull', `manifests/${checkedReference(reference)}`),
      headers: { Accept: MANIFEST_ACCEPT },
      expect: [200],
      ...options,
    });
    const bytes = response.body;
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
  async headManifest(
    name: ImageName,
    reference: string,
    options: RequestOptions = {},
  ): Promise<Descriptor | undefined> {
    const { response } = await this.#transport.request({
      action: `check manifest ${describe(name, reference)}`,
      method: 'HEAD',
      ...repositoryTarget(name, 'pull', `manifests/${checkedReference(reference)}`),
      headers: { Accept: MANIFEST_ACCEPT },
      expect: [200, 404],
      ...options,
    });
    if (response.status === 404) return undefined;
    const digest = isDigest(reference) ? reference : response.headers.get('docker-content-digest');
    const mediaType = contentType(response);
    const size = Number(response.headers.get('content-length') ?? NaN);
    if (digest !== null && isDigest(digest) && mediaType !== undefined && Number.isSafeInteger(size) && size > 0) {
      return { mediaType, digest, size };
    }
    // Not every registry describes the manifest in a HEAD answer; the manifest itself does.
    return (await this.getManifest(name, reference, options)).descriptor;
  }

  /**
   * Waits until the registry serves a manifest just written (under `digest`, when given): some registries answer
   * reads for a moment with the state before the write. Looks again with short waits for about 10 s, then throws
   * a RegistryError that says what it saw last.
   */
  async waitForManifest(name: ImageName, reference: string, digest?: string): Promise<Descriptor> {
    const shown = describe(name, reference);
    return this.#transport.poll(async () => {
      const found = await this.headManifest(name, reference);
      if (found !== undefined && (digest === undefined || found.digest === digest)) return found;
      const wanted = digest === undefined ? '' : ` as ${digest}`;
      const seen = found === undefined ? 'the registry has no such manifest' : `it is ${found.digest}`;
      throw new NotYetVisibleError(`manifest ${shown} is not visible${wanted} yet: ${seen}`, undefined);
    }, MANIFEST_VISIBILITY_WAIT);
  }

  /** Puts a manifest under a tag, or untagged under its digest; returns its digest (computed here). */
  async putManifest(
    name: ImageName,
    reference: string,
    bytes: Buffer,
    mediaType: string,
    options: RequestOptions = {},
  ): Promise<string> {
    const action = `put manifest ${describe(name, reference)}`;
    if (isDigest(reference)) checkDigest(action, bytes, reference, 'the digest to put it under');
    const digest = isDigest(reference) ? reference : digestOf(bytes);
    const { response } = await this.#transport.request({
      action,
      method: 'PUT',
      ...repositoryTarget(name, 'push', `manifests/${checkedReference(reference)}`),
      headers: { 'Content-Type': mediaType },
      body: bytes,
      expect: [201],
      ...options,
    });
    checkDigest(action, bytes, response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
    return digest;
  }

  async deleteManifest(name: ImageName, digest: string, options: RequestOptions = {}): Promise<void> {
    if (!isDigest(digest)) throw new Error(`cannot delete manifest "${digest}" of ${formatName(name)}: not a digest`);
    await this.#transport.request({
      action: `delete manifest ${describe(name, digest)}`,
      method: 'DELETE',
      ...repositoryTarget(name, 'delete', `manifests/${digest}`),
      expect: [200, 202, 204],
      ...options,
    });
  }

  /** Every tag of the repository, page by page; none when the repository does not exist. */
  async listTags(name: ImageName): Promise<string[]> {
    const action = `list the tags of ${formatName(name)}`;
    const tags: string[] = [];
    const visited = new Set<string>();
    let { url: target } = repositoryTarget(name, 'pull', `tags/list?n=${TAGS_PAGE_SIZE}`);
    for (;;) {
      const { response, url } = await this.#transport.request({
        action,
        method: 'GET',
        url: target,
        credentials: repositoryCredentials(name, 'pull'),
        expect: visited.size === 0 ? [200, 404] : [200],
      });
      if (response.status === 404) return [];
      tags.push(...parseTagList(action, response.text()));
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
    const { response } = await this.#transport.request({
      action,
      method: 'GET',
      ...repositoryTarget(name, 'pull', `blobs/${digest}`),
      expect: [200],
    });
    const bytes = response.body;
    checkDigest(action, bytes, digest, 'the digest asked for');
    return bytes;
  }

  /**
   * Uploads a blob without asking first whether the repository has it: its one caller uploads the dummies' config
   * once per repository, new by construction (a random nonce), so the question would cost a round trip to hear no.
   * One POST to start, retried on its own: a POST that failed changes nothing (at worst it leaves an unused session,
   * which expires), so it must not use up the upload's attempts (with each attempt a POST and a PUT, a registry
   * failing one request in five failed all seven about once in three thousand uploads). Then one PUT with all the
   * bytes; when it fails for a passing reason the upload starts over from a new POST (the PUT's session may be gone).
   * A POST that failed all its own attempts is not started over: the registry has been given its retry window.
   */
  async uploadBlob(name: ImageName, bytes: Buffer, mediaType: string = MediaType.octetStream): Promise<Descriptor> {
    const descriptor: Descriptor = { mediaType, digest: digestOf(bytes), size: bytes.length };
    let started = false;
    await this.#transport.retrying(
      async () => {
        started = false;
        const session = await this.#startUpload(name, descriptor.digest);
        started = true;
        await this.#finishUpload(name, session, bytes, descriptor.digest);
      },
      (error) => started && transientFailure(error),
    );
    return descriptor;
  }

  /**
   * Whether the registry lets these credentials push to the repository, asked the way a push begins: an upload is
   * started (which needs push) and cancelled at once. A refusal throws; the cancel is best effort (a registry
   * forgets an upload left open).
   */
  async checkPushAllowed(name: ImageName): Promise<void> {
    const started = await this.#transport.request({
      action: `start an upload to ${formatName(name)} (a push's first request)`,
      method: 'POST',
      ...repositoryTarget(name, 'push', 'blobs/uploads/'),
      expect: [202],
    });
    const location = started.response.headers.get('location');
    if (location === null) return;
    await this.#transport
      .request({
        action: `cancel the upload to ${formatName(name)}`,
        method: 'DELETE',
        url: new URL(location, started.url),
        credentials: repositoryCredentials(name, 'push'),
        expect: [200, 202, 204, 404, 405],
        retry: false,
      })
      .catch(() => undefined);
  }

  /** The upload session's URL: the location may be relative, and may carry the registry's own query (its state). */
  async #startUpload(name: ImageName, digest: string): Promise<URL> {
    const where = describe(name, digest);
    const started = await this.#transport.request({
      action: `start the upload of blob ${where}`,
      method: 'POST',
      ...repositoryTarget(name, 'push', 'blobs/uploads/'),
      expect: [202],
    });
    const location = started.response.headers.get('location');
    if (location === null) {
      throw new RegistryError(
        `could not start the upload of blob ${where}: POST ${displayUrl(started.url)} answered 202 without a Location`,
        202,
      );
    }
    return new URL(location, started.url);
  }

  async #finishUpload(name: ImageName, session: URL, bytes: Buffer, digest: string): Promise<void> {
    const action = `upload blob ${describe(name, digest)}`;
    const finished = await this.#transport.request({
      action,
      method: 'PUT',
      url: withQueryParameter(session, 'digest', digest),
      credentials: repositoryCredentials(name, 'push'),
      headers: { 'Content-Type': MediaType.octetStream },
      body: bytes,
      expect: [201],
      retry: false,
    });
    checkDigest(
      action,
      bytes,
      finished.response.headers.get('docker-content-digest'),
      'the registry’s Docker-Content-Digest',
    );
  }

  /** The authenticated, retrying transport, for the registry-specific APIs that cleanup needs (GHCR, Docker Hub). */
  get transport(): Transport {
    return this.#transport;
  }
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
      `could not ${action}: the content’s digest is ${actual}, but ${source} is ${oneLine(expected)}`,
      undefined,
    );
  }
}

function contentType(response: HttpResponse): string | undefined {
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

/** Adds a parameter without re-encoding those already there (upload state is opaque to us). */
function withQueryParameter(url: URL, name: string, value: string): URL {
  const next = new URL(url.href);
  next.search = `${url.search === '' ? '?' : `${url.search}&`}${name}=${encodeURIComponent(value)}`;
  return next;
}
