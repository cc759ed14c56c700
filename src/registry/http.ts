// The one place that calls `fetch`: every registry, token, blob-storage and web API request goes through sendHttp.
// undici's fetch and Response rather than node's globals: @actions/core loads this undici anyway, while node's own
// copy (behind the globals) would be loaded and compiled on first use, ~50 ms of every step.
import { Response, fetch as undiciFetch } from 'undici';
import { RegistryError, displayUrl } from './errors.js';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export type Fetch = typeof undiciFetch;

/** The fetch every client uses unless a test gives another. */
export const defaultFetch: Fetch = undiciFetch;

/** How long one request may take, until the last byte of its answer. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** A request that got no (complete) answer: refused, reset, timed out. `code` says which, e.g. `ECONNRESET`. */
export class NetworkError extends RegistryError {
  override name = 'NetworkError';

  constructor(
    message: string,
    /** The system or undici error code (`ECONNREFUSED`, `UND_ERR_SOCKET`…), `TIMEOUT` for our own time limit. */
    readonly code: string | undefined,
    options: ErrorOptions,
  ) {
    super(message, undefined, [], options);
  }
}

/**
 * Sends one request and returns the response, whatever its status, with its body already read: the time limit
 * covers the whole exchange, and a connection that breaks while the body arrives fails here, as a NetworkError
 * that the caller may retry, rather than later in whoever reads the body. Responses are small (manifests, tag
 * lists, configs, errors). Redirects are not followed here: the caller decides per hop whether the next host may
 * see the Authorization header.
 */
export async function sendHttp(
  fetchImpl: Fetch,
  request: HttpRequest,
  timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
): Promise<Response> {
  try {
    const response = await fetchImpl(request.url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.arrayBuffer();
    // A 204 (and other null-body statuses) cannot be constructed with a body, even an empty one.
    return new Response(body.byteLength === 0 ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    const code = isTimeout(error) ? 'TIMEOUT' : networkErrorCode(error);
    const reason = code === 'TIMEOUT' ? `no complete answer within ${timeoutMs / 1000} s` : networkReason(error);
    throw new NetworkError(`${request.method} ${displayUrl(request.url)} failed: ${reason}`, code, { cause: error });
  }
}

// Errors are looked at by shape, not with instanceof: undici's and AbortSignal's errors may come from another
// realm than this module's Error (as under jest's VM modules).
function isTimeout(error: unknown): boolean {
  return isObject(error) && error.name === 'TimeoutError';
}

// undici reports "fetch failed" (or "terminated" when the body breaks off) and keeps the useful part, e.g.
// "connect ECONNREFUSED 127.0.0.1:5000", in `cause`; a connection tried on several addresses fails with an
// AggregateError of one error per address.
function networkErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error; isObject(current); current = current.cause) {
    if (typeof current.code === 'string') return current.code;
    if (Array.isArray(current.errors)) {
      return (current.errors as unknown[]).map(networkErrorCode).find((code) => code !== undefined);
    }
  }
  return undefined;
}

function networkReason(error: unknown): string {
  const described = isObject(error) && isObject(error.cause) ? error.cause : error;
  return isObject(described) && typeof described.message === 'string' ? described.message : String(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL. */
export function nextPage(link: string | null, url: URL): URL | undefined {
  for (const match of (link ?? '').matchAll(/<([^>]*)>([^,<]*)/g)) {
    const [, target = '', params = ''] = match;
    if (/;\s*rel="?next"?(?:[\s;]|$)/i.test(params)) return new URL(target, url);
  }
  return undefined;
}
