// A distribution registry in memory, for requests that interleave (concurrent deletions, a whole post step): it
// answers by what it holds rather than in a recorded order. Like distribution, it refuses an image manifest whose
// config blob it lacks, and a DELETE of a manifest by digest removes the tags that point at it. It lists tags in one
// page.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient } from '../../../src/registry/client.js';
import type { SendInit } from '../../../src/registry/http.js';
import { isImageIndex, MediaType, type Manifest } from '../../../src/registry/types.js';
import {
  manifestHeaders,
  registryErrors,
  sha256,
  testCredentials,
  toResponse,
  type ResponseSpec,
} from './registry-replay.js';

export interface FakeRequest {
  method: string;
  path: string;
  body: Buffer;
}

export class FakeDistribution {
  readonly requests: FakeRequest[] = [];
  readonly #blobs = new Map<string, Set<string>>();
  readonly #blobBytes = new Map<string, Buffer>();
  readonly #manifests = new Map<string, Map<string, Buffer>>();
  readonly #tags = new Map<string, Map<string, string>>();
  #uploads = 0;

  /**
   * Answers a request in the registry's place when it returns a response (a fault); undefined lets it through.
   * `pass` has the registry answer it (and change what it holds), for a fault after the fact, such as an answer
   * lost on its way back or another writer's request landing just after this one: an intercept that calls it
   * returns a response.
   */
  intercept: (method: string, path: string, pass: () => ResponseSpec) => ResponseSpec | undefined = () => undefined;

  /** A client whose requests this registry answers (any registry host). */
  readonly client = new RegistryClient({
    credentials: testCredentials(),
    fetch: (url, init) => Promise.resolve(toResponse(this.answer(new URL(url), init))),
    retry: { sleep: () => Promise.resolve() },
  });

  /** Records a request and answers it. */
  answer(url: URL, init: Pick<SendInit, 'method' | 'body'>): ResponseSpec {
    const body = Buffer.from(init.body ?? new Uint8Array());
    this.requests.push({ method: init.method, path: url.pathname, body });
    const pass = () => this.#answer(init.method, url, body);
    return this.intercept(init.method, url.pathname, pass) ?? pass();
  }

  /** Puts a manifest under a tag (or only by digest), directly, as a push would. */
  push(repository: string, tag: string | undefined, bytes: Buffer): void {
    this.#store(this.#manifests, repository, () => new Map<string, Buffer>()).set(sha256(bytes), bytes);
    if (tag !== undefined) this.#store(this.#tags, repository, () => new Map<string, string>()).set(tag, sha256(bytes));
  }

  /** Stores a blob (an image config, say) in a repository, as a finished upload would. */
  pushBlob(repository: string, bytes: Buffer): void {
    this.#store(this.#blobs, repository, () => new Set<string>()).add(sha256(bytes));
    this.#blobBytes.set(sha256(bytes), bytes);
  }

  /** Points a tag at a digest the registry no longer holds, as a deletion that removed the manifest but not the tag. */
  dangle(repository: string, tag: string, digest: string): void {
    this.#store(this.#tags, repository, () => new Map<string, string>()).set(tag, digest);
  }

  /** The tags of a repository, and the digest each points at. */
  tags(repository: string): Record<string, string> {
    return Object.fromEntries(this.#tags.get(repository) ?? []);
  }

  hasManifest(repository: string, digest: string): boolean {
    return this.#manifests.get(repository)?.has(digest) ?? false;
  }

  /** The manifests put under tags (not by digest), as sent. */
  taggedPuts(): FakeRequest[] {
    return this.requests.filter((request) => request.method === 'PUT' && /\/manifests\/(?!sha256:)/.test(request.path));
  }

  /** Those of them the registry still holds (a deleted dummy is gone). */
  heldTaggedPuts(): FakeRequest[] {
    return this.taggedPuts().filter((put) => {
      const [, repository = ''] = /^\/v2\/(.+)\/manifests\//.exec(put.path) ?? [];
      return this.hasManifest(repository, sha256(put.body));
    });
  }

  #store<T>(stores: Map<string, T>, repository: string, empty: () => T): T {
    const found = stores.get(repository) ?? empty();
    stores.set(repository, found);
    return found;
  }

