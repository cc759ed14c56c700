// Registry credentials from Docker's config file, found and matched the way the docker CLI does.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

import { DOCKER_HUB } from '../reference.js';

/** A user name and a password (or personal access token) for basic auth or a token server. */
export interface PasswordCredential {
  kind: 'password';
  username: string;
  password: string;
}

/** An OAuth2 refresh token (`identitytoken` in the docker config), exchanged at the registry's token server. */
export interface IdentityTokenCredential {
  kind: 'identity-token';
  /** Often a placeholder (ACR writes `00000000-0000-0000-0000-000000000000`); shown in messages only. */
  username: string;
  identityToken: string;
}

export type Credential = PasswordCredential | IdentityTokenCredential;

/** Where the client gets credentials. Docker's credential helpers (credHelpers, credsStore) can implement it too. */
export interface CredentialSource {
  /** Where the credentials come from, for messages, e.g. `the docker config /root/.docker/config.json`. */
  readonly description: string;
  /** The credential for a registry (`host[:port]`, Docker Hub as `docker.io`), or undefined to go anonymous. */
  get(registry: string): Promise<Credential | undefined>;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, as the docker CLI finds it. */
export function dockerConfigPath(env: Environment): string {
  const directory = env.DOCKER_CONFIG ?? '';
  return path.join(directory === '' ? path.join(env.HOME ?? homedir(), '.docker') : directory, 'config.json');
}

// `docker login` (no argument) stores Docker Hub under its historical v1 index URL; accept the other names too.
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = [DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io'];

/** The `auths` section of a docker config file. Read on first use; a missing file means no credentials. */
export class DockerConfigCredentials implements CredentialSource {
  readonly description: string;
  #auths: Promise<Map<string, Credential>> | undefined;

  constructor(readonly configPath: string) {
    this.description = `the docker config ${configPath}`;
  }

  static fromEnvironment(env: Environment): DockerConfigCredentials {
    return new DockerConfigCredentials(dockerConfigPath(env));
  }

  async get(registry: string): Promise<Credential | undefined> {
    this.#auths ??= readAuths(this.configPath);
    return findCredential(await this.#auths, registry);
  }
}

/** Docker's key matching: exact key first, then any key whose host (without scheme and path) is the registry. */
function findCredential(auths: Map<string, Credential>, registry: string): Credential | undefined {
  const isHub = registry === DOCKER_HUB;
  const exact = auths.get(isHub ? DOCKER_HUB_KEY : registry);
  if (exact !== undefined) return exact;
  const hosts = isHub ? DOCKER_HUB_HOSTS : [registry.toLowerCase()];
  for (const [key, credential] of auths) {
    if (hosts.includes(hostOfKey(key))) return credential;
  }
  return undefined;
}

/** `https://ghcr.io/v1/` → `ghcr.io`, `localhost:5000` → `localhost:5000`. */
function hostOfKey(key: string): string {
  const withoutScheme = key.replace(/^https?:\/\//i, '');
  return withoutScheme.split('/', 1)[0]?.toLowerCase() ?? '';
}

async function readAuths(file: string): Promise<Map<string, Credential>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new Error(`cannot read the docker config ${file}: ${(error as Error).message}`, { cause: error });
  }
  const invalid = (reason: string) => new Error(`the docker config ${file} is not valid: ${reason}`);

  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw invalid(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(config)) throw invalid('not a JSON object');
  const auths = config.auths ?? {};
  if (!isObject(auths)) throw invalid('"auths" is not an object');

  const credentials = new Map<string, Credential>();
  for (const [key, entry] of Object.entries(auths)) {
    if (!isObject(entry)) throw invalid(`auths["${key}"] is not an object`);
    const credential = parseAuthEntry(entry, (reason) => invalid(`auths["${key}"] ${reason}`));
    if (credential !== undefined) credentials.set(key, credential);
  }
  return credentials;
}

// An entry has `auth` (base64 of user:password, which wins over `username`/`password`, as in Docker), and an
// `identitytoken` when the login produced one. An empty entry `{}` is what docker writes when a credsStore holds
// the secret: no credential here.
function parseAuthEntry(entry: Record<string, unknown>, invalid: (reason: string) => Error): Credential | undefined {
  const field = (name: string): string => {
    const value = entry[name] ?? '';
    if (typeof value !== 'string') throw invalid(`"${name}" is not a string`);
    return value;
  };
  let username = field('username');
  let password = field('password');
  const auth = field('auth');
  if (auth !== '') {
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) throw invalid('"auth" is not the base64 of user:password');
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  const identityToken = field('identitytoken');
  if (identityToken !== '') return { kind: 'identity-token', username, identityToken };
  if (username === '' && password === '') return undefined;
  return { kind: 'password', username, password };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
