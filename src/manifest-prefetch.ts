// What a build pushed is read back from the registry as soon as buildx says it pushed it: buildx still has work
// before it ends (the docker driver of buildx < 0.22 pushes everything again through the engine, ~0.1 s; every
// driver then writes its metadata file and exits), and main needs the manifest's bytes the moment the build ends.
import { finishedStatus } from './buildx-progress.js';
import { formatName, parseReference, type ImageName } from './reference.js';
import type { FetchedManifest, RegistryClient } from './registry/client.js';

/** Reads manifests from one repository, each once, starting with those buildx says it pushed there. */
export class ManifestPrefetch {
  readonly #reads = new Map<string, Promise<FetchedManifest>>();

  constructor(
    private readonly registry: RegistryClient,
    private readonly repository: ImageName,
  ) {}

  /** A build's output line: a manifest pushed to this repository is read now. */
  readonly watch = (line: string): void => {
    const pushed = pushedManifest(line);
    if (pushed === undefined || formatName(pushed.name) !== formatName(this.repository)) return;
    if (this.#reads.has(pushed.digest)) return;
    const read = this.registry.getManifest(this.repository, pushed.digest);
    read.catch(() => undefined); // getManifest reads it again
    this.#reads.set(pushed.digest, read);
  };

  /** The manifest `digest`: the early read, or (without one, or when it failed) a read now. */
  readonly getManifest = async (digest: string): Promise<FetchedManifest> => {
    const early = this.#reads.get(digest);
    if (early !== undefined) {
      const read = await early.catch(() => undefined);
      if (read !== undefined) return read;
    }
    return this.registry.getManifest(this.repository, digest);
  };
}

/**
 * The manifest a line of buildx's plain progress output says was pushed, by the repository's name and the
 * manifest's digest: `#9 pushing manifest for 127.0.0.1:5000/app:tmp@sha256:… 0.0s done`.
 */
export function pushedManifest(line: string): { name: ImageName; digest: string } | undefined {
  const match = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})$/.exec(finishedStatus(line) ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return { name: parseReference(match[1]), digest: match[2] };
  } catch {
    return undefined;
  }
}
