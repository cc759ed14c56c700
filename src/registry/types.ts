// The JSON shapes of the OCI image spec (and Docker's schema 2 equivalents) that this client reads and writes.

export const MediaType = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  /** What a blob is when nothing more specific is known. */
  octetStream: 'application/octet-stream',
} as const;

/** Every manifest type the client asks for: both index forms and both single-image forms. */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest,
];

import type { Platform } from '../platform.js';

export type { Platform };

/** Points at content by digest: what it is, its hash and its size in bytes. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

/** An OCI image index or a Docker manifest list. */
export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

/** An OCI image manifest or a Docker schema 2 manifest. */
export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export type Manifest = ImageIndex | ImageManifest;

export function isImageIndex(manifest: Manifest): manifest is ImageIndex {
  return 'manifests' in manifest;
}
