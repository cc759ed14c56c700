import { crossFieldProblems } from '../../../src/inputs/cross-field.js';
import { parseTaggedReference } from '../../../src/reference.js';
import { defaultInputs, type InputOverrides } from '../support/fixtures.js';

const NO_TAGS: InputOverrides = { tags: [] };

describe('crossFieldProblems', () => {
  test('the default step (push with a tag) has none', () => {
    expect(crossFieldProblems(defaultInputs())).toEqual([]);
  });

  test.each<[string, InputOverrides, string[]]>([
    [
      'push without tags',
      NO_TAGS,
      ['"tags" is empty but "push" is true (expected at least one image reference: the final tags)'],
    ],
    [
      'a merge without tags',
      { ...NO_TAGS, mode: 'merge', push: false },
      [
        '"tags" is empty but "mode" is merge (expected at least one image reference: the final tags)',
        '"push" is false but "mode" is merge (expected true: a merge pushes the index of what the shards pushed, ' +
          'and a merge that pushes nothing has nothing to do)',
      ],
    ],
    [
      'a shard that does not push',
      { mode: 'shard', push: false },
      ['"push" is false but "mode" is shard (expected true: a shard hands off what it pushed)'],
    ],
    // Issue 27: a merge with push false pushed the index anyway, then swept stale tags.
    [
      'a merge that does not push',
      { mode: 'merge', push: false },
      [
        '"push" is false but "mode" is merge (expected true: a merge pushes the index of what the shards pushed, ' +
          'and a merge that pushes nothing has nothing to do)',
      ],
    ],
    [
      'a registry cache with nowhere to keep it',
      { ...NO_TAGS, push: false, cache: 'registry' },
      ['"cache" is registry but "tags" is empty (expected tags: the cache is kept next to the image)'],
    ],
    [
      'QEMU without an image',
      { qemu: 'auto', qemuImage: '' },
      ['"qemu-image" is empty (expected an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68)'],
    ],
    [
      'a ghcr.io tag without an owner, when pushing',
      { tags: ['ghcr.io/app:latest'] },
      ['"tags" has ghcr.io/app, which has no owner (expected ghcr.io/OWNER/NAME, e.g. ghcr.io/acme/app)'],
    ],
    [
      'a ghcr.io tag without an owner, spelt GHCR.IO:443',
      { tags: ['GHCR.IO:443/app:latest'] },
      ['"tags" has ghcr.io/app, which has no owner (expected ghcr.io/OWNER/NAME, e.g. ghcr.io/acme/app)'],
    ],
    [
      'load with push',
      { build: { load: true } },
      [
        '"load" is true but "push" is true (expected one of them: this action publishes the image to the registry, ' +
          'pull it from there; or load it in a build with push: false)',
      ],
    ],
    [
      'a call that builds nothing, with push',
      { build: { call: 'check' } },
      [
        '"call" is "check", which evaluates the build and makes no image, but "push" is true (expected push: ' +
          'false with a call, or no call)',
      ],
    ],
  ])('%s', (_name, overrides, problems) => {
    expect(crossFieldProblems(defaultInputs(overrides))).toEqual(problems);
  });

  test('tags given but all invalid are not also reported as empty', () => {
    expect(crossFieldProblems(defaultInputs(NO_TAGS), true)).toEqual([]);
  });

  test('a ghcr.io tag without an owner is fine when nothing is pushed', () => {
    const inputs = defaultInputs({ push: false, tags: [] });
    inputs.tags = [parseTaggedReference('ghcr.io/app:latest')];
    expect(crossFieldProblems(inputs)).toEqual([]);
  });
});
