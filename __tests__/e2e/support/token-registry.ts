// A distribution registry behind token authentication (https://distribution.github.io/distribution/spec/auth/token/),
// for the e2e tests: a small token server on loopback that checks Basic credentials and issues RS256 JWTs with the
// `access` claim for the scopes asked for, signed with a self-signed certificate made by openssl; and
// `docker-registry serve` with `auth: token` trusting that certificate. The registry's process is started here and
// stopped by its pid.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { X509Certificate, createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';

export interface TokenRegistry {
  /** `127.0.0.1:<port>` of the registry. */
  registry: string;
  /** `scope` parameters of each token request the server granted, in order. */
  grantedScopes: string[][];
  stop(): Promise<void>;
}

const SERVICE = 'e2e-token-registry';
const ISSUER = 'e2e-token-issuer';
const TOKEN_LIFETIME_SECONDS = 300;

/** Starts the token server and the registry; `directory` receives the key, certificate, config and storage. */
export async function startTokenRegistry(options: {
  directory: string;
  username: string;
  password: string;
}): Promise<TokenRegistry> {
  const { certificateDer, privateKey } = await makeSigningCertificate(options.directory);
  const grantedScopes: string[][] = [];
  const tokenServer = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://token-server');
    if (url.pathname !== '/token' || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    const expected = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      const body = JSON.stringify({ details: 'incorrect username or password' });
      response.writeHead(401, { 'Content-Type': 'application/json' }).end(body);
      return;
    }
    const scopes = url.searchParams.getAll('scope');
    grantedScopes.push(scopes);
    const token = signToken(privateKey, certificateDer, options.username, url.searchParams.get('service'), scopes);
    const body = JSON.stringify({
      token,
      access_token: token,
      expires_in: TOKEN_LIFETIME_SECONDS,
      issued_at: new Date().toISOString(),
    });
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
  const tokenPort = (tokenServer.address() as AddressInfo).port;

  const registryPort = await freePort();
  const config = path.join(options.directory, 'config.yml');
  await writeFile(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(options.directory, 'storage')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${registryPort}`,
      'auth:',
      '  token:',
      `    realm: http://127.0.0.1:${tokenPort}/token`,
      `    service: ${SERVICE}`,
      `    issuer: ${ISSUER}`,
      `    rootcertbundle: ${path.join(options.directory, 'cert.pem')}`,
      '',
    ].join('\n'),
  );
  const registryProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let registryLog = '';
  registryProcess.stderr.on('data', (chunk: Buffer) => (registryLog += chunk.toString()));
  const registry = `127.0.0.1:${registryPort}`;

  const stop = async () => {
    await stopProcess(registryProcess);
    await new Promise<void>((resolve) => {
      tokenServer.closeAllConnections();
      tokenServer.close(() => {
        resolve();
      });
    });
  };
  try {
    await waitForChallenge(registry, registryProcess);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${registryLog}`, { cause: error });
  }
  return { registry, grantedScopes, stop };
}

/** A self-signed RSA certificate (the registry's rootcertbundle) and its key (the token server's). */
async function makeSigningCertificate(directory: string): Promise<{ certificateDer: Buffer; privateKey: KeyObject }> {
  const keyFile = path.join(directory, 'key.pem');
  const certFile = path.join(directory, 'cert.pem');
  const openssl = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      `/CN=${ISSUER}`,
    ],
    { encoding: 'utf8' },
  );
  if (openssl.status !== 0) throw new Error(`openssl req failed: ${openssl.stderr}`);
  const certificate = new X509Certificate(await readFile(certFile));
  return { certificateDer: certificate.raw, privateKey: createPrivateKey(await readFile(keyFile)) };
}

/**
 * A JWT as distribution 2.8 verifies it: RS256, the certificate in `x5c` (checked against rootcertbundle), the
 * issuer, the service as audience, and `access` with the actions of each `repository:<name>:<actions>` scope.
 */
function signToken(
  privateKey: KeyObject,
  certificateDer: Buffer,
  subject: string,
  service: string | null,
  scopes: string[],
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', x5c: [certificateDer.toString('base64')] };
  const claims = {
    iss: ISSUER,
    sub: subject,
    aud: service ?? SERVICE,
    exp: now + TOKEN_LIFETIME_SECONDS,
    nbf: now - 10,
    iat: now,
    jti: randomUUID(),
    access: scopes.flatMap((scope) => {
      const [type, ...rest] = scope.split(':');
      const actions = rest.pop();
      if (type !== 'repository' || actions === undefined) return [];
      return [{ type, name: rest.join(':'), actions: actions.split(',') }];
    }),
  };
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(claims)}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

/** A port nothing listens on now (the registry binds it a moment later). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

/** Until GET /v2/ answers with the token challenge (about a second), or the process exits. */
async function waitForChallenge(registry: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with code ${child.exitCode}`);
    const answer = await fetch(`http://${registry}/v2/`).catch(() => undefined);
    if (answer?.status === 401 && answer.headers.get('www-authenticate')?.startsWith('Bearer ')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`docker-registry did not answer on ${registry} within 15 s`);
}

/** SIGTERM to the process by its pid, SIGKILL if it has not exited after 5 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  process.kill(child.pid, 'SIGTERM');
  const killer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  }, 5_000);
  await exited;
  clearTimeout(killer);
}
