// The main step as the runner runs it (inputs as INPUT_* variables, action.yml's defaults for the rest), in the modes
// that need no Docker engine: merge (shard records from a handoff directory, the index pushed by digest and
// published, against a registry in memory behind a loopback server), plan, and bad input. What is asserted is what a
// later step and post see: outputs, saved state, and what the registry holds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputsToEnv, parseActionManifest, parseFileCommands, repoRoot } from '../../scripts/local-runner.js';
import { StateKey } from '../../src/constants.js';
import { SHARD_ANNOTATION, shardAnnotationValue } from '../../src/handoff/binding.js';
import { DirectoryHandoff } from '../../src/handoff/directory.js';
import { imageKey, type ShardRecord } from '../../src/handoff/record.js';
import { runMainStep } from '../../src/main.js';
import { MediaType } from '../../src/registry/types.js';
import type { RunState } from '../../src/state.js';
import { FakeDistribution, serveOnLoopback } from './support/fake-distribution.js';
import { platformImage, sha256 } from './support/registry-replay.js';
import { runAsStep } from './support/step-process.js';

const REPOSITORY = 'lab/app';
const RUN_ID = '4242';

/** Images of both platforms that no shard built: pushed before any run, without a shard's annotation. */
const IMAGES = { amd64: platformImage('amd64'), arm64: platformImage('arm64') };
const DECLARED = parseActionManifest(readFileSync(join(repoRoot, 'action.yml'), 'utf8')).inputs;

let registry: FakeDistribution;
let host: string;
let close: () => Promise<unknown>;
let dir: string;

beforeEach(async () => {
  registry = new FakeDistribution();
  for (const { config, manifest } of Object.values(IMAGES)) {
    registry.pushBlob(REPOSITORY, config);
    registry.push(REPOSITORY, undefined, manifest);
  }
  ({ host, close } = await serveOnLoopback(registry));
  dir = mkdtempSync(join(tmpdir(), 'main-test-'));
});

