// The docker commands the benchmark runs by hand: the "raw" side of each comparison, and its own housekeeping.
import { join } from 'node:path';
import { buildxCreateArgs } from '../../src/plan/buildx-args.js';
import { runCommand } from './process.js';

const LAB_DIR = process.env.LAB_DIR ?? '/var/lib/multiarch-lab';

/**
 * How a docker-container builder is set up here (scripts/lab.sh provides both): the lab's BuildKit image, since no
 * public registry can be pulled from; the host's network, so BuildKit reaches the registries on the host's loopback;
 * and the lab's buildkitd.toml. The throwaway registries are not in it: BuildKit talks plain http to loopback anyway.
 */
export const LAB_BUILDKIT = {
  driverOpts: [`image=${process.env.LAB_BUILDKIT_IMAGE ?? 'local/buildkit:debian'}`, 'network=host'],
  configFile: join(LAB_DIR, 'buildkitd.toml'),
};

/**
 * `docker buildx build` pushing straight to `image` (a tag): what a user of docker/build-push-action runs.
 * Provenance is off on both sides of every comparison, so the images are the same.
 */
export async function buildAndPush(
  context: string,
  platforms: readonly string[],
  image: string,
  builder?: string,
): Promise<void> {
  await runCommand('docker', [
    'buildx',
    'build',
    // Named rather than made current with `buildx use`, which would change the builder of every other docker user.
    ...(builder === undefined ? [] : ['--builder', builder]),
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

/**
 * Creates a docker-container builder as docker/setup-buildx-action does (its default buildkitd flags) with
 * LAB_BUILDKIT: the very argv the action runs for a builder of its own, so both sides build on the same kind.
 */
export async function createBuilder(name: string): Promise<void> {
  const { stdout: buildxVersion } = await runCommand('docker', ['buildx', 'version']);
  const config = { file: LAB_BUILDKIT.configFile, buildxVersion };
  await runCommand('docker', buildxCreateArgs(name, 'docker-container', LAB_BUILDKIT.driverOpts, '', config));
}

/** `docker buildx rm`: the builder's container and its state (the build cache) go with it. */
export async function removeBuilder(name: string): Promise<void> {
  await runCommand('docker', ['buildx', 'rm', '--force', name]);
}

/** Runs `work` on a builder created for it, and removes the builder after, however `work` ends. */
export async function withBuilder<T>(name: string, work: (builder: string) => Promise<T>): Promise<T> {
  await createBuilder(name);
  try {
    return await work(name);
  } finally {
    await removeBuilder(name);
  }
}

/** Removes every builder whose name starts with one of `prefixes`: what a failed or interrupted run left. */
export async function removeBuilders(prefixes: readonly string[]): Promise<void> {
  // A JSON object per builder (the text formats list nodes as well); older buildx repeats a builder once per node
  // (docker/buildx#2969), hence the set.
  const { stdout } = await runCommand('docker', ['buildx', 'ls', '--format', 'json']);
  const names = stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { Name: string }).Name)
    .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
  for (const name of new Set(names)) await removeBuilder(name);
}
