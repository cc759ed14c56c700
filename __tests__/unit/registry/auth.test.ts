import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  distinctScopes,
  RegistryAuth,
  parseWwwAuthenticate,
  type RegistryRequest,
} from '../../../src/registry/auth.js';
import type { Credential } from '../../../src/registry/credentials/credential.js';
import { DockerConfigCredentials, dockerConfigPath } from '../../../src/registry/credentials/docker-config.js';
import { RegistryAuthError } from '../../../src/registry/errors.js';
import {
  GHCR_TOKENS,
  HUB_TOKENS,
  ReplayFetch,
  basic,
  registryErrors,
  testCredentials,
  unauthorized,
  type Exchange,
  type ResponseSpec,
} from '../support/registry-replay.js';

describe('parseWwwAuthenticate', () => {
  it.each([
    [
      'Docker Hub',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/busybox:pull',
          },
        },
      ],
    ],
    [
      'a comma inside quotes, several scopes, spaces around =',
      'Bearer realm = "https://ghcr.io/token", service="ghcr.io", scope="repository:a/b:pull,push repository:c/d:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://ghcr.io/token',
            service: 'ghcr.io',
            scope: 'repository:a/b:pull,push repository:c/d:pull',
          },
        },
      ],
    ],
    [
      'basic, scheme and names in any case',
      'BASIC Realm="multiarch-lab"',
      [{ scheme: 'basic', params: { realm: 'multiarch-lab' } }],
    ],
    ['an escaped quote', 'Basic realm="say \\"hi\\""', [{ scheme: 'basic', params: { realm: 'say "hi"' } }]],
    [
      'an unquoted value',
      'Bearer realm=https://r.example/token',
      [{ scheme: 'bearer', params: { realm: 'https://r.example/token' } }],
    ],
    [
      'two challenges in one header (as fetch joins two headers)',
      'Bearer realm="https://r.example/token",service="r", Basic realm="r"',
      [
        { scheme: 'bearer', params: { realm: 'https://r.example/token', service: 'r' } },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    ['a scheme without parameters', 'Negotiate', [{ scheme: 'negotiate', params: {} }]],
    ['nothing', '', []],
  ])('%s', (_, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  it('does not stall on malformed input', () => {
    expect(parseWwwAuthenticate('=,="x" Bearer realm="unterminated')).toContainEqual({
      scheme: 'bearer',
      params: { realm: 'unterminated' },
    });
  });
});

const HUB_CHALLENGE = HUB_TOKENS.challenge('repository:library/busybox:pull');
const HUB_MANIFEST = 'https://registry-1.docker.io/v2/library/busybox/manifests/latest';
const HUB_TOKEN_URL = HUB_TOKENS.url('repository:library/busybox:pull');

/** The manifest GET without a token, challenged. */
const hubChallenged: Exchange = { method: 'GET', url: HUB_MANIFEST, response: unauthorized(HUB_CHALLENGE) };
/** The token server's answer `body`, to a request with `authorization` (none: anonymous). */
const hubToken = (body: object, authorization?: string): Exchange => ({
  method: 'GET',
  url: HUB_TOKEN_URL,
  authorization,
  response: { status: 200, body },
});
/** The manifest GET with the token `token`, answered `response`. */
const hubGetWith = (token: string, response: ResponseSpec = { status: 200 }): Exchange => ({
  method: 'GET',
  url: HUB_MANIFEST,
  authorization: `Bearer ${token}`,
  response,
});

/** A RegistryAuth over a replay, with a clock the test moves. */
function setup(exchanges: Exchange[], byRegistry: Record<string, Credential> = {}) {
  const replay = new ReplayFetch(exchanges);
  const secrets: string[] = [];
  const clock = { now: 1_000_000 };
  const auth = new RegistryAuth({
    credentials: testCredentials(byRegistry),
    fetch: replay.fetch,
    onSecret: (secret) => secrets.push(secret),
    userAgent: 'test',
    now: () => clock.now,
  });
  return { replay, auth, secrets, clock };
}

function get(url: string, registry: string, scope: string): RegistryRequest {
  return { method: 'GET', url: new URL(url), headers: {}, registry, scope };
}

const hubGet = get(HUB_MANIFEST, 'docker.io', 'repository:library/busybox:pull');