afterEach(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

interface MainResult {
  printed: string;
  outputs: Record<string, string>;
  state: RunState | undefined;
}

/** Runs main with `inputs` (over action.yml's defaults) as run RUN_ID, attempt 1, job `merge`. */
async function runMain(inputs: Record<string, string>): Promise<MainResult> {
  const files = { output: join(dir, 'output'), state: join(dir, 'state') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const printed = await runAsStep(
    {
      ...inputsToEnv(DECLARED, inputs),
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_RUN_ID: RUN_ID,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'merge',
      RUNNER_TEMP: dir,
      DOCKER_CONFIG: dir,
      // No engine: none of these modes may reach one.
      DOCKER_HOST: 'tcp://127.0.0.1:1',
    },
    runMainStep,
  );
  const stateText = parseFileCommands(readFileSync(files.state, 'utf8'))[StateKey.Run];
  return {
    printed,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    state: stateText === undefined ? undefined : (JSON.parse(stateText) as RunState),
  };
}

/** Pushes the image a shard of RUN_ID (attempt 1) builds for `platform`, annotated as its build annotates it. */
function pushShardImage(platform: string, finalTags: string[]): Buffer {
  const [, architecture = ''] = platform.split('/');
  const value = shardAnnotationValue({ runId: RUN_ID, runAttempt: '1', image: imageKey(finalTags), platform });
  const { config, manifest } = platformImage(architecture, { [SHARD_ANNOTATION]: value });
  registry.pushBlob(REPOSITORY, config);
  registry.push(REPOSITORY, undefined, manifest);
  return manifest;
}

/** A shard's record for `platform`, pushed by digest (no temporary tag), as a shard of RUN_ID would hand it off. */
function shardRecord(platform: string, manifest: Buffer, finalTags: string[]): ShardRecord {
  return {
    version: 1,
    image: imageKey(finalTags),
    platform,
    runId: RUN_ID,
    runAttempt: '1',
    job: 'build',
    descriptor: { mediaType: MediaType.ociManifest, digest: sha256(manifest), size: manifest.length },
    repositories: [`${host}/${REPOSITORY}`],
    temporaryTags: [],
    createdAt: new Date().toISOString(),
  };
}

describe('main, mode merge', () => {
  /** The merge step of a two-platform run, its shards' records in handoff-dir. */
  const mergeInputs = (finalTags: string[]): Record<string, string> => ({
    mode: 'merge',
    platforms: 'linux/amd64,linux/arm64',
    tags: finalTags.join(','),
    push: 'true',
    'handoff-dir': join(dir, 'handoff'),
  });

  test('publishes one index over the shards and hands post the index and nothing to delete', async () => {
    const finalTags = [`${host}/${REPOSITORY}:latest`];
    const amd64 = pushShardImage('linux/amd64', finalTags);
    const arm64 = pushShardImage('linux/arm64', finalTags);
    const handoff = new DirectoryHandoff(join(dir, 'handoff'));
    await handoff.put(shardRecord('linux/amd64', amd64, finalTags));
    await handoff.put(shardRecord('linux/arm64', arm64, finalTags));

    const { printed, outputs, state } = await runMain(mergeInputs(finalTags));

    expect(printed).not.toMatch(/::error::/);
    expect(outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(JSON.parse(outputs['platform-digests'] ?? '{}')).toEqual({
      'linux/amd64': sha256(amd64),
      'linux/arm64': sha256(arm64),
    });
    // Published in main: the tag resolves to the index now, before post runs.
    expect(registry.tags(REPOSITORY).latest).toBe(outputs.digest);
    expect(state).toMatchObject({
      mode: 'merge',
      mainCompleted: true,
      published: true,
      publish: 'main',
      finalTags,
      temporaryTags: [],
      index: { digest: outputs.digest, mediaType: MediaType.ociIndex },
    });
  });

  test('a platform no shard handed off fails the step and publishes nothing', async () => {
    const finalTags = [`${host}/${REPOSITORY}:latest`];
    const amd64 = pushShardImage('linux/amd64', finalTags);
    await new DirectoryHandoff(join(dir, 'handoff')).put(shardRecord('linux/amd64', amd64, finalTags));

    const { printed, state } = await runMain(mergeInputs(finalTags));

    expect(printed).toMatch(/::error::.*no shard handed off linux\/arm64 for run 4242/);
    expect(registry.tags(REPOSITORY).latest).toBeUndefined();
    expect(state).toMatchObject({ mainCompleted: false, published: false });
    expect(state?.index).toBeUndefined();
  });

  test('a record naming an image its shard did not build fails the step before the index is pushed', async () => {
    const finalTags = [`${host}/${REPOSITORY}:latest`];
    const handoff = new DirectoryHandoff(join(dir, 'handoff'));
    await handoff.put(shardRecord('linux/amd64', pushShardImage('linux/amd64', finalTags), finalTags));
    // Its shard's record rewritten in handoff-dir to name an arm64 image the repository already held.
    await handoff.put(shardRecord('linux/arm64', IMAGES.arm64.manifest, finalTags));

    const { printed, state } = await runMain(mergeInputs(finalTags));

    const expected = `${RUN_ID}/1/${imageKey(finalTags)}/linux/arm64`;
    expect(printed).toContain(
      `linux/arm64 (${IMAGES.arm64.digest}): its image manifest has no ${SHARD_ANNOTATION} annotation ` +
        `(expected "${expected}")`,
    );
    expect(printed).not.toContain(`linux/amd64 (`);
    expect(registry.requests.filter((request) => request.method === 'PUT')).toEqual([]);
    expect(state).toMatchObject({ mainCompleted: false, published: false });
    expect(state?.index).toBeUndefined();
  });
});

describe('main, before anything runs', () => {
  test('mode plan sets the matrix and touches neither registry nor state', async () => {
    const { outputs, state } = await runMain({ mode: 'plan', platforms: 'linux/amd64,linux/arm64' });

    expect(JSON.parse(outputs.plan ?? '')).toEqual({
      include: [
        { platform: 'linux/amd64', runner: 'ubuntu-24.04' },
        { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm' },
      ],
    });
    expect(state).toBeUndefined();
    expect(registry.requests).toEqual([]);
  });

  test('bad input fails the step, naming the input, before any request', async () => {
    const { printed, state } = await runMain({
      platforms: 'linux/amd64',
      tags: `${host}/${REPOSITORY}:x`,
      push: 'maybe',
      context: '.',
    });

    expect(printed).toMatch(/::error::Invalid input: "push" is "maybe" \(expected true or false\)/);
    expect(state).toBeUndefined();
    expect(registry.requests).toEqual([]);
  });
});
