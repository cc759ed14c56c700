// More independent looks into the lab registry (plain HTTP, not the action's client): manifests and blobs by
// digest, image configs, and tags put by hand, for tests that seed a repository or check what survived.
import { createHash } from 'node:crypto';
import { lab } from '../lab.js';
import { MANIFEST_ACCEPT, authHeaders, listTags, resolve, v2Url } from '../probe.js';

export interface StoredManifest {
  digest: string;
  mediaType: string;
  bytes: Buffer;
  json: {
    manifests?: { digest: string; platform?: { os: string; architecture: string } }[];
    config?: { digest: string };
    layers?: { digest: string; annotations?: Record<string, string> }[];
    annotations?: Record<string, string>;
  };
}

export interface ImageConfig {
  architecture?: string;
  config?: { Labels?: Record<string, string> | null; Env?: string[] | null };
  history?: { created_by?: string; comment?: string }[];
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A manifest by tag or digest, or undefined when the registry has none; its digest computed from its bytes. */
export async function fetchManifest(
  repository: string,
  reference: string,
  registry = lab.registry,
): Promise<StoredManifest | undefined> {
  const response = await fetch(v2Url(registry, `${repository}/manifests/${reference}`), {
    headers: { Accept: MANIFEST_ACCEPT, ...authHeaders(registry) },
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`GET ${repository}:${reference} answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = JSON.parse(bytes.toString('utf8')) as StoredManifest['json'];
  return { digest: sha256(bytes), mediaType: response.headers.get('content-type') ?? '', bytes, json };
}

export async function fetchBlob(repository: string, digest: string, registry = lab.registry): Promise<Buffer> {
  const response = await fetch(v2Url(registry, `${repository}/blobs/${digest}`), { headers: authHeaders(registry) });
  if (response.status !== 200) throw new Error(`GET blob ${repository}@${digest} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export async function blobExists(repository: string, digest: string, registry = lab.registry): Promise<boolean> {
  const response = await fetch(v2Url(registry, `${repository}/blobs/${digest}`), {
    method: 'HEAD',
    headers: authHeaders(registry),
  });
  return response.status === 200;
}

/** Puts manifest bytes under a tag, as any other tool could have (seeding look-alike or per-arch tags). */
export async function putManifest(repository: string, tag: string, manifest: StoredManifest): Promise<void> {
  const response = await fetch(v2Url(lab.registry, `${repository}/manifests/${tag}`), {
    method: 'PUT',
    headers: { 'Content-Type': manifest.mediaType },
    body: manifest.bytes,
  });
  if (response.status !== 201) throw new Error(`PUT ${repository}:${tag} answered ${response.status}`);
}

/** The config of the image manifest `digest` (a platform's image, not an index). */
export async function imageConfig(repository: string, digest: string, registry = lab.registry): Promise<ImageConfig> {
  const manifest = await fetchManifest(repository, digest, registry);
  const config = manifest?.json.config?.digest;
  if (config === undefined) throw new Error(`${repository}@${digest} is not an image manifest`);
  return JSON.parse((await fetchBlob(repository, config, registry)).toString('utf8')) as ImageConfig;
}

/**
 * What an index needs to be pulled: the index, each manifest it lists, their configs and layers, all retrievable
 * by digest. Returns what is missing ([] when the whole index is there).
 */
export async function missingParts(repository: string, indexDigest: string): Promise<string[]> {
  const index = await fetchManifest(repository, indexDigest);
  if (index === undefined) return [`index ${indexDigest}`];
  const missing: string[] = [];
  for (const child of index.json.manifests ?? []) {
    const manifest = await fetchManifest(repository, child.digest);
    if (manifest === undefined) {
      missing.push(`manifest ${child.digest} of index ${indexDigest}`);
      continue;
    }
    const blobs = [manifest.json.config, ...(manifest.json.layers ?? [])].flatMap((blob) => (blob ? [blob] : []));
    for (const blob of blobs) {
      if (!(await blobExists(repository, blob.digest))) missing.push(`blob ${blob.digest} of ${child.digest}`);
    }
  }
  return missing;
}

/** The image manifests an index lists (attestations, `unknown/unknown`, left out), by platform. */
export function childrenByPlatform(index: StoredManifest): Record<string, string> {
  return Object.fromEntries(
    (index.json.manifests ?? [])
      .filter((child) => child.platform !== undefined && child.platform.os !== 'unknown')
      .map((child) => [`${child.platform?.os ?? ''}/${child.platform?.architecture ?? ''}`, child.digest]),
  );
}

/**
 * The tags of a repository, each marked ` (dangling)` when the registry lists it but serves nothing under it: what
 * distribution 2.8 leaves when a manifest DELETE fails half-way (the manifest deleted, the tag not).
 */
export async function tagsAsServed(repository: string, registry = lab.registry): Promise<string[]> {
  const tags = await listTags(repository, registry);
  return Promise.all(
    tags.map(async (tag) => ((await resolve(repository, tag, registry)) === undefined ? `${tag} (dangling)` : tag)),
  );
}