describe('RegistryAuth with a bearer challenge (Docker Hub)', () => {
  it('gets an anonymous token, retries, and reuses the token for the same scope', async () => {
    const { replay, auth, secrets } = setup([
      hubChallenged,
      hubToken({ token: 'hub-1', access_token: 'hub-1', expires_in: 300 }),
      hubGetWith('hub-1', { status: 200, body: '{}' }),
      hubGetWith('hub-1', { status: 200, body: '{}' }),
    ]);
    expect((await auth.send(hubGet)).status).toBe(200);
    expect((await auth.send(hubGet)).status).toBe(200);
    replay.expectDone();
    expect(secrets).toEqual(['hub-1']);
  });

  it('sends basic credentials to the token server and reports every secret once', async () => {
    const { replay, auth, secrets } = setup(
      [hubChallenged, hubToken({ token: 'hub-me' }, basic('me', 'hub-password')), hubGetWith('hub-me')],
      { 'docker.io': { kind: 'password', username: 'me', password: 'hub-password' } },
    );
    await auth.send(hubGet);
    replay.expectDone();
    expect(secrets).toEqual(['hub-password', Buffer.from('me:hub-password').toString('base64'), 'hub-me']);
  });

  it('gets a new token when the old one is about to expire (expires_in minus a margin)', async () => {
    const { replay, auth, clock } = setup([
      hubChallenged,
      hubToken({ token: 'old', expires_in: 300 }),
      hubGetWith('old'),
    ]);
    await auth.send(hubGet);

    clock.now += 285_000; // still 15 s left
    replay.expect(hubGetWith('old'));
    await auth.send(hubGet);

    clock.now += 10_000; // 5 s left: too close
    replay.expect(hubToken({ token: 'new', expires_in: 300 }), hubGetWith('new'));
    await auth.send(hubGet);
    replay.expectDone();
  });

  it('gets a new token once when the registry refuses the one it has (revoked)', async () => {
    const { replay, auth } = setup([
      hubChallenged,
      hubToken({ token: 'revoked' }),
      hubGetWith('revoked'),
      hubGetWith('revoked', unauthorized(HUB_CHALLENGE)),
      hubToken({ token: 'fresh' }),
      hubGetWith('fresh'),
    ]);
    await auth.send(hubGet);
    expect((await auth.send(hubGet)).status).toBe(200);
    replay.expectDone();
  });

  it('reports a token server refusing the credentials, naming the user but not the password', async () => {
    const { replay, auth } = setup(
      [
        hubChallenged,
        {
          method: 'GET',
          url: HUB_TOKEN_URL,
          authorization: basic('me', 'wrong-password'),
          response: { status: 401, body: { details: 'incorrect username or password' } },
        },
      ],
      { 'docker.io': { kind: 'password', username: 'me', password: 'wrong-password' } },
    );
    const error = await auth.send(hubGet).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect((error as Error).message).toBe(
      `authentication to docker.io failed for user "me": GET ${HUB_TOKEN_URL} answered 401 Unauthorized: ` +
        '{"details":"incorrect username or password"}',
    );
    expect((error as Error).message).not.toContain('wrong-password');
    replay.expectDone();
  });

  it('says that credentials are needed when an anonymous token is not enough', async () => {
    const { replay, auth } = setup([
      hubChallenged,
      hubToken({ token: 'anonymous' }),
      hubGetWith(
        'anonymous',
        unauthorized(
          `${HUB_CHALLENGE},error="insufficient_scope"`,
          registryErrors('UNAUTHORIZED', 'authentication required'),
        ),
      ),
    ]);
    await expect(auth.send(hubGet)).rejects.toThrow(
      new RegistryAuthError(
        'authentication to docker.io is required, but the test credentials has no credentials for it: ' +
          `GET ${HUB_MANIFEST} answered 401 UNAUTHORIZED: authentication required`,
        401,
      ),
    );
    replay.expectDone();
  });
});

