// Post's cleanup in the engine: the builder this run created, and the names the docker driver's builds left there.
// A failure is a warning that says what was left and how to remove it.
import * as core from '@actions/core';
import type { PostReport } from './summary.js';
import type { DockerCli } from '../docker/cli.js';
import { removeImageNames } from '../docker/image-removal.js';
import { errorMessage } from '../error-message.js';
import { isCreatedBuilderName, type RunIdentity } from '../plan/temporary-tag.js';
import type { RunState } from '../state.js';

/** The builder this run created, and the names the docker driver left in the engine. */
export async function cleanUpEngine(
  state: RunState,
  docker: DockerCli,
  report: PostReport,
  run: RunIdentity,
): Promise<void> {
  await Promise.all([
    removeCreatedBuilder(state.builder, docker, run),
    untagEngineImages(state.engineImages, docker, report),
  ]);
}

/** The docker driver's copies of this run's images, still under temporary names in the engine, are untagged. */
async function untagEngineImages(names: string[], docker: DockerCli, report: PostReport): Promise<void> {
  try {
    await removeImageNames(docker, names);
  } catch (error) {
    report.leftBehind.push(...names.map((name) => `${name} (in the docker engine)`));
    core.warning(
      `Could not untag this run's images in the docker engine: ${errorMessage(error)} (remove them with: docker image rm ${names.join(' ')})`,
    );
  }
}

/**
 * Removes the builder this step created; a failure is a warning that says how to remove it by hand. Main records
 * the builder as 'pending' while `buildx create` runs: such a one is removed only if it exists under a name only
 * this step gives (a create that failed because the name was taken must not remove whoever took it).
 */
export async function removeCreatedBuilder(
  builder: RunState['builder'],
  docker: DockerCli,
  run: RunIdentity,
): Promise<void> {
  if (!builder || builder.created === false) return;
  const removal = `remove it with: docker buildx rm ${builder.name}`;
  if (builder.created === 'pending') {
    if (!isCreatedBuilderName(builder.name, run)) {
      core.warning(
        `The builder ${builder.name} may not be this step's (main did not see it created): kept (${removal})`,
      );
      return;
    }
    let exists: boolean;
    try {
      exists = await docker.builderExists(builder.name);
    } catch (error) {
      core.warning(`Could not check whether the builder ${builder.name} exists: ${errorMessage(error)} (${removal})`);
      return;
    }
    if (!exists) return;
  }
  try {
    await docker.removeBuilder(builder.name);
    core.info(`Removed builder ${builder.name}`);
  } catch (error) {
    core.warning(`Could not remove the builder ${builder.name}: ${errorMessage(error)} (${removal})`);
  }
}
