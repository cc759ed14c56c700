// The docker engine's own API over its unix socket, for the calls that only name and unname images: through the
// docker CLI each costs a process start (~0.1 s), over the socket a few milliseconds. Used only where the docker
// CLI itself would talk to that socket (the default context, no TLS); anywhere else, and whenever the socket cannot
// be reached, the CLI does the work.
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

/**
 * The socket the docker CLI would use, when that is a plain unix socket of the default context; else undefined.
 * The CLI's order: DOCKER_HOST (the default context with that host), then DOCKER_CONTEXT, then the config's
 * currentContext, then the default context.
 */
export function engineSocket(
  env: NodeJS.ProcessEnv = process.env,
  readConfig: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): string | undefined {
  if (env.DOCKER_TLS_VERIFY) return undefined;
  const host = env.DOCKER_HOST;
  if (host) return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
  // An empty variable counts as unset, as in the CLI.
  const context = nonEmpty(env.DOCKER_CONTEXT) ?? currentContext(env, readConfig);
  return context === '' || context === 'default' ? DEFAULT_SOCKET : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** The config's currentContext ('' when none); undefined when the config cannot be read (the CLI will say why). */
function currentContext(env: NodeJS.ProcessEnv, readConfig: (path: string) => string): string | undefined {
  const path = join(nonEmpty(env.DOCKER_CONFIG) ?? join(homedir(), '.docker'), 'config.json');
  let text: string;
  try {
    text = readConfig(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? '' : undefined;
  }
  try {
    const current = (JSON.parse(text) as { currentContext?: unknown }).currentContext;
    return current === undefined ? '' : typeof current === 'string' ? current : undefined;
  } catch {
    return undefined;
  }
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
    return (await this.call('DELETE', `/images/${name}`, [200, 404])) === 200;
  }

  private call(method: string, path: string, expected: number[]): Promise<number> {
    return new Promise((resolve, reject) => {
      const sent = request({ socketPath: this.socketPath, method, path, headers: { Host: 'docker' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (expected.includes(status)) {
            resolve(status);
            return;
          }
          const body = Buffer.concat(chunks).toString('utf8');
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
