// Issue 23 item 4, end to end: the `cache` input on the docker-container driver. A Dockerfile is built twice on
// builders the action creates and removes (one per step, so a shard's is its own), the second time with one line
// changed late; buildx's own progress output says, per platform, which steps the second build took from the cache
// and which it ran. `registry` keeps the cache next to the image in the lab registry; `gha` in the GitHub cache,
// faked (support/cache-service.ts): BuildKit speaks its v1 API, and the shards hand off through its v2 API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithLab, lab } from './lab.js';
import { listTags, uniqueRepository } from './probe.js';
import { RAWJSON_PROGRESS } from './support/build-progress.js';
import { startCacheService, type CacheService } from './support/cache-service.js';
import { driverInputs } from './support/drivers.js';
import * as layerCache from './support/layer-cache.js';
import { BOTH_PLATFORMS, expectSucceeded, runShardsThenMerge, runStep, stepLog } from './support/steps.js';

const PLATFORMS = BOTH_PLATFORMS.split(',');

/** The names of the builds of a mode, which name their caches: one build of every platform, or one per platform. */
function buildNames(mode: layerCache.LayerCacheMode): string[] {
  return mode === 'multi' ? ['all'] : ['linux-amd64', 'linux-arm64'];
}

/** One workflow run building `context` in `mode`, published under `tags`: what each platform's build did. */
async function buildOnce(
  mode: layerCache.LayerCacheMode,
  buildInputs: Record<string, string>,
  tags: string,
  service: CacheService,
): Promise<Record<string, layerCache.PlatformOutcome>> {
  if (mode === 'shard') {
    const { shards, merge } = await runShardsThenMerge(
      { tags },
      { shardInputs: buildInputs, env: RAWJSON_PROGRESS, cache: service },
    );
    for (const step of [...shards, merge]) expectSucceeded(step);
    // A shard's one build names no platform in its output: it is the shard's.
    return layerCache.outcomesByPlatform(
      shards.map((step, index) => ({ log: stepLog(step), platform: PLATFORMS[index] })),
    );
  }
  const step = await runStep({ ...buildInputs, mode, tags }, { env: { ...service.env, ...RAWJSON_PROGRESS } });
  expectSucceeded(step);
  return layerCache.outcomesByPlatform([{ log: stepLog(step) }]);
}

/** What every platform's build of `run` does when the cache works. */
function expectedOnEveryPlatform(run: layerCache.Run): Record<string, layerCache.PlatformOutcome> {
  return Object.fromEntries(PLATFORMS.map((platform) => [platform, layerCache.expectedOutcome(run)]));
}

/**
 * The cache scopes of the GitHub cache entries BuildKit saved its cache index under, with how many times each was
 * saved: BuildKit keys an index `index-<scope>-1-<hash of the ref>#<n>`, n counting the saves.
 */
function indexScopes(service: CacheService): Record<string, number> {
  const scopes: Record<string, number> = {};
  for (const entry of service.v1Entries) {
    const scope = /^index-(.*)-1-[0-9a-f]{8}#\d+$/.exec(entry.key)?.[1];
    if (scope !== undefined && entry.archive !== undefined) scopes[scope] = (scopes[scope] ?? 0) + 1;
  }
  return scopes;
}

describeWithLab.each(layerCache.LAYER_CACHE_TYPES)('cache: %s on a docker-container builder', (cache) => {
  let service: CacheService;
  let context: string;

  beforeEach(async () => {
    service = await startCacheService();
    context = mkdtempSync(join(tmpdir(), 'e2e-layer-cache-'));
  });

  afterEach(async () => {
    await service.stop();
    rmSync(context, { recursive: true, force: true });
  });

  test.each(layerCache.LAYER_CACHE_MODES)(
    'mode %s: after a late change, every platform takes every unchanged step from the cache and runs the changed one',
    async (mode) => {
      const repository = uniqueRepository(`layer-cache-${cache}-${mode}`);
      const tags = `${lab.registry}/${repository}:latest`;
      const buildInputs = { ...driverInputs('docker-container'), platforms: BOTH_PLATFORMS, context, cache };

      layerCache.writeLayerCacheContext(context, lab.baseImage, 1);
      // A new builder and an empty cache: every step runs. Post removes the builder, as every step's: all the second
      // run can find is the cache this one exported.
      expect(await buildOnce(mode, buildInputs, tags, service)).toEqual(expectedOnEveryPlatform(1));

      layerCache.writeLayerCacheContext(context, lab.baseImage, 2);
      expect(await buildOnce(mode, buildInputs, tags, service)).toEqual(expectedOnEveryPlatform(2));

      // Where the cache went: one cache per build, written by both runs; the local runner sets no GITHUB_REF, so
      // the registry's is the `local` scope.
      const names = buildNames(mode);
      if (cache === 'registry') {
        expect(await listTags(repository)).toEqual([...names.map((name) => `buildcache-${name}-local`), 'latest']);
      } else {
        const scopes = names.map((name) => `${repository.replaceAll('/', '-')}-${name}`);
        expect(indexScopes(service)).toEqual(Object.fromEntries(scopes.map((scope) => [scope, 2])));
      }
    },
  );
});
