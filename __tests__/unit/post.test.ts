// The post step's registry requests when it deletes this run's temporary tags: runPostStep as the runner runs it
// (its state in STATE_run), against a registry in memory behind a loopback HTTP server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateKey } from '../../src/constants.js';
import { runPostStep } from '../../src/post.js';
import { MediaType } from '../../src/registry/types.js';
import { emptyRunState, type RunState } from '../../src/state.js';
import { FakeDistribution } from './fake-distribution.js';
import { IMAGE_MANIFEST, sha256 } from './registry-replay.js';

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

/** Serves the registry on a loopback port (which the client speaks plain HTTP to). */
async function serve(registry: FakeDistribution) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://registry');
      const { status, headers, body } = registry.answer(url, {
        method: request.method ?? '',
        body: Buffer.concat(chunks),
      });
      const raw = body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
      response.writeHead(status, { ...(raw ? {} : { 'Content-Type': 'application/json' }), ...headers });
      response.end(raw ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${String(port)}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Where the step writes its summary and finds its docker config (none): @actions/core keeps the first path. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'post-test-'));
  writeFileSync(join(dir, 'summary.md'), '');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the post step with `state`, and returns what it printed (core's commands and logs). */
async function runPost(state: RunState): Promise<string> {
  const saved = { ...process.env };
  const write = process.stdout.write.bind(process.stdout);
  let printed = '';
  try {
    process.env[`STATE_${StateKey.Run}`] = JSON.stringify(state);
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md');
    // No credentials, and no engine: this state leaves the engine nothing to do.
    process.env.DOCKER_CONFIG = dir;
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
    process.stdout.write = (chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    };
    await runPostStep();
  } finally {
    process.stdout.write = write;
    process.env = saved;
  }
  return printed;
}

describe('post deletes the temporary tags of this run', () => {
  let registry: FakeDistribution;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeEach(async () => {
    registry = new FakeDistribution();
    server = await serve(registry);
    for (const bytes of [AMD64, ARM64, INDEX]) registry.push(REPOSITORY, undefined, bytes);
  });

  afterEach(async () => {
    await server.close();
  });

  /** A run of two platforms whose index is pushed by digest, with `overrides`. */
  function runState(overrides: Partial<RunState>): RunState {
    const image = `${server.host}/${REPOSITORY}`;
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
