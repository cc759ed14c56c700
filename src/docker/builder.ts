// The buildx builder: the one the user named, the engine's own (driver docker), or one this run creates and
// post removes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildxCreateArgs, type BuildkitdConfig } from '../plan/buildx-args.js';
import type { DockerCli } from './cli.js';
import type { Inputs } from '../inputs.js';
import { stepHash, type BuilderFacts, type RunIdentity } from '../plan/plan.js';

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
  // Each docker command costs a process start, a buildx one two: independent ones run together, and none runs
  // whose answer is already known.
  const engine = docker.engineFacts();
  engine.catch(() => undefined); // awaited below on every path; this only keeps an early failure handled
  if (choice.name === undefined) {
    // The engine's own builder: named after the docker context, driver docker, nothing to inspect.
    const { context, containerdImageStore } = await engine;
    return { name: context, driver: 'docker', multiPlatform: containerdImageStore, created: false };
  }
  const name = choice.name;
  if (choice.create) {
    let config: BuildkitdConfig | undefined;
    if (inputs.buildkitdConfigInline.trim() !== '') {
      const file = join(tempDir, `${name}-buildkitd.toml`);
      // The flag that names the file depends on buildx's version.
      const [buildxVersion] = await Promise.all([
        docker.buildxVersion(),
        writeFile(file, inputs.buildkitdConfigInline),
      ]);
      config = { file, buildxVersion };
    }
    await docker.buildx(buildxCreateArgs(name, inputs.driver, inputs.driverOpts, config));
  }
  const [{ containerdImageStore }, { driver }] = await Promise.all([engine, docker.inspectBuilder(name)]);
  // Only the docker driver depends on the engine: without the containerd image store it builds one platform.
  const multiPlatform = driver !== 'docker' || containerdImageStore;
  return { name, driver, multiPlatform, created: choice.create };
}
