// The lab's multi-arch busybox (seeded by `lab.sh up`) as test content: its linux/amd64 image, and a copy of it
// into another repository, through the registry client under test.
import { parseReference, type ImageName } from '../../../src/reference.js';
import type { FetchedManifest, RegistryClient } from '../../../src/registry/client.js';
import { isImageIndex, type ImageManifest } from '../../../src/registry/types.js';
import { lab } from '../lab.js';

export const busybox = parseReference(lab.baseImage);

/** The busybox image for linux/amd64: its manifest bytes and JSON, read from the lab registry by `reader`. */
export async function busyboxAmd64(reader: RegistryClient): Promise<FetchedManifest & { json: ImageManifest }> {
  const index = await reader.getManifest(busybox, busybox.tag ?? 'latest');
  if (!isImageIndex(index.json)) throw new Error(`${lab.baseImage} is not an index`);
  const child = index.json.manifests.find((descriptor) => descriptor.platform?.architecture === 'amd64');
  if (child === undefined) throw new Error(`${lab.baseImage} has no linux/amd64 image`);
  const manifest = await reader.getManifest(busybox, child.digest);
  return { ...manifest, json: manifest.json as ImageManifest };
}

/**
 * Copies the busybox amd64 image (config, layers, then the manifest by digest) into `name` with `writer`, reading
 * it with `reader`; returns the manifest's digest, bytes and media type.
 */
export async function copyBusybox(
  reader: RegistryClient,
  writer: RegistryClient,
  name: ImageName,
): Promise<{ digest: string; bytes: Buffer; mediaType: string }> {
  const image = await busyboxAmd64(reader);
  for (const blob of [image.json.config, ...image.json.layers]) {
    const pushed = await writer.uploadBlob(name, await reader.getBlob(busybox, blob.digest), blob.mediaType);
    if (pushed.digest !== blob.digest) throw new Error(`pushed ${blob.digest} as ${pushed.digest}`);
  }
  const { digest, mediaType } = image.descriptor;
  if ((await writer.putManifest(name, digest, image.bytes, mediaType)) !== digest) {
    throw new Error(`the registry stored ${digest} under another digest`);
  }
  return { digest, bytes: image.bytes, mediaType };
}
