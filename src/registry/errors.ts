// Errors that say what failed and where: the operation, the method and URL (never credentials), the HTTP status and
// the registry's own error codes and messages from its `{"errors": [...]}` body, each on one line (one-line.ts).
import { oneLine } from '../one-line.js';

/** What these errors read of an answer (http.ts's HttpResponse has it). */
export interface AnsweredResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): string;
}

/** A request to a registry (or its token server) that failed; the message says what, where and why. */
export class RegistryError extends Error {
  override name = 'RegistryError';
  /** The Retry-After header of the answer (429, 503), for the retry schedule. */
  readonly retryAfter: string | undefined;

  constructor(
    message: string,
    /** The HTTP status, or undefined when no response came back (network failure). */
    readonly status: number | undefined,
    /** The registry's error codes, e.g. `MANIFEST_UNKNOWN`, `UNSUPPORTED`. */
    readonly codes: readonly string[] = [],
    options?: ErrorOptions & { retryAfter?: string },
  ) {
    super(message, options);
    this.retryAfter = options?.retryAfter;
  }
}

/** The registry refused the credentials we have, or asked for credentials we do not have. */
export class RegistryAuthError extends RegistryError {
  override name = 'RegistryAuthError';
}

/** What a response that we did not expect says: the status, the registry's codes and a one-line summary. */
export interface UnexpectedResponse {
  status: number;
  codes: string[];
  /** e.g. `GET http://127.0.0.1:5000/v2/a/manifests/b answered 404 MANIFEST_UNKNOWN: manifest unknown`. */
  summary: string;
}

/** How much of a body that is not a registry error we quote (proxies and load balancers send whole HTML pages). */
const MAX_QUOTED_BODY = 200;

/** Summarizes an unexpected response from its status and body. */
export function describeResponse(method: string, url: URL, response: AnsweredResponse): UnexpectedResponse {
  const text = response.text();
  const errors = registryErrors(text);
  const where = `${method} ${displayUrl(url)} answered ${response.status}`;
  if (errors.length > 0) {
    const details = errors.map((error) => oneLine(error.message ? `${error.code}: ${error.message}` : error.code));
    return {
      status: response.status,
      codes: errors.map((error) => error.code),
      summary: `${where} ${details.join('; ')}`,
    };
  }
  const body = oneLine(text);
  const quoted = body.length > MAX_QUOTED_BODY ? `${body.slice(0, MAX_QUOTED_BODY)}…` : body;
  const reason = [oneLine(response.statusText), quoted].filter((part) => part !== '').join(': ');
  return { status: response.status, codes: [], summary: reason === '' ? where : `${where} ${reason}` };
}

/** A RegistryError for a response of a status the caller does not handle; `action` is e.g. `get manifest x:y`. */
export function unexpectedResponseError(
  action: string,
  method: string,
  url: URL,
  response: AnsweredResponse,
): RegistryError {
  const { status, codes, summary } = describeResponse(method, url, response);
  const retryAfter = response.headers.get('retry-after') ?? undefined;
  return new RegistryError(`could not ${action}: ${summary}`, status, codes, { retryAfter });
}

/** A URL fit for messages: without user info (the client never puts credentials in URLs; this makes sure). */
export function displayUrl(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

function registryErrors(text: string): { code: string; message: string }[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return [];
  return (body.errors as unknown[]).flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { code, message } = entry as { code?: unknown; message?: unknown };
    if (typeof code !== 'string') return [];
    return [{ code, message: typeof message === 'string' ? message : '' }];
  });
}

/**
 * The server refused for its rate limit and said when to come back (its retryAfter). GitHub's API may ban a client
 * that comes back sooner, so a retry waits the whole time or is not made.
 */
export class RateLimitedError extends RegistryError {
  override name = 'RateLimitedError';
}

/** What was just written is not readable yet (registries that are eventually consistent): worth polling for. */
export class NotYetVisibleError extends RegistryError {
  override name = 'NotYetVisibleError';
}

/** Every deletion by digest checks here first: nothing the published index references is ever deleted. */
export function refuseProtected(digest: string, protectedDigests: ReadonlySet<string>): void {
  if (protectedDigests.has(digest)) {
    throw new RegistryError(`refusing to delete ${digest}: the published index references it`, undefined);
  }
}
