// The dummy image that deleteTag puts under a tag before removing it (tag-deletion.ts): once the tag points at the
// dummy, deleting the dummy, or the tag, can reach nothing else. Its config carries a random nonce, so its digest
// is new and no other tag or image shares it: deleting it by digest can only remove what we just uploaded.
import { digestOf } from './digest.js';
import { MediaType, type ImageManifest } from './types.js';

export interface DummyImage {
  /** An OCI image config for no platform and no layers, with the nonce in a label. */
  config: Buffer;
  /** An OCI image manifest of that config and no layers. */
  manifest: Buffer;
}

const NONCE_LABEL = 'dev.multiarch-build.dummy-nonce';

/** `reference` is the tag being deleted, quoted in an annotation for whoever finds a dummy left behind. */
export function dummyImage(reference: string, nonce: string): DummyImage {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'unknown',
      os: 'unknown',
      config: { Labels: { [NONCE_LABEL]: nonce } },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: digestOf(config), size: config.length },
    layers: [],
    annotations: {
      'org.opencontainers.image.description': `Dummy put under ${reference} by multiarch-build to delete that tag. It holds no image; delete it.`,
    },
  };
  return { config, manifest: Buffer.from(JSON.stringify(manifest)) };
}
