// The post step as the runner runs it (its state in STATE_run), against a registry in memory behind a loopback HTTP
// server: it deletes this run's temporary tags, and every guard around what is not this run's fails closed (the
// user's leftovers, stale tags of other runs, a half-done publish, a builder another step may own).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateKey } from '../../../src/constants.js';
import type { CommandRunner } from '../../../src/docker/command.js';
import { DockerCli } from '../../../src/docker/cli.js';
import { stepHash, type RunIdentity } from '../../../src/plan/temporary-tag.js';
import { removeCreatedBuilder } from '../../../src/post/engine-cleanup.js';
import { runPostStep } from '../../../src/post/post.js';
import { MediaType } from '../../../src/registry/types.js';
import { emptyRunState, type RunState } from '../../../src/state.js';
import { FakeDistribution, serveOnLoopback } from '../support/fake-distribution.js';
import { runAsStep } from '../support/step-process.js';
import { IMAGE_MANIFEST, registryErrors, sha256 } from '../support/registry-replay.js';

const REPOSITORY = 'lab/app';
const AMD64 = IMAGE_MANIFEST;
const ARM64 = Buffer.from(AMD64.toString().replace('c'.repeat(64), 'd'.repeat(64)));
const INDEX = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [AMD64, ARM64].map((bytes) => ({
      mediaType: MediaType.ociManifest,
      digest: sha256(bytes),
      size: bytes.length,
    })),
  }),
);
const INDEX_DIGEST = sha256(INDEX);
const TEMPORARY = ['tmp-amd64', 'tmp-arm64'];

/** Where the step writes its summary and finds its docker config (none): @actions/core keeps the first path. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'post-test-'));
  writeFileSync(join(dir, 'summary.md'), '');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The job summary the last post step wrote. */
function summary(): string {
  return readFileSync(join(dir, 'summary.md'), 'utf8');
}

/**
 * Runs the post step with `state` (and `env`), and returns what it printed (core's commands and logs). A failed
 * step shows as its `::error::` line: the exit code it sets is not left on the test process.
 */
async function runPost(state: RunState, env: Record<string, string> = {}): Promise<string> {
  writeFileSync(join(dir, 'summary.md'), '');
  return runAsStep(
    {
      ...env,
      [`STATE_${StateKey.Run}`]: JSON.stringify(state),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      // No credentials, and no engine: this state leaves the engine nothing to do.
      DOCKER_CONFIG: dir,
      DOCKER_HOST: 'tcp://127.0.0.1:1',
    },
    runPostStep,
  );
}

/** Each test's registry, holding the run's images and index by digest, and the loopback server in front of it. */
let registry: FakeDistribution;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;
/** `<host>/lab/app`. */
let image: string;

beforeEach(async () => {
  registry = new FakeDistribution();
  server = await serveOnLoopback(registry);
  image = `${server.host}/${REPOSITORY}`;
  for (const bytes of [AMD64, ARM64, INDEX]) registry.push(REPOSITORY, undefined, bytes);
});

afterEach(async () => {
  await server.close();
});

/** A run of two platforms whose index is pushed by digest, with `overrides`. */
function runState(overrides: Partial<RunState>): RunState {
  return {
    ...emptyRunState(),
    platforms: ['linux/amd64', 'linux/arm64'],
    finalTags: [`${image}:latest`],
    temporaryTags: TEMPORARY.map((tag) => `${image}:${tag}`),
    index: { mediaType: MediaType.ociIndex, digest: INDEX_DIGEST, size: INDEX.length },
    platformDigests: { 'linux/amd64': sha256(AMD64), 'linux/arm64': sha256(ARM64) },
    ...overrides,
  };
}

/** The items of the summary's Skipped section. */
function skipped(): string[] {
  const lines = summary().split('\n');
  const start = lines.indexOf('**Skipped:**');
  if (start === -1) return [];
  const end = lines.indexOf('', start + 2);
  return lines.slice(start + 2, end);
}

