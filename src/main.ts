// The main step, in the order the data flows: inputs → QEMU → builder → plan → builds → index → verify → outputs
// (→ publish when asked to publish in main). State is saved before each step that creates something.
import * as core from '@actions/core';
import { chooseBuilder, setUpBuilder } from './builder.js';
import { runBuilds, type CompletedBuild } from './build.js';
import { Output } from './constants.js';
import { DockerCli } from './docker.js';
import { platformDigests } from './image-index.js';
import { getInputs } from './inputs.js';
import { describePlan, makePlan } from './plan.js';
import { formatPlatform } from './platform.js';
import { publishTags, pushIndex, temporaryReferences, verifyIndex } from './publish.js';
import { setUpQemu } from './qemu.js';
import { formatReference } from './reference.js';
import { checkPushAccess, createRegistryClient } from './registry-access.js';
import { phase, runIdentity, stepTempDir } from './runtime.js';
import { emptyRunState, markMainStarted, saveRunState, type RunState } from './state.js';

export async function main(): Promise<void> {
  markMainStarted();
  const inputs = getInputs();
  const run = runIdentity();
  const docker = new DockerCli();
  const registry = createRegistryClient();
  const tempDir = await stepTempDir();
  const state: RunState = {
    ...emptyRunState(),
    cleanup: inputs.cleanup,
    publish: inputs.push ? inputs.publish : 'false',
    platforms: inputs.platforms.map(formatPlatform),
    finalTags: inputs.tags.map(formatReference),
  };
  saveRunState(state);
  const timings = state.timings;

  if (inputs.push) {
    await phase(timings, 'Check registry access', () => checkPushAccess(registry, inputs.tags));
  }
  await phase(timings, 'Set up QEMU', () => setUpQemu(inputs.qemu, inputs.platforms, inputs.qemuImage, docker));

  const builderChoice = chooseBuilder(inputs, run);
  if (builderChoice.name && builderChoice.create) state.builder = { name: builderChoice.name, created: true };
  saveRunState(state);
  const builder = await phase(timings, 'Set up builder', () => setUpBuilder(inputs, builderChoice, docker, tempDir));
  state.builder = { name: builder.name, created: builder.created };

  const plan = makePlan(inputs, builder, run);
  core.info(`Plan: ${describePlan(plan)}`);
  for (const warning of plan.warnings) core.warning(warning);
  state.temporaryTags = temporaryReferences(plan);
  saveRunState(state);

  const builds = await phase(timings, 'Build', () => runBuilds(plan, inputs.build, builder, docker, tempDir));
  setBuildOutputs(builds);
  if (!plan.push) {
    state.mainCompleted = true;
    saveRunState(state);
    return;
  }

  const [primary] = plan.repositories;
  const pushed = await phase(timings, 'Assemble index', () => pushIndex(plan, builds, registry));
  if (!primary) throw new Error('no repository to verify the index in');
  await phase(timings, 'Verify index', () => verifyIndex(pushed, plan.platforms, primary, registry));
  state.index = pushed.descriptor;
  state.platformDigests = platformDigests(pushed.index);
  core.setOutput(Output.Digest, pushed.descriptor.digest);
  core.setOutput(Output.PlatformDigests, JSON.stringify(state.platformDigests));
  core.info(`Index ${pushed.descriptor.digest} pushed by digest to ${plan.repositories.length} repositories`);
  state.mainCompleted = true;
  saveRunState(state);

  if (plan.publish === 'main') {
    await phase(timings, 'Publish', () => publishTags(plan.finalTags, pushed, registry));
    state.published = true;
    saveRunState(state);
  }
}

function setBuildOutputs(builds: CompletedBuild[]): void {
  const metadata = Object.fromEntries(
    builds.map(({ build, metadata }) => [build.platforms.map(formatPlatform).join(','), metadata]),
  );
  core.setOutput(Output.Metadata, JSON.stringify(metadata));
  // An image ID names one image: with several platforms buildx reports the index there, which is no image ID.
  const [only] = builds;
  const imageId = only?.metadata['containerimage.config.digest'];
  if (builds.length === 1 && only?.build.platforms.length === 1 && typeof imageId === 'string') {
    core.setOutput(Output.ImageId, imageId);
  }
}
