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
const CONFIG_UPLOAD = /\/blobs\/uploads\/$/;

/** Serves the registry on a loopback port (which the client speaks plain HTTP to), each answer after `hold`. */
async function serve(registry: FakeDistribution, hold: (path: string) => Promise<void>) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://registry');
      void hold(url.pathname).then(() => {
        const { status, headers, body } = registry.answer(url, {
          method: request.method ?? '',
          body: Buffer.concat(chunks),
        });
        const raw = body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
        response.writeHead(status, { ...(raw ? {} : { 'Content-Type': 'application/json' }), ...headers });
        response.end(raw ? body : JSON.stringify(body));
      });
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
  /** Whether a config upload had started when the index was answered (the answer waits a moment for one). */
  let uploadBeforeIndex: boolean | undefined;

  beforeEach(async () => {
    registry = new FakeDistribution();
    uploadBeforeIndex = undefined;
    server = await serve(registry, async (path) => {
      if (path !== `/v2/${REPOSITORY}/manifests/${INDEX_DIGEST}`) return;
      for (let waited = 0; waited < 50 && registry.count('POST', CONFIG_UPLOAD) === 0; waited++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      uploadBeforeIndex = registry.count('POST', CONFIG_UPLOAD) > 0;
    });
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

  /** What the registry holds once post is done: the published index and its images, no temporary tag. */
  function expectPublishedAndClean() {
    expect(registry.tags(REPOSITORY)).toEqual({ latest: INDEX_DIGEST });
    for (const bytes of [AMD64, ARM64, INDEX]) expect(registry.hasManifest(REPOSITORY, sha256(bytes))).toBe(true);
  }

  it('makes no HEAD of the tags main pushed, and uploads the one dummy config while it reads the index', async () => {
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    registry.push(REPOSITORY, 'tmp-arm64', ARM64);
    const printed = await runPost(runState({ mode: 'fan-out', mainCompleted: true, publish: 'post' }));
    expect(printed).not.toContain('::warning::');
    expectPublishedAndClean();
    expect(uploadBeforeIndex).toBe(true);
    expect(registry.count('HEAD', /\/manifests\/tmp-/)).toBe(0);
    expect(registry.count('POST', CONFIG_UPLOAD)).toBe(1);
    // The config (POST, PUT), the index read, its publication (PUT, HEAD), and a dummy's PUT and DELETE per tag.
    expect(registry.requests).toHaveLength(2 + 1 + 2 + TEMPORARY.length * 2);
  });

  it("takes the index's bytes and the dummies' config from main: two requests to publish, two per tag", async () => {
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    registry.push(REPOSITORY, 'tmp-arm64', ARM64);
    // main uploaded the config while it built, through a client of its own.
    const dummyConfig = await registry.client.prepareTagDeletion([{ registry: server.host, repository: REPOSITORY }]);
    const before = registry.requests.length;
    const state = { mode: 'multi', mainCompleted: true, publish: 'post' as const, dummyConfig };
    const printed = await runPost(runState({ ...state, indexBytes: INDEX.toString('base64') }));
    expect(printed).not.toContain('::warning::');
    expectPublishedAndClean();
    const made = registry.requests.slice(before).map((request) => `${request.method} ${request.path}`);
    // The final tag's PUT and read-back, and a dummy's PUT and DELETE per tag: no index read, no config upload.
    expect(made).toHaveLength(2 + TEMPORARY.length * 2);
    expect(made.filter((request) => /^GET |blobs/.test(request))).toEqual([]);
  });

  it('reads the index when the bytes main saved are not those of its digest', async () => {
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    const wrong = Buffer.from(INDEX.toString().replace('"schemaVersion":2', '"schemaVersion": 2'));
    const printed = await runPost(
      runState({ mode: 'multi', mainCompleted: true, publish: 'post', indexBytes: wrong.toString('base64') }),
    );
    expect(printed).not.toContain('::warning::');
    expectPublishedAndClean();
    expect(registry.count('GET', new RegExp(`/manifests/${INDEX_DIGEST}$`))).toBe(1);
  });

  it('asks first in a merge job, whose tags other jobs pushed and may be gone already', async () => {
    registry.push(REPOSITORY, 'latest', INDEX);
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    const printed = await runPost(runState({ mode: 'merge', mainCompleted: true, publish: 'main', published: true }));
    expect(printed).not.toContain('::warning::');
    expectPublishedAndClean();
    expect(registry.count('HEAD', /\/manifests\/tmp-/)).toBe(2);
    // A dummy only under the tag that was there.
    expect(registry.taggedPuts().map((put) => put.path)).toEqual([`/v2/${REPOSITORY}/manifests/tmp-amd64`]);
  });

  it('asks first when main did not finish every build', async () => {
    registry.push(REPOSITORY, 'tmp-amd64', AMD64);
    const printed = await runPost(
      runState({ mode: 'fan-out', mainCompleted: false, publish: 'post', index: undefined, platformDigests: {} }),
    );
    expect(printed).not.toContain('::warning::');
    expect(registry.tags(REPOSITORY)).toEqual({});
    expect(registry.count('HEAD', /\/manifests\/tmp-/)).toBe(2);
    expect(registry.taggedPuts().map((put) => put.path)).toEqual([`/v2/${REPOSITORY}/manifests/tmp-amd64`]);
  });
});
