// The buildx builder: the one the user named, the engine's own (driver docker), or one this run creates and
// post removes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { Output } from '../constants.js';
import { errorMessage } from '../error-message.js';
import { buildxCreateArgs, type BuildkitdConfig } from '../plan/buildx-args.js';
import type { BuilderInspection, DockerCli } from './cli.js';
import type { Driver, Inputs } from '../inputs/inputs.js';
import type { BuilderFacts } from '../plan/plan.js';
import { formatPlatform } from '../platform.js';
import { createdBuilderName, type RunIdentity } from '../plan/temporary-tag.js';

/** Which builder this run uses, whether it creates it (so state can record it before it exists), and why. */
export interface BuilderChoice {
  /** Undefined: the engine's own builder, named after the docker context. */
  name?: string;
  create: boolean;
  /** The driver of the builder created. */
  driver: Driver;
  /** For the log: how the builder was chosen. */
  reason: string;
}

/** The workflow's current builder, as `docker buildx inspect` names it. */
export type CurrentBuilder = Pick<BuilderInspection, 'name' | 'driver'>;

/**
 * Whether the choice depends on the workflow's current builder: neither `builder` nor `driver` is given, nor an
 * input that only a builder created here takes (driver-opts, buildkitd flags or config).
 */
export function followsCurrentBuilder(inputs: BuilderInputs): boolean {
  return inputs.builder === '' && inputs.driver === '' && !createInputsGiven(inputs);
}

/**
 * As build-push-action: a builder named, else the current builder an earlier step chose (setup-buildx-action,
 * `docker buildx use`, BUILDX_BUILDER) unless it is the engine's own, whose docker driver cannot push by digest or
 * export cache; else the engine's own when `driver` is docker; else a docker-container builder created here, under
 * a name unique to the step (createdBuilderName), and removed in post.
 */
export function chooseBuilder(
  inputs: BuilderInputs & Pick<Inputs, 'platforms'>,
  run: RunIdentity,
  current: CurrentBuilder | undefined,
): BuilderChoice {
  const driver = inputs.driver === '' ? 'docker-container' : inputs.driver;
  if (inputs.builder !== '') return { name: inputs.builder, create: false, driver, reason: '"builder"' };
  if (inputs.driver === 'docker') return { create: false, driver, reason: '"driver" is docker' };
  if (current !== undefined && current.driver !== 'docker') {
    return {
      name: current.name,
      create: false,
      driver,
      reason:
        `the current builder (driver ${current.driver}), chosen by an earlier step (docker/setup-buildx-action, ` +
        '`docker buildx use` or BUILDX_BUILDER); set "builder" or "driver" to choose another',
    };
  }
  const name = createdBuilderName(run, inputs.platforms.map(formatPlatform));
  const why =
    inputs.driver !== ''
      ? `"driver" is ${driver}`
      : createInputsGiven(inputs)
        ? 'driver-opts or buildkitd settings are given'
        : "the current builder is the engine's own";
  return { name, create: true, driver, reason: `created for this step (${why}); post removes it` };
}

type BuilderInputs = Pick<Inputs, 'builder' | 'driver' | 'driverOpts' | 'buildkitdFlags' | 'buildkitdConfigInline'>;

function createInputsGiven(inputs: BuilderInputs): boolean {
  return (
    inputs.driverOpts.length > 0 || inputs.buildkitdFlags.trim() !== '' || inputs.buildkitdConfigInline.trim() !== ''
  );
}

/** Sets the builder up and gives its facts; its platforms become the `platforms` output, as setup-buildx gives. */
export async function setUpBuilder(
  inputs: Pick<Inputs, 'driverOpts' | 'buildkitdFlags' | 'buildkitdConfigInline'>,
  choice: BuilderChoice,
  docker: DockerCli,
  tempDir: string,
): Promise<BuilderFacts> {
  const { context, containerdImageStore, buildxVersion } = await docker.engineFacts();
  // The engine's own builder: named after the docker context, driver docker.
  if (choice.name === undefined) {
    const inspection = await docker.inspectBuilder(context);
    setPlatformsOutput(inspection.platforms);
    return builderFacts(context, inspection, { multiPlatform: containerdImageStore, created: false, buildxVersion });
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
      await docker.buildx(buildxCreateArgs(name, choice.driver, inputs.driverOpts, inputs.buildkitdFlags, config));
    } catch (error) {
      throw new BuilderError(
        `could not create and start the builder ${name} (driver ${choice.driver}, BuildKit image ` +
          `${buildkitImage(inputs.driverOpts)}): ${errorMessage(error)}. Is the image in "driver-opts" a BuildKit ` +
          'image that this runner has or can pull?',
      );
    }
  }
  const inspection = await docker.inspectBuilder(name);
  setPlatformsOutput(inspection.platforms);
  // Only the docker driver depends on the engine: without the containerd image store it builds one platform.
  const multiPlatform = inspection.driver !== 'docker' || containerdImageStore;
  return builderFacts(name, inspection, { multiPlatform, created: choice.create, buildxVersion });
}

/** The facts of the builder `name` (as this step names it: the context, or the name given or created). */
function builderFacts(
  name: string,
  inspection: BuilderInspection,
  facts: Pick<BuilderFacts, 'multiPlatform' | 'created' | 'buildxVersion'>,
): BuilderFacts {
  const { driver, nodes, buildkitVersions, platforms } = inspection;
  const [defaultPlatform] = platforms;
  return { name, driver, nodes, buildkitVersions, ...(defaultPlatform ? { defaultPlatform } : {}), ...facts };
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