describe('RegistryAuth with a bearer challenge (GHCR)', () => {
  const manifest = 'https://ghcr.io/v2/acme/app/manifests/v1';
  const push = { ...get(manifest, 'ghcr.io', 'repository:acme/app:pull,push'), method: 'PUT' };
  const challenged: Exchange = {
    method: 'PUT',
    url: manifest,
    response: unauthorized(GHCR_TOKENS.challenge('repository:acme/app:pull,push')),
  };
  const user: Credential = { kind: 'password', username: 'octocat', password: 'ghp_secret' };
  /** The token server's answer `token` to octocat. */
  const tokenFor = (token: string): Exchange => ({
    method: 'GET',
    url: GHCR_TOKENS.url('repository:acme/app:pull,push'),
    authorization: basic('octocat', 'ghp_secret'),
    response: { status: 200, body: { token } },
  });
  /** The PUT with the token `token`, accepted. */
  const putWith = (token: string): Exchange => ({
    method: 'PUT',
    url: manifest,
    authorization: `Bearer ${token}`,
    response: { status: 201 },
  });

  it('uses a token without expires_in for 60 s minus the margin', async () => {
    const { replay, auth, clock } = setup([challenged, tokenFor('ghcr-1'), putWith('ghcr-1')], { 'ghcr.io': user });
    await auth.send(push);
    clock.now += 49_000;
    replay.expect(putWith('ghcr-1'));
    await auth.send(push);
    clock.now += 2_000;
    replay.expect(tokenFor('ghcr-2'), putWith('ghcr-2'));
    await auth.send(push);
    replay.expectDone();
  });

  // A push asks for pull,push; the token request carries each scope it needs as one scope parameter.
  it.each<[string, string, string[]]>([
    [
      'asks for the scopes of the request and of the challenge, each as a scope parameter',
      'repository:acme/app:pull repository:acme/base:pull',
      ['repository:acme/app:pull,push', 'repository:acme/app:pull', 'repository:acme/base:pull'],
    ],
    [
      // The distribution registry lists a challenge's actions from a Go map: `push,pull` as well as `pull,push`.
      'asks once for a scope the challenge names with its actions in another order',
      'repository:acme/app:push,pull',
      ['repository:acme/app:pull,push'],
    ],
  ])('%s', async (_, challengeScope, tokenScopes) => {
    const upload = 'https://ghcr.io/v2/acme/app/blobs/uploads/x';
    const token = new URL('https://ghcr.io/token?service=ghcr.io');
    for (const scope of tokenScopes) token.searchParams.append('scope', scope);
    const { replay, auth } = setup([
      { method: 'GET', url: upload, response: unauthorized(GHCR_TOKENS.challenge(challengeScope)) },
      { method: 'GET', url: token.href, response: { status: 200, body: { access_token: 'wide' } } },
      { method: 'GET', url: upload, authorization: 'Bearer wide', response: { status: 200 } },
    ]);
    await auth.send(get(upload, 'ghcr.io', 'repository:acme/app:pull,push'));
    replay.expectDone();
  });

  it('exchanges an identity token with the OAuth2 refresh-token POST', async () => {
    const { replay, auth, secrets } = setup(
      [
        challenged,
        {
          method: 'POST',
          url: 'https://ghcr.io/token',
          response: (request) => {
            expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
            expect(Object.fromEntries(new URLSearchParams(request.body?.toString()))).toEqual({
              grant_type: 'refresh_token',
              refresh_token: 'refresh-me',
              client_id: 'multiarch-build',
              service: 'ghcr.io',
              scope: 'repository:acme/app:pull,push',
            });
            return { status: 200, body: { access_token: 'from-refresh', expires_in: 600 } };
          },
        },
        putWith('from-refresh'),
      ],
      { 'ghcr.io': { kind: 'identity-token', username: '<token>', identityToken: 'refresh-me' } },
    );
    await auth.send(push);
    replay.expectDone();
    expect(secrets).toEqual(['refresh-me', 'from-refresh']);
  });
});

describe('RegistryAuth and a token server over plain http', () => {
  const user: Credential = { kind: 'password', username: 'octocat', password: 'ghp_secret' };

  it.each([
    ['on another host', 'http://auth.attacker.example/token'],
    ["on the registry's own host", 'http://ghcr.io/token'],
  ])('sends an https registry’s credentials to no token server over http (%s)', async (_, realm) => {
    const manifest = 'https://ghcr.io/v2/acme/app/manifests/v1';
    const { replay, auth, secrets } = setup(
      [{ method: 'GET', url: manifest, response: unauthorized(`Bearer realm="${realm}",service="ghcr.io"`) }],
      { 'ghcr.io': user },
    );
    const error = await auth.send(get(manifest, 'ghcr.io', 'repository:acme/app:pull')).catch((e: unknown) => e);
    replay.expectDone();
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect((error as Error).message).toBe(
      `refusing to authenticate to ghcr.io: it names the token server ${realm} over plain http, where the ` +
        'credentials of a registry served over https would travel unencrypted',
    );
    expect(secrets).toEqual([]);
  });

  it('still uses an http token server for a registry served over http (loopback)', async () => {
    const manifest = 'http://127.0.0.1:5002/v2/lab/app/manifests/v1';
    const realm = 'http://127.0.0.1:5003/token';
    const { replay, auth } = setup(
      [
        { method: 'GET', url: manifest, response: unauthorized(`Bearer realm="${realm}",service="lab"`) },
        {
          method: 'GET',
          url: `${realm}?service=lab&scope=${encodeURIComponent('repository:lab/app:pull')}`,
          authorization: basic('octocat', 'ghp_secret'),
          response: { status: 200, body: { token: 'lab-token' } },
        },
        { method: 'GET', url: manifest, authorization: 'Bearer lab-token', response: { status: 200 } },
      ],
      { '127.0.0.1:5002': user },
    );
    expect((await auth.send(get(manifest, '127.0.0.1:5002', 'repository:lab/app:pull'))).status).toBe(200);
    replay.expectDone();
  });
});

