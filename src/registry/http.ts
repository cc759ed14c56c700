// The one place that sends HTTP: every registry, token, blob-storage and web API request goes through sendHttp,
// over node's own http and https modules, whose answers arrive whole with their status line and headers as sent.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { RegistryError, displayUrl } from './errors.js';
import { isObject } from '../is-object.js';
import { oneLine } from '../one-line.js';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Uint8Array;
}

/** Response headers by name, case-insensitive; repeated headers joined with ", " (as fetch's Headers). */
export interface HeaderLookup {
  get(name: string): string | null;
  /** Each header once, for a client that takes a whole answer (Octokit). */
  forEach(callback: (value: string, name: string) => void): void;
}

/** One exchange as a transport reports it: the status line, the headers, and the whole body. */
export interface HttpExchange {
  status: number;
  statusText: string;
  headers: HeaderLookup;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What sendHttp hands a transport: one exchange, redirects not followed, given up once `signal` aborts. */
export interface SendInit {
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  signal: AbortSignal;
}

/** A transport: node:http by default, recorded exchanges in tests (a fetch Response is an HttpExchange). */
export type Fetch = (url: string, init: SendInit) => Promise<HttpExchange>;

/** An answer whose body has been read in full. */
export class HttpResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: HeaderLookup,
    readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  text(): string {
    return this.body.toString('utf8');
  }
}

/** The transport every client uses unless a test gives another: node:http or node:https, by the URL's scheme. */
export const defaultFetch: Fetch = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...init.headers };
    // A known length rather than chunked encoding, which some registries refuse on uploads (fetch does the same).
    if (init.body !== null) headers['Content-Length'] = String(init.body.byteLength);
    else if (init.method === 'POST' || init.method === 'PUT') headers['Content-Length'] = '0';
    const sent = send(target, { method: init.method, headers, signal: init.signal }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: headerLookup(response.headers),
          arrayBuffer: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)),
        });
      });
      response.on('close', () => {
        if (!response.complete)
          reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
      });
    });
    sent.on('error', reject);
    sent.end(init.body ?? undefined);
  });

function headerLookup(headers: IncomingHttpHeaders): HeaderLookup {
  const joined = (value: string | string[]) => (Array.isArray(value) ? value.join(', ') : value);
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : joined(value);
    },
    forEach: (callback) => {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) callback(joined(value), name);
    },
  };
}

/** How long one request may take, until the last byte of its answer. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** A request that got no (complete) answer: refused, reset, timed out. `code` says which, e.g. `ECONNRESET`. */
export class NetworkError extends RegistryError {
  override name = 'NetworkError';

  constructor(
    message: string,
    /** The system error code (`ECONNREFUSED`, `ECONNRESET`…), `TIMEOUT` for our own time limit. */
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
): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const exchange = await fetchImpl(request.url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal,
    });
    const body = Buffer.from(await exchange.arrayBuffer());
    return new HttpResponse(exchange.status, exchange.statusText, exchange.headers, body);
  } catch (error) {
    const code = signal.aborted ? 'TIMEOUT' : networkErrorCode(error);
    const reason = code === 'TIMEOUT' ? `no complete answer within ${timeoutMs / 1000} s` : networkReason(error);
    throw new NetworkError(`${request.method} ${displayUrl(request.url)} failed: ${reason}`, code, { cause: error });
  }
}

// Errors are looked at by shape, not with instanceof: they may come from another realm than this module's Error
// (as under jest's VM modules). A fetch (in tests) reports "fetch failed" and keeps the system error in `cause`;
// a connection tried on several addresses fails with an AggregateError of one error per address.
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
  return oneLine(isObject(described) && typeof described.message === 'string' ? described.message : String(error));
}

/** The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL. */
export function nextPage(link: string | null, url: URL): URL | undefined {
  for (const match of (link ?? '').matchAll(/<([^>]*)>([^,<]*)/g)) {
    const [, target = '', params = ''] = match;
    if (/;\s*rel="?next"?(?:[\s;]|$)/i.test(params)) return new URL(target, url);
  }
  return undefined;
}
