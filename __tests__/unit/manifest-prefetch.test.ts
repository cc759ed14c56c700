// ManifestPrefetch over recorded registry exchanges: a manifest buildx says it pushed to the repository is read at
// once and only once; anything else is read when asked for, as before.
import { ManifestPrefetch, pushedManifest } from '../../src/manifest-prefetch.js';
import { MediaType } from '../../src/registry/types.js';
import {
  IMAGE_MANIFEST,
  LAB,
  LAB_API,
  manifestHeaders,
  registryErrors,
  replayClient,
  sha256,
  type Exchange,
} from './registry-replay.js';

const DIGEST = sha256(IMAGE_MANIFEST);
const TEMPORARY = '127.0.0.1:5000/lab/app:multiarch-tmp-7-1-abcdef01-tq1x2y-all';
const PUSHED = `#9 pushing manifest for ${TEMPORARY}@${DIGEST} 0.0s done`;

const readManifest: Exchange = {
  method: 'GET',
  url: `${LAB_API}/manifests/${DIGEST}`,
  response: { status: 200, headers: manifestHeaders(IMAGE_MANIFEST, MediaType.ociManifest), body: IMAGE_MANIFEST },
};

/** Lets the registry client's awaits run, so that a read started by `watch` reaches the replay. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('pushedManifest', () => {
  test.each<[string, string, { name: string; digest: string } | undefined]>([
    ['a pushed manifest, with the time it took', PUSHED, { name: '127.0.0.1:5000/lab/app', digest: DIGEST }],
    [
      'without the time, with blanks around',
      `  #12 pushing manifest for ${TEMPORARY}@${DIGEST} done \r`,
      { name: '127.0.0.1:5000/lab/app', digest: DIGEST },
    ],
    [
      'pushed by digest alone (no tag)',
      `#9 pushing manifest for ghcr.io/acme/app@${DIGEST} 0.1s done`,
      { name: 'ghcr.io/acme/app', digest: DIGEST },
    ],
    ['still pushing', `#9 pushing manifest for ${TEMPORARY}@${DIGEST}`, undefined],
    ['pushing layers', '#9 pushing layers 0.1s done', undefined],
    ['the engine copy named', `#9 naming to ${TEMPORARY} done`, undefined],
    ['an echo of the step, not buildx progress', `pushing manifest for ${TEMPORARY}@${DIGEST} done`, undefined],
    ['a short digest', `#9 pushing manifest for ${TEMPORARY}@sha256:abc done`, undefined],
    ['a name docker would refuse', `#9 pushing manifest for Not/Valid@${DIGEST} done`, undefined],
  ])('%s', (_, line, expected) => {
    const pushed = pushedManifest(line);
    expect(pushed && { name: `${pushed.name.registry}/${pushed.name.repository}`, digest: pushed.digest }).toEqual(
      expected,
    );
  });
});

describe('ManifestPrefetch', () => {
  test('a manifest pushed to the repository is read when buildx says so, once, and handed over without a request', async () => {
    const { replay, client } = replayClient([readManifest]);
    const prefetch = new ManifestPrefetch(client, LAB);
    prefetch.watch(PUSHED);
    prefetch.watch(PUSHED); // buildx's plain output can repeat a status line
    await settle();
    expect(replay.log).toEqual([`GET ${LAB_API}/manifests/${DIGEST}`]);

    const read = await prefetch.getManifest(DIGEST);
    expect(read.bytes.equals(IMAGE_MANIFEST)).toBe(true);
    expect(read.descriptor.digest).toBe(DIGEST);
    replay.expectDone();
  });

  test('a push to another repository starts no read: the manifest is read when asked for', async () => {
    const { replay, client } = replayClient([readManifest]);
    const prefetch = new ManifestPrefetch(client, LAB);
    prefetch.watch(`#9 pushing manifest for 127.0.0.1:5001/lab/app:tmp@${DIGEST} 0.0s done`);
    prefetch.watch('#9 pushing layers 0.0s done');
    await settle();
    expect(replay.log).toEqual([]);

    expect((await prefetch.getManifest(DIGEST)).descriptor.digest).toBe(DIGEST);
    replay.expectDone();
  });

  test('an early read that failed is made again when the manifest is asked for', async () => {
    const { replay, client } = replayClient([
      {
        method: 'GET',
        url: `${LAB_API}/manifests/${DIGEST}`,
        response: { status: 404, body: registryErrors('MANIFEST_UNKNOWN', 'manifest unknown') },
      },
      readManifest,
    ]);
    const prefetch = new ManifestPrefetch(client, LAB);
    prefetch.watch(PUSHED);
    await settle();

    expect((await prefetch.getManifest(DIGEST)).descriptor.digest).toBe(DIGEST);
    expect(replay.log).toHaveLength(2);
    replay.expectDone();
  });
});
