// Credentials from Docker's credential helpers (credHelpers, credsStore), with fake `docker-credential-*` scripts
// put first on the PATH of an injected environment.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { RegistryClient } from '../../../../src/registry/client.js';
import { getFromCredentialHelper } from '../../../../src/registry/credentials/helpers.js';
import type { Environment } from '../../../../src/registry/credentials/credential.js';
import { DockerConfigCredentials } from '../../../../src/registry/credentials/docker-config.js';
import { ReplayFetch, basic } from '../../support/registry-replay.js';

// Answers like docker-credential-helpers: the JSON on stdout, or the not-found message with exit code 1. Each call
// appends the server URL it was asked about to calls.log, next to the script.
const FAKE_HELPER = `#!/bin/sh
server=$(cat)
echo "$0 $1 $server" >> "$(dirname "$0")/calls.log"
case "$server" in
  ghcr.io) printf '{"ServerURL":"ghcr.io","Username":"octocat","Secret":"ghp_from_fake"}' ;;
  quay.io) printf '{"ServerURL":"quay.io","Username":"robot","Secret":"quay_from_fake"}' ;;
  https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"<token>","Secret":"hub_identity_token"}' "$server" ;;
  broken.example) printf 'half-written-secret'; echo 'the keychain is locked' >&2; exit 3 ;;
  slow.example) exec sleep 10 ;;
  *) echo 'credentials not found in native keychain'; exit 1 ;;
esac
`;

// A registry-specific helper, to tell which one answered.
const OTHER_HELPER = `#!/bin/sh
server=$(cat)
printf '{"ServerURL":"%s","Username":"from-other","Secret":"other_secret"}' "$server"
`;