describe('RegistryAuth with a basic challenge', () => {
  const url = 'http://127.0.0.1:5001/v2/lab/app/manifests/latest';
  const request = get(url, '127.0.0.1:5001', 'repository:lab/app:pull');
  const challenge = unauthorized('Basic realm="multiarch-lab"');
  const denied = { ...challenge, body: registryErrors('UNAUTHORIZED', 'authentication required') };

  it('retries with the credentials, then sends them from the start', async () => {
    const { replay, auth } = setup(
      [
        { method: 'GET', url, response: challenge },
        { method: 'GET', url, authorization: basic('lab-user', 'lab-password'), response: { status: 200 } },
        { method: 'GET', url, authorization: basic('lab-user', 'lab-password'), response: { status: 200 } },
      ],
      { '127.0.0.1:5001': { kind: 'password', username: 'lab-user', password: 'lab-password' } },
    );
    await auth.send(request);
    await auth.send(request);
    replay.expectDone();
  });

  it('fails with a RegistryAuthError that names the user, not the password', async () => {
    const { replay, auth } = setup(
      [
        { method: 'GET', url, response: challenge },
        { method: 'GET', url, authorization: basic('lab-user', 'not-it'), response: denied },
      ],
      { '127.0.0.1:5001': { kind: 'password', username: 'lab-user', password: 'not-it' } },
    );
    const error = await auth.send(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error).toMatchObject({
      status: 401,
      codes: ['UNAUTHORIZED'],
      message: `authentication to 127.0.0.1:5001 failed for user "lab-user": GET ${url} answered 401 UNAUTHORIZED: authentication required`,
    });
    expect((error as Error).message).not.toContain('not-it');
    replay.expectDone();
  });

  it('fails without retrying when there are no credentials', async () => {
    const { replay, auth } = setup([{ method: 'GET', url, response: denied }]);
    await expect(auth.send(request)).rejects.toThrow(
      'authentication to 127.0.0.1:5001 is required, but the test credentials has no credentials for it',
    );
    replay.expectDone();
  });

  it('fails without retrying when there is only an identity token', async () => {
    const { replay, auth } = setup([{ method: 'GET', url, response: denied }], {
      '127.0.0.1:5001': { kind: 'identity-token', username: 'u', identityToken: 'refresh' },
    });
    await expect(auth.send(request)).rejects.toThrow(
      'authentication to 127.0.0.1:5001 failed for user "u": it asks for a password and the test credentials has only an identity token for it',
    );
    replay.expectDone();
  });
});

describe('RegistryAuth without a challenge', () => {
  it('sends nothing to a registry that never asks, and returns other statuses as they are', async () => {
    const url = 'http://127.0.0.1:5000/v2/lab/app/manifests/missing';
    const { replay, auth } = setup(
      [
        { method: 'GET', url, response: { status: 404 } },
        { method: 'GET', url, response: { status: 401 } }, // no WWW-Authenticate: left to the caller
      ],
      { '127.0.0.1:5000': { kind: 'password', username: 'u', password: 'p' } },
    );
    const request = get(url, '127.0.0.1:5000', 'repository:lab/app:pull');
    expect((await auth.send(request)).status).toBe(404);
    expect((await auth.send(request)).status).toBe(401);
    replay.expectDone();
  });
});

