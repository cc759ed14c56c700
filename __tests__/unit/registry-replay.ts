// A fake `fetch` that replays recorded HTTP exchanges in order: each request must be the next one expected
// (method, URL, Authorization), and gets the recorded response. Used by the registry auth and client tests.
import { STATUS_CODES } from 'node:http';

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

  readonly fetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const body = init?.body;
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url,
      headers: new Headers(init?.headers),
      body: body instanceof Uint8Array ? Buffer.from(body) : undefined,
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

function toResponse(spec: ResponseSpec): Response {
  const headers = new Headers(spec.headers);
  let body: string | Buffer | null = null;
  if (typeof spec.body === 'string' || Buffer.isBuffer(spec.body)) {
    body = spec.body;
  } else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  // A real server's reason phrase, as undici reports it over HTTP/1.1.
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
