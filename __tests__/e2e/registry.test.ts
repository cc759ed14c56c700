// The registry client against the lab's real distribution registries: anonymous 127.0.0.1:5000 (deletes enabled)
// and htpasswd 127.0.0.1:5001, with credentials from a docker config written for the test.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { ImageName } from '../../src/reference.js';
import { defaultFetch } from '../../src/registry/http.js';
import { RegistryClient } from '../../src/registry/client.js';
import { TagDeleter } from '../../src/registry/cleanup/tag-deletion.js';
import { DockerConfigCredentials } from '../../src/registry/credentials/docker-config.js';
import { RegistryAuthError } from '../../src/registry/errors.js';
import { MediaType, isImageIndex } from '../../src/registry/types.js';
import { describeWithLab, lab } from './lab.js';
import { busybox as base, busyboxAmd64, copyBusybox } from './support/busybox.js';
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A client with credentials for the auth registry from a docker config in `directory`. */
async function clientWithPassword(directory: string, password: string) {
  const auth = Buffer.from(`${lab.authUser}:${password}`).toString('base64');
  await writeFile(path.join(directory, 'config.json'), JSON.stringify({ auths: { [lab.authRegistry]: { auth } } }));
  const secrets: string[] = [];
  const requests: string[] = [];
  const client = new RegistryClient({
    credentials: DockerConfigCredentials.fromEnvironment({ DOCKER_CONFIG: directory }),
    onSecret: (secret) => secrets.push(secret),
    fetch: (url, init) => {
      requests.push(`${init.method} ${url}`);
      return defaultFetch(url, init);
    },
  });
  return { client, secrets, requests };
}

describeWithLab('RegistryClient against the lab registries', () => {
  let directory: string;
  let client: RegistryClient;
  let secrets: string[];

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'registry-e2e-'));
    ({ client, secrets } = await clientWithPassword(directory, lab.authPassword));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads the busybox index, a child manifest and its config blob', async () => {
    const index = await client.getManifest(base, 'latest');
    expect(index.descriptor.mediaType).toBe(MediaType.ociIndex);
    expect(await client.headManifest(base, 'latest')).toEqual(index.descriptor);
    expect(isImageIndex(index.json) && index.json.manifests.map((m) => m.platform?.architecture).sort()).toEqual([
      'amd64',
      'arm64',
    ]);

    const image = await busyboxAmd64(client);
    expect(image.json.layers.length).toBeGreaterThan(0);
    const config = JSON.parse((await client.getBlob(base, image.json.config.digest)).toString('utf8')) as unknown;
    expect(config).toMatchObject({ os: 'linux', architecture: 'amd64' });
    expect(await client.listTags(base)).toEqual(expect.arrayContaining(['latest', 'amd64', 'arm64']));
  });

  it.each([
    ['the anonymous registry', lab.registry],
    ['the registry behind basic auth', lab.authRegistry],
  ])('pushes blobs and a manifest by digest and by tag to %s', async (_, registry) => {
    const name: ImageName = { registry, repository: `e2e/registry-client-${run}` };
    expect(await client.listTags(name)).toEqual([]);
    const { digest, bytes, mediaType } = await copyBusybox(client, client, name);
    expect(await client.headManifest(name, digest)).toEqual({ mediaType, digest, size: bytes.length });
    expect(await client.listTags(name)).toEqual([]); // pushed by digest: untagged

    expect(await client.putManifest(name, 'v1', bytes, mediaType)).toBe(digest);
    expect(await client.listTags(name)).toEqual(['v1']);
    expect((await client.getManifest(name, 'v1')).bytes.equals(bytes)).toBe(true);
    if (registry === lab.authRegistry) expect(secrets).toContain(lab.authPassword);
  });

  it.each([
    ['the anonymous registry', lab.registry],
    ['the registry behind basic auth', lab.authRegistry],
  ])('deletes a tag on %s with a dummy deleted by digest, keeping the image', async (_, registry) => {
    const name: ImageName = { registry, repository: `e2e/registry-delete-tag-${run}` };
    const { digest, bytes, mediaType } = await copyBusybox(client, client, name);
    await client.putManifest(name, 'temporary', bytes, mediaType);
    await client.putManifest(name, 'kept', bytes, mediaType);
    expect(await client.waitForManifest(name, 'temporary', digest)).toEqual({ mediaType, digest, size: bytes.length });

    const deleter = new TagDeleter(client);
    expect(await deleter.deleteTag(name, 'temporary', { protectedDigests: new Set([digest]) })).toBe(
      'dummy-digest-delete',
    );
    expect(await client.listTags(name)).toEqual(['kept']);
    expect(await client.headManifest(name, 'temporary')).toBeUndefined();
    expect((await client.getManifest(name, digest)).bytes.equals(bytes)).toBe(true);
    expect((await client.headManifest(name, 'kept'))?.digest).toBe(digest);

    expect(await deleter.deleteTag(name, 'temporary')).toBe('absent');
  });

  it('fails with a RegistryAuthError at the first request when the password is wrong', async () => {
    const wrong = await mkdtemp(path.join(tmpdir(), 'registry-e2e-wrong-'));
    try {
      const { client: refused, requests } = await clientWithPassword(wrong, 'not-the-password');
      const name: ImageName = { registry: lab.authRegistry, repository: `e2e/registry-refused-${run}` };
      const error = await refused.headManifest(name, 'latest').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RegistryAuthError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^authentication to ${lab.authRegistry} failed for user "${lab.authUser}": HEAD http://${lab.authRegistry}/v2/e2e/registry-refused-.*/manifests/latest answered 401 Unauthorized$`,
        ),
      );
      expect((error as Error).message).not.toContain('not-the-password');
      // The anonymous try, the one with the credentials, and nothing else. A HEAD answer has no
      // body, so no registry error code.
      expect(requests.map((request) => request.split(' ')[0])).toEqual(['HEAD', 'HEAD']);
    } finally {
      await rm(wrong, { recursive: true, force: true });
    }
  });

  it('says that credentials are missing for the auth registry', async () => {
    const anonymous = new RegistryClient({
      credentials: DockerConfigCredentials.fromEnvironment({ DOCKER_CONFIG: path.join(directory, 'missing') }),
    });
    await expect(anonymous.listTags({ registry: lab.authRegistry, repository: 'e2e/anything' })).rejects.toThrow(
      `authentication to ${lab.authRegistry} is required, but the docker config ${path.join(directory, 'missing', 'config.json')} has no credentials for it: GET http://${lab.authRegistry}/v2/e2e/anything/tags/list?n=1000 answered 401 UNAUTHORIZED: authentication required`,
    );
  });
});
