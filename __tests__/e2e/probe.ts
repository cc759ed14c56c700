// Independent checks of what ended up in the lab registries: plain HTTP requests and docker commands, written
// apart from the action's own registry client so that the e2e tests do not grade the action with its own code.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lab } from './lab.js';

/** The Accept header of a manifest request: every index and image manifest type the lab's images use. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(',');

export interface IndexJson {
  mediaType?: string;
  manifests: {
    digest: string;
    platform?: { os: string; architecture: string; variant?: string };
    annotations?: Record<string, string>;
  }[];
  annotations?: Record<string, string>;
}

/** A repository name no other test (or earlier run) uses. */
export function uniqueRepository(purpose: string): string {
  return `e2e/${purpose}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function v2Url(registry: string, path: string): string {
  return `http://${registry}/v2/${path}`;
}

/** The lab's htpasswd registry wants its basic credentials; the anonymous one wants none. */
export function authHeaders(registry: string): Record<string, string> {
  if (registry !== lab.authRegistry) return {};
  return { Authorization: `Basic ${Buffer.from(`${lab.authUser}:${lab.authPassword}`).toString('base64')}` };
}

/** The tags of a repository in the anonymous lab registry ([] for a repository that has none). */
export async function listTags(repository: string, registry = lab.registry): Promise<string[]> {
  const response = await fetch(v2Url(registry, `${repository}/tags/list`), { headers: authHeaders(registry) });
  if (response.status === 404) return [];
  const body = (await response.json()) as { tags: string[] | null };
  return [...(body.tags ?? [])].sort();
}

/** The digest a tag or digest resolves to, or undefined when the registry has no such manifest. */
export async function resolve(
  repository: string,
  reference: string,
  registry = lab.registry,
): Promise<string | undefined> {
  const response = await fetch(v2Url(registry, `${repository}/manifests/${reference}`), {
    method: 'HEAD',
    headers: { Accept: MANIFEST_ACCEPT, ...authHeaders(registry) },
  });
  return response.status === 200 ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
}

export async function getIndex(repository: string, reference: string, registry = lab.registry): Promise<IndexJson> {
  const response = await fetch(v2Url(registry, `${repository}/manifests/${reference}`), {
    headers: { Accept: MANIFEST_ACCEPT, ...authHeaders(registry) },
  });
  if (response.status !== 200) throw new Error(`GET ${repository}:${reference} answered ${response.status}`);
  return (await response.json()) as IndexJson;
}

/** Platforms of the index's images (attestation manifests, `unknown/unknown`, left out). */
export function imagePlatforms(index: IndexJson): string[] {
  return index.manifests
    .map((m) => m.platform)
    .filter((p): p is NonNullable<typeof p> => p !== undefined && p.os !== 'unknown')
    .map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/'))
    .sort();
}

export function docker(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('docker', args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every `repository:tag` name the lab's engine holds. */
export function engineImageNames(): string[] {
  return docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']).stdout.split('\n');
}

/** The engine's image ID of a name: with the containerd image store, the digest of the manifest or index it holds. */
export function engineImageId(name: string): string {
  const inspected = docker(['image', 'inspect', '--format', '{{.Id}}', name]);
  if (inspected.status !== 0) throw new Error(`docker image inspect ${name} failed: ${inspected.stderr}`);
  return inspected.stdout.trim();
}

/**
 * What `uname -m` said at build time, read from the image by running it (pulled fresh for that platform). The output
 * is read from the container's log once it has exited, not from an attached `docker run`: on a loaded engine the
 * attach of a container that exits at once can lose its output (docker run exits 0 and prints nothing).
 */
export function runArch(image: string, platform: string): string {
  const name = `e2e-arch-${randomBytes(6).toString('hex')}`;
  const started = docker(['run', '--detach', '--pull', 'always', '--platform', platform, '--name', name, image]);
  if (started.status !== 0) throw new Error(`docker run ${image} (${platform}) failed: ${started.stderr}`);
  try {
    const exit = docker(['wait', name]).stdout.trim();
    if (exit !== '0') throw new Error(`${image} (${platform}) exited ${exit}`);
    // The engine can report the exit before its log copier has written the container's output (seen once in CI:
    // exit 0, empty logs): the images here always print, so empty logs are read again, for up to 10 s.
    for (let attempt = 1; ; attempt++) {
      const logs = docker(['logs', name]);
      if (logs.status !== 0) throw new Error(`docker logs of ${image} (${platform}) failed: ${logs.stderr}`);
      if (logs.stdout.trim() !== '' || attempt === 50) return logs.stdout.trim();
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  } finally {
    docker(['rm', '--force', name]);
  }
}

/** A docker config directory holding credentials the way `docker login` stores them. */
export function dockerConfig(registry: string, user: string, password: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-docker-config-'));
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [registry]: { auth } } }));
  return dir;
}

/** Pushes a one-platform image FROM the lab base under `reference` (as an older per-arch workflow would have). */
export function pushPlatformImage(reference: string, platform: string): void {
  const result = docker([
    'buildx',
    'build',
    '--platform',
    platform,
    '--provenance=false',
    '--output',
    `type=image,name=${reference},push=true`,
    archContext(),
  ]);
  if (result.status !== 0) throw new Error(`pushing ${reference} failed: ${result.stderr}`);
}

/** A build context whose image prints the architecture it was built on. */
export function archContext(extraDockerfileLines: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-context-'));
  writeFileSync(
    join(dir, 'Dockerfile'),
    [`FROM ${lab.baseImage}`, 'RUN uname -m > /arch', ...extraDockerfileLines, 'CMD ["cat", "/arch"]', ''].join('\n'),
  );
  return dir;
}
