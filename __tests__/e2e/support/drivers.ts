// The two kinds of builder the e2e suites run on. `docker`: the engine's own builder, which cannot push by digest,
// so every image goes under a run-unique temporary tag that post deletes. `docker-container`: what users get by
// default, a builder the action creates from the lab's BuildKit image (scripts/lab.sh builds it from Debian), which
// pushes by digest, so no temporary tag may ever exist.
import { lab } from '../lab.js';
import { docker } from '../probe.js';
import { taggedManifestPuts } from './registry-log.js';

export type LabDriver = 'docker' | 'docker-container';

export const LAB_DRIVERS: readonly LabDriver[] = ['docker', 'docker-container'];

/** The lab's BuildKit image (scripts/lab.sh up). */
export const LAB_BUILDKIT_IMAGE = 'local/buildkit:debian';

/** The lab's buildkitd.toml (scripts/lab.sh up writes it): its registries speak http. */
const LAB_BUILDKITD_CONFIG = `${process.env.LAB_DIR ?? '/var/lib/multiarch-lab'}/buildkitd.toml`;

/** `docker buildx create` options of a builder on the lab's BuildKit image, on the host's network. */
export const LAB_BUILDER_OPTIONS: readonly string[] = [
  '--driver',
  'docker-container',
  '--driver-opt',
  `image=${LAB_BUILDKIT_IMAGE}`,
  '--driver-opt',
  'network=host',
  '--buildkitd-config',
  LAB_BUILDKITD_CONFIG,
];

/** buildkitd's configuration for registries on loopback: BuildKit speaks plain http to each of them. */
export function buildkitdConfig(registries: readonly string[]): string {
  return registries.map((registry) => `[registry."${registry}"]\n  http = true\n  insecure = true\n`).join('\n');
}

/**
 * The inputs that put a step on `driver`: for docker-container, a builder of the lab's BuildKit image on the host's
 * network, told that the lab registries (and `extraRegistries`, e.g. a fault proxy) speak http.
 */
export function driverInputs(driver: LabDriver, extraRegistries: readonly string[] = []): Record<string, string> {
  if (driver === 'docker') return { driver: 'docker' };
  return {
    driver: 'docker-container',
    'driver-opts': `image=${LAB_BUILDKIT_IMAGE}\nnetwork=host`,
    'buildkitd-config-inline': buildkitdConfig([lab.registry, lab.authRegistry, ...extraRegistries]),
  };
}

/**
 * The tags put in a lab repository, from the registry's own log, that are not final tags: none may exist when the
 * driver pushes by digest (not only none left, none ever created).
 */
export function tagsPutBesides(repository: string, finalTags: readonly string[]): string[] {
  return taggedManifestPuts(repository)
    .map(({ tag }) => tag)
    .filter((tag) => !finalTags.includes(tag));
}

/** Whether buildx knows a builder of this name (a step's post must have removed the one it created). */
export function builderExists(name: string): boolean {
  return docker(['buildx', 'inspect', name]).status === 0;
}
