// A tiny HTTP proxy in front of a lab registry that fails requests on purpose. The n-th request it receives gets
// the n-th fault of `faults`; once that list is used up, `chooseFault` (if given, e.g. seededFaults) picks the
// fault of each further request, else it passes. Faults: an error status (429 with Retry-After, 500, 502, 503,
// 404 MANIFEST_UNKNOWN, 403 DENIED), a connection reset before any answer (the request never reaches the
// registry), a reset in the middle of the registry's answer (the registry did the work, the client never learns
// it), a slow answer, or a write acknowledged and never applied (a cache or replica in front of the registry).
// An outage (every request answered 503, or held unanswered) can be started at any time, or with the request after
// a given one. The Host header is passed on unchanged, so that the registry's upload Locations point back at the
// proxy. It listens on a free loopback port and closes itself after `lifetimeMs` if the test does not stop it first.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'pass'
  | 'unavailable'
  | 'too-many-requests'
  | 'internal-error'
  | 'bad-gateway'
  /** 404 MANIFEST_UNKNOWN, as distribution answers a DELETE of a manifest it no longer has. */
  | 'manifest-unknown'
  /** 403 DENIED, as a registry answers a token that may not do what it asks. */
  | 'forbidden'
  | 'reset'
  | 'reset-mid-body'
  | 'slow'
  /** 201 with the body's digest, the request never passed on: a write a cache in front of the registry swallowed. */
  | 'swallow-write';

/** `unavailable`: every request is answered 503. `hold`: every request waits, unanswered, until stop(). */
export type Outage = 'unavailable' | 'hold';

export interface ProxiedRequest {
  method: string;
  url: string;
  /** Tells the action's own client (multiarch-build) from the engine's pushes (docker/…, buildkit/…). */
  userAgent: string;
}

export interface FaultProxy {
  /** `127.0.0.1:<port>`: the registry name to use through the proxy. */
  host: string;
  /** `METHOD path → fault` of each request, in order. */
  log: string[];
  /** Each request with the fault it got, in order. */
  requests: (ProxiedRequest & { fault: Fault | `outage:${Outage}` })[];
  /** Starts an outage now: every later request gets it. */
  startOutage(outage: Outage): void;
  /**
   * Starts an outage with the first request after one matching `when`: that one still passes, every later one
   * gets the outage. Resolves once the matching request has been answered.
   */
  outageAfter(when: (request: ProxiedRequest) => boolean, outage: Outage): Promise<void>;
  /** Closes the port (later connections are refused) and drops every held or open connection. */
  stop(): Promise<void>;
}

const STATUS_FAULTS: Partial<Record<Fault, { status: number; code: string }>> = {
  unavailable: { status: 503, code: 'UNAVAILABLE' },
  'too-many-requests': { status: 429, code: 'TOOMANYREQUESTS' },
  'internal-error': { status: 500, code: 'UNKNOWN' },
  'bad-gateway': { status: 502, code: 'UNAVAILABLE' },
  'manifest-unknown': { status: 404, code: 'MANIFEST_UNKNOWN' },
  forbidden: { status: 403, code: 'DENIED' },
};

