// GitHub's Actions cache service, which the lab cannot reach, faked on loopback the way @actions/cache 6.x talks to
// it: the v2 Twirp API at ACTIONS_RESULTS_URL (CreateCacheEntry, FinalizeCacheEntryUpload,
// GetCacheEntryDownloadURL), and the Azure Blob Storage requests its BlockBlobClient makes on the signed URLs that
// API hands out (Put Blob, Put Block, Put Block List, Get Blob Properties, Get Blob with a range).
// The signed URLs name an Azure storage host, as GitHub's do: @actions/cache uses the Azure client to download only
// from *.blob.core.windows.net (from anywhere else it takes a plain GET that no user's runner takes). The steps
// reach that host through this same server, set as their HTTP proxy; loopback addresses (this API, the lab
// registries) bypass proxies in every client the action runs.
// Also the legacy v1 API at ACTIONS_CACHE_URL, as go-actions-cache speaks it: BuildKit before 0.20 (the lab's
// 0.13.2) knows no other for `type=gha` layer cache. Query (GET cache), reserve (POST caches), chunks (PATCH
// caches/<id> with Content-Range), commit (POST caches/<id>), and plain GETs of the archive's signed URL. The two
// APIs keep apart stores, as GitHub's two services did: v2 was a new backend behind new endpoints, not a view of the
// legacy entries (and the clients' versions never match across them anyway).
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isObject } from '../../../src/is-object.js';

/** The storage account host in the signed URLs: an Azure name, reached through this server as the proxy. */
const BLOB_HOST = 'multiarchlab.blob.core.windows.net';
const CONTAINER = 'actions-cache';
const TWIRP_SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';
/** GitHub's answer (409) when a key is taken; @actions/cache then logs that it could not reserve it and returns -1. */
const ENTRY_EXISTS_MESSAGE = 'cache entry with the same key, version, and scope already exists';
/** ACTIONS_CACHE_URL's path (GitHub's named the service instance); the v1 API lies under it. */
const V1_BASE = '/artifactcache/';
const V1_API = `${V1_BASE}_apis/artifactcache/`;
/** The Accept header every v1 request carries: the service answers none without an api-version. */
const V1_API_VERSION = 'api-version=6.0-preview.1';
/**
 * The scope v1 entries are saved in: the run's ref, which the token grants read and write (GitHub's token lists the
 * scopes a run may read, the ones of its base branches read-only). BuildKit names its index keys after it.
 */
const REF_SCOPE = 'refs/heads/main';

export interface CacheEntry {
  /** Counts up from 1 in the order entries were created: restore prefers the highest among prefix matches. */
  id: number;
  key: string;
  /** What @actions/cache hashes from the paths saved and the compression: restore matches only the same. */
  version: string;
  /** The archive, once FinalizeCacheEntryUpload (v1: commit) committed it; until then reserved, never restored. */
  archive: Buffer | undefined;
}

/** An entry of the v1 API, saved in the scope (ref) the token lets the run write. */
export interface V1CacheEntry extends CacheEntry {
  scope: string;
}

export interface ServiceRequest {
  /** The Twirp method, the v1 operation (see V1Operation), or the Azure Blob one (Put Blob, Get Blob, ...). */
  operation: string;
  /** The key the call names (a v1 query's keys, comma-separated), or the key of the entry whose blob is used. */
  key: string;
  /** The byte range Get Blob asked for (x-ms-range, else Range), as sent. */
  range?: string;
  /** The HTTP status answered, or 'lost' when the connection was dropped instead (see loseAnswer). */
  status: number | 'lost';
}

export interface CacheService {
  /** What a runner hands an action for the cache service: these point @actions/cache and buildx's `type=gha` here. */
  env: Record<string, string>;
  /** Every v2 entry, reserved or committed, in the order created. */
  entries: readonly CacheEntry[];
  /** Every v1 entry (BuildKit's layer cache), reserved or committed, in the order created. */
  v1Entries: readonly V1CacheEntry[];
  /** Every request that reached the service or its storage, in order. */
  requests: readonly ServiceRequest[];
  /** The one file an entry's archive holds: its path as archived (relative to GITHUB_WORKSPACE) and its text. */
  archivedFile(entry: CacheEntry): { path: string; text: string };
  /**
   * The next call of `method` does what it asks, but its answer is lost: the connection drops, as when the network
   * or a gateway fails after the service did the work.
   */
  loseAnswer(method: TwirpMethod): void;
  stop(): Promise<void>;
}

