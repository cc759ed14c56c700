// A tiny HTTP proxy in front of a lab registry that fails requests on purpose: the n-th request it receives gets
// the n-th fault of its list (a 503, a 429 with Retry-After, or a reset connection), later ones pass through. The
// Host header is passed on unchanged, so that the registry's upload Locations point back at the proxy. It listens
// on a free loopback port and closes itself after `lifetimeMs` if the test does not stop it first.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'unavailable' | 'too-many-requests' | 'reset';

export interface FaultProxy {
  /** `127.0.0.1:<port>`: the registry name to use through the proxy. */
  host: string;
  /** `METHOD path → fault` of each request, in order. */
  log: string[];
  stop(): Promise<void>;
}

export async function startFaultProxy(options: {
  /** `host:port` of the registry behind the proxy. */
  target: string;
  faults: readonly Fault[];
  /** The Retry-After of the 429s. */
  retryAfterSeconds?: number;
  lifetimeMs?: number;
}): Promise<FaultProxy> {
  const [targetHost = '', targetPort = '80'] = options.target.split(':');
  const log: string[] = [];
  let received = 0;

  const server = http.createServer((request, response) => {
    const fault = options.faults[received++] ?? 'pass';
    log.push(`${request.method ?? '?'} ${request.url ?? '?'} → ${fault}`);
    if (fault === 'pass') {
      const upstream = http.request(
        {
          host: targetHost,
          port: Number(targetPort),
          method: request.method,
          path: request.url,
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
      return;
    }
    // Read the request's body first, so that the client sees the fault, not a failure to send.
    request.resume();
    request.on('end', () => {
      if (fault === 'reset') {
        request.socket.resetAndDestroy();
      } else if (fault === 'unavailable') {
        sendError(response, 503, {}, 'UNAVAILABLE', 'injected by the fault proxy');
      } else {
        const retryAfter = { 'Retry-After': String(options.retryAfterSeconds ?? 1) };
        sendError(response, 429, retryAfter, 'TOOMANYREQUESTS', 'injected by the fault proxy');
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.closeAllConnections();
      server.close(() => {
        resolve();
      });
    });
  // Self-stopping: a test that forgets to stop it cannot leave it listening.
  const lifetime = setTimeout(() => void stop(), options.lifetimeMs ?? 120_000);
  lifetime.unref();
  return { host: `127.0.0.1:${port}`, log, stop };
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
