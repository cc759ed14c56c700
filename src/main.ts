// The main step, in the order the data flows. Building modes (auto, multi, fan-out, shard):
//   inputs → QEMU → builder → plan → builds → (shard: hand off | else: index → verify → outputs → publish in main?)
// merge: inputs → collect the shards' records → index → verify → outputs → publish.
// State is saved before each step that creates something, so post can clean up after a crash.
import * as core from '@actions/core';
import { chooseBuilder, followsCurrentBuilder, setUpBuilder } from './docker/builder.js';
import { imageIdOutput, metadataOutput } from './build-outputs.js';
import { pushedDescriptor, runBuilds, type BuildMetadata, type CompletedBuild } from './docker/build.js';
import { Output } from './constants.js';
import { DockerCli } from './docker/cli.js';
import { engineCopyToKeep, tagEngineCopy } from './docker/engine-copy.js';
import { platformDigests } from './image-index/assemble.js';
import { getInputs } from './inputs/get-inputs.js';
import { InputError, type Inputs } from './inputs/inputs.js';
import { describePlan, makePlan, PlanError, planIndex, withBuilderPlatform, type IndexPlan } from './plan/plan.js';
import { formatPlatform, parsePlatform } from './platform.js';
import { publishTags, pushIndex, verifyIndex, type PushedIndex } from './image-index/publish.js';
import { setUpQemu } from './docker/qemu.js';
import { unsupportedInput } from './plan/buildx-version.js';
import { formatReference } from './reference.js';
import { checkPushAccess, createRegistryClient } from './registry/access.js';
import type { RegistryClient } from './registry/client.js';
import type { CredentialSource } from './registry/credentials/credential.js';
import { DockerConfigCredentials } from './registry/credentials/docker-config.js';
import { planMatrix, RunnersError } from './inputs/runners.js';
import { temporaryReferences } from './plan/temporary-tag.js';
import { phase, runIdentity, runnerTemp, stepTempDir } from './runtime.js';
import { collectShards, createHandoff, handOff, requireEveryPlatform, requireShardImages } from './handoff/shards.js';
import {
  markMainStarted,
  recordHandOff,
  recordIndex,
  recordPlannedTemporaryTags,
  recordPushedTemporaryTags,
  runStateFor,
  saveRunState,
  type RunState,
} from './state.js';
import { errorMessage } from './error-message.js';
import { githubRepository } from './signing/github-attestations.js';
import type { IndexSigning, IndexToSign } from './signing/sign-index.js';
import { notSignedNote, signingDecision, sigstoreEndpoints } from './signing/settings.js';
import { githubServerUrl } from './runner-variables.js';