const TWIRP_METHODS = ['CreateCacheEntry', 'FinalizeCacheEntryUpload', 'GetCacheEntryDownloadURL'] as const;
export type TwirpMethod = (typeof TWIRP_METHODS)[number];

/** The v1 API's operations, named as actions/toolkit's v1 client names them. */
export type V1Operation = 'getCacheEntry' | 'reserveCache' | 'uploadChunk' | 'commitCache';

/** Twirp's error codes used here, with the HTTP status Twirp gives each. */
const TWIRP_STATUS = {
  bad_route: 404,
  malformed: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
} as const;
type TwirpCode = keyof typeof TWIRP_STATUS;

class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
  ) {
    super(message);
  }
}

/** An Azure Storage error: its HTTP status, x-ms-error-code and message. */
class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Blob {
  committed: Buffer | undefined;
  /** Put Block's blocks by id, until Put Block List commits some of them. */
  uncommitted: Map<string, Buffer>;
  /** The blocks of the committed blob, by id, for a later Put Block List naming them as Committed. */
  committedBlocks: Map<string, Buffer>;
  etag: string;
  lastModified: Date;
}

interface StoredEntry extends CacheEntry {
  blobName: string;
  blob: Blob;
}

interface StoredV1Entry extends StoredEntry, V1CacheEntry {
  created: Date;
}

/** What a signed URL's signature grants: r (read) on a download URL, w (write) on an upload URL, at one host. */
interface Grant {
  entry: StoredEntry;
  permissions: 'r' | 'w';
  host: string;
}

