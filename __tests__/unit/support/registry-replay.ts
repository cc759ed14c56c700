// A fake `fetch` that replays recorded HTTP exchanges in order: each request must be the next one expected
// (method, URL, Authorization), and gets the recorded response. Used by the registry auth and client tests, with
// the fixtures they share: a RegistryClient over a replay, the lab repository, manifest headers, token servers.
import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { ImageName } from '../../../src/reference.js';
import { RegistryClient, type RegistryClientOptions } from '../../../src/registry/client.js';
import type { Credential, CredentialSource } from '../../../src/registry/credentials/credential.js';
import type { Fetch } from '../../../src/registry/http.js';
import { MediaType } from '../../../src/registry/types.js';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Buffer | undefined;
}

export interface ResponseSpec {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: string | Buffer | object;
}

export interface Exchange {
  method: string;
  /** The exact URL, or a pattern when it holds something computed at run time (an upload id, a digest). */
  url: string | RegExp;
  /** The exact Authorization header; undefined means the request must have none. */
  authorization?: string;
  response: ResponseSpec | ((request: RecordedRequest) => ResponseSpec);
}

export class ReplayFetch {
  readonly requests: RecordedRequest[] = [];
  readonly #exchanges: Exchange[];
  readonly #mismatches: string[] = [];

  constructor(exchanges: Exchange[]) {
    this.#exchanges = [...exchanges];
  }

  /** Appends exchanges, for a test that goes on after a first round of assertions. */
  expect(...exchanges: Exchange[]): void {
    this.#exchanges.push(...exchanges);
  }

  readonly fetch: Fetch = (url, init) => {
    const request: RecordedRequest = {
      method: init.method,
      url,
      headers: new Headers(init.headers),
      body: init.body === null ? undefined : Buffer.from(init.body),
    };
    this.requests.push(request);
    const expected = this.#exchanges.shift();
    const mismatch = describeMismatch(expected, request);
    if (expected === undefined || mismatch !== undefined) {
      // Recorded as well as thrown: a test expecting an error must not mistake this one for it.
      const message = `unexpected request #${this.requests.length} ${request.method} ${url}: ${mismatch ?? 'no more exchanges'}`;
      this.#mismatches.push(message);
      return Promise.reject(new Error(message));
    }
    const spec = typeof expected.response === 'function' ? expected.response(request) : expected.response;
    return Promise.resolve(toResponse(spec));
  };

