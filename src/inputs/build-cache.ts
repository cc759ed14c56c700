// The `cache` convenience input: per-build cache specs, so that the builds of a fan-out and the legs of a matrix
// (one build per platform each) never overwrite each other's cache, and a cache outage never fails a build.
//
// A build imports whatever cache it reads, so a cache written from unreviewed code (a pull request's, any branch's)
// must never be read by a build of the default branch or of a release:
// - `registry` keeps a tag per build and ref, `buildcache-<build>-<scope>`. A run reads its ref's scope, then the
//   default branch's (so a new branch starts warm), and writes only its own: the default branch's scope is written
//   by its own runs alone. A tag's run (a release) reads the default branch's scope and writes nothing: its own
//   scope would be read by nothing but a rerun, and would leave a cache image per release. Where the event payload
//   does not name the default branch, a run reads only its own scope. Without a ref (outside a runner) one scope,
//   `local`, which no ref's run reads.
// - `gha` keeps one scope name per build on every ref: GitHub's cache service files each entry under the ref that
//   saved it and lets a run read only its own ref's, the default branch's and a pull request's base branch's.
// - With push false the convenience only reads: the run publishes nothing, and a pull_request_target run, whose ref
//   is its base branch's, may be building a pull request's code. The user's own cache-to is written as given.
import { createHash } from 'node:crypto';
import { formatName, type ImageName } from '../reference.js';

export const CACHE_MODES = ['none', 'gha', 'registry'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** What the runner says about the run's ref; neither is known outside a runner. */
export interface RunRef {
  /** GITHUB_REF: refs/heads/…, refs/tags/…, refs/pull/<n>/merge; a bare name is a branch, as git-context.ts reads. */
  ref?: string;
  /** The event payload's repository.default_branch. */
  defaultBranch?: string;
}

export interface CacheSpecs {
  from: string[];
  to: string[];
}

/** Leaves room in a tag's 128 characters for `buildcache-<build>-`. */
const SCOPE_LENGTH = 64;
const TAG_CHARACTERS = /^[A-Za-z0-9_.-]+$/;

/**
 * `gha`: one GitHub cache scope per image and build (`acme-app-linux-arm64`); `registry`: cache tags per build and
 * ref next to the image (`registry/acme/app:buildcache-linux-arm64-branch-main`). Exports are `mode=max` (every
 * stage, so a rebuild after a late-stage change still hits) with `ignore-error=true`, and only with push.
 */
export function buildCacheSpecs(
  mode: CacheMode,
  buildName: string,
  repository: ImageName | undefined,
  runRef: RunRef,
  push: boolean,
): CacheSpecs {
  if (mode === 'none') return { from: [], to: [] };
  const exported = (spec: string): string[] => (push ? [`${spec},mode=max,ignore-error=true`] : []);
  if (mode === 'gha') {
    const base = repository ? repository.repository.replaceAll('/', '-') : 'multiarch-build';
    const scope = `${base}-${buildName}`;
    return { from: [`type=gha,scope=${scope}`], to: exported(`type=gha,scope=${scope}`) };
  }
  if (!repository) throw new Error('cache: registry needs a repository to keep the cache in (set tags)');
  const spec = (scope: string): string =>
    `type=registry,ref=${formatName(repository)}:buildcache-${buildName}-${scope}`;
  const { read, write } = registryScopes(runRef);
  return { from: read.map(spec), to: write === undefined ? [] : exported(spec(write)) };
}

/** The scopes a run reads, in order, and the one it writes (none for a tag). */
export function registryScopes({ ref, defaultBranch }: RunRef): { read: string[]; write?: string } {
  if (ref === undefined) return { read: ['local'], write: 'local' };
  const home = defaultBranch === undefined ? [] : [refScope(`refs/heads/${defaultBranch}`)];
  if (ref.startsWith('refs/tags/')) return { read: home };
  const own = refScope(ref);
  return { read: [own, ...home.filter((scope) => scope !== own)], write: own };
}

/**
 * A ref's scope, one per ref: `branch-<name>`, `pr-<n>`, `ref-<name>` (another ref) where the name is of tag
 * characters and short enough, else `<kind>_<name, shortened, other characters as ->-<SHA-256 of the ref>`; `_` after
 * the kind keeps the two forms apart, so that no branch can be named into another ref's scope.
 */
export function refScope(ref: string): string {
  const full = ref.startsWith('refs/') ? ref : `refs/heads/${ref}`;
  const [kind, name] = refKind(full);
  const exact = `${kind}-${name}`;
  if (TAG_CHARACTERS.test(name) && exact.length <= SCOPE_LENGTH) return exact;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 16);
  const shortened = name.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, SCOPE_LENGTH - kind.length - hash.length - 2);
  return `${kind}_${shortened}-${hash}`;
}

function refKind(ref: string): [string, string] {
  const pullRequest = /^refs\/pull\/(\d+)\/merge$/.exec(ref)?.[1];
  if (pullRequest !== undefined) return ['pr', pullRequest];
  if (ref.startsWith('refs/heads/')) return ['branch', ref.slice('refs/heads/'.length)];
  return ['ref', ref.slice('refs/'.length)];
}