describe('post deletes the temporary tags of this run', () => {
  /**
   * What the registry holds once post is done: the published index and its images, no temporary tag, and none of
   * the dummies put under them.
   */
  function expectPublishedAndClean() {
    expect(registry.tags(REPOSITORY)).toEqual({ latest: INDEX_DIGEST });
    for (const bytes of [AMD64, ARM64, INDEX]) expect(registry.hasManifest(REPOSITORY, sha256(bytes))).toBe(true);
    expect(registry.heldTaggedPuts().filter((put) => put.path.includes('/manifests/tmp-'))).toEqual([]);
  }

  it('publishes the index it reads back, and deletes the tags main pushed, even one left dangling', async () => {
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    // Its manifest deleted under it (a race between deletions): listed still, but it resolves to nothing.
    registry.dangle(REPOSITORY, 'tmp-arm64', sha256('a manifest deleted under its tag'));
    const printed = await runPost(runState({ mode: 'fan-out', mainCompleted: true, publish: 'post' }));
    expect(printed).not.toContain('::warning::');
    expectPublishedAndClean();
  });

  it('leaves alone, in a merge job, a temporary tag that is gone already (other jobs pushed them)', async () => {
    registry.push(REPOSITORY, 'latest', INDEX);
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    const printed = await runPost(runState({ mode: 'merge', mainCompleted: true, publish: 'main', published: true }));
    expect(printed).not.toContain('::warning::');
    expectPublishedAndClean();
    // A dummy only under the tag that was there.
    expect(registry.taggedPuts().map((put) => put.path)).toEqual([`/v2/${REPOSITORY}/manifests/tmp-amd64`]);
  });

  it('leaves alone a temporary tag that is gone when main did not finish every build', async () => {
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    const printed = await runPost(
      runState({ mode: 'fan-out', mainCompleted: false, publish: 'post', index: undefined, platformDigests: {} }),
    );
    expect(printed).not.toContain('::warning::');
    expect(registry.tags(REPOSITORY)).toEqual({});
    expect(registry.hasManifest(REPOSITORY, sha256(AMD64))).toBe(true);
    expect(registry.heldTaggedPuts()).toEqual([]);
    expect(registry.taggedPuts().map((put) => put.path)).toEqual([`/v2/${REPOSITORY}/manifests/tmp-amd64`]);
  });
});

/** Another writer's image: it must stay wherever that writer put it. */
const THEIRS = Buffer.from(AMD64.toString().replace('c'.repeat(64), 'e'.repeat(64)));
const THEIRS_DIGEST = sha256(THEIRS);
const DENIED = { status: 403, body: registryErrors('DENIED', 'requested access to the resource is denied') };

/** Answers the first request `picks` selects with `fault` (which may let the registry answer first), once. */
function faultOnce(picks: (method: string, path: string) => boolean, fault: FakeDistribution['intercept']): void {
  let faulted = false;
  registry.intercept = (method, path, pass) => {
    if (faulted || !picks(method, path)) return undefined;
    faulted = true;
    return fault(method, path, pass);
  };
}

describe('cleanup-tags: a leftover is deleted only when it is certainly not what this run published', () => {
  it('keeps a leftover whose target could not be read, and says so', async () => {
    registry.push(REPOSITORY, 'latest', INDEX);
    registry.push(REPOSITORY, 'latest-amd64', INDEX);
    faultOnce(
      (method, path) => method === 'HEAD' && path.endsWith('/manifests/latest-amd64'),
      () => DENIED,
    );
    const printed = await runPost(
      runState({
        mainCompleted: true,
        publish: 'main',
        published: true,
        temporaryTags: [],
        cleanupTags: [`${image}:latest-amd64`],
      }),
    );
    expect(registry.tags(REPOSITORY)).toEqual({ latest: INDEX_DIGEST, 'latest-amd64': INDEX_DIGEST });
    expect(registry.taggedPuts()).toEqual([]);
    expect(printed).toMatch(
      new RegExp(`::warning::${image}:latest-amd64: kept: could not check what it points at \\(.*answered 403`),
    );
    expect(skipped()).toEqual([
      expect.stringMatching(new RegExp(`^- \`${image}:latest-amd64\`: kept: could not check what it points at \\(`)),
    ]);
  });

  it('keeps a final tag spelt another way, even once another writer moved it', async () => {
    // The final tag and the leftover name one tag: the host in lower and in upper case.
    const port = server.host.split(':')[1] ?? '';
    const [final, spelt] = [`localhost:${port}/${REPOSITORY}`, `LOCALHOST:${port}/${REPOSITORY}`];
    registry.push(REPOSITORY, 'latest', THEIRS);
    const printed = await runPost(
      runState({
        mainCompleted: true,
        publish: 'main',
        published: true,
        temporaryTags: [],
        finalTags: [`${final}:latest`],
        cleanupTags: [`${spelt}:latest`],
      }),
    );
    expect(registry.tags(REPOSITORY)).toEqual({ latest: THEIRS_DIGEST });
    expect(registry.taggedPuts()).toEqual([]);
    expect(printed).toContain(`::warning::${spelt}:latest: kept: it is one of the final tags`);
  });

  it('keeps a leftover that another writer moved after post read it', async () => {
    registry.push(REPOSITORY, 'old', AMD64);
    // Another writer points `old` at its image while this run publishes `latest`.
    faultOnce(
      (method, path) => method === 'PUT' && path.endsWith('/manifests/latest'),
      (_method, _path, pass) => {
        registry.push(REPOSITORY, 'old', THEIRS);
        return pass();
      },
    );
    const printed = await runPost(
      runState({ mainCompleted: true, publish: 'post', temporaryTags: [], cleanupTags: [`${image}:old`] }),
    );
    expect(registry.tags(REPOSITORY)).toEqual({ latest: INDEX_DIGEST, old: THEIRS_DIGEST });
    expect(printed).toContain(`::warning::${image}:old: kept: ${THEIRS_DIGEST} was put under it meanwhile`);
    expect(skipped()).toEqual([
      `- \`${image}:old\`: kept: ${THEIRS_DIGEST} was put under it meanwhile, by another writer`,
    ]);
  });

  it('deletes a leftover that still points where it did, keeping its image', async () => {
    registry.push(REPOSITORY, 'latest-amd64', AMD64);
    const printed = await runPost(
      runState({ mainCompleted: true, publish: 'post', temporaryTags: [], cleanupTags: [`${image}:latest-amd64`] }),
    );
    expect(printed).not.toContain('::warning::');
    expect(registry.tags(REPOSITORY)).toEqual({ latest: INDEX_DIGEST });
    expect(registry.hasManifest(REPOSITORY, sha256(AMD64))).toBe(true);
  });
});

