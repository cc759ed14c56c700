// The buildx builder: the one the user named, the engine's own (driver docker), or one this run creates and
// post removes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildxCreateArgs, type BuildkitdConfig } from '../plan/buildx-args.js';
import type { DockerCli } from './cli.js';
import type { Inputs } from '../inputs.js';
import type { BuilderFacts } from '../plan/plan.js';
import { stepHash, type RunIdentity } from '../plan/temporary-tag.js';

/** Which builder this run will use, and whether it creates it (so state can record it before it exists). */
export function chooseBuilder(
  inputs: Pick<Inputs, 'builder' | 'driver'>,
  run: RunIdentity,
): { name?: string; create: boolean } {
  if (inputs.builder !== '') return { name: inputs.builder, create: false };
  if (inputs.driver === 'docker') return { create: false };
  return { name: `multiarch-${run.runId}-${run.runAttempt}-${stepHash(run)}`, create: true };
}

export async function setUpBuilder(
  inputs: Pick<Inputs, 'builder' | 'driver' | 'driverOpts' | 'buildkitdConfigInline'>,
  choice: { name?: string; create: boolean },
  docker: DockerCli,
  tempDir: string,
): Promise<BuilderFacts> {
  const { context, containerdImageStore, buildxVersion } = await docker.engineFacts();
  // The engine's own builder: named after the docker context, driver docker, nothing to inspect.
  if (choice.name === undefined) {
    return { name: context, driver: 'docker', multiPlatform: containerdImageStore, created: false };
  }
  const name = choice.name;
  if (choice.create) {
    let config: BuildkitdConfig | undefined;
    if (inputs.buildkitdConfigInline.trim() !== '') {
      const file = join(tempDir, `${name}-buildkitd.toml`);
      await writeFile(file, inputs.buildkitdConfigInline);
      config = { file, buildxVersion };
    }
    await docker.buildx(buildxCreateArgs(name, inputs.driver, inputs.driverOpts, config));
  }
  const { driver } = await docker.inspectBuilder(name);
  // Only the docker driver depends on the engine: without the containerd image store it builds one platform.
  const multiPlatform = driver !== 'docker' || containerdImageStore;
  return { name, driver, multiPlatform, created: choice.create };
}
