// Registry authentication as the docker CLI does it: send the request; on a 401, read the WWW-Authenticate
// challenge and retry with Basic credentials or with a bearer token from the registry's token server
// (https://distribution.github.io/distribution/spec/auth/token/). What each registry asked for is remembered, so
// later requests carry credentials from the start, and tokens are reused until shortly before they expire.
import type { Credential, CredentialSource } from './credentials/credential.js';
import { RegistryAuthError, RegistryError, describeResponse, displayUrl, unexpectedResponseError } from './errors.js';
import { sendHttp, type Fetch, type HttpRequest, type HttpResponse } from './http.js';
import { oneLine } from '../one-line.js';

export interface Challenge {
  /** Lowercase, e.g. `bearer` or `basic`. */
  scheme: string;
  /** Lowercase parameter names, unquoted values. */
  params: Partial<Record<string, string>>;
}

export interface RegistryAuthOptions {
  credentials: CredentialSource;
  fetch: Fetch;
  /** The time limit of each request (registry and token server); sendHttp's default otherwise. */
  requestTimeoutMs?: number;
  /** Called once for each password or token the client sends, so that the caller can mask it in logs. */
  onSecret: (secret: string) => void;
  userAgent: string;
  /** Milliseconds since the epoch; tests move it forward to expire tokens. */
  now?: () => number;
}

/** A request to a registry, and the token scope it needs. */
export interface RegistryRequest extends HttpRequest {
  /** `host[:port]` as in the image name (Docker Hub: `docker.io`): the key for credentials and challenges. */
  registry: string;
  /** e.g. `repository:acme/app:pull`; undefined for requests about no repository. */
  scope?: string;
}

/** How a registry asked to be authenticated, from its first challenge. */
type Scheme = { kind: 'basic' } | { kind: 'bearer'; realm: URL; service: string | undefined };

interface Token {
  value: string;
  /** When we stop using it, a margin before the token server's expiry. */
  expiresAt: number;
}

/** The Authorization header for one request, and the cache key of the token in it (to forget it on a 401). */
interface Authorization {
  header: string;
  tokenKey?: string;
}

// The token spec's default lifetime, for token servers that do not send `expires_in`.
const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
// A token must still be valid when the request carrying it reaches the registry.
const TOKEN_EXPIRY_MARGIN_MS = 10_000;
// The token spec asks OAuth2 clients to identify themselves.
const OAUTH_CLIENT_ID = 'multiarch-build';

export class RegistryAuth {
  readonly #options: RegistryAuthOptions;
  readonly #now: () => number;
  /** Per registry. */
  readonly #schemes = new Map<string, Scheme>();
  /** The scopes to ask the token server for, per `registry scope` of a request, once a challenge named them. */
  readonly #scopes = new Map<string, string[]>();
  /** Per registry, realm, service and scopes; a promise so that concurrent requests share one token request. */
  readonly #tokens = new Map<string, Promise<Token>>();
  readonly #credentials = new Map<string, Promise<Credential | undefined>>();
  readonly #revealed = new Set<string>();

