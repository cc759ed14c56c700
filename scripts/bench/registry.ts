// The benchmark's own registry: a CNCF distribution registry on a free loopback port, its storage in a temporary
// directory and deletes enabled, so that no result depends on what the lab registry happens to hold. Docker treats
// loopback registries as insecure (plain HTTP) by default, so pushes to it need no engine configuration.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify as toYaml } from 'yaml';

export interface ThrowawayRegistry {
  /** host:port, as it appears in image references. */
  address: string;
  port: number;
  /** Stops the registry process (by its pid) and waits until it has exited. */
  stop: () => Promise<void>;
}

const REGISTRY_BINARY = 'docker-registry';
const STARTUP_TIMEOUT_MS = 10_000;
const STARTUP_POLL_MS = 100;
/** How long a stopped process gets to exit on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;

export async function startThrowawayRegistry(dir: string): Promise<ThrowawayRegistry> {
  const port = await freeLoopbackPort();
  const address = `127.0.0.1:${String(port)}`;
  const configFile = writeRegistryConfig(dir, address);
  const child = spawn(REGISTRY_BINARY, ['serve', configFile], { stdio: 'ignore' });
  const ending = watchEnding(child);
  const stop = (): Promise<void> => stopProcess(child);
  try {
    await waitUntilServing(address, ending);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, port, stop };
}

function writeRegistryConfig(dir: string, address: string): string {
  const storage = join(dir, 'storage');
  mkdirSync(storage, { recursive: true });
  const configFile = join(dir, 'config.yml');
  const config = {
    version: '0.1',
    log: { level: 'error', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: storage }, delete: { enabled: true } },
    http: { addr: address },
  };
  writeFileSync(configFile, toYaml(config));
  return configFile;
}

/** How a process ended (spawn error or exit), once it has; undefined while it runs. */
function watchEnding(child: ChildProcess): () => string | undefined {
  let ending: string | undefined;
  // Listening for 'error' also keeps a failed spawn (binary missing) from crashing the benchmark unexplained.
  child.once('error', (error) => {
    ending = error.message;
  });
  child.once('exit', (code, signal) => {
    ending = signal === null ? `exit ${String(code)}` : `killed by ${signal}`;
  });
  return () => ending;
}

async function waitUntilServing(address: string, ending: () => string | undefined): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const ended = ending();
    if (ended !== undefined) throw new Error(`${REGISTRY_BINARY} ended before serving on ${address}: ${ended}`);
    const serving = await fetch(`http://${address}/v2/`).then(
      (response) => response.ok,
      () => false,
    );
    if (serving) return;
    await sleep(STARTUP_POLL_MS);
  }
  throw new Error(`${REGISTRY_BINARY} did not serve on ${address} within ${String(STARTUP_TIMEOUT_MS)} ms`);
}

/** SIGTERM to this one process, SIGKILL if it lingers; resolves once it is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(killer);
}

/** A port nobody listens on right now (the OS picks it). */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('the OS gave no port');
  return address.port;
}

/** The tags of a repository, sorted; [] when it has none or does not exist. */
export async function listTags(registry: string, repository: string): Promise<string[]> {
  const response = await fetch(`http://${registry}/v2/${repository}/tags/list`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`GET ${repository}/tags/list answered ${String(response.status)}`);
  const body = (await response.json()) as { tags?: string[] | null };
  return [...(body.tags ?? [])].sort();
}

/** Each side must end with exactly the tags its flow leaves, or it did not do the same work. */
export async function expectTags(registry: string, repository: string, expected: readonly string[]): Promise<void> {
  const tags = await listTags(registry, repository);
  if (tags.join(',') !== [...expected].sort().join(',')) {
    throw new Error(`${repository} holds tags [${tags.join(', ')}] after the run; expected [${expected.join(', ')}]`);
  }
}
