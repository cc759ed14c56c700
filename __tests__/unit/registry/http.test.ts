// sendHttp over the default transport (node:http) against a real HTTP server on a loopback port: what reaches the
// server, how answers are read, and how each way of getting no complete answer is reported.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultFetch, NetworkError, sendHttp, type HttpResponse } from '../../../src/registry/http.js';

interface Received {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: URL;
let answer: (request: IncomingMessage, response: ServerResponse) => void;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

function send(method: string, body?: string, timeoutMs?: number): Promise<HttpResponse> {
  return sendHttp(
    defaultFetch,
    {
      method,
      url: new URL('/v2/lab/app/blobs/uploads/', base),
      headers: { 'User-Agent': 'multiarch-build-test' },
      ...(body === undefined ? {} : { body: Buffer.from(body) }),
    },
    timeoutMs,
  );
}

describe('sendHttp over node:http', () => {
  it.each([
    ['POST', '0', undefined],
    ['PUT', '12', '{"config":1}'],
  ])('sends %s with Content-Length %s, never chunked', async (method, length, body) => {
    answer = (_request, response) => response.writeHead(202, { Location: '/upload/1' }).end();
    const response = await send(method, body);
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe('/upload/1');
    expect(received.map(({ method, body }) => ({ method, body }))).toEqual([{ method, body: body ?? '' }]);
    expect(received[0]?.headers).toMatchObject({ 'content-length': length, 'user-agent': 'multiarch-build-test' });
    expect(received[0]?.headers['transfer-encoding']).toBeUndefined();
  });

  it('reads the whole body and joins a repeated header as fetch does', async () => {
    answer = (_request, response) => {
      response.setHeader('WWW-Authenticate', ['Basic realm="a"', 'Bearer realm="b"']);
      response.writeHead(401, 'Unauthorized');
      response.write('{"errors":');
      setTimeout(() => response.end('[]}'), 20);
    };
    const response = await send('GET');
    expect(response).toMatchObject({ status: 401, statusText: 'Unauthorized', ok: false });
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="a", Bearer realm="b"');
    expect(response.headers.get('x-absent')).toBeNull();
    const every: Record<string, string> = {};
    response.headers.forEach((value, name) => (every[name] = value));
    expect(every).toMatchObject({ 'www-authenticate': 'Basic realm="a", Bearer realm="b"' });
    expect(response.text()).toBe('{"errors":[]}');
  });

  it('gives a 204 an empty body', async () => {
    answer = (_request, response) => response.writeHead(204).end();
    const response = await send('DELETE');
    expect(response.ok).toBe(true);
    expect(response.body.length).toBe(0);
  });

  it('fails with TIMEOUT when the body does not arrive in time', async () => {
    answer = (_request, response) => {
      response.writeHead(200, { 'Content-Length': '10' });
      response.write('12345');
    };
    const failure = send('GET', undefined, 100);
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: `GET ${base.href}v2/lab/app/blobs/uploads/ failed: no complete answer within 0.1 s`,
    });
  });

  it('fails with ECONNRESET when the connection breaks mid-answer', async () => {
    answer = (_request, response) => {
      response.writeHead(200, { 'Content-Length': '10' });
      response.write('12345', () => response.socket?.destroy());
    };
    await expect(send('GET')).rejects.toMatchObject({ name: 'NetworkError', code: 'ECONNRESET' });
  });

  it('fails with ECONNREFUSED when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = sendHttp(defaultFetch, {
      method: 'GET',
      url: new URL(`http://127.0.0.1:${port}/v2/`),
      headers: {},
    });
    await expect(failure).rejects.toMatchObject({ name: 'NetworkError', code: 'ECONNREFUSED' });
  });

  it('speaks TLS to an https URL (node:https, loaded for it): a plain HTTP server cannot answer', async () => {
    answer = (_request, response) => response.writeHead(200).end();
    const failure = sendHttp(defaultFetch, { method: 'GET', url: new URL(`https://${base.host}/v2/`), headers: {} });
    await expect(failure).rejects.toMatchObject({ name: 'NetworkError', code: 'EPROTO' });
    expect(received).toEqual([]);
  });
});
