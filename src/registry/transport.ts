// The one request path of the registry client. Every request to a registry, its token server, blob storage or the
// Docker Hub API goes through Transport.request, which sends credentials only to the origin they belong to, follows
// redirects, turns unexpected answers into RegistryErrors and retries failures that pass (429, 5xx, resets,
// timeouts). The GitHub API's Octokit, which adds its token and reads answers itself, sends through sendAsIs.
import { canonicalRegistry, DOCKER_HUB, type ImageName } from '../reference.js';
import { retry, type RetryPolicy, type RetryReason, type RetryTuning } from '../retry.js';
import { RegistryAuth } from './auth.js';
import type { Credential, CredentialSource } from './credentials/credential.js';
import { NotYetVisibleError, unexpectedResponseError } from './errors.js';
import { NetworkError, sendHttp, type Fetch, type HttpRequest, type HttpResponse } from './http.js';
import { asRegistryError, transientFailure } from './transient.js';
import { RepositoryLocks, tagWriteLock } from './tag-write-lock.js';

/** What a registry request needs to be allowed to do, as token scope actions. */
export type Access = 'pull' | 'push' | 'delete';

/** How a request proves who sends it, to the origin the credentials belong to. */
export type CallCredentials =
  /** The registry's own authentication (its challenge, then Basic or a bearer token for the scope). */
  | { registry: string; scope: string }
  /** A web API's token (GitHub, Docker Hub), sent as a bearer to the origin of the call's URL. */
  | { bearer: string };

export interface Call {
  /** What we were doing, for errors: `could not ${action}: …`. */
  action: string;
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  url: URL;
  /** None for an anonymous request. Never sent elsewhere: a redirect to blob storage goes without. */
  credentials?: CallCredentials;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** The statuses the caller handles; any other is a RegistryError. */
  expect: readonly number[];
  /** False for a step of a sequence that its caller retries as a whole (a blob upload's POST and PUT). */
  retry?: boolean;
}

export interface Exchange {
  /** Its body is read already (see sendHttp): reading it cannot fail. */
  response: HttpResponse;
  /** Where the answer came from, after redirects. */
  url: URL;
}

export interface TransportOptions {
  credentials: CredentialSource;
  fetch: Fetch;
  onSecret: (secret: string) => void;
  onRetry: (message: string) => void;
  retry: RetryTuning;
  requestTimeoutMs: number | undefined;
  userAgent: string;
}

// Docker Hub's registry API is not on docker.io itself.
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];
// A push also reads (HEAD before upload), so it asks for both and one token serves the whole push.
const SCOPE_ACTIONS: Record<Access, string> = { pull: 'pull', push: 'pull,push', delete: 'delete' };

