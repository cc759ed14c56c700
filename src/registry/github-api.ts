// The GitHub REST API through @actions/github's Octokit, at the API the runner names (GITHUB_API_URL:
// https://api.github.com, or a GitHub Enterprise Server's https://HOST/api/v3). Octokit builds each request, adds
// the token and follows pagination; it sends through the registry client's own HTTP path (time limit, network
// errors), and the token goes to that API's origin only: a request elsewhere (a Link to another host) is refused
// unsent, and a redirect is not followed. Failures become RegistryErrors, so the client's retries apply to them, and
// a rate limit is waited out in full, as GitHub asks
// (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#rate-limit-errors).
// No retry or throttling plugin: a DELETE must be sent once, and its caller reads the tag before it tries again.
import type { getOctokit } from '@actions/github';
import { isObject } from '../is-object.js';
import { oneLine } from '../one-line.js';
import { RateLimitedError, RegistryError, displayUrl } from './errors.js';
import { NetworkError } from './http.js';
import type { Transport } from './transport.js';

/** A token for the GitHub API, and where that API is. */
export interface GitHubApiAccess {
  token: string;
  /**
   * The REST API's root, the only origin the token is sent to: by default the runner's GITHUB_API_URL, as
   * @actions/github's context reads it.
   */
  apiUrl?: string;
}

export interface GitHubApi {
  octokit: ReturnType<typeof getOctokit>;
  /** Where the API is, for messages. */
  apiUrl: string;
}

// What GitHub's REST documentation asks every request to send.
const API_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
// Statuses whose answer has no body (the fetch standard's null body statuses that a server can send).
const BODILESS_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** An Octokit for `access` whose requests go through `transport`, to the API's origin only. */
export async function githubApi(transport: Transport, access: GitHubApiAccess): Promise<GitHubApi> {
  transport.reveal(access.token);
  // Loaded only when a ghcr.io tag is deleted or an attestation stored: Octokit stays out of the entry chunk.
  const github = await import('@actions/github');
  const apiUrl = access.apiUrl ?? github.context.apiUrl;
  const origin = httpOrigin(apiUrl);
  const octokit = github.getOctokit(access.token, {
    baseUrl: apiUrl.replace(/\/+$/, ''),
    request: { fetch: (url: string, init: RequestInit) => send(transport, { origin, apiUrl }, url, init) },
  });
  octokit.hook.before('request', (options) => {
    Object.assign(options.headers, API_HEADERS);
  });
  return { octokit, apiUrl };
}

/**
 * Octokit's fetch: refuses a URL outside the API's origin before sending, and a redirect after; hands Octokit the
 * answer, read whole, as a fetch Response.
 */
async function send(
  transport: Transport,
  api: { origin: string | undefined; apiUrl: string },
  url: string,
  init: RequestInit,
): Promise<Response> {
  if (api.origin === undefined) {
    throw new RegistryError(
      `GITHUB_API_URL "${api.apiUrl}" is not an http(s) URL: the GitHub token is sent nowhere`,
      undefined,
    );
  }
  const target = URL.canParse(url) ? new URL(url) : undefined;
  if (target?.origin !== api.origin) {
    throw new RegistryError(
      `refusing to send the GitHub token to ${target?.origin ?? oneLine(url)}: it goes only to the GitHub API ` +
        `the runner names, ${api.origin}`,
      undefined,
    );
  }
  const method = init.method ?? 'GET';
  const response = await transport.sendAsIs({
    method,
    url: target,
    headers: Object.fromEntries(new Headers(init.headers)),
    // Octokit sends a JSON body (an attestation's) as text.
    body: typeof init.body === 'string' ? Buffer.from(init.body) : undefined,
  });
  if (response.status >= 300 && response.status < 400) {
    throw new RegistryError(
      `${method} ${displayUrl(target)} answered ${response.status}, a redirect to ` +
        `${oneLine(response.headers.get('location') ?? 'nowhere')}: not followed, the GitHub token goes only to ` +
        api.origin,
      response.status,
    );
  }
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    headers.append(name, value);
  });
  return new Response(BODILESS_STATUSES.has(response.status) ? null : response.body, {
    status: response.status,
    headers,
  });
}

/**
 * A failed Octokit call as the client's errors, `could not ${action}: …`: send's refusal or network failure as the
 * error it threw, an answer by its status and GitHub's message, and a rate limit (403 or 429 with Retry-After, or
 * with no requests left until x-ratelimit-reset) as a RateLimitedError. Anything else is returned as it is.
 */
export function apiFailure(action: string, error: unknown): unknown {
  if (!isObject(error)) return error;
  const { cause, request, response, status } = error;
  if (cause instanceof NetworkError) {
    return new NetworkError(`could not ${action}: ${cause.message}`, cause.code, { cause });
  }
  if (cause instanceof RegistryError) {
    return new RegistryError(`could not ${action}: ${cause.message}`, cause.status, cause.codes, { cause });
  }
  // Octokit's RequestError, by its shape (it may come from another realm, as under jest's VM modules).
  if (error.name !== 'HttpError' || typeof status !== 'number' || !isObject(request) || !isObject(response)) {
    return error;
  }
  const headers = isObject(response.headers) ? response.headers : {};
  const header = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const reset = Number(header('x-ratelimit-reset'));
  const retryAfter =
    header('retry-after') ??
    (header('x-ratelimit-remaining') === '0' && Number.isSafeInteger(reset)
      ? new Date(reset * 1000).toUTCString()
      : undefined);
  const where = `${String(request.method)} ${displayUrl(new URL(String(request.url)))}`;
  const message = `could not ${action}: ${where} answered ${status}: ${oneLine(String(error.message))}`;
  const rateLimited = (status === 403 || status === 429) && retryAfter !== undefined;
  return new (rateLimited ? RateLimitedError : RegistryError)(message, status, [], { cause: error, retryAfter });
}

/** The origin of an http(s) URL; undefined for anything else. */
function httpOrigin(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
}