/** A v1 API error as GitHub's service answered it: Azure DevOps's JSON, whose typeKey go-actions-cache reads. */
class V1Error extends Error {
  constructor(
    readonly status: number,
    readonly typeKey: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startCacheService(): Promise<CacheService> {
  const token = runtimeToken();
  const entries: StoredEntry[] = [];
  const v1Entries: StoredV1Entry[] = [];
  const requests: ServiceRequest[] = [];
  const grants = new Map<string, Grant>();
  const answersToLose = new Set<TwirpMethod>();
  /** This server's http://127.0.0.1:<port>, once it listens. */
  let origin = '';

  /** A SAS-style URL of the entry's blob: at the Azure host (v2), or, given `host`, at this server itself (v1). */
  function signedUrl(entry: StoredEntry, permissions: Grant['permissions'], host = BLOB_HOST): string {
    const signature = randomBytes(24).toString('base64');
    grants.set(signature, { entry, permissions, host });
    const expiry = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const query = new URLSearchParams({ sv: '2025-05-05', sr: 'b', sp: permissions, se: expiry, sig: signature });
    const url = new URL(`http://${host}/${CONTAINER}/${entry.blobName}?${query.toString()}`);
    return url.href;
  }

  const twirpMethods: Record<TwirpMethod, (body: Record<string, unknown>) => object> = {
    CreateCacheEntry(body) {
      const key = requiredString(body, 'key', twirpInvalidArgument);
      const version = requiredString(body, 'version', twirpInvalidArgument);
      if (entries.some((entry) => entry.key === key && entry.version === version)) {
        throw new TwirpError('already_exists', ENTRY_EXISTS_MESSAGE);
      }
      const entry = newEntry(entries.length + 1, key, version);
      entries.push(entry);
      return { ok: true, signed_upload_url: signedUrl(entry, 'w') };
    },
    FinalizeCacheEntryUpload(body) {
      const key = requiredString(body, 'key', twirpInvalidArgument);
      const version = requiredString(body, 'version', twirpInvalidArgument);
      const size = Number(body.size_bytes);
      const entry = entries.find((candidate) => candidate.key === key && candidate.version === version);
      if (entry === undefined)
        throw new TwirpError('not_found', `no cache entry ${key} (version ${version}) to finalize`);
      if (entry.archive !== undefined)
        throw new TwirpError('already_exists', `cache entry ${key} is already finalized`);
      const uploaded = entry.blob.committed;
      if (uploaded === undefined) throw new TwirpError('failed_precondition', `nothing was uploaded for ${key}`);
      if (uploaded.length !== size) {
        throw new TwirpError('invalid_argument', `size_bytes is ${size}, but ${uploaded.length} bytes were uploaded`);
      }
      entry.archive = uploaded;
      // int64 in proto3 JSON is a string.
      return { ok: true, entry_id: String(entry.id) };
    },
    GetCacheEntryDownloadURL(body) {
      const key = requiredString(body, 'key', twirpInvalidArgument);
      const version = requiredString(body, 'version', twirpInvalidArgument);
      const restoreKeys = body.restore_keys ?? [];
      if (!Array.isArray(restoreKeys) || !restoreKeys.every((item) => typeof item === 'string')) {
        throw new TwirpError('invalid_argument', 'restore_keys is not a list of strings');
      }
      const entry = findEntry(entries, version, [key, ...restoreKeys]);
      // A miss is no error: ok false, which the client reports as no cache found.
      if (entry === undefined) return { ok: false, signed_download_url: '', matched_key: '' };
      return { ok: true, signed_download_url: signedUrl(entry, 'r'), matched_key: entry.key };
    },
  };

  async function serveTwirp(request: http.IncomingMessage, response: http.ServerResponse, method: string) {
    let key = '';
    let status = 200;
    let answer: object;
    try {
      if (request.method !== 'POST' || !isTwirpMethod(method)) {
        throw new TwirpError('bad_route', `no handler for ${request.method ?? ''} ${request.url ?? ''}`);
      }
      // What the generated JSON client sends; Twirp refuses a Content-Type it does not serve as a bad route.
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new TwirpError('bad_route', `unexpected Content-Type: ${request.headers['content-type'] ?? ''}`);
      }
      if (request.headers.authorization !== `Bearer ${token}`) {
        throw new TwirpError('unauthenticated', 'the runtime token is missing or wrong');
      }
      const body = parseJsonObject(await readBody(request), (message) => new TwirpError('malformed', message));
      key = typeof body.key === 'string' ? body.key : '';
      answer = twirpMethods[method](body);
      if (answersToLose.delete(method)) {
        requests.push({ operation: method, key, status: 'lost' });
        request.socket.destroy();
        return;
      }
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error;
      status = TWIRP_STATUS[error.code];
      answer = { code: error.code, msg: error.message };
    }
    requests.push({ operation: method, key, status });
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
  }

  /** The v1 operations: each answers its status and, unless 204, a JSON body. */
  const v1Operations = {
    getCacheEntry(params: URLSearchParams): [number, object?] {
      const keys = (params.get('keys') ?? '').split(',').filter(Boolean);
      const version = params.get('version') ?? '';
      if (keys.length === 0 || version === '') throw v1BadRequest('keys and version are required');
      const readable = v1Entries.filter((entry) => entry.scope === REF_SCOPE);
      const entry = findEntry(readable, version, keys);
      // A miss is 204 with no body, which clients read as no cache.
      if (entry === undefined) return [204];
      const archiveLocation = signedUrl(entry, 'r', new URL(origin).host);
      const { scope, key: cacheKey, created } = entry;
      return [200, { scope, cacheKey, cacheVersion: version, creationTime: created.toISOString(), archiveLocation }];
    },
    reserveCache(body: Record<string, unknown>): [number, object?] {
      const key = requiredString(body, 'key', v1BadRequest);
      const version = requiredString(body, 'version', v1BadRequest);
      if (v1Entries.some((entry) => entry.key === key && entry.version === version && entry.scope === REF_SCOPE)) {
        throw new V1Error(
          409,
          'ArtifactCacheAlreadyExistsException',
          `Cache already exists. Scope: ${REF_SCOPE}, Key: ${key}, Version: ${version}`,
        );
      }
      const entry = { ...newEntry(v1Entries.length + 1, key, version), scope: REF_SCOPE, created: new Date() };
      v1Entries.push(entry);
      return [201, { cacheId: entry.id }];
    },
    uploadChunk(entry: StoredV1Entry, range: string | undefined, chunk: Buffer): [number, object?] {
      if (entry.archive !== undefined) throw v1BadRequest(`cache ${entry.id} is committed`);
      const match = /^bytes (\d+)-(\d+)\/\*$/.exec(range ?? '');
      if (!match) throw v1BadRequest(`Content-Range is not bytes <start>-<end>/*: ${range ?? ''}`);
      const [start, end] = [Number(match[1]), Number(match[2])];
      if (chunk.length !== end - start + 1) {
        throw v1BadRequest(`Content-Range ${range ?? ''} names ${end - start + 1} bytes, not ${chunk.length}`);
      }
      entry.blob.uncommitted.set(String(start), chunk);
      return [204];
    },
    commitCache(entry: StoredV1Entry, body: Record<string, unknown>): [number, object?] {
      if (entry.archive !== undefined) throw v1BadRequest(`cache ${entry.id} is committed`);
      const size = Number(body.size);
      // The chunks, in offset order, must cover the archive from its first byte to `size` without a gap.
      const starts = [...entry.blob.uncommitted.keys()].sort((a, b) => Number(a) - Number(b));
      let covered = 0;
      for (const start of starts) {
        if (Number(start) !== covered) throw v1BadRequest(`no chunk starts at byte ${covered}`);
        covered += entry.blob.uncommitted.get(start)?.length ?? 0;
      }
      if (covered !== size) {
        throw v1BadRequest(`size is ${size}, but ${covered} bytes were uploaded`);
      }
      commit(entry.blob, entry.blob.uncommitted, starts);
      entry.archive = entry.blob.committed;
      return [204];
    },
  } satisfies Record<V1Operation, (...args: never[]) => [number, object?]>;

  async function serveV1(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    const resource = url.pathname.slice(V1_API.length);
    const operation = v1Route(request.method, resource);
    const record: ServiceRequest = {
      operation: operation ?? `${request.method ?? ''} ${resource}`,
      key: '',
      status: 0,
    };
    requests.push(record);
    let answer: [number, object?];
    try {
      if (request.headers.authorization !== `Bearer ${token}`) {
        throw new V1Error(401, 'UnauthorizedRequestException', 'the runtime token is missing or wrong');
      }
      if (!(request.headers.accept ?? '').includes(V1_API_VERSION)) {
        throw new V1Error(400, 'VssVersionNotSpecifiedException', `the Accept header names no ${V1_API_VERSION}`);
      }
      if (operation === 'getCacheEntry') {
        record.key = url.searchParams.get('keys') ?? '';
        answer = v1Operations.getCacheEntry(url.searchParams);
      } else if (operation === 'reserveCache') {
        const body = parseJsonObject(await readBody(request), v1BadRequest);
        record.key = typeof body.key === 'string' ? body.key : '';
        answer = v1Operations.reserveCache(body);
      } else if (operation !== undefined) {
        const cacheId = Number(resource.slice('caches/'.length));
        const entry = v1Entries.find((candidate) => candidate.id === cacheId);
        if (entry === undefined) throw new V1Error(404, 'ArtifactCacheNotFoundException', `no cache ${cacheId}`);
        record.key = entry.key;
        answer =
          operation === 'uploadChunk'
            ? v1Operations.uploadChunk(entry, request.headers['content-range'], await readBody(request))
            : v1Operations.commitCache(entry, parseJsonObject(await readBody(request), v1BadRequest));
      } else {
        throw new V1Error(404, 'RouteNotFoundException', `no v1 route ${request.method ?? ''} ${resource}`);
      }
    } catch (error) {
      if (!(error instanceof V1Error)) throw error;
      answer = [error.status, v1ErrorBody(error)];
    }
    const [status, body] = answer;
    record.status = status;
    if (body === undefined) response.writeHead(status).end();
    else response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  async function serveBlob(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    const range = request.headers['x-ms-range'] ?? request.headers.range;
    const record: ServiceRequest = { operation: `${request.method ?? ''} ${url.search}`, key: '', status: 0 };
    if (typeof range === 'string') record.range = range;
    requests.push(record);
    try {
      const operation = blobOperation(request.method, url.searchParams.get('comp'));
      record.operation = operation;
      const grant = grants.get(url.searchParams.get('sig') ?? '');
      // A v2 URL names the Azure host, a v1 URL this server: each is good only where it points.
      if (grant?.host !== url.host || url.pathname !== `/${CONTAINER}/${grant.entry.blobName}`) {
        throw new StorageError(403, 'AuthenticationFailed', 'The signature does not match this blob.');
      }
      const { entry } = grant;
      record.key = entry.key;
      const needed = operation.startsWith('Put') ? 'w' : 'r';
      if (grant.permissions !== needed) {
        throw new StorageError(403, 'AuthorizationPermissionMismatch', `The signed URL does not grant ${needed}.`);
      }
      if (needed === 'w' && entry.archive !== undefined) {
        throw new StorageError(403, 'AuthorizationFailure', 'The entry is finalized: its blob no longer takes writes.');
      }
      record.status = await blobOperations[operation](entry.blob, request, response, url);
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      record.status = error.status;
      const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${error.code}</Code><Message>${error.message}</Message></Error>`;
      response.writeHead(error.status, {
        ...storageHeaders(),
        'x-ms-error-code': error.code,
        'Content-Type': 'application/xml',
      });
      response.end(xml);
    }
  }

  const server = http.createServer((request, response) => {
    const target = request.url ?? '/';
    // A proxy's request names the whole URL; a request to this server itself, only the path (and Host).
    const url = new URL(target, `http://${request.headers.host ?? 'cache-service.invalid'}`);
    const serve = target.startsWith('http://')
      ? url.host === BLOB_HOST
        ? serveBlob(request, response, url)
        : refuse(response, 502, `this proxy reaches only ${BLOB_HOST}, not ${url.host}`)
      : url.pathname.startsWith(TWIRP_SERVICE)
        ? serveTwirp(request, response, url.pathname.slice(TWIRP_SERVICE.length))
        : url.pathname.startsWith(V1_API)
          ? serveV1(request, response, url)
          : url.pathname.startsWith(`/${CONTAINER}/`)
            ? serveBlob(request, response, url)
            : refuse(response, 404, `no route ${url.pathname}`);
    serve.catch((error: unknown) => {
      requests.push({ operation: `failed ${request.method ?? ''} ${target}`, key: '', status: 500 });
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    env: {
      // What GitHub's runner sets for the cache service v2 (its value is "True"; any non-empty value selects v2).
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RESULTS_URL: `${origin}/`,
      // The legacy service's URL, which the runner set beside v2's while both ran: buildx hands it to BuildKit as
      // `type=gha`'s url (buildx 0.13 reads nothing else; 0.29 falls back to ACTIONS_RESULTS_URL without it).
      ACTIONS_CACHE_URL: `${origin}${V1_BASE}`,
      ACTIONS_RUNTIME_TOKEN: token,
      // The Azure client takes HTTPS_PROXY before HTTP_PROXY for any URL: both name this server.
      HTTP_PROXY: origin,
      HTTPS_PROXY: origin,
    },
    entries,
    v1Entries,
    requests,
    archivedFile,
    loseAnswer(method) {
      answersToLose.add(method);
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        // Clients keep connections alive; nothing more will come on them.
        server.closeAllConnections();
      }),
  };
}

/**
 * The v2 entries, one line each: id, key, version (its first 12 hex digits), committed or reserved, and the requests
 * that named the key with their statuses, for a failure message.
 */
export function describeEntries(service: Pick<CacheService, 'entries' | 'requests'>): string {
  if (service.entries.length === 0) return '(no v2 entry)';
  return service.entries
    .map((entry) => {
      const requests = service.requests
        .filter((request) => request.key === entry.key)
        .map((request) => `${request.operation} ${request.status}`);
      const state = entry.archive === undefined ? 'reserved' : 'committed';
      return `${entry.id} ${entry.key} version ${entry.version.slice(0, 12)} ${state}: ${requests.join(', ')}`;
    })
    .join('\n');
}

/**
 * The entry a restore gets, as GitHub documents cache key matching: for each key in turn, the entry with exactly
 * that key, else the most recently created entry whose key starts with it; only entries committed with the same
 * version. (Scopes, the branch and its base, are not modelled: every entry here is of the run's own branch, the one
 * scope a v1 entry records.)
 */
function findEntry<Entry extends StoredEntry>(entries: Entry[], version: string, keys: string[]): Entry | undefined {
  const committed = entries.filter((entry) => entry.archive !== undefined && entry.version === version);
  for (const key of keys) {
    const exact = committed.find((entry) => entry.key === key);
    if (exact) return exact;
    const newest = committed.filter((entry) => entry.key.startsWith(key)).sort((a, b) => b.id - a.id)[0];
    if (newest) return newest;
  }
  return undefined;
}

/** A new entry, reserved: its blob takes writes until the entry is committed. */
function newEntry(id: number, key: string, version: string): StoredEntry {
  return {
    id,
    key,
    version,
    archive: undefined,
    blobName: `${id}-${randomBytes(8).toString('hex')}`,
    blob: {
      committed: undefined,
      uncommitted: new Map(),
      committedBlocks: new Map(),
      etag: '',
      lastModified: new Date(),
    },
  };
}

/**
 * A runtime token shaped as GitHub's, a JWT: go-actions-cache reads its claims unverified and refuses a token
 * without `ac` (the cache scopes the run may read or write, as a JSON string) or outside its nbf–exp window. The
 * signature is a throwaway key's: no client checks it, and the service compares the whole token.
 */
function runtimeToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { ac: JSON.stringify([{ Scope: REF_SCOPE, Permission: 3 }]), nbf: now - 60, exp: now + 6 * 3600 };
  const unsigned = `${part({ typ: 'JWT', alg: 'HS256' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', randomBytes(32)).update(unsigned).digest('base64url')}`;
}

/** The JSON of a v1 error, as Azure DevOps writes it (only typeKey and message are read by clients). */
function v1ErrorBody(error: V1Error): object {
  const assembly = 'Microsoft.Azure.DevOps.PipelineCache.WebApi';
  return {
    $id: '1',
    innerException: null,
    message: error.message,
    typeName: `${assembly}.${error.typeKey}, ${assembly}`,
    typeKey: error.typeKey,
    errorCode: 0,
    eventId: 3000,
  };
}

/** The v1 operation a request asks for: its method and its path under _apis/artifactcache/. */
function v1Route(method: string | undefined, resource: string): V1Operation | undefined {
  if (method === 'GET' && resource === 'cache') return 'getCacheEntry';
  if (method === 'POST' && resource === 'caches') return 'reserveCache';
  if (!/^caches\/\d+$/.test(resource)) return undefined;
  return method === 'PATCH' ? 'uploadChunk' : method === 'POST' ? 'commitCache' : undefined;
}

function isTwirpMethod(name: string): name is TwirpMethod {
  return (TWIRP_METHODS as readonly string[]).includes(name);
}

type BlobOperation = 'Put Blob' | 'Put Block' | 'Put Block List' | 'Get Blob Properties' | 'Get Blob';

function blobOperation(method: string | undefined, comp: string | null): BlobOperation {
  if (method === 'PUT' && comp === null) return 'Put Blob';
  if (method === 'PUT' && comp === 'block') return 'Put Block';
  if (method === 'PUT' && comp === 'blocklist') return 'Put Block List';
  if (method === 'HEAD' && comp === null) return 'Get Blob Properties';
  if (method === 'GET' && comp === null) return 'Get Blob';
  // Anything else would be a request this fake does not know @actions/cache to make: a failure worth reading.
  throw new StorageError(501, 'NotImplemented', `${method ?? ''} with comp=${comp ?? ''} is not served by this fake`);
}

/** Each operation serves its request and returns the status it answered. */
const blobOperations: Record<
  BlobOperation,
  (blob: Blob, request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<number>
> = {
  async 'Put Blob'(blob, request, response) {
    if (request.headers['x-ms-blob-type'] !== 'BlockBlob') {
      throw new StorageError(400, 'InvalidHeaderValue', 'x-ms-blob-type must be BlockBlob.');
    }
    commit(blob, new Map([['', await readBody(request)]]), ['']);
    return created(blob, response);
  },
  async 'Put Block'(blob, request, response, url) {
    const id = url.searchParams.get('blockid');
    if (!id) throw new StorageError(400, 'InvalidQueryParameterValue', 'blockid is missing.');
    blob.uncommitted.set(id, await readBody(request));
    response.writeHead(201, storageHeaders()).end();
    return 201;
  },
  async 'Put Block List'(blob, request, response) {
    const xml = (await readBody(request)).toString('utf8');
    const ids: string[] = [];
    const blocks = new Map<string, Buffer>();
    for (const [, kind, id = ''] of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
      const block =
        kind === 'Committed'
          ? blob.committedBlocks.get(id)
          : kind === 'Uncommitted'
            ? blob.uncommitted.get(id)
            : (blob.uncommitted.get(id) ?? blob.committedBlocks.get(id));
      if (block === undefined) throw new StorageError(400, 'InvalidBlockList', `block ${id} (${kind}) is not there.`);
      ids.push(id);
      blocks.set(id, block);
    }
    commit(blob, blocks, ids);
    return created(blob, response);
  },
  'Get Blob Properties'(blob, _request, response) {
    const content = committedContent(blob);
    response.writeHead(200, { ...contentHeaders(blob), 'Content-Length': content.length }).end();
    return Promise.resolve(200);
  },
  'Get Blob'(blob, request, response) {
    const content = committedContent(blob);
    const range = request.headers['x-ms-range'] ?? request.headers.range;
    if (typeof range !== 'string') {
      response.writeHead(200, { ...contentHeaders(blob), 'Content-Length': content.length }).end(content);
      return Promise.resolve(200);
    }
    const match = /^bytes=(\d+)-(\d*)$/.exec(range);
    const start = Number(match?.[1]);
    if (!match || start >= content.length) {
      throw new StorageError(416, 'InvalidRange', `The range ${range} is not satisfiable (${content.length} bytes).`);
    }
    const end = Math.min(match[2] ? Number(match[2]) : content.length - 1, content.length - 1);
    const part = content.subarray(start, end + 1);
    response.writeHead(206, {
      ...contentHeaders(blob),
      'Content-Length': part.length,
      'Content-Range': `bytes ${start}-${end}/${content.length}`,
    });
    response.end(part);
    return Promise.resolve(206);
  },
};

/** Makes the blocks `ids` (in order) the blob's content; uncommitted blocks are dropped, as Azure does. */
function commit(blob: Blob, blocks: Map<string, Buffer>, ids: string[]): void {
  blob.committed = Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0)));
  blob.committedBlocks = new Map(ids.map((id) => [id, blocks.get(id) ?? Buffer.alloc(0)]));
  blob.uncommitted.clear();
  blob.etag = `"0x${randomBytes(8).toString('hex').toUpperCase()}"`;
  blob.lastModified = new Date();
}

function created(blob: Blob, response: http.ServerResponse): Promise<number> {
  response.writeHead(201, {
    ...storageHeaders(),
    ETag: blob.etag,
    'Last-Modified': blob.lastModified.toUTCString(),
    'x-ms-request-server-encrypted': 'true',
  });
  response.end();
  return Promise.resolve(201);
}

function committedContent(blob: Blob): Buffer {
  if (blob.committed === undefined) throw new StorageError(404, 'BlobNotFound', 'The specified blob does not exist.');
  return blob.committed;
}

function contentHeaders(blob: Blob): http.OutgoingHttpHeaders {
  return {
    ...storageHeaders(),
    'Content-Type': 'application/octet-stream',
    ETag: blob.etag,
    'Last-Modified': blob.lastModified.toUTCString(),
    'Accept-Ranges': 'bytes',
    'x-ms-blob-type': 'BlockBlob',
  };
}

function storageHeaders(): http.OutgoingHttpHeaders {
  return { 'x-ms-request-id': randomBytes(16).toString('hex'), 'x-ms-version': '2025-05-05' };
}

function refuse(response: http.ServerResponse, status: number, message: string): Promise<void> {
  response.writeHead(status, { 'Content-Type': 'text/plain' }).end(message);
  return Promise.resolve();
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The request's JSON object; else the error `invalid` makes (the answer of the API the request came to). */
function parseJsonObject(bytes: Buffer, invalid: (message: string) => Error): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw invalid(`the body is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw invalid('the body is not a JSON object');
  return value;
}

function requiredString(body: Record<string, unknown>, field: string, invalid: (message: string) => Error): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalid(`${field} is required`);
  return value;
}

function twirpInvalidArgument(message: string): TwirpError {
  return new TwirpError('invalid_argument', message);
}

/** What the v1 service answers a request it cannot take (400, a .NET ArgumentException). */
function v1BadRequest(message: string): V1Error {
  return new V1Error(400, 'ArgumentException', message);
}

/** Reads an archive as @actions/cache made it (tar, compressed with zstd or gzip, which GNU tar recognises). */
function archivedFile(entry: CacheEntry): { path: string; text: string } {
  if (entry.archive === undefined) throw new Error(`cache entry ${entry.key} was never committed`);
  const dir = mkdtempSync(join(tmpdir(), 'e2e-cache-archive-'));
  try {
    const file = join(dir, 'archive');
    writeFileSync(file, entry.archive);
    const paths = tar(['-tf', file, '-P']).split('\n').filter(Boolean);
    if (paths.length !== 1 || paths[0] === undefined) {
      throw new Error(`cache entry ${entry.key} holds ${paths.length} files, not one: ${paths.join(', ')}`);
    }
    return { path: paths[0], text: tar(['-xOf', file, '-P']) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function tar(args: string[]): string {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tar ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