  constructor(options: RegistryAuthOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Sends the request, authenticating as the registry asks. Returns the response whatever its status, except that
   * a 401 after sending credentials (or when there are none to send) is a RegistryAuthError.
   */
  async send(request: RegistryRequest): Promise<HttpResponse> {
    const sent = await this.#authorization(request);
    const response = await this.#sendWith(request, sent);
    if (response.status !== 401) return response;
    const challenge = preferredChallenge(response.headers.get('www-authenticate') ?? '');
    // A 401 without a challenge we understand is reported like any other refusal, by the caller.
    if (challenge === undefined) return response;

    const credential = await this.credential(request.registry);
    // Basic credentials refused once would be refused again; without a password there is nothing to try.
    if (challenge.scheme === 'basic' && (sent !== undefined || credential?.kind !== 'password')) {
      const note =
        credential?.kind === 'identity-token'
          ? `it asks for a password and ${this.#options.credentials.description} has only an identity token for it`
          : undefined;
      throw this.#failure(request, response, credential, note);
    }
    // A bearer token can be refused for being expired or revoked, or too narrow: get a new one, once.
    if (sent?.tokenKey !== undefined) this.#tokens.delete(sent.tokenKey);
    this.#learn(request, challenge);

    const retried = await this.#sendWith(request, await this.#authorization(request));
    if (retried.status === 401) throw this.#failure(request, retried, credential);
    return retried;
  }

  #sendWith(request: RegistryRequest, authorization: Authorization | undefined): Promise<HttpResponse> {
    const headers = { ...request.headers };
    if (authorization !== undefined) headers.Authorization = authorization.header;
    return sendHttp(this.#options.fetch, { ...request, headers }, this.#options.requestTimeoutMs);
  }

  /** What to send before the registry asks: nothing until it has challenged us once. */
  async #authorization(request: RegistryRequest): Promise<Authorization | undefined> {
    const scheme = this.#schemes.get(request.registry);
    if (scheme === undefined) return undefined;
    const credential = await this.credential(request.registry);
    if (scheme.kind === 'basic') {
      return credential?.kind === 'password' ? { header: this.#basic(credential) } : undefined;
    }
    const scopes = this.#scopes.get(scopeKey(request)) ?? (request.scope === undefined ? [] : [request.scope]);
    const tokenKey = JSON.stringify([request.registry, scheme.realm.href, scheme.service ?? '', scopes]);
    const token = await this.#token(tokenKey, () => this.#fetchToken(request.registry, scheme, scopes, credential));
    return { header: `Bearer ${token}`, tokenKey };
  }

  #learn(request: RegistryRequest, challenge: Challenge): void {
    if (challenge.scheme === 'basic') {
      this.#schemes.set(request.registry, { kind: 'basic' });
      return;
    }
    const realm = parseRealm(challenge.params.realm);
    if (realm === undefined) {
      throw new RegistryError(
        `${request.registry} sent a bearer challenge without a valid http(s) realm: ` +
          `"${oneLine(challenge.params.realm ?? '')}"`,
        401,
      );
    }
    // The password goes wherever the challenge says: over plain http, anyone on the path could read it.
    if (realm.protocol === 'http:' && request.url.protocol === 'https:') {
      throw new RegistryAuthError(
        `refusing to authenticate to ${request.registry}: it names the token server ${displayUrl(realm)} over ` +
          'plain http, where the credentials of a registry served over https would travel unencrypted',
        401,
      );
    }
    this.#schemes.set(request.registry, { kind: 'bearer', realm, service: challenge.params.service });
    // Ask for what this request needs and for what the registry says it needs (a push may also need pull).
    const asked = (challenge.params.scope ?? '').split(' ').filter((scope) => scope !== '');
    this.#scopes.set(
      scopeKey(request),
      distinctScopes([...(request.scope === undefined ? [] : [request.scope]), ...asked]),
    );
  }

  async #token(key: string, fetchToken: () => Promise<Token>): Promise<string> {
    const cached = this.#tokens.get(key);
    if (cached !== undefined) {
      const token = await cached;
      if (token.expiresAt > this.#now()) return token.value;
    }
    const fetching = fetchToken();
    this.#tokens.set(key, fetching);
    // A failed token request is not cached: the next request tries again.
    void fetching.catch(() => {
      if (this.#tokens.get(key) === fetching) this.#tokens.delete(key);
    });
    return (await fetching).value;
  }

  // With a password: GET realm?service=…&scope=… with Basic auth (what the docker CLI does; every token server
  // supports it). With an identity token: the OAuth2 refresh-token POST, because an identity token is a refresh
  // token, not a password, and token servers accept it only as one.
  async #fetchToken(
    registry: string,
    scheme: Extract<Scheme, { kind: 'bearer' }>,
    scopes: string[],
    credential: Credential | undefined,
  ): Promise<Token> {
    const requestedAt = this.#now();
    const request =
      credential?.kind === 'identity-token'
        ? this.#refreshTokenRequest(scheme, scopes, credential)
        : this.#tokenRequest(scheme, scopes, credential);
    const response = await sendHttp(this.#options.fetch, request, this.#options.requestTimeoutMs);
    if (response.status === 401) throw this.#failure({ ...request, registry }, response, credential);
    if (!response.ok) {
      throw unexpectedResponseError(`get a token for ${registry}`, request.method, request.url, response);
    }

    const body = parseJsonObject(response.text());
    const value = body?.token ?? body?.access_token;
    if (typeof value !== 'string' || value === '') {
      throw new RegistryError(
        `could not get a token for ${registry}: ${request.method} ${displayUrl(request.url)} answered ${response.status} without a token`,
        response.status,
      );
    }
    this.reveal(value);
    const lifetime = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
    const lifetimeMs = (lifetime ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
    return { value, expiresAt: requestedAt + Math.max(lifetimeMs / 2, lifetimeMs - TOKEN_EXPIRY_MARGIN_MS) };
  }

  #tokenRequest(
    scheme: Extract<Scheme, { kind: 'bearer' }>,
    scopes: string[],
    credential: Credential | undefined,
  ): HttpRequest {
    const url = new URL(scheme.realm.href);
    if (scheme.service !== undefined) url.searchParams.set('service', scheme.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = { 'User-Agent': this.#options.userAgent, Accept: 'application/json' };
    if (credential?.kind === 'password') headers.Authorization = this.#basic(credential);
    return { method: 'GET', url, headers };
  }

  #refreshTokenRequest(
    scheme: Extract<Scheme, { kind: 'bearer' }>,
    scopes: string[],
    credential: Extract<Credential, { kind: 'identity-token' }>,
  ): HttpRequest {
    this.reveal(credential.identityToken);
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credential.identityToken,
      client_id: OAUTH_CLIENT_ID,
    });
    if (scheme.service !== undefined) form.set('service', scheme.service);
    // In the OAuth2 form, scopes are one space-separated parameter.
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    return {
      method: 'POST',
      url: new URL(scheme.realm.href),
      headers: {
        'User-Agent': this.#options.userAgent,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: Buffer.from(form.toString()),
    };
  }

  #basic(credential: Extract<Credential, { kind: 'password' }>): string {
    const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
    this.reveal(credential.password);
    this.reveal(encoded);
    return `Basic ${encoded}`;
  }

  /** Hands a secret to onSecret, once: what the client sends, and what other APIs of the registry are sent. */
  reveal(secret: string): void {
    if (secret === '' || this.#revealed.has(secret)) return;
    this.#revealed.add(secret);
    this.#options.onSecret(secret);
  }

  /** The credential for a registry, asked of the source once (a credential helper runs once per registry). */
  credential(registry: string): Promise<Credential | undefined> {
    let credential = this.#credentials.get(registry);
    if (credential === undefined) {
      credential = this.#options.credentials.get(registry);
      this.#credentials.set(registry, credential);
    }
    return credential;
  }

  /** "authentication to R failed for user "u": GET … answered 401 UNAUTHORIZED: …", never with the secret. */
  #failure(
    request: RegistryRequest,
    response: HttpResponse,
    credential: Credential | undefined,
    note?: string,
  ): RegistryAuthError {
    const { status, codes, summary } = describeResponse(request.method, request.url, response);
    const outcome =
      credential === undefined
        ? `is required, but ${this.#options.credentials.description} has no credentials for it`
        : credential.username === ''
          ? // A credential helper's identity token comes without a user name.
            'failed with the identity token'
          : `failed for user "${credential.username}"`;
    const reason = note === undefined ? summary : `${note}; ${summary}`;
    return new RegistryAuthError(`authentication to ${request.registry} ${outcome}: ${reason}`, status, codes);
  }
}