export class Transport {
  readonly #auth: RegistryAuth;
  readonly #options: TransportOptions;
  readonly #locks = new RepositoryLocks();

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#auth = new RegistryAuth({
      credentials: options.credentials,
      fetch: options.fetch,
      onSecret: options.onSecret,
      userAgent: options.userAgent,
      requestTimeoutMs: options.requestTimeoutMs,
    });
  }

  /** Where credentials come from, for messages. */
  get credentialsDescription(): string {
    return this.#options.credentials.description;
  }

  /** Sends a call, retrying it when it fails for a passing reason unless it is one step of a sequence. */
  request(call: Call): Promise<Exchange> {
    return call.retry === false ? this.#send(call) : this.retrying(() => this.#send(call));
  }

  /**
   * Runs a sequence of calls (or one), again from its start when a step fails for a passing reason (or for one
   * that `isRetryable` accepts: a caller that looks at the registry again first may retry more).
   */
  async retrying<T>(
    operation: () => Promise<T>,
    isRetryable: (error: unknown) => boolean | RetryReason = transientFailure,
  ): Promise<T> {
    try {
      return await retry(operation, {
        ...this.#options.retry,
        isRetryable,
        onRetry: this.#options.onRetry,
      });
    } catch (error) {
      throw asRegistryError(error);
    }
  }

  /** Runs `operation` again while it fails with NotYetVisibleError (read-after-write lag), within `bounds`. */
  async poll<T>(operation: () => Promise<T>, bounds: Partial<RetryPolicy>): Promise<T> {
    try {
      return await retry(operation, {
        ...this.#options.retry,
        ...bounds,
        isRetryable: (error) => error instanceof NotYetVisibleError,
        onRetry: this.#options.onRetry,
      });
    } catch (error) {
      throw asRegistryError(error);
    }
  }

  /** The credential for a registry, from the same source (and cache) as the registry's own authentication. */
  credential(registry: string): Promise<Credential | undefined> {
    return this.#auth.credential(registry);
  }

  /**
   * One exchange as it is: the client's fetch and time limit, nothing added, no redirect followed, any status
   * returned. For a web API client that authenticates and guards where its token goes itself (github-api.ts).
   */
  sendAsIs(request: HttpRequest): Promise<HttpResponse> {
    return sendHttp(this.#options.fetch, request, this.#options.requestTimeoutMs);
  }

  /** Reports a secret sent outside the registry's own authentication (a web API login) to onSecret. */
  reveal(secret: string): void {
    this.#auth.reveal(secret);
  }

  /** One attempt of a call, under its repository's tag-write lock where it takes one (tag-write-lock.ts). */
  #send(call: Call): Promise<Exchange> {
    const lock = tagWriteLock(call.method, call.url);
    return lock === undefined
      ? this.#sendFollowing(call)
      : this.#locks.hold(lock.repository, lock.kind, () => this.#sendFollowing(call));
  }

  async #sendFollowing(call: Call): Promise<Exchange> {
    const credentialsOrigin = originOf(call);
    const headers = { 'User-Agent': this.#options.userAgent, ...call.headers };
    let url = call.url;
    for (let redirects = 0; ; redirects++) {
      const authorized = url.origin === credentialsOrigin;
      const request = { method: call.method, url, headers, body: call.body };
      const response = await this.#sendOnce(request, authorized ? call.credentials : undefined).catch(
        (error: unknown) => {
          // Said like an unexpected answer: what we were doing, then what broke.
          if (error instanceof NetworkError) {
            throw new NetworkError(`could not ${call.action}: ${error.message}`, error.code, { cause: error });
          }
          throw error;
        },
      );
      if (call.expect.includes(response.status)) return { response, url };

      const location = response.headers.get('location');
      const follows = call.method === 'GET' || call.method === 'HEAD';
      if (follows && REDIRECT_STATUSES.includes(response.status) && location !== null && redirects < MAX_REDIRECTS) {
        url = new URL(location, url);
        continue;
      }
      // Another host's query may hold a signature (presigned blob URLs): leave it out of the message.
      const shown = authorized ? url : new URL(url.pathname, url.origin);
      throw unexpectedResponseError(call.action, call.method, shown, response);
    }
  }

  #sendOnce(request: HttpRequest, credentials: CallCredentials | undefined): Promise<HttpResponse> {
    if (credentials !== undefined && 'registry' in credentials) {
      return this.#auth.send({ ...request, registry: credentials.registry, scope: credentials.scope });
    }
    let { headers } = request;
    if (credentials !== undefined) {
      this.#auth.reveal(credentials.bearer);
      headers = { ...headers, Authorization: `Bearer ${credentials.bearer}` };
    }
    return this.sendAsIs({ ...request, headers });
  }
}

/** The URL and credentials of a registry request about a repository: `path` is under /v2/<repository>/. */
export function repositoryTarget(
  name: ImageName,
  access: Access,
  path: string,
): { url: URL; credentials: CallCredentials } {
  return {
    url: new URL(`v2/${name.repository}/${path}`, registryUrl(name.registry)),
    credentials: repositoryCredentials(name, access),
  };
}

/** For a URL the registry gave (an upload location, the next page): the credentials of the repository. */
export function repositoryCredentials(name: ImageName, access: Access): CallCredentials {
  return { registry: name.registry, scope: `repository:${name.repository}:${SCOPE_ACTIONS[access]}` };
}

/**
 * The API root of a registry: Docker Hub's API host for docker.io; plain http for loopback (localhost,
 * 127.0.0.0/8, [::1]), which Docker treats as insecure registries by default; https for everything else.
 */
export function registryUrl(registry: string): URL {
  const host = canonicalRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
  const { hostname } = new URL(`http://${host}`);
  const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
  return new URL(`${loopback ? 'http' : 'https'}://${host}/`);
}

/** The origin that may see the call's credentials: the registry's API root, or the web API the call is to. */
function originOf(call: Call): string | undefined {
  if (call.credentials === undefined) return undefined;
  return 'registry' in call.credentials ? registryUrl(call.credentials.registry).origin : call.url.origin;
}