/** The main step: fails the step with the error's message (an input error names the input and its form). */
export async function runMainStep(): Promise<void> {
  try {
    await main();
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

async function main(): Promise<void> {
  markMainStarted();
  const inputs = getInputs();
  setPlanOutput(inputs);
  if (inputs.mode === 'plan') return;

  const credentials = DockerConfigCredentials.fromEnvironment(process.env);
  const registry = createRegistryClient(process.env, credentials);
  const state = runStateFor(inputs);
  saveRunState(state);
  const signing = indexSigning(inputs, registry);
  try {
    if (inputs.mode === 'merge') await merge(inputs, state, registry, signing);
    else await buildAndPush(inputs, state, registry, credentials, signing);
  } finally {
    saveRunState(state);
  }
}

async function buildAndPush(
  stepInputs: Inputs,
  state: RunState,
  registry: RegistryClient,
  credentials: CredentialSource,
  signing: IndexSigning,
): Promise<void> {
  let inputs = stepInputs;
  const run = runIdentity();
  const docker = new DockerCli();
  const tempDir = await stepTempDir();
  const timings = state.timings;

  // A wrong password or a missing permission fails here, in seconds, not after the build.
  if (inputs.push) {
    await phase(timings, 'Check registry access', () => checkPushAccess(registry, credentials, inputs.tags));
  }
  await phase(timings, 'Set up QEMU', () => setUpQemu(inputs.qemu, inputs.platforms, inputs.qemuImage, docker));

  const builder = await phase(timings, 'Set up builder', async () => {
    const current = followsCurrentBuilder(inputs) ? await docker.currentBuilder() : undefined;
    const choice = chooseBuilder(inputs, run, current);
    core.info(`Builder: ${choice.name ?? "the engine's own"}, ${choice.reason}.`);
    if (choice.name && choice.create) {
      state.builder = { name: choice.name, created: 'pending' };
      saveRunState(state);
    }
    return setUpBuilder(inputs, choice, docker, tempDir);
  });
  state.builder = { name: builder.name, created: builder.created };
  const unsupported = unsupportedInput(inputs, await docker.buildxVersion());
  if (unsupported !== undefined) throw new PlanError(unsupported);
  if (inputs.platforms.length === 0) {
    inputs = withBuilderPlatform(inputs, builder);
    state.platforms = inputs.platforms.map(formatPlatform);
    core.info(`"platforms" is empty: building for the builder's own platform, ${state.platforms.join(', ')}.`);
  }

  const plan = makePlan(inputs, builder, run);
  core.info(`Plan: ${describePlan(plan)}`);
  for (const warning of plan.warnings) core.warning(warning);
  if (plan.publish === 'post') {
    core.notice(
      `The final tags (${plan.finalTags.map(formatReference).join(', ')}) are published by this step's post ` +
        'step, when the job ends: a later step of this job that pulls or scans them still sees the previous image. ' +
        'Set "publish: main" to publish them at the end of this step instead.',
    );
  }
  const temporaryTags = plan.builds.flatMap((build) => temporaryReferences(plan.repositories, build.temporaryTag));
  recordPlannedTemporaryTags(state, temporaryTags, builder.driver === 'docker');
  saveRunState(state);

  const builds = await phase(timings, 'Build', () => runBuilds(plan, inputs.build, builder, docker, tempDir));
  setBuildOutputs(builds);
  if (!plan.push) {
    state.mainCompleted = true;
    return;
  }
  // The docker driver's copies: one takes the final tags, as buildx would have loaded it (post untags the rest).
  const engineCopy = engineCopyToKeep(plan.builds, plan.repositories, builder.defaultPlatform);
  if (state.engineImages.length > 0 && engineCopy !== undefined && inputs.publish !== 'false') {
    await tagEngineCopy(docker, engineCopy, plan.finalTags);
  }
  if (inputs.mode === 'shard') {
    const handoff = createHandoff(inputs.handoffDir, runnerTemp());
    await phase(timings, 'Hand off', () => handOff(handoff, inputs, run, plan, builds));
    const digests = builds.map((completed): [string, string] => [
      completed.build.platforms.map(formatPlatform).join(','),
      pushedDescriptor(completed).digest,
    ]);
    recordHandOff(state, Object.fromEntries(digests));
    return;
  }
  const images = builds.map((completed) => ({
    descriptor: pushedDescriptor(completed),
    platforms: completed.build.platforms,
    temporaryTags: temporaryReferences(plan.repositories, completed.build.temporaryTag),
  }));
  recordPushedTemporaryTags(
    state,
    images.map(({ descriptor, temporaryTags }) => ({ temporaryTags, digest: descriptor.digest })),
  );
  saveRunState(state);
  const pushed = await phase(timings, 'Assemble index', () => pushIndex(plan, images, registry));
  await finishIndex(
    plan,
    pushed,
    builds.map((completed) => completed.metadata),
    state,
    registry,
    signing,
    tempDir,
  );
}

/** No build: every platform's record from the shards, one index over them, published here and now. */
async function merge(inputs: Inputs, state: RunState, registry: RegistryClient, signing: IndexSigning): Promise<void> {
  const run = runIdentity();
  const timings = state.timings;
  const handoff = createHandoff(inputs.handoffDir, runnerTemp());
  // Fails on any record that is not this run's before a tag it names reaches the state, which post deletes.
  const collected = await phase(timings, 'Collect shards', () => collectShards(handoff, inputs, run));
  // Checked to be this run's temporary tags: post deletes them even when a platform is missing.
  recordPushedTemporaryTags(
    state,
    collected.records.map((record) => ({ temporaryTags: record.temporaryTags, digest: record.descriptor.digest })),
  );
  saveRunState(state);
  const records = requireEveryPlatform(collected, run);

  // Published in main, never post: this job has nothing else to wait for; never with push false.
  const plan = planIndex(inputs);
  const [primary] = plan.repositories;
  if (!primary) throw new Error("no repository to read the shards' images from (tags is empty)");
  // A record is text anyone who can write the handoff can swap: the registry says which shard built each image.
  await phase(timings, 'Check shard images', () => requireShardImages(records, handoff.description, primary, registry));
  const images = records.map((record) => ({
    descriptor: record.descriptor,
    platforms: [parsePlatform(record.platform)],
  }));
  const pushed = await phase(timings, 'Assemble index', () => pushIndex(plan, images, registry));
  await finishIndex(plan, pushed, [], state, registry, signing, await stepTempDir());
}

/** Verify, set outputs, record the index for post, and publish now when asked to publish in main. */
async function finishIndex(
  plan: IndexPlan,
  pushed: PushedIndex,
  buildMetadata: BuildMetadata[],
  state: RunState,
  registry: RegistryClient,
  signing: IndexSigning,
  bundleDir: string,
): Promise<void> {
  const [primary] = plan.repositories;
  if (!primary) throw new Error('no repository to verify the index in');
  await phase(state.timings, 'Verify index', () => verifyIndex(pushed, plan.platforms, primary, registry));
  // Before the index is recorded for post: a failure that must stop the publish leaves nothing post would tag.
  await signAndRecord(signing, { digest: pushed.descriptor.digest, repositories: plan.repositories, bundleDir }, state);
  recordIndex(state, pushed.descriptor, platformDigests(pushed.index));
  core.setOutput(Output.Digest, pushed.descriptor.digest);
  core.setOutput(Output.PlatformDigests, JSON.stringify(state.platformDigests));
  // build-push-action's shape: buildx's keys, and what is published on top.
  const published = { descriptor: pushed.descriptor, imageName: plan.finalTags.map(formatReference).join(',') };
  core.setOutput(Output.Metadata, JSON.stringify(metadataOutput(buildMetadata, published)));
  core.setOutput(Output.ImageId, imageIdOutput(buildMetadata, published));
  core.info(`Index ${pushed.descriptor.digest} pushed by digest to ${plan.repositories.length} repositories`);
  saveRunState(state);

  if (plan.publish === 'main') {
    await phase(state.timings, 'Publish', () => publishTags(plan.finalTags, pushed, registry));
    state.published = true;
  }
}

/** How this step signs the index it publishes (sign-index.ts), said in the log before anything is built. */
function indexSigning(inputs: Inputs, registry: RegistryClient): IndexSigning {
  const decision = signingDecision(inputs.signing, inputs);
  const endpoints = sigstoreEndpoints(
    inputs.signing.sigstore,
    inputs.signing.publicRepository,
    githubServerUrl(process.env),
  );
  if (decision.sign || decision.attest) {
    const what = [decision.sign ? 'signs' : '', decision.attest ? 'attests the provenance of' : ''].filter(Boolean);
    core.info(`This step ${what.join(' and ')} the published index, with Sigstore (${endpoints.name}).`);
  } else if (decision.notSigning !== undefined) {
    core.info(`Not signing (sign: auto): ${decision.notSigning}.`);
  } else if (inputs.mode === 'shard' && (inputs.signing.sign === 'true' || inputs.signing.attest)) {
    core.info("A shard signs nothing: the merge signs and attests the index over the shards' images.");
  }
  const repository = githubRepository(process.env.GITHUB_REPOSITORY);
  return {
    decision,
    endpoints,
    transport: registry.transport,
    github:
      inputs.githubToken !== '' && repository !== undefined
        ? { access: { token: inputs.githubToken }, repository }
        : undefined,
  };
}

/** Signs and attests as decided; the outcome goes to the outputs and the state (post's summary). */
async function signAndRecord(signing: IndexSigning, index: IndexToSign, state: RunState): Promise<void> {
  const { decision } = signing;
  if (!decision.sign && !decision.attest) {
    const unsigned = notSignedNote(decision);
    if (unsigned !== undefined) state.signing = { unsigned };
    return;
  }
  try {
    // Loaded only to sign: Sigstore's and Octokit's code stays out of the entry chunk that every step loads.
    const { signIndex } = await import('./signing/sign-index.js');
    state.signing = await phase(state.timings, 'Sign', () => signIndex(signing, index));
  } catch (error) {
    state.signing = { unsigned: errorMessage(error) };
    throw error;
  }
  const { signature, attestation } = state.signing;
  if (signature?.digest !== undefined) core.setOutput(Output.SignatureDigest, signature.digest);
  if (signature !== undefined) core.setOutput(Output.SignatureBundlePath, signature.bundlePath);
  if (attestation?.digest !== undefined) core.setOutput(Output.AttestationDigest, attestation.digest);
  if (attestation !== undefined) core.setOutput(Output.AttestationBundlePath, attestation.bundlePath);
  if (attestation?.githubId !== undefined) core.setOutput(Output.AttestationId, attestation.githubId);
}

/**
 * The matrix for native runners, as an output of every mode. Only `mode: plan` fails when a platform has no
 * runner: elsewhere the plan is a by-product, not what the step is for.
 */
function setPlanOutput(inputs: Inputs): void {
  try {
    core.setOutput(Output.Plan, JSON.stringify(planMatrix(inputs.platforms, inputs.runners)));
  } catch (error) {
    if (!(error instanceof RunnersError)) throw error;
    if (inputs.mode === 'plan') throw new InputError([`"runners": ${error.message}`]);
    core.info(`No plan output: ${error.message}`);
  }
}

/**
 * Outputs of the builds. `platform-metadata`: buildx's metadata of each build, by its platforms. Where no index
 * follows (a shard hands its image off, or nothing is pushed), `metadata`, `digest` and `imageid` are
 * build-push-action's, from the builds alone (no digest for a build only: type=cacheonly makes no image). Where an
 * index follows, finishIndex sets them with what is published.
 */
function setBuildOutputs(builds: CompletedBuild[]): void {
  const byPlatforms = builds.map(({ build, metadata }) => [build.platforms.map(formatPlatform).join(','), metadata]);
  core.setOutput(Output.PlatformMetadata, JSON.stringify(Object.fromEntries(byPlatforms)));
  if (builds.some(({ build }) => build.destination === 'index')) return;
  const metadata = builds.map((completed) => completed.metadata);
  core.setOutput(Output.Metadata, JSON.stringify(metadataOutput(metadata)));
  const imageId = imageIdOutput(metadata);
  if (imageId !== undefined) core.setOutput(Output.ImageId, imageId);
  const [only] = builds;
  const digest = only?.metadata['containerimage.digest'];
  if (builds.length === 1 && digest !== undefined) core.setOutput(Output.Digest, digest);
}
