// The docker driver keeps every image it pushes in the engine, under the names it pushed. When one build's index is
// what the run publishes, the engine's copy of it takes the final tags there, as docker build names an image. Its
// temporary name goes in post, with the registry's temporary tags (re-tagging is cheap where deleting an image's
// content is not: the copy keeps its final tags).
import * as core from '@actions/core';
import { finishedStatus } from '../buildx-progress.js';
import type { DockerCli } from './cli.js';
import type { ImageReference } from '../reference.js';
import { errorMessage } from '../error-message.js';

/**
 * Gives the engine's copy, known by its first temporary name, the final tags. The engine takes a while to tag right
 * after a build (~30-50 ms), so the final tags are given as soon as buildx has named the copy, while it still pushes
 * (about 0.1 s before a build ends): `watch` reads buildx's plain progress output for that. Without the line (another
 * progress mode), they are given once the build is over.
 */
export class EngineCopyRename {
  #tagging: Promise<void> | undefined;

  constructor(
    private readonly docker: DockerCli,
    private readonly copy: string,
    private readonly finalTags: ImageReference[],
  ) {}

  /** A build's output line. A retried build names its copy again: the tags follow each naming, the last one wins. */
  readonly watch = (line: string): void => {
    if (!isNamingDone(line, this.copy)) return;
    const tagging = (this.#tagging ?? Promise.resolve()).catch(() => undefined).then(() => this.#tag());
    tagging.catch(() => undefined); // finish reports a failure; after a failed build nothing waits for it
    this.#tagging = tagging;
  };

  /**
   * After a successful build: the final tags, given now unless the naming was seen. A failure is a warning; post
   * then removes the temporary name, and the copy with it.
   */
  async finish(): Promise<void> {
    try {
      await (this.#tagging ?? this.#tag());
    } catch (error) {
      core.warning(`Could not rename this run's image in the docker engine: ${errorMessage(error)}`);
    }
  }

  async #tag(): Promise<void> {
    await Promise.all(this.finalTags.map((tag) => this.docker.tagImage(this.copy, tag)));
  }
}

/** Whether a line of buildx's plain progress output says that the image exporter has named an image `name`. */
export function isNamingDone(line: string, name: string): boolean {
  return finishedStatus(line) === `naming to ${name}`;
}
