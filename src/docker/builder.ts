// The buildx builder: the one the user named, the engine's own (driver docker), or one this run creates and
// post removes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { Output } from '../constants.js';
import { errorMessage } from '../error-message.js';
import { buildxCreateArgs, type BuildkitdConfig } from '../plan/buildx-args.js';
import type { DockerCli } from './cli.js';
import type { Inputs } from '../inputs/inputs.js';
import type { BuilderFacts } from '../plan/plan.js';
import { formatPlatform } from '../platform.js';
import { createdBuilderName, type RunIdentity } from '../plan/temporary-tag.js';

/**
 * Which builder this run will use, and whether it creates it (so state can record it before it exists). A created
 * builder's name is unique per step (createdBuilderName).
 */
export function chooseBuilder(
  inputs: Pick<Inputs, 'builder' | 'driver' | 'platforms'>,
  run: RunIdentity,
): { name?: string; create: boolean } {
  if (inputs.builder !== '') return { name: inputs.builder, create: false };
  if (inputs.driver === 'docker') return { create: false };
  return { name: createdBuilderName(run, inputs.platforms.map(formatPlatform)), create: true };
}

/** Sets the builder up and gives its facts; its platforms become the `platforms` output, as setup-buildx gives. */
export async function setUpBuilder(
  inputs: Pick<Inputs, 'builder' | 'driver' | 'driverOpts' | 'buildkitdFlags' | 'buildkitdConfigInline'>,
  choice: { name?: string; create: boolean },
  docker: DockerCli,
  tempDir: string,
): Promise<BuilderFacts> {
  const { context, containerdImageStore, buildxVersion } = await docker.engineFacts();
  // The engine's own builder: named after the docker context, driver docker.
  if (choice.name === undefined) {
    const { platforms, nodes } = await docker.inspectBuilder(context);
    setPlatformsOutput(platforms);
    return {
      name: context,
      driver: 'docker',
      multiPlatform: containerdImageStore,
      nodes,
      created: false,
      buildxVersion,
    };
  }
  const name = choice.name;
  if (choice.create) {
    let config: BuildkitdConfig | undefined;
    if (inputs.buildkitdConfigInline.trim() !== '') {
      const file = join(tempDir, `${name}-buildkitd.toml`);
      await writeFile(file, inputs.buildkitdConfigInline);
      config = { file, buildxVersion };
    }
    try {
      await docker.buildx(buildxCreateArgs(name, inputs.driver, inputs.driverOpts, inputs.buildkitdFlags, config));
    } catch (error) {
      throw new BuilderError(
        `could not create and start the builder ${name} (driver ${inputs.driver}, BuildKit image ` +
          `${buildkitImage(inputs.driverOpts)}): ${errorMessage(error)}. Is the image in "driver-opts" a BuildKit ` +
          'image that this runner has or can pull?',
      );
    }
  }
  const { driver, platforms, nodes } = await docker.inspectBuilder(name);
  setPlatformsOutput(platforms);
  // Only the docker driver depends on the engine: without the containerd image store it builds one platform.
  const multiPlatform = driver !== 'docker' || containerdImageStore;
  return { name, driver, multiPlatform, nodes, created: choice.create, buildxVersion };
}

export class BuilderError extends Error {
  override name = 'BuilderError';
}

/** The image a created docker-container builder runs: `image=` of driver-opts (quoted or not), else buildx's own. */
export function buildkitImage(driverOpts: string[]): string {
  const image = driverOpts
    .map((option) => option.trim().replace(/^"(.*)"$/, '$1'))
    .find((option) => option.startsWith('image='));
  return image === undefined ? "buildx's default" : image.slice('image='.length);
}

/** The platforms of every node, each once, comma separated. */
function setPlatformsOutput(platforms: string[]): void {
  core.setOutput(Output.BuilderPlatforms, [...new Set(platforms)].join(','));
}
