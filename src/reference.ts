// Image references as Docker reads them (github.com/distribution/reference, "normalized" names):
// `[registry/]name[:tag][@digest]`, where a bare name means Docker Hub's `docker.io/library/name`.

/** Where an image lives: a registry (`host[:port]`) and a repository in it. */
export interface ImageName {
  /** `host[:port]`; Docker Hub is always `docker.io`. */
  registry: string;
  /** Path inside the registry, e.g. `library/busybox` or `acme/app`. */
  repository: string;
}

/** An image name with the tag and/or digest that selects one manifest in it. */
export interface ImageReference extends ImageName {
  tag?: string;
  digest?: string;
}

/** A reference that names a tag: what the action publishes and deletes (`latest` filled in where none was written). */
export interface TaggedReference extends ImageName {
  tag: string;
  digest?: undefined;
}

export const DOCKER_HUB = 'docker.io';
/** GitHub's container registry, whose images live under an owner and are deleted through the Packages API. */
export const GHCR = 'ghcr.io';
/** Docker Hub's names in references; Docker rewrites the older `index.docker.io` to `docker.io`. */
const DOCKER_HUB_NAMES = [DOCKER_HUB, 'index.docker.io'];
/** Every host that serves Docker Hub's repositories: its names in references, and the registry API's own host. */
const DOCKER_HUB_HOSTS = [...DOCKER_HUB_NAMES, 'registry-1.docker.io'];
const EXPECTED_FORM = '[registry/]name[:tag][@digest]';
/** Docker's limit for the whole name, registry included. */
const MAX_NAME_LENGTH = 255;

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
// The registered algorithms of the OCI image spec, with the lowercase hex it requires.
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
// One path component: lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// A host name, an IPv4 address or a bracketed IPv6 address, then an optional port.
const REGISTRY =
  /^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[A-Fa-f0-9:.]+\])(?::[0-9]+)?$/;
// Docker refuses a bare 64-hex name: it would be mistaken for an image ID.
const IMAGE_ID = /^[a-f0-9]{64}$/;

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** `sha256:` + 64 lowercase hex, or `sha512:` + 128. */
export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}

/** Parses a reference the way `docker pull` does; throws an Error quoting the text and saying what is wrong. */
export function parseReference(text: string): ImageReference {
  const invalid = (reason: string) =>
    new Error(`"${text}" is not a valid image reference: ${reason} (expected ${EXPECTED_FORM})`);

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) {
      throw invalid(`"${digest}" is not a digest (sha256: and 64 lowercase hex digits, or sha512: and 128)`);
    }
  }

  // A tag follows the last `:` only when no `/` comes after it; otherwise that `:` starts a registry port.
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) {
      throw invalid(`"${tag}" is not a valid tag (letters, digits, _, . and -, at most 128, not starting with . or -)`);
    }
  }

  if (rest === '') throw invalid('the name is empty');
  if (rest.length > MAX_NAME_LENGTH) throw invalid(`the name is longer than ${MAX_NAME_LENGTH} characters`);
  const { registry, repository } = splitRegistry(rest);
  if (!REGISTRY.test(registry)) throw invalid(`"${registry}" is not a valid registry host[:port]`);
  if (repository.toLowerCase() !== repository) throw invalid('repository names must be lowercase');
  if (!repository.split('/').every((component) => PATH_COMPONENT.test(component))) {
    throw invalid(
      `"${repository}" is not a valid repository name (lowercase letters and digits, separated by /, ., _, __ or -)`,
    );
  }
  if (canonicalRegistry(registry) === DOCKER_HUB && IMAGE_ID.test(repository.replace(/^library\//, ''))) {
    throw invalid('a 64-hex-digit name would be read as an image ID');
  }

  const reference: ImageReference = { registry, repository };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/**
 * A reference to a tag, as Docker reads one (`latest` where none is written); throws an Error quoting the text when
 * it is not a reference or has a digest.
 */
export function parseTaggedReference(text: string): TaggedReference {
  const reference = parseReference(text);
  if (reference.digest !== undefined) {
    throw new Error(`"${text}" has a digest (expected name:tag; the digest is what this action outputs)`);
  }
  return taggedReference(reference);
}

/** The tag a reference without a digest names, as Docker reads it: `latest` where none is written. */
export function taggedReference({ registry, repository, tag }: ImageReference): TaggedReference {
  return { registry, repository, tag: tag ?? 'latest' };
}

/** `registry/repository`, keeping `docker.io/` so that the result names one place unambiguously. */
export function formatName(name: ImageName): string {
  return `${name.registry}/${name.repository}`;
}

/**
 * A registry host spelled the same for every spelling of it, to tell which registry it is (ghcr.io, Docker Hub):
 * lower case, without :443 (the HTTPS port Docker uses anyway; :80 stays, since Docker tries HTTPS there too), and
 * Docker Hub's hosts as docker.io.
 */
export function canonicalRegistry(registry: string): string {
  const host = registry.toLowerCase().replace(/:443$/, '');
  return DOCKER_HUB_HOSTS.includes(host) ? DOCKER_HUB : host;
}

/**
 * `registry/repository`, spelled the same for every spelling of one place, to compare repositories: the host in
 * lower case and without :443 (the HTTPS port Docker uses anyway; :80 stays, since Docker tries HTTPS there too),
 * and Docker Hub's hosts as docker.io, with `library/` before a one-component name as Docker Hub reads it.
 */
export function canonicalRepository(name: ImageName): string {
  const registry = canonicalRegistry(name.registry);
  if (registry !== DOCKER_HUB) return `${registry}/${name.repository}`;
  const repository = name.repository.includes('/') ? name.repository : `library/${name.repository}`;
  return `${DOCKER_HUB}/${repository}`;
}

/**
 * `registry/repository:tag[@digest]`, spelled the same for every spelling of one tag (see canonicalRepository), to
 * compare tags: a reference with neither tag nor digest names `:latest`, as Docker reads it.
 */
export function canonicalReference(reference: ImageReference): string {
  const tag = reference.tag ?? (reference.digest === undefined ? 'latest' : undefined);
  const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
  return `${canonicalRepository(reference)}${tag === undefined ? '' : `:${tag}`}${digest}`;
}

/** `registry/repository[:tag][@digest]`. */
export function formatReference(reference: ImageReference): string {
  const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
  const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
  return `${formatName(reference)}${tag}${digest}`;
}

// Docker's rule: the first component names a registry only if it looks like a host (has a `.` or a `:`, or is
// `localhost`) or has uppercase letters (which no repository may have); otherwise the name is on Docker Hub.
function splitRegistry(name: string): ImageName {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const isRegistry = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  if (!isRegistry) {
    return { registry: DOCKER_HUB, repository: slash === -1 ? `library/${name}` : name };
  }
  const remainder = name.slice(slash + 1);
  if (DOCKER_HUB_NAMES.includes(first)) {
    return { registry: DOCKER_HUB, repository: remainder.includes('/') ? remainder : `library/${remainder}` };
  }
  return { registry: first, repository: remainder };
}
