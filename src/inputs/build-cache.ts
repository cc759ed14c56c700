// The `cache` convenience input: per-build cache specs, so that the builds of a fan-out and the legs of a matrix
// (one build per platform each) never overwrite each other's cache, and a cache outage never fails a build.
import { formatName, type ImageName } from '../reference.js';

export const CACHE_MODES = ['none', 'gha', 'registry'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

export interface CacheSpecs {
  from: string[];
  to: string[];
}

/**
 * `gha`: one GitHub cache scope per image and build (`acme-app-linux-arm64`); `registry`: one cache tag per build
 * next to the image (`registry/acme/app:buildcache-linux-arm64`). Exports are `mode=max` (every stage, so a
 * rebuild after a late-stage change still hits) with `ignore-error=true`.
 */
export function buildCacheSpecs(mode: CacheMode, buildName: string, repository: ImageName | undefined): CacheSpecs {
  if (mode === 'none') return { from: [], to: [] };
  if (mode === 'gha') {
    const base = repository ? repository.repository.replaceAll('/', '-') : 'multiarch-build';
    const scope = `${base}-${buildName}`;
    return { from: [`type=gha,scope=${scope}`], to: [`type=gha,scope=${scope},mode=max,ignore-error=true`] };
  }
  if (!repository) throw new Error('cache: registry needs a repository to keep the cache in (set tags)');
  const ref = `${formatName(repository)}:buildcache-${buildName}`;
  return { from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max,ignore-error=true`] };
}