export async function startFaultProxy(options: {
  /** `host:port` of the registry behind the proxy. */
  target: string;
  faults?: readonly Fault[];
  /** The fault of each request after `faults` is used up. */
  chooseFault?: (request: ProxiedRequest) => Fault;
  /** The Retry-After of the 429s. */
  retryAfterSeconds?: number;
  /** How long a `slow` request waits before it is passed on. */
  slowMs?: number;
  lifetimeMs?: number;
}): Promise<FaultProxy> {
  const [targetHost = '', targetPort = '80'] = options.target.split(':');
  const faults = options.faults ?? [];
  const log: string[] = [];
  const requests: FaultProxy['requests'] = [];
  const held = new Set<http.ServerResponse>();
  let received = 0;
  let outage: Outage | undefined;
  let pendingOutage: { when: (request: ProxiedRequest) => boolean; outage: Outage; answered: () => void } | undefined;

  function pickFault(request: ProxiedRequest): Fault {
    const listed = faults[received++];
    return listed ?? options.chooseFault?.(request) ?? 'pass';
  }

  /** When `request` is the one the pending outage waits for: the outage starts, and `answered` once it is. */
  function outageTrigger(request: ProxiedRequest): (() => void) | undefined {
    if (pendingOutage?.when(request) !== true) return undefined;
    const trigger = pendingOutage;
    pendingOutage = undefined;
    outage = trigger.outage;
    return trigger.answered;
  }

  function forward(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    cutBody: boolean,
    onAnswered: (() => void) | undefined,
  ): void {
    const upstream = http.request(
      {
        host: targetHost,
        port: Number(targetPort),
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        if (cutBody) {
          cutAnswer(answer, response);
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        response.on('finish', () => onAnswered?.());
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }

  const server = http.createServer((request, response) => {
    const proxied = {
      method: request.method ?? '?',
      url: request.url ?? '?',
      userAgent: request.headers['user-agent'] ?? '',
    };
    if (outage !== undefined) {
      log.push(`${proxied.method} ${proxied.url} → outage:${outage}`);
      requests.push({ ...proxied, fault: `outage:${outage}` });
      request.resume();
      if (outage === 'hold') held.add(response);
      else {
        request.on('end', () => {
          sendError(response, 503, {}, 'UNAVAILABLE', 'the registry is down (fault proxy)');
        });
      }
      return;
    }
    const fault = pickFault(proxied);
    log.push(`${proxied.method} ${proxied.url} → ${fault}`);
    requests.push({ ...proxied, fault });
    if (fault === 'reset-mid-body') {
      forward(request, response, true, undefined);
      return;
    }
    // Only a request that gets its answer can be the one an outage waits for.
    const onAnswered = fault === 'pass' || fault === 'slow' ? outageTrigger(proxied) : undefined;
    if (fault === 'pass') {
      forward(request, response, false, onAnswered);
      return;
    }
    if (fault === 'slow') {
      const timer = setTimeout(() => {
        forward(request, response, false, onAnswered);
      }, options.slowMs ?? 1_500);
      response.on('close', () => {
        clearTimeout(timer);
      });
      return;
    }
    if (fault === 'swallow-write') {
      const body: Buffer[] = [];
      request.on('data', (chunk: Buffer) => body.push(chunk));
      request.on('end', () => {
        const digest = `sha256:${createHash('sha256').update(Buffer.concat(body)).digest('hex')}`;
        response.writeHead(201, { 'Docker-Content-Digest': digest, Location: proxied.url }).end();
      });
      return;
    }
    // Read the request's body first, so that the client sees the fault, not a failure to send.
    request.resume();
    request.on('end', () => {
      const status = STATUS_FAULTS[fault];
      if (status === undefined) {
        request.socket.resetAndDestroy();
        return;
      }
      const retryAfter: Record<string, string> =
        fault === 'too-many-requests' ? { 'Retry-After': String(options.retryAfterSeconds ?? 1) } : {};
      sendError(response, status.status, retryAfter, status.code, 'injected by the fault proxy');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      for (const response of held) response.destroy();
      server.closeAllConnections();
      server.close(() => {
        resolve();
      });
    }));
  // Self-stopping: a test that forgets to stop it cannot leave it listening.
  const lifetime = setTimeout(() => void stop(), options.lifetimeMs ?? 120_000);
  lifetime.unref();
  return {
    host: `127.0.0.1:${port}`,
    log,
    requests,
    startOutage: (kind) => {
      outage = kind;
    },
    outageAfter: (when, kind) =>
      new Promise<void>((answered) => {
        pendingOutage = { when, outage: kind, answered };
      }),
    stop,
  };
}

/**
 * The registry's status line and headers, then half of its body, then a reset. An answer without a body is reset
 * before its headers: either way the registry did the work and the client sees a broken connection.
 */
function cutAnswer(answer: http.IncomingMessage, response: http.ServerResponse): void {
  const length = Number(answer.headers['content-length'] ?? 0);
  if (!(length > 1)) {
    answer.resume();
    answer.on('end', () => response.socket?.resetAndDestroy());
    return;
  }
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.on('end', () => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    response.write(Buffer.concat(chunks).subarray(0, Math.floor(length / 2)), () => {
      response.socket?.resetAndDestroy();
    });
  });
}

function sendError(
  response: http.ServerResponse,
  status: number,
  headers: Record<string, string>,
  code: string,
  message: string,
): void {
  const body = JSON.stringify({ errors: [{ code, message, detail: null }] });
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': body.length });
  response.end(body);
}

/**
 * Faults drawn at random, reproducibly: a seeded generator (mulberry32) fails `rate` of the requests, each with a
 * fault drawn from `kinds`. The same seed gives the same sequence of faults (which request gets which depends on
 * the order requests arrive in). `tally` counts what was drawn.
 */
export function seededFaults(options: { seed: number; rate: number; kinds: readonly Fault[] }): {
  chooseFault: () => Fault;
  tally: Map<Fault, number>;
} {
  const random = mulberry32(options.seed);
  const tally = new Map<Fault, number>();
  const chooseFault = (): Fault => {
    const failed = random() < options.rate;
    const index = Math.floor(random() * options.kinds.length);
    const fault = failed ? (options.kinds[index] ?? 'pass') : 'pass';
    tally.set(fault, (tally.get(fault) ?? 0) + 1);
    return fault;
  };
  return { chooseFault, tally };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