  /** Every expected exchange happened, and nothing else. */
  expectDone(): void {
    expect(this.#mismatches).toEqual([]);
    expect(this.#exchanges.map((exchange) => `${exchange.method} ${exchange.url.toString()}`)).toEqual([]);
  }

  /** `METHOD URL` of each request made, for assertions on order. */
  get log(): string[] {
    return this.requests.map((request) => `${request.method} ${request.url}`);
  }
}

function describeMismatch(expected: Exchange | undefined, request: RecordedRequest): string | undefined {
  if (expected === undefined) return 'no more exchanges';
  const urlMatches = typeof expected.url === 'string' ? expected.url === request.url : expected.url.test(request.url);
  if (expected.method !== request.method || !urlMatches) {
    return `expected ${expected.method} ${expected.url.toString()}`;
  }
  const authorization = request.headers.get('authorization') ?? undefined;
  if (authorization !== expected.authorization) {
    return `expected Authorization ${expected.authorization ?? '(none)'}, got ${authorization ?? '(none)'}`;
  }
  return undefined;
}

export function toResponse(spec: ResponseSpec): Response {
  const headers = new Headers(spec.headers);
  let body: string | Buffer | null = null;
  if (typeof spec.body === 'string' || Buffer.isBuffer(spec.body)) {
    body = spec.body;
  } else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  // A real server's reason phrase, as node:http reports it.
  return new Response(body, { status: spec.status, statusText: STATUS_CODES[spec.status] ?? '', headers });
}

/** `Basic base64(user:password)`. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** A Distribution API error body. */
export function registryErrors(code: string, message: string): object {
  return { errors: [{ code, message, detail: null }] };
}

/** A 401 Unauthorized with the challenge `wwwAuthenticate`. */
export function unauthorized(wwwAuthenticate: string, body?: ResponseSpec['body']): ResponseSpec {
  return { status: 401, headers: { 'WWW-Authenticate': wwwAuthenticate }, ...(body === undefined ? {} : { body }) };
}

/** A token server of Docker's token authentication: the registry's challenge that names it, and its token URL. */
export interface TokenServer {
  /** The Bearer challenge a registry sends for `scope`. */
  challenge(scope: string): string;
  /** Where a token for `scope` is asked for (GET). */
  url(scope: string): string;
}

function tokenServer(realm: string, service: string): TokenServer {
  return {
    challenge: (scope) => `Bearer realm="${realm}",service="${service}",scope="${scope}"`,
    url: (scope) => `${realm}?service=${service}&scope=${encodeURIComponent(scope)}`,
  };
}

export const GHCR_TOKENS = tokenServer('https://ghcr.io/token', 'ghcr.io');
export const HUB_TOKENS = tokenServer('https://auth.docker.io/token', 'registry.docker.io');

/** `sha256:` and the hex SHA-256 of the bytes. */
export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The lab's plain-HTTP registry, and the API base URL of its test repository. */
export const LAB: ImageName = { registry: '127.0.0.1:5000', repository: 'lab/app' };
export const LAB_API = 'http://127.0.0.1:5000/v2/lab/app';

/** A small image manifest: a 2-byte config, no layers. */
export const IMAGE_MANIFEST = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: `sha256:${'c'.repeat(64)}`, size: 2 },
    layers: [],
  }),
);

/** The headers a registry sends with a manifest (or a HEAD of it): media type, size and digest of the bytes. */
export function manifestHeaders(bytes: Buffer, mediaType: string): Record<string, string> {
  return { 'Content-Type': mediaType, 'Content-Length': String(bytes.length), 'Docker-Content-Digest': sha256(bytes) };
}

/** `byRegistry` as a CredentialSource, described as "the test credentials". */
export function testCredentials(byRegistry: Record<string, Credential> = {}): CredentialSource {
  return { description: 'the test credentials', get: (registry) => Promise.resolve(byRegistry[registry]) };
}

export interface ReplayClientOptions extends Omit<RegistryClientOptions, 'credentials' | 'fetch'> {
  /** Stands between the client and the replay, e.g. to fail some requests before they reach it. */
  wrapFetch?: (replayed: Fetch) => Fetch;
}

/**
 * A RegistryClient over a ReplayFetch of `exchanges`, with `byRegistry` as its credentials. It collects the
 * secrets and retry messages it reports, and does not wait between retries (unless `options` say otherwise).
 */
export function replayClient(
  exchanges: Exchange[],
  byRegistry: Record<string, Credential> = {},
  options: ReplayClientOptions = {},
) {
  const { wrapFetch, ...clientOptions } = options;
  const replay = new ReplayFetch(exchanges);
  const secrets: string[] = [];
  const retries: string[] = [];
  const client = new RegistryClient({
    credentials: testCredentials(byRegistry),
    fetch: wrapFetch === undefined ? replay.fetch : wrapFetch(replay.fetch),
    onSecret: (secret) => secrets.push(secret),
    onRetry: (message) => retries.push(message),
    retry: { sleep: () => Promise.resolve() },
    ...clientOptions,
  });
  return { replay, client, secrets, retries };
}

/** An image whose config says it is for `architecture`, its manifest annotated as given: manifest, config, digests. */
export function platformImage(architecture: string, annotations?: Record<string, string>) {
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: sha256(config), size: config.length },
      layers: [],
      ...(annotations === undefined ? {} : { annotations }),
    }),
  );
  return { config, manifest, digest: sha256(manifest) };
}
