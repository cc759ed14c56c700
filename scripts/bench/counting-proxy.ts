// Test code, loopback only: an HTTP proxy between the action and the throwaway registry that counts the requests
// it forwards, by method, and the answers that were server errors (which a client may retry). The action and the engine push to the proxy's address, so that address is what the image
// references name; the Host header is forwarded as is, so the registry's upload URLs point back at the proxy too.
import { once } from 'node:events';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RequestCounts {
  byMethod: Map<string, number>;
  /** Answers with a 5xx status. */
  serverErrors: number;
}

export interface CountingProxy {
  /** host:port to use in image references. */
  address: string;
  /** Forget the requests counted so far. */
  reset: () => void;
  /** What was forwarded since the last reset. */
  counts: () => RequestCounts;
  stop: () => Promise<void>;
}

/** Headers about one connection, which a proxy must not pass on (RFC 9110, section 7.6.1). */
const HOP_BY_HOP_HEADERS = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/**
 * Starts the proxy on a free loopback port. It stops itself after maxLifetimeMs even if nobody calls stop(), so a
 * benchmark that dies half-way cannot leave it running; the timer does not keep the process alive.
 */
export async function startCountingProxy(upstreamPort: number, maxLifetimeMs: number): Promise<CountingProxy> {
  let counts = noRequests();
  const server = createServer((incoming, response) => {
    // An answer counts with its request, even when a reset comes in between.
    const tally = counts;
    const method = incoming.method ?? 'GET';
    tally.byMethod.set(method, (tally.byMethod.get(method) ?? 0) + 1);
    forward(incoming, response, upstreamPort, (status) => {
      if (status >= 500) tally.serverErrors++;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the counting proxy has no port');

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
    return stopped;
  };
  setTimeout(() => void stop(), maxLifetimeMs).unref();

  return {
    address: `127.0.0.1:${String(address.port)}`,
    reset: () => {
      counts = noRequests();
    },
    counts: () => ({ byMethod: new Map(counts.byMethod), serverErrors: counts.serverErrors }),
    stop,
  };
}

function noRequests(): RequestCounts {
  return { byMethod: new Map(), serverErrors: 0 };
}

function forward(
  incoming: IncomingMessage,
  response: ServerResponse,
  upstreamPort: number,
  onAnswer: (status: number) => void,
): void {
  const upstream = request(
    {
      host: '127.0.0.1',
      port: upstreamPort,
      method: incoming.method,
      path: incoming.url,
      headers: endToEndHeaders(incoming.headers),
    },
    (answer) => {
      onAnswer(answer.statusCode ?? 502);
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    if (response.headersSent) {
      response.destroy(error);
    } else {
      onAnswer(502);
      response.writeHead(502).end(`counting proxy: ${error.message}`);
    }
  });
  incoming.pipe(upstream);
}

/** The headers without the hop-by-hop ones; Node frames each side's body itself (Content-Length or chunked). */
function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP_HEADERS.includes(name)));
}