describe('stale temporary tags: only those of older runs, never by a run that pushed nothing', () => {
  const PREFIX = 'multiarch-tmp';
  const RUN_ID = '5000';
  const dayAgo = (Math.floor(Date.now() / 1000) - 86_400).toString(36);
  const staleTag = (runId: string, attempt = '1') =>
    `${PREFIX}-${runId}-${attempt}-abcdef01-${dayAgo}-0a1b2c-linux-amd64`;
  const stale = { staleTagHours: 1, tempTagPrefix: PREFIX };

  it('keeps the tags of this run and of newer ones, and deletes those of older runs', async () => {
    const [older, sameRun, newer] = [staleTag('4999'), staleTag(RUN_ID, '2'), staleTag('5001')];
    for (const tag of [older, sameRun, newer]) registry.push(REPOSITORY, tag, AMD64);
    const printed = await runPost(
      runState({ mainCompleted: true, publish: 'main', published: true, temporaryTags: [], ...stale }),
      { GITHUB_RUN_ID: RUN_ID },
    );
    expect(printed).not.toContain('::warning::');
    expect(Object.keys(registry.tags(REPOSITORY)).sort()).toEqual([sameRun, newer].sort());
    expect(skipped().sort()).toEqual(
      [
        `- \`${image}:${sameRun}\`: kept: run ${RUN_ID} is this run or a newer one, which may still be using it`,
        `- \`${image}:${newer}\`: kept: run 5001 is this run or a newer one, which may still be using it`,
      ].sort(),
    );
  });

  it('looks for none when the run pushed nothing (push: false)', async () => {
    registry.push(REPOSITORY, staleTag('4999'), AMD64);
    await runPost(
      runState({
        mainCompleted: true,
        publish: 'false',
        temporaryTags: [],
        index: undefined,
        platformDigests: {},
        ...stale,
      }),
      { GITHUB_RUN_ID: RUN_ID },
    );
    expect(Object.keys(registry.tags(REPOSITORY))).toEqual([staleTag('4999')]);
    expect(registry.requests.filter((request) => request.path.endsWith('/tags/list'))).toEqual([]);
    expect(skipped()).toEqual(['- `stale temporary tags`: not looked for: this run pushed nothing']);
  });

  it('keeps a stale tag that another writer moved between its HEAD and its deletion', async () => {
    const tag = staleTag('4999');
    registry.push(REPOSITORY, tag, AMD64);
    faultOnce(
      (method, path) => method === 'HEAD' && path.endsWith(`/manifests/${tag}`),
      (_method, _path, pass) => {
        const answer = pass();
        registry.push(REPOSITORY, tag, THEIRS);
        return answer;
      },
    );
    const printed = await runPost(
      runState({ mainCompleted: true, publish: 'main', published: true, temporaryTags: [], ...stale }),
      { GITHUB_RUN_ID: RUN_ID },
    );
    expect(registry.tags(REPOSITORY)).toEqual({ [tag]: THEIRS_DIGEST });
    expect(printed).toContain(`::warning::${image}:${tag}: kept: ${THEIRS_DIGEST} was put under it meanwhile`);
  });

  it("logs a registry's message on one line, where no workflow command can start", async () => {
    const message = 'down for maintenance\n::add-mask::hunter2\r\n::warning::forged by the registry';
    faultOnce(
      (method, path) => method === 'GET' && path.endsWith('/tags/list'),
      () => ({ status: 503, body: registryErrors('UNAVAILABLE', message) }),
    );
    const printed = await runPost(
      runState({ mainCompleted: true, publish: 'main', published: true, temporaryTags: [], ...stale }),
      { GITHUB_RUN_ID: RUN_ID },
    );
    const lines = printed.split(/\r?\n/);
    expect(lines.filter((line) => /^\s*::(add-mask|warning)::(hunter2|forged)/.test(line))).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringContaining(
        'UNAVAILABLE: down for maintenance ::add-mask::hunter2 ::warning::forged by the registry',
      ),
    );
  });
});

