// The one place that calls `fetch`: every registry, token and blob-storage request goes through sendHttp.
import { RegistryError, displayUrl } from './errors.js';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export type Fetch = typeof fetch;

/**
 * Sends one request and returns the response whatever its status. Redirects are not followed here: the client
 * decides per hop whether the next host may see the Authorization header.
 */
export async function sendHttp(fetchImpl: Fetch, request: HttpRequest): Promise<Response> {
  try {
    return await fetchImpl(request.url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      redirect: 'manual',
    });
  } catch (error) {
    throw new RegistryError(
      `${request.method} ${displayUrl(request.url)} failed: ${networkReason(error)}`,
      undefined,
      [],
      { cause: error },
    );
  }
}

/** Releases a response whose body we do not need, so that its connection can be reused. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel();
}

// undici reports "fetch failed" and keeps the useful part (e.g. "connect ECONNREFUSED 127.0.0.1:5000") in `cause`.
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}
