// Token authentication end to end: a distribution registry started here with `auth: token`, a token server written
// for the test (Basic credentials in, RS256 JWTs with the `access` claim out), and the registry client with
// credentials from a temporary docker config.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { ImageName } from '../../src/reference.js';
import { RegistryClient } from '../../src/registry/client.js';
import { TagDeleter } from '../../src/registry/cleanup/tag-deletion.js';
import { DockerConfigCredentials } from '../../src/registry/credentials/docker-config.js';
import { RegistryAuthError } from '../../src/registry/errors.js';
import { describeWithLab } from './lab.js';
import { copyBusybox } from './support/busybox.js';
import { startTokenRegistry, type TokenRegistry } from './support/token-registry.js';

const USER = 'token-user';
const PASSWORD = 'token-password';

describeWithLab('RegistryClient against a registry with token authentication', () => {
  let directory: string;
  let tokenRegistry: TokenRegistry;
  const labReader = new RegistryClient({
    credentials: { description: 'no credentials', get: () => Promise.resolve(undefined) },
  });

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'registry-token-e2e-'));
    tokenRegistry = await startTokenRegistry({ directory, username: USER, password: PASSWORD });
  });
  afterAll(async () => {
    await tokenRegistry.stop();
    await rm(directory, { recursive: true, force: true });
  });

  /** A client with `password` for the token registry, from a docker config of its own. */
  async function clientWith(password: string) {
    const configDirectory = await mkdtemp(path.join(directory, 'docker-config-'));
    const auth = Buffer.from(`${USER}:${password}`).toString('base64');
    await writeFile(
      path.join(configDirectory, 'config.json'),
      JSON.stringify({ auths: { [tokenRegistry.registry]: { auth } } }),
    );
    const secrets: string[] = [];
    const client = new RegistryClient({
      credentials: DockerConfigCredentials.fromEnvironment({ DOCKER_CONFIG: configDirectory }),
      onSecret: (secret) => secrets.push(secret),
    });
    return { client, secrets };
  }

  it('pushes, pulls, tags and deletes with tokens for the scopes each request needs', async () => {
    const { client, secrets } = await clientWith(PASSWORD);
    const name: ImageName = { registry: tokenRegistry.registry, repository: 'e2e/token-auth' };

    const { digest, bytes, mediaType } = await copyBusybox(labReader, client, name);
    expect(await client.putManifest(name, 'temporary', bytes, mediaType)).toBe(digest);
    expect(await client.putManifest(name, 'kept', bytes, mediaType)).toBe(digest);
    expect((await client.getManifest(name, 'temporary')).bytes.equals(bytes)).toBe(true);
    expect((await client.listTags(name)).sort()).toEqual(['kept', 'temporary']);

    expect(await new TagDeleter(client).deleteTag(name, 'temporary', { protectedDigests: new Set([digest]) })).toBe(
      'dummy-digest-delete',
    );
    expect(await client.listTags(name)).toEqual(['kept']);
    expect((await client.getManifest(name, digest)).bytes.equals(bytes)).toBe(true);

    // One token per scope, reused: the first asked for what the push needs (the registry's challenge to the first
    // upload named the same).
    expect(tokenRegistry.grantedScopes).toEqual([
      ['repository:e2e/token-auth:pull,push'],
      ['repository:e2e/token-auth:pull'],
      ['repository:e2e/token-auth:delete'],
    ]);
    expect(secrets).toContain(PASSWORD);
    expect(secrets.filter((secret) => secret.split('.').length === 3)).not.toHaveLength(0); // the JWTs
  });

  it('fails with a RegistryAuthError that names the user, not the password, when the password is wrong', async () => {
    const { client } = await clientWith('not-the-password');
    const name: ImageName = { registry: tokenRegistry.registry, repository: 'e2e/token-auth' };
    const error = await client.listTags(name).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^authentication to ${tokenRegistry.registry} failed for user "${USER}": GET http://127\\.0\\.0\\.1:\\d+/token\\?service=e2e-token-registry&scope=repository%3Ae2e%2Ftoken-auth%3Apull answered 401 Unauthorized: \\{"details":"incorrect username or password"\\}$`,
      ),
    );
    expect((error as Error).message).not.toContain('not-the-password');
  });
});
