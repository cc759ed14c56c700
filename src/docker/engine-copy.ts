// The docker driver keeps every image it pushes in the engine, under the names it pushed. When one build's index is
// what the run publishes, the engine's copy of it takes the final tags there, as `docker build -t` would name it.
// Its temporary name goes in post, with the registry's temporary tags.
import * as core from '@actions/core';
import { errorMessage } from '../error-message.js';
import type { ImageReference } from '../reference.js';
import type { DockerCli } from './cli.js';

/** Gives the engine's copy, known by its temporary name, the final tags; a failure is a warning, never fatal. */
export async function tagEngineCopy(docker: DockerCli, copy: string, finalTags: ImageReference[]): Promise<void> {
  try {
    for (const tag of finalTags) await docker.tagImage(copy, tag);
  } catch (error) {
    core.warning(`Could not give this run's image in the docker engine its final tags: ${errorMessage(error)}`);
  }
}