describe('publishing in post', () => {
  it("publishes again when main's publish did not finish", async () => {
    const printed = await runPost(
      runState({ mainCompleted: true, publish: 'main', published: false, temporaryTags: [] }),
    );
    expect(printed).not.toMatch(/::(warning|error)::/);
    expect(registry.tags(REPOSITORY)).toEqual({ latest: INDEX_DIGEST });
    expect(summary()).toContain('Published.');
    expect(summary()).toContain("main's publish did not finish: post tried again");
  });

  it('fails with where each tag points and the command that finishes, when a tag is refused', async () => {
    registry.push('lab/other', undefined, INDEX);
    registry.intercept = (method, path) =>
      method === 'PUT' && path === '/v2/lab/other/manifests/latest' ? DENIED : undefined;
    const other = `${server.host}/lab/other:latest`;
    const printed = await runPost(
      runState({ mainCompleted: true, publish: 'post', temporaryTags: [], finalTags: [`${image}:latest`, other] }),
    );
    const command = `docker buildx imagetools create -t ${other} ${server.host}/lab/other@${INDEX_DIGEST}`;
    expect(printed).toContain(`::error::Publishing ${INDEX_DIGEST} failed: the index ${INDEX_DIGEST} is not published`);
    expect(printed).toContain(`To finish publishing, run: ${command}`);
    expect(summary()).toContain(`- ${image}:latest points at ${INDEX_DIGEST} (the index)`);
    expect(summary()).toContain(`- ${other} points at nothing: not published, its PUT failed: `);
    expect(summary()).toContain(['```sh', command, '```'].join('\n'));
  });
});

describe('the builder main recorded', () => {
  const run: RunIdentity = {
    runId: '5000',
    runAttempt: '1',
    job: 'build',
    action: 'multiarch',
    startedAt: 0,
    nonce: '5eed01',
  };
  const ownName = `multiarch-5000-1-${stepHash(run)}-sz8k0w-0123abcd`;

  /** A docker CLI whose `buildx inspect` answers as `exists` says, recording every command. */
  function docker(exists: boolean) {
    const commands: string[] = [];
    const runner: CommandRunner = (command, args) => {
      commands.push([command, ...args].join(' '));
      const missing = args[1] === 'inspect' && !exists;
      return Promise.resolve({
        exitCode: missing ? 1 : 0,
        stdout: '',
        stderr: missing ? `ERROR: no builder "${args[2] ?? ''}" found` : '',
      });
    };
    return { cli: new DockerCli(runner), commands };
  }

  it('removes a builder whose creation main saw succeed', async () => {
    const { cli, commands } = docker(true);
    await removeCreatedBuilder({ name: ownName, created: true }, cli, run);
    expect(commands).toEqual([`docker buildx rm --force ${ownName}`]);
  });

  it("removes a builder still pending creation only when it exists under this step's name", async () => {
    const present = docker(true);
    await removeCreatedBuilder({ name: ownName, created: 'pending' }, present.cli, run);
    expect(present.commands).toEqual([`docker buildx inspect ${ownName}`, `docker buildx rm --force ${ownName}`]);

    const absent = docker(false);
    await removeCreatedBuilder({ name: ownName, created: 'pending' }, absent.cli, run);
    expect(absent.commands).toEqual([`docker buildx inspect ${ownName}`]);
  });

  it("keeps a pending builder whose name is not this step's, such as another leg's", async () => {
    const { cli, commands } = docker(true);
    await removeCreatedBuilder({ name: `multiarch-5000-1-${stepHash(run)}`, created: 'pending' }, cli, run);
    await removeCreatedBuilder({ name: 'multiarch-4999-1-0123abcd-sz8k0w-0123abcd', created: 'pending' }, cli, run);
    expect(commands).toEqual([]);
  });

  it('never removes a builder it did not create', async () => {
    const { cli, commands } = docker(true);
    await removeCreatedBuilder({ name: 'shared', created: false }, cli, run);
    expect(commands).toEqual([]);
  });
});
