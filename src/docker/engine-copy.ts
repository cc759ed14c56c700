// The docker driver keeps every image it pushes in the engine, under the names it pushed: this run's temporary tags.
// The engine keeps one of them under the final tags, as buildx would have loaded the build there: the one build's
// image, or in a fan-out (or a shard) the image of the engine's own platform, what `docker pull` of a final tag
// gives on this runner. Post then removes every temporary name: for the kept image a plain untag, for the others
// the engine deletes the image.
import * as core from '@actions/core';
import { errorMessage } from '../error-message.js';
import type { PlannedBuild } from '../plan/plan.js';
import { temporaryReferences } from '../plan/temporary-tag.js';
import { parsePlatform, PlatformError, samePlatform, type Platform } from '../platform.js';
import type { ImageName, ImageReference } from '../reference.js';
import type { DockerCli } from './cli.js';

/**
 * The temporary name of the engine's copy that takes the final tags: the build's whose platforms include the
 * engine's own, else the first build's.
 */
export function engineCopyToKeep(
  builds: Pick<PlannedBuild, 'platforms' | 'temporaryTag'>[],
  repositories: ImageName[],
  enginePlatform: string | undefined,
): string | undefined {
  const native = platformOf(enginePlatform);
  const kept =
    builds.find(
      (build) => native !== undefined && build.platforms.some((platform) => samePlatform(platform, native)),
    ) ?? builds[0];
  return kept === undefined ? undefined : temporaryReferences(repositories, kept.temporaryTag)[0];
}

/** The engine's platform as buildx reports it; one this action cannot parse matches no build. */
function platformOf(text: string | undefined): Platform | undefined {
  if (text === undefined) return undefined;
  try {
    return parsePlatform(text);
  } catch (error) {
    if (error instanceof PlatformError) return undefined;
    throw error;
  }
}

/** Gives the engine's copy, known by its temporary name, the final tags; a failure is a warning, never fatal. */
export async function tagEngineCopy(docker: DockerCli, copy: string, finalTags: ImageReference[]): Promise<void> {
  try {
    for (const tag of finalTags) await docker.tagImage(copy, tag);
  } catch (error) {
    core.warning(`Could not give this run's image in the docker engine its final tags: ${errorMessage(error)}`);
  }
}