  #answer(method: string, url: URL, body: Buffer): ResponseSpec {
    const [, listed] = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname) ?? [];
    if (listed !== undefined && method === 'GET') {
      return { status: 200, body: { name: listed, tags: Object.keys(this.tags(listed)) } };
    }
    const [, repository = '', kind, reference = ''] =
      /^\/v2\/(.+)\/(manifests|blobs\/uploads|blobs)\/(.*)$/.exec(url.pathname) ?? [];
    const blobs = this.#store(this.#blobs, repository, () => new Set<string>());
    const manifests = this.#store(this.#manifests, repository, () => new Map<string, Buffer>());
    const tags = this.#store(this.#tags, repository, () => new Map<string, string>());
    if (kind === 'blobs/uploads' && method === 'POST') {
      return { status: 202, headers: { Location: `/v2/${repository}/blobs/uploads/${String(++this.#uploads)}` } };
    }
    if (kind === 'blobs/uploads' && method === 'PUT') {
      const digest = url.searchParams.get('digest') ?? '';
      if (digest !== sha256(body)) return { status: 400, body: registryErrors('DIGEST_INVALID', 'digest invalid') };
      blobs.add(digest);
      this.#blobBytes.set(digest, body);
      return { status: 201, headers: { 'Docker-Content-Digest': digest } };
    }
    if (kind === 'blobs' && method === 'GET') {
      const bytes = blobs.has(reference) ? this.#blobBytes.get(reference) : undefined;
      return bytes === undefined ? { status: 404 } : { status: 200, body: bytes };
    }
    const digest = reference.startsWith('sha256:') ? reference : tags.get(reference);
    const stored = digest === undefined ? undefined : manifests.get(digest);
    if (kind === 'manifests' && (method === 'HEAD' || method === 'GET')) {
      if (stored === undefined) return { status: 404 };
      return {
        status: 200,
        headers: manifestHeaders(stored, mediaTypeOf(stored)),
        body: method === 'GET' ? stored : undefined,
      };
    }
    if (kind === 'manifests' && method === 'PUT') {
      const manifest = JSON.parse(body.toString()) as Manifest;
      if (!isImageIndex(manifest) && !blobs.has(manifest.config.digest)) {
        return { status: 400, body: registryErrors('MANIFEST_BLOB_UNKNOWN', 'blob unknown to registry') };
      }
      this.push(repository, reference.startsWith('sha256:') ? undefined : reference, body);
      return { status: 201, headers: { 'Docker-Content-Digest': sha256(body) } };
    }
    if (kind === 'manifests' && method === 'DELETE' && digest !== undefined && stored !== undefined) {
      manifests.delete(digest);
      for (const [tag, target] of tags) if (target === digest) tags.delete(tag);
      return { status: 202 };
    }
    return { status: 404, body: registryErrors('NOT_FOUND', `${method} ${url.pathname}`) };
  }
}

function mediaTypeOf(bytes: Buffer): string {
  const manifest = JSON.parse(bytes.toString()) as Manifest;
  return manifest.mediaType ?? (isImageIndex(manifest) ? MediaType.ociIndex : MediaType.ociManifest);
}

/** Serves the registry on a loopback port (which the client speaks plain HTTP to). */
export async function serveOnLoopback(registry: FakeDistribution) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://registry');
      const { status, headers, body } = registry.answer(url, {
        method: request.method ?? '',
        body: Buffer.concat(chunks),
      });
      const raw = body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
      response.writeHead(status, { ...(raw ? {} : { 'Content-Type': 'application/json' }), ...headers });
      response.end(raw ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${String(port)}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