describe('DockerConfigCredentials', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'docker-config-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function withConfig(config: unknown): Promise<DockerConfigCredentials> {
    await writeFile(path.join(directory, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
    return DockerConfigCredentials.fromEnvironment({ DOCKER_CONFIG: directory });
  }
  const auth = (credentials: string) => Buffer.from(credentials).toString('base64');

  it('finds the config like the docker CLI', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/etc/docker-ci', HOME: '/home/u' })).toBe('/etc/docker-ci/config.json');
    expect(dockerConfigPath({ DOCKER_CONFIG: '', HOME: '/home/u' })).toBe('/home/u/.docker/config.json');
    expect(dockerConfigPath({ HOME: '/home/u' })).toBe('/home/u/.docker/config.json');
  });

  it('matches keys with a scheme or a path, and Docker Hub under its v1 index URL', async () => {
    const source = await withConfig({
      auths: {
        'https://index.docker.io/v1/': { auth: auth('hub-user:hub:pass') },
        'https://ghcr.io': { username: 'octocat', password: 'ghp_x' },
        'http://127.0.0.1:5001/v1/': { auth: auth('lab-user:lab-password') },
        'acr.example.io': { auth: auth('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh' },
        'creds-store.example.io': {},
      },
    });
    expect(await source.get('docker.io')).toEqual({ kind: 'password', username: 'hub-user', password: 'hub:pass' });
    expect(await source.get('ghcr.io')).toEqual({ kind: 'password', username: 'octocat', password: 'ghp_x' });
    expect(await source.get('127.0.0.1:5001')).toEqual({
      kind: 'password',
      username: 'lab-user',
      password: 'lab-password',
    });
    expect(await source.get('acr.example.io')).toEqual({
      kind: 'identity-token',
      username: '00000000-0000-0000-0000-000000000000',
      identityToken: 'refresh',
    });
    expect(await source.get('creds-store.example.io')).toBeUndefined();
    expect(await source.get('127.0.0.1:5000')).toBeUndefined();
    expect(source.description).toBe(`the docker config ${path.join(directory, 'config.json')}`);
  });

  it.each(['docker.io', 'index.docker.io', 'registry-1.docker.io'])('accepts Docker Hub under %s', async (key) => {
    const source = await withConfig({ auths: { [key]: { auth: auth('u:p') } } });
    expect(await source.get('docker.io')).toEqual({ kind: 'password', username: 'u', password: 'p' });
  });

  it('prefers an exact key to another with the same host', async () => {
    const source = await withConfig({
      auths: { 'https://ghcr.io/v1/': { auth: auth('old:x') }, 'ghcr.io': { auth: auth('new:y') } },
    });
    expect(await source.get('ghcr.io')).toMatchObject({ username: 'new' });
  });

  it('has no credentials when there is no config file', async () => {
    const source = DockerConfigCredentials.fromEnvironment({ DOCKER_CONFIG: path.join(directory, 'none') });
    expect(await source.get('ghcr.io')).toBeUndefined();
  });

  it.each([
    ['{"auths": ', /^the docker config .*config\.json is not valid: not JSON/],
    [[], /is not valid: not a JSON object$/],
    [{ auths: [] }, /is not valid: "auths" is not an object$/],
    [
      { auths: { 'ghcr.io': { auth: 'bm8tY29sb24=' } } },
      /auths\["ghcr.io"\] "auth" is not the base64 of user:password$/,
    ],
    [{ auths: { 'ghcr.io': { password: 7 } } }, /auths\["ghcr.io"\] "password" is not a string$/],
  ])('rejects a malformed config %j, naming the file', async (config, message) => {
    const source = await withConfig(config);
    await expect(source.get('ghcr.io')).rejects.toThrow(message);
  });

  it('names the file it cannot read', async () => {
    await mkdir(path.join(directory, 'config.json'));
    const source = DockerConfigCredentials.fromEnvironment({ DOCKER_CONFIG: directory });
    await expect(source.get('ghcr.io')).rejects.toThrow(
      `cannot read the docker config ${path.join(directory, 'config.json')}: EISDIR`,
    );
  });
});

describe('distinctScopes', () => {
  test.each<[string, string[], string[]]>([
    [
      'the same actions in another order',
      ['repository:a/b:pull,push', 'repository:a/b:push,pull'],
      ['repository:a/b:pull,push'],
    ],
    [
      'other actions on the same repository stay',
      ['repository:a/b:pull,push', 'repository:a/b:pull'],
      ['repository:a/b:pull,push', 'repository:a/b:pull'],
    ],
    [
      'another repository stays',
      ['repository:a/b:pull', 'repository:a/c:pull'],
      ['repository:a/b:pull', 'repository:a/c:pull'],
    ],
    [
      'the first spelling is kept',
      ['repository:a/b:push,pull', 'repository:a/b:pull,push'],
      ['repository:a/b:push,pull'],
    ],
    ['a scope without actions is kept as it is, once', ['aud', 'aud'], ['aud']],
  ])('%s', (_, scopes, expected) => {
    expect(distinctScopes(scopes)).toEqual(expected);
  });
});
