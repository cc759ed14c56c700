// The docker engine's own API over its unix socket, for the calls that only name and unname images or read the
// engine's facts: through the docker CLI each costs a process start (~0.1 s), over the socket a few milliseconds.
// Used only where the docker CLI itself would talk to that socket (the default context, no TLS, as its config and
// environment say); anywhere else, and whenever the socket cannot be reached, the CLI does the work. From the same
// config: where the CLI finds its plugins.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The engine could not be reached over the socket (absent, refused, not ours to open): the CLI may do better. */
export class EngineUnreachableError extends Error {
  override name = 'EngineUnreachableError';
}

/** The engine answered with an error. */
export class EngineApiError extends Error {
  override name = 'EngineApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const DEFAULT_SOCKET = '/var/run/docker.sock';

/** Reads a file as text (readFileSync's way: throws, with the error's code, when it cannot). */
export type ConfigReader = (path: string) => string;

/**
 * The socket the docker CLI would use, when that is a plain unix socket of the default context; else undefined.
 * The CLI's order: DOCKER_HOST (the default context with that host), then DOCKER_CONTEXT, then the config's
 * currentContext, then the default context.
 */
export function engineSocket(env: NodeJS.ProcessEnv = process.env, readConfig?: ConfigReader): string | undefined {
  if (env.DOCKER_TLS_VERIFY) return undefined;
  const host = env.DOCKER_HOST;
  if (host) return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
  // An empty variable counts as unset, as in the CLI.
  const context = nonEmpty(env.DOCKER_CONTEXT) ?? currentContext(dockerConfig(env, readConfig));
  return context === '' || context === 'default' ? DEFAULT_SOCKET : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** The docker CLI's config directory: DOCKER_CONFIG (an empty one counts as unset, as in the CLI), else ~/.docker. */
function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return nonEmpty(env.DOCKER_CONFIG) ?? join(homedir(), '.docker');
}

/**
 * The docker CLI's config.json: {} when there is none, as for the CLI; undefined when it cannot be read or is no
 * JSON object, where the CLI warns and goes on with what it could read: only the CLI knows what that is.
 */
function dockerConfig(
  env: NodeJS.ProcessEnv,
  readConfig: ConfigReader = (path) => readFileSync(path, 'utf8'),
): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readConfig(join(dockerConfigDir(env), 'config.json'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined;
  }
  try {
    const config: unknown = JSON.parse(text);
    return typeof config === 'object' && config !== null && !Array.isArray(config)
      ? (config as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The config's currentContext ('' when none); undefined when the config cannot be read (the CLI will say why). */
function currentContext(config: Record<string, unknown> | undefined): string | undefined {
  if (config === undefined) return undefined;
  const current = config.currentContext ?? '';
  return typeof current === 'string' ? current : undefined;
}

/** The docker CLI's own plugin directories on Linux and other Unixes (docker/cli cli-plugins/manager). */
const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

/**
 * Where the docker CLI looks for its plugins, first match first (docker/cli getPluginDirs): the config's
 * cliPluginsExtraDirs, then the config directory's cli-plugins, then the system's. Undefined when the config
 * cannot be read as the CLI would: only the CLI knows what it will make of it.
 */
export function cliPluginDirs(env: NodeJS.ProcessEnv = process.env, readConfig?: ConfigReader): string[] | undefined {
  const config = dockerConfig(env, readConfig);
  if (config === undefined) return undefined;
  const extraDirs = config.cliPluginsExtraDirs ?? []; // JSON null reads as none, as in Go
  const strings = Array.isArray(extraDirs) && extraDirs.every((dir): dir is string => typeof dir === 'string');
  if (!strings) return undefined;
  return [...extraDirs, join(dockerConfigDir(env), 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS];
}

export class EngineApi {
  constructor(private readonly socketPath: string) {}

  /** The engine's API where the docker CLI would use the default socket; undefined elsewhere. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): EngineApi | undefined {
    const socket = engineSocket(env);
    return socket === undefined ? undefined : new EngineApi(socket);
  }

  /** Gives `source` the name `repository:tag` (what `docker image tag` does). */
  async tagImage(source: string, repository: string, tag: string): Promise<void> {
    const query = new URLSearchParams({ repo: repository, tag });
    await this.call('POST', `/images/${source}/tag?${query.toString()}`, [201]);
  }

  /** Removes the name (what `docker image rm` does); false when the engine has no such image. */
  async removeImage(name: string): Promise<boolean> {
    return (await this.call('DELETE', `/images/${name}`, [200, 404])).status === 200;
  }

  /** The engine's facts, the server half of `docker info`: here the one part this action reads. */
  async info(): Promise<{ DriverStatus?: unknown }> {
    const { body } = await this.call('GET', '/info', [200]);
    return JSON.parse(body) as { DriverStatus?: unknown };
  }

  private call(method: string, path: string, expected: number[]): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      // servername: what node's agent would work out from the Host header, given up front; node works it out
      // with net.isIP, whose IPv6 test compiles a large regular expression at a process's first request, and to
      // machine code at its second (~15 ms, then ~5 ms, on the step's critical path). No TLS uses it here.
      const options = { socketPath: this.socketPath, method, path, headers: { Host: 'docker' }, servername: 'docker' };
      const sent = request(options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const body = Buffer.concat(chunks).toString('utf8');
          if (expected.includes(status)) {
            resolve({ status, body });
            return;
          }
          let message = body.trim();
          try {
            const parsed = (JSON.parse(body) as { message?: unknown }).message;
            if (typeof parsed === 'string') message = parsed;
          } catch {
            // not JSON: the body as it is
          }
          reject(new EngineApiError(`${method} ${path} answered ${status}: ${message}`, status));
        });
        response.on('error', reject);
      });
      sent.on('error', (error) => {
        reject(new EngineUnreachableError(`cannot reach the docker engine at ${this.socketPath}: ${error.message}`));
      });
      sent.end();
    });
  }
}