/**
 * Parses a WWW-Authenticate value (RFC 9110 section 11.6.1): challenges such as
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull,push"`,
 * several of them separated by commas, with quoted values that may hold commas and escaped quotes.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let position = 0;
  const skip = (pattern: RegExp) => {
    while (position < header.length && pattern.test(header.charAt(position))) position++;
  };
  const token = (): string => {
    const start = position;
    skip(TOKEN_CHAR);
    return header.slice(start, position);
  };
  // Leniently up to the next comma or space: RFC 9110 wants a token here, but an unquoted realm URL is unambiguous.
  const unquoted = (): string => {
    const start = position;
    skip(/[^\s,]/);
    return header.slice(start, position);
  };
  const quoted = (): string => {
    let value = '';
    position++; // the opening quote
    while (position < header.length && header.charAt(position) !== '"') {
      if (header.charAt(position) === '\\') position++;
      value += header.charAt(position);
      position++;
    }
    position++; // the closing quote
    return value;
  };

  while (position < header.length) {
    skip(/[\s,]/);
    const scheme = token();
    if (scheme === '') {
      // Not a challenge: skip the character so that a malformed header cannot stall the parser.
      position++;
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    for (;;) {
      skip(/[\s,]/);
      const start = position;
      const name = token();
      skip(/\s/);
      if (name === '' || header.charAt(position) !== '=') {
        // The next challenge's scheme (or a token68, which registries do not use): back to the outer loop.
        position = start;
        break;
      }
      position++;
      skip(/\s/);
      challenge.params[name.toLowerCase()] = header.charAt(position) === '"' ? quoted() : unquoted();
    }
  }
  return challenges;
}

// RFC 9110 tchar.
const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

/** Bearer when offered (it is what registries prefer), else Basic; other schemes are not supported. */
function preferredChallenge(header: string): Challenge | undefined {
  const challenges = parseWwwAuthenticate(header);
  return (
    challenges.find((challenge) => challenge.scheme === 'bearer') ??
    challenges.find((challenge) => challenge.scheme === 'basic')
  );
}

/**
 * Each scope once, in the order given, where once means the same resource and the same actions in any order: the
 * distribution registry lists a challenge's actions from a Go map, so in a random order (`pull,push` or `push,pull`).
 */
export function distinctScopes(scopes: string[]): string[] {
  const byMeaning = new Map<string, string>();
  for (const scope of scopes) {
    const actionsAt = scope.lastIndexOf(':');
    const actions = scope
      .slice(actionsAt + 1)
      .split(',')
      .sort()
      .join(',');
    const meaning = actionsAt < 0 ? scope : `${scope.slice(0, actionsAt)}:${actions}`;
    if (!byMeaning.has(meaning)) byMeaning.set(meaning, scope);
  }
  return [...byMeaning.values()];
}

function scopeKey(request: RegistryRequest): string {
  return `${request.registry} ${request.scope ?? ''}`;
}

function parseRealm(realm: string | undefined): URL | undefined {
  if (realm === undefined) return undefined;
  try {
    const url = new URL(realm);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
