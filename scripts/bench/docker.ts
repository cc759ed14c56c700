// The docker commands the benchmark runs by hand: the "raw" side of each comparison, and its own housekeeping.
import { runCommand } from './process.js';

/**
 * `docker buildx build` pushing straight to `image` (a tag): what a user of docker/build-push-action runs.
 * Provenance is off on both sides of every comparison, so the images are the same.
 */
export async function buildAndPush(context: string, platforms: readonly string[], image: string): Promise<void> {
  await runCommand('docker', [
    'buildx',
    'build',
    '--provenance=false',
    '--platform',
    platforms.join(','),
    '--output',
    `type=image,name=${image},push=true`,
    context,
  ]);
}

/** `docker manifest create` + `push`, the old way of joining per-arch tags into one list (--purge: no local copy). */
export async function createAndPushManifestList(list: string, images: readonly string[]): Promise<void> {
  await runCommand('docker', ['manifest', 'create', '--insecure', list, ...images]);
  await runCommand('docker', ['manifest', 'push', '--purge', '--insecure', list]);
}

/** Copies an image (every platform) between registries without pulling it into the engine. */
export async function copyImage(from: string, to: string): Promise<void> {
  await runCommand('docker', ['buildx', 'imagetools', 'create', '--tag', to, from]);
}

/**
 * Untags the engine's local images named after the given registries. With the containerd image store every push
 * also keeps the image under its name; those names point at the benchmark's own, short-lived registries.
 */
export async function removeLocalImages(registries: readonly string[]): Promise<void> {
  const { stdout } = await runCommand('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
  const names = stdout
    .split('\n')
    .filter((name) => !name.endsWith(':<none>'))
    .filter((name) => registries.some((registry) => name.startsWith(`${registry}/`)));
  if (names.length > 0) await runCommand('docker', ['image', 'rm', ...names]);
}
