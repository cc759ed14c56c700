import { MediaType } from '../../src/registry/types.js';
import {
  emptyRunState,
  recordHandOff,
  recordIndex,
  recordPlannedTemporaryTags,
  recordPushedTemporaryTags,
  runStateFor,
  stateTags,
} from '../../src/state.js';
import { defaultInputs } from './support/fixtures.js';

const INDEX = { mediaType: MediaType.ociIndex, digest: `sha256:${'a'.repeat(64)}`, size: 100 };
const TEMPORARY = 'ghcr.io/acme/app:multiarch-tmp-1-1-0123abcd-tro8w0-5eed01-all';

describe('run state', () => {
  test('what post needs of the inputs, before anything is created', () => {
    const state = runStateFor(
      defaultInputs({ cleanupTags: [{ registry: 'ghcr.io', repository: 'acme/app', tag: 'latest-arm64' }] }),
    );
    expect(state).toEqual({
      ...emptyRunState(),
      mode: 'auto',
      cleanup: true,
      cleanupTags: ['ghcr.io/acme/app:latest-arm64'],
      tempTagPrefix: 'multiarch-tmp',
      staleTagHours: 24,
      publish: 'post',
      platforms: ['linux/amd64', 'linux/arm64'],
      finalTags: ['ghcr.io/acme/app:latest'],
    });
  });

  test('a shard never publishes, whatever publish says', () => {
    expect(runStateFor(defaultInputs({ mode: 'shard', publish: 'main' })).publish).toBe('false');
  });

  test.each([
    ['the docker driver keeps them in the engine too', true, [TEMPORARY]],
    ['another driver pushes only', false, []],
  ])('planned temporary tags: %s', (_name, keptInEngine, engineImages) => {
    const state = emptyRunState();
    recordPlannedTemporaryTags(state, [TEMPORARY], keptInEngine);
    expect(state).toMatchObject({ temporaryTags: [TEMPORARY], engineImages });
  });

  test('pushed temporary tags are the ones post deletes, each kept with what it points at', () => {
    const state = emptyRunState();
    const other = TEMPORARY.replace('-all', '-linux-arm64');
    recordPushedTemporaryTags(state, [
      { temporaryTags: [TEMPORARY], digest: INDEX.digest },
      { temporaryTags: [], digest: `sha256:${'c'.repeat(64)}` },
      { temporaryTags: [other], digest: `sha256:${'b'.repeat(64)}` },
    ]);
    expect(state.temporaryTags).toEqual([TEMPORARY, other]);
    expect(state.temporaryTagDigests).toEqual({ [TEMPORARY]: INDEX.digest, [other]: `sha256:${'b'.repeat(64)}` });
  });

  test('a hand-off gives the temporary tags to the merge job and completes main', () => {
    const state = { ...emptyRunState(), temporaryTags: [TEMPORARY] };
    recordHandOff(state, { 'linux/arm64': INDEX.digest });
    expect(state).toMatchObject({
      temporaryTags: [],
      platformDigests: { 'linux/arm64': INDEX.digest },
      mainCompleted: true,
    });
  });

  test('a verified index completes main: only then may post publish', () => {
    const state = emptyRunState();
    recordIndex(state, INDEX, { 'linux/amd64': `sha256:${'b'.repeat(64)}` });
    expect(state).toMatchObject({ index: INDEX, mainCompleted: true, published: false });
  });

  test("the state's tags, parsed once, keep the text each temporary tag was recorded under", () => {
    const tags = stateTags({
      ...emptyRunState(),
      finalTags: ['ghcr.io/acme/app:latest'],
      cleanupTags: ['docker.io/acme/app:old'],
      temporaryTags: [TEMPORARY],
    });
    expect(tags.final).toEqual([{ registry: 'ghcr.io', repository: 'acme/app', tag: 'latest' }]);
    expect(tags.cleanup).toEqual([{ registry: 'docker.io', repository: 'acme/app', tag: 'old' }]);
    expect([...tags.temporary.keys()]).toEqual([TEMPORARY]);
    expect(tags.temporary.get(TEMPORARY)?.tag).toBe('multiarch-tmp-1-1-0123abcd-tro8w0-5eed01-all');
  });
});