describe('credential helpers', () => {
  let directory: string;
  let env: Environment;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'credential-helpers-'));
    for (const [name, script] of [
      ['docker-credential-fake', FAKE_HELPER],
      ['docker-credential-other', OTHER_HELPER],
    ] as const) {
      await writeFile(path.join(directory, name), script);
      await chmod(path.join(directory, name), 0o755);
    }
    env = { DOCKER_CONFIG: directory, PATH: `${directory}:${process.env.PATH ?? '/usr/bin:/bin'}` };
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function withConfig(config: object): Promise<DockerConfigCredentials> {
    await writeFile(path.join(directory, 'config.json'), JSON.stringify(config));
    return DockerConfigCredentials.fromEnvironment(env);
  }
  const calls = async () =>
    (await readFile(path.join(directory, 'calls.log'), 'utf8').catch(() => ''))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(`${directory}/`, ''));
  const auth = (credentials: string) => Buffer.from(credentials).toString('base64');

  it('gets a user name and password from the credsStore helper, giving it the server URL on stdin', async () => {
    const source = await withConfig({ credsStore: 'fake' });
    expect(await source.get('ghcr.io')).toEqual({ kind: 'password', username: 'octocat', password: 'ghp_from_fake' });
    expect(await calls()).toEqual(['docker-credential-fake get ghcr.io']);
  });

  it('reads Username <token> as an identity token, and asks about Docker Hub under its v1 index URL', async () => {
    const source = await withConfig({ credsStore: 'fake' });
    expect(await source.get('docker.io')).toEqual({
      kind: 'identity-token',
      username: '',
      identityToken: 'hub_identity_token',
    });
    expect(await calls()).toEqual(['docker-credential-fake get https://index.docker.io/v1/']);
  });

  it('has no credentials when the helper says "credentials not found in native keychain"', async () => {
    const source = await withConfig({ credsStore: 'fake', auths: { 'registry.example': {} } });
    // `{}` in auths is what docker login writes with a credsStore: the store is asked.
    expect(await source.get('registry.example')).toBeUndefined();
    expect(await calls()).toEqual(['docker-credential-fake get registry.example']);
  });

  // Issue 27: the registry compared canonically, however the tag or the docker config spells it.
  it.each<[string, string, string]>([
    ['an upper-case host', 'GHCR.IO', 'ghcr.io'],
    ['the HTTPS port', 'ghcr.io:443', 'https://ghcr.io'],
    ["Docker Hub's registry host", 'registry-1.docker.io', 'https://index.docker.io/v1/'],
  ])('finds auths of %s', async (_name, registry, key) => {
    const auth = Buffer.from('octocat:pw').toString('base64');
    const source = await withConfig({ auths: { [key]: { auth } } });
    await expect(source.get(registry)).resolves.toMatchObject({ username: 'octocat', password: 'pw' });
  });

  it('takes credHelpers[registry] over credsStore over auths, as the docker CLI does', async () => {
    const source = await withConfig({
      credsStore: 'fake',
      credHelpers: { 'ghcr.io': 'other', 'registry.local:5000': '' },
      auths: {
        'ghcr.io': { auth: auth('file-user:file-password') },
        'quay.io': { auth: auth('file-user:file-password') },
        'registry.local:5000': { auth: auth('local-user:local-password') },
        'nowhere.example': { auth: auth('file-user:file-password') },
      },
    });
    // The registry's own helper wins.
    expect(await source.get('ghcr.io')).toEqual({ kind: 'password', username: 'from-other', password: 'other_secret' });
    // Then the credsStore, even where auths has an entry.
    expect(await source.get('quay.io')).toEqual({ kind: 'password', username: 'robot', password: 'quay_from_fake' });
    // The store's "not found" is final: auths is not asked (as in the CLI's native store).
    expect(await source.get('nowhere.example')).toBeUndefined();
    // An empty credHelpers entry means "the config file itself".
    expect(await source.get('registry.local:5000')).toEqual({
      kind: 'password',
      username: 'local-user',
      password: 'local-password',
    });
    expect(await calls()).toEqual(['docker-credential-fake get quay.io', 'docker-credential-fake get nowhere.example']);
  });

  it('reports a failing helper with its exit code and stderr, never its stdout', async () => {
    const source = await withConfig({ credsStore: 'fake' });
    const error = await source.get('broken.example').catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      'cannot get the credentials for broken.example from the credential helper "fake" (credsStore of the docker ' +
        `config ${path.join(directory, 'config.json')}): docker-credential-fake get exited with code 3: the ` +
        'keychain is locked',
    );
    expect((error as Error).message).not.toContain('half-written-secret');
  });

  it('says when the helper is not on the PATH, naming the setting', async () => {
    const source = await withConfig({ credHelpers: { 'ghcr.io': 'missing' } });
    await expect(source.get('ghcr.io')).rejects.toThrow(
      /from the credential helper "missing" \(credHelpers\["ghcr\.io"\] of the docker config .*\): docker-credential-missing get cannot run: the program is not on the PATH$/,
    );
  });

  it('runs only helper names, never paths', async () => {
    await expect(getFromCredentialHelper('../fake', 'ghcr.io', env)).rejects.toThrow(
      '"../fake" is not a credential helper name',
    );
  });

  it('stops a helper that does not finish in time', async () => {
    await expect(getFromCredentialHelper('fake', 'slow.example', env, 200)).rejects.toThrow(
      'docker-credential-fake get did not finish within 0.2 s',
    );
  });

  it("sends a helper's password to the registry, masked", async () => {
    const url = 'http://127.0.0.1:5001/v2/lab/app/tags/list?n=1000';
    const challenge = { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="lab"' } };
    const replay = new ReplayFetch([
      { method: 'GET', url, response: challenge },
      {
        method: 'GET',
        url,
        authorization: basic('octocat', 'ghp_from_fake'),
        response: { status: 200, body: { tags: ['v1'] } },
      },
    ]);
    await withConfig({ credHelpers: { '127.0.0.1:5001': 'fake' } });
    await writeFile(path.join(directory, 'docker-credential-fake'), FAKE_HELPER.replace('ghcr.io)', '127.0.0.1:5001)'));
    const secrets: string[] = [];
    const client = new RegistryClient({
      credentials: DockerConfigCredentials.fromEnvironment(env),
      fetch: replay.fetch,
      onSecret: (secret) => secrets.push(secret),
    });
    expect(await client.listTags({ registry: '127.0.0.1:5001', repository: 'lab/app' })).toEqual(['v1']);
    replay.expectDone();
    expect(secrets).toContain('ghp_from_fake');
  });
});
