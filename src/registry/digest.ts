// Content digests: registries address manifests and blobs by the hash of their bytes, and we check that hash
// ourselves rather than trust the registry (or a proxy or blob store in between).
import { createHash } from 'node:crypto';
import { isDigest } from '../reference.js';

/** `sha256:<hex>` of the bytes (or `sha512:<hex>`, the other algorithm the OCI spec registers). */
export function digestOf(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** The digest of the bytes in the algorithm of `like` (a valid digest), so that the two can be compared. */
export function digestLike(like: string, bytes: Uint8Array): string {
  if (!isDigest(like)) throw new Error(`"${like}" is not a sha256 or sha512 digest`);
  return digestOf(bytes, like.startsWith('sha512:') ? 'sha512' : 'sha256');
}
