// The ref scopes of `cache: registry`: tag-safe, short, and one per ref, so that no other ref's run can write the
// default branch's scope, which every branch and pull request reads.
import { refScope, registryScopes, type RunRef } from '../../../src/inputs/build-cache.js';
import { isValidTag } from '../../../src/reference.js';

describe('refScope', () => {
  test.each<[string, string, string]>([
    ['a branch of tag characters, as it is', 'refs/heads/main', 'branch-main'],
    ['a bare name is a branch', 'main', 'branch-main'],
    ['a pull request', 'refs/pull/42/merge', 'pr-42'],
    ['a branch with a slash: hashed', 'refs/heads/feature/x', 'branch_feature-x-2bdd6c2958d798b8'],
    ['another ref: hashed', 'refs/pull/42/head', 'ref_pull-42-head-cdde3b007f44e5fb'],
    ['a long branch: shortened, hashed', `refs/heads/${'a'.repeat(80)}`, `branch_${'a'.repeat(40)}-92d92da32c0feea8`],
  ])('%s', (_name, ref, scope) => {
    expect(refScope(ref)).toBe(scope);
  });

  test('every scope fits a tag after buildcache-<build>-', () => {
    const refs = ['refs/heads/main', 'refs/heads/ü/ß', `refs/heads/${'x/'.repeat(200)}`, 'refs/pull/1/head', 'refs/x'];
    for (const ref of refs) {
      const scope = refScope(ref);
      expect(scope.length).toBeLessThanOrEqual(64);
      expect(isValidTag(`buildcache-linux-arm-v7-${scope}`)).toBe(true);
    }
  });

  test('no other ref takes the default branch scope, nor that of another kind', () => {
    const refs = [
      'refs/heads/release/1.x',
      'refs/heads/release-1.x',
      // The hashed scope of release/1.x, as a branch name.
      `refs/heads/${refScope('refs/heads/release/1.x').slice('branch_'.length)}`,
      'refs/heads/main',
      'refs/main',
      'refs/pull/1/merge',
      'refs/pull/1/head',
      'refs/heads/pr-1',
      'refs/pr-1',
    ];
    expect(new Set(refs.map(refScope)).size).toBe(refs.length);
  });
});

describe('registryScopes', () => {
  test.each<[string, RunRef, { read: string[]; write?: string }]>([
    [
      'the default branch',
      { ref: 'refs/heads/main', defaultBranch: 'main' },
      { read: ['branch-main'], write: 'branch-main' },
    ],
    [
      'a branch',
      { ref: 'refs/heads/dev', defaultBranch: 'main' },
      { read: ['branch-dev', 'branch-main'], write: 'branch-dev' },
    ],
    [
      'a pull request',
      { ref: 'refs/pull/7/merge', defaultBranch: 'main' },
      { read: ['pr-7', 'branch-main'], write: 'pr-7' },
    ],
    ['a tag', { ref: 'refs/tags/v1', defaultBranch: 'main' }, { read: ['branch-main'] }],
    ['a tag, the default branch unknown', { ref: 'refs/tags/v1' }, { read: [] }],
    ['a pull request, the default branch unknown', { ref: 'refs/pull/7/merge' }, { read: ['pr-7'], write: 'pr-7' }],
    ['no ref', {}, { read: ['local'], write: 'local' }],
  ])('%s', (_name, runRef, scopes) => {
    expect(registryScopes(runRef)).toEqual(scopes);
  });
});
