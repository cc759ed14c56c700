// Registry credentials from Docker's config file, found and matched the way the docker CLI does
// (cli/config/configfile/file.go): a registry's credHelpers entry wins, then credsStore, then auths. A helper,
// when one applies, is the only source: its "none" is not completed from auths, as in the CLI.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

import { canonicalRegistry, DOCKER_HUB } from '../../reference.js';
import type { Credential, CredentialSource, Environment } from './credential.js';
import { getFromCredentialHelper } from './helpers.js';
import { isObject } from '../../is-object.js';

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, as the docker CLI finds it. */
export function dockerConfigPath(env: Environment): string {
  const directory = env.DOCKER_CONFIG ?? '';
  return path.join(directory === '' ? path.join(env.HOME ?? homedir(), '.docker') : directory, 'config.json');
}

// `docker login` (no argument) stores Docker Hub under its historical v1 index URL; accept the other names too.
// It is also the server URL the CLI gives credential helpers for Docker Hub, and its key in credHelpers.
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

/** What a docker config says about credentials. */
interface DockerConfig {
  auths: Map<string, Credential>;
  /** Per registry (`host[:port]`, Docker Hub under DOCKER_HUB_KEY): a helper name; "" means "use auths". */
  credHelpers: Map<string, string>;
  /** The default helper; "" or absent means none. */
  credsStore: string;
}

/** A docker config file, read on first use (a missing file means no credentials), and the helpers it names. */
export class DockerConfigCredentials implements CredentialSource {
  readonly description: string;
  /** The environment credential helpers run in: its PATH finds them. */
  readonly #helperEnv: Environment;
  #config: Promise<DockerConfig> | undefined;

  constructor(
    readonly configPath: string,
    helperEnv: Environment = process.env,
  ) {
    this.description = `the docker config ${configPath}`;
    this.#helperEnv = helperEnv;
  }

  static fromEnvironment(env: Environment): DockerConfigCredentials {
    return new DockerConfigCredentials(dockerConfigPath(env), env);
  }

  async get(registry: string): Promise<Credential | undefined> {
    this.#config ??= readDockerConfig(this.configPath);
    const config = await this.#config;
    const serverUrl = canonicalRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_KEY : registry;
    const helper = config.credHelpers.get(serverUrl) ?? config.credsStore;
    if (helper === '') return findCredential(config.auths, registry);
    try {
      return await getFromCredentialHelper(helper, serverUrl, this.#helperEnv);
    } catch (error) {
      const setting = config.credHelpers.has(serverUrl) ? `credHelpers["${serverUrl}"]` : 'credsStore';
      throw new Error(
        `cannot get the credentials for ${registry} from the credential helper "${helper}" (${setting} of ` +
          `${this.description}): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

/**
 * Docker's key matching: exact key first, then any key whose host (without scheme and path) is the registry,
 * however either is spelt (GHCR.IO, ghcr.io:443, index.docker.io).
 */
function findCredential(auths: Map<string, Credential>, registry: string): Credential | undefined {
  const wanted = canonicalRegistry(registry);
  const exact = auths.get(wanted === DOCKER_HUB ? DOCKER_HUB_KEY : registry);
  if (exact !== undefined) return exact;
  for (const [key, credential] of auths) {
    if (canonicalRegistry(hostOfKey(key)) === wanted) return credential;
  }
  return undefined;
}

/** `https://ghcr.io/v1/` → `ghcr.io`, `localhost:5000` → `localhost:5000`. */
function hostOfKey(key: string): string {
  const withoutScheme = key.replace(/^https?:\/\//i, '');
  return withoutScheme.split('/', 1)[0]?.toLowerCase() ?? '';
}

async function readDockerConfig(file: string): Promise<DockerConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { auths: new Map(), credHelpers: new Map(), credsStore: '' };
    }
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
  const credHelpers = config.credHelpers ?? {};
  if (!isObject(credHelpers)) throw invalid('"credHelpers" is not an object');
  const credsStore = config.credsStore ?? '';
  if (typeof credsStore !== 'string') throw invalid('"credsStore" is not a string');

  const credentials = new Map<string, Credential>();
  for (const [key, entry] of Object.entries(auths)) {
    if (!isObject(entry)) throw invalid(`auths["${key}"] is not an object`);
    const credential = parseAuthEntry(entry, (reason) => invalid(`auths["${key}"] ${reason}`));
    if (credential !== undefined) credentials.set(key, credential);
  }
  const helpers = new Map<string, string>();
  for (const [key, helper] of Object.entries(credHelpers)) {
    if (typeof helper !== 'string') throw invalid(`credHelpers["${key}"] is not a string`);
    helpers.set(key, helper);
  }
  return { auths: credentials, credHelpers: helpers, credsStore };
}

// An entry has `auth` (base64 of user:password, which wins over `username`/`password`, as in Docker), and an
// `identitytoken` when the login produced one. An empty entry `{}` is what docker writes when a credsStore holds
// the secret: no credential here (the store is asked instead, see get).
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
