// The dummy image that deleteTag puts under a tag before removing it (tag-deletion.ts): once the tag points at the
// dummy, deleting the dummy, or the tag, can reach nothing else. Its config carries a random nonce (one per
// TagDeleter, so one config serves every dummy of a post step in a repository), and its manifest names the tag it is
// put under: so its digest is new, and no other tag or image shares it. Deleting it by digest can only remove the
// dummy that this deleter put under that very tag.
import { digestOf } from '../digest.js';
import { MediaType, type ImageManifest } from '../types.js';

const NONCE_LABEL = 'dev.multiarch-build.dummy-nonce';

/** An OCI image config for no platform and no layers, with the nonce in a label. */
export function dummyConfig(nonce: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: 'unknown',
      os: 'unknown',
      config: { Labels: { [NONCE_LABEL]: nonce } },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
}

/**
 * An OCI image manifest of `config` and no layers. `reference` is the tag being deleted, quoted in an annotation
 * for whoever finds a dummy left behind; it also makes the dummies of one config differ, tag by tag.
 */
export function dummyManifest(config: Buffer, reference: string): Buffer {
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: digestOf(config), size: config.length },
    layers: [],
    annotations: {
      'org.opencontainers.image.description': `Dummy put under ${reference} by multiarch-build to delete that tag. It holds no image; delete it.`,
    },
  };
  return Buffer.from(JSON.stringify(manifest));
}
