// The buildx builder: the one the user named, the engine's own (driver docker), or one this run creates and
// post removes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildxCreateArgs } from './buildx-args.js';
import type { DockerCli } from './docker.js';
import type { Inputs } from './inputs.js';
import { stepHash, type BuilderFacts, type RunIdentity } from './plan.js';

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
  // Independent look-ups run together: each docker command costs a process start.
  const [buildxVersion, name] = await Promise.all([
    docker.buildxVersion(),
    // The docker driver's builder is named after the docker context.
    choice.name ?? docker.currentContext(),
  ]);
  // Asked early only when the engine's own builder is sure to be used; otherwise only if inspect says docker.
  const imageStore = inputs.builder === '' && inputs.driver === 'docker' ? docker.containerdImageStore() : undefined;
  if (choice.create) {
    let configFile: string | undefined;
    if (inputs.buildkitdConfigInline.trim() !== '') {
      configFile = join(tempDir, `${name}-buildkitd.toml`);
      await writeFile(configFile, inputs.buildkitdConfigInline);
    }
    await docker.buildx(buildxCreateArgs(name, inputs.driver, inputs.driverOpts, configFile, buildxVersion));
  }
  const { driver } = await docker.inspectBuilder(name);
  // Only the docker driver depends on the engine: without the containerd image store it builds one platform.
  const multiPlatform = driver !== 'docker' || (await (imageStore ?? docker.containerdImageStore()));
  return { name, driver, buildxVersion, multiPlatform, created: choice.create };
}
