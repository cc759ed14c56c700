// The rules between inputs: each input may be well formed on its own and the combination still make no sense
// (push without tags, load with push). Pure: settings in, problems out, each naming the inputs and what to set.
import { outputsProblems } from './build-outputs.js';
import { buildsImage, type Inputs } from './inputs.js';
import { canonicalRegistry, GHCR, type ImageName } from '../reference.js';
import { signingProblems } from '../signing/settings.js';

/**
 * The problems of a combination of inputs. `tagsGiven`: whether `tags` had any item at all; given but invalid is
 * a problem of its own (said when the tags are read), not an empty list.
 */
export function crossFieldProblems(inputs: Inputs, tagsGiven = inputs.tags.length > 0): string[] {
  const problems: string[] = [];
  const { mode, push, tags, build } = inputs;
  if (!tagsGiven && (push || mode === 'shard' || mode === 'merge')) {
    const why = push ? '"push" is true' : `"mode" is ${mode}`;
    problems.push(`"tags" is empty but ${why} (expected at least one image reference: the final tags)`);
  }
  if (inputs.cache === 'registry' && !tagsGiven) {
    problems.push('"cache" is registry but "tags" is empty (expected tags: the cache is kept next to the image)');
  }
  if (mode === 'shard' && !push) {
    problems.push('"push" is false but "mode" is shard (expected true: a shard hands off what it pushed)');
  }
  if (mode === 'merge' && !push) {
    problems.push(
      '"push" is false but "mode" is merge (expected true: a merge pushes the index of what the shards pushed, ' +
        'and a merge that pushes nothing has nothing to do)',
    );
  }
  if (inputs.qemu !== 'false' && inputs.qemuImage === '') {
    problems.push('"qemu-image" is empty (expected an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68)');
  }
  if (push) problems.push(...ownerlessGhcr('tags', tags));
  problems.push(...outputsProblems(build.outputs, push, tags));
  if (build.load && push) {
    problems.push(
      '"load" is true but "push" is true (expected one of them: this action publishes the image to the registry, ' +
        'pull it from there; or load it in a build with push: false)',
    );
  }
  if (push && !buildsImage(build.call)) {
    problems.push(
      `"call" is "${build.call}", which evaluates the build and makes no image, but "push" is true (expected ` +
        'push: false with a call, or no call)',
    );
  }
  problems.push(...signingProblems(inputs.signing, inputs));
  return problems;
}

/** ghcr.io keeps every image under a user or organization, and cleanup there deletes through that owner's packages. */
export function ownerlessGhcr(name: string, references: ImageName[]): string[] {
  return references
    .filter((reference) => canonicalRegistry(reference.registry) === GHCR && !reference.repository.includes('/'))
    .map(
      (reference) =>
        `"${name}" has ${GHCR}/${reference.repository}, which has no owner (expected ${GHCR}/OWNER/NAME, e.g. ` +
        `${GHCR}/acme/${reference.repository})`,
    );
}
