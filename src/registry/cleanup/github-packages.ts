// ghcr.io has no registry DELETE (it answers 405 UNSUPPORTED); an image is deleted as a version of its container
// package, through the GitHub Packages REST API (https://docs.github.com/rest/packages/packages), where each
// manifest digest is one version, named by the digest. Deleting a version deletes every tag on it.
//
// Plain requests through the client's Transport rather than @actions/github: two endpoints do not justify
// Octokit's bundle in the action's entry point, and this way they share the client's time limits, retries, error
// messages and secret masking.
import { GHCR, type ImageName } from '../../reference.js';
import type { RetryPolicy } from '../../retry.js';
import { NotYetVisibleError, RegistryError, refuseProtected } from '../errors.js';
import { nextPage } from '../http.js';
import type { CallCredentials, Transport } from '../transport.js';

const GITHUB_API = 'https://api.github.com';
const API_HEADERS = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
const VERSIONS_PER_PAGE = 100;
// The API lists the newest versions first, and the dummy is the newest: a few pages bound the cost of a miss.
const MAX_VERSION_PAGES = 3;
// The Packages API lists a version a little after the registry accepted its manifest.
const LISTING_WAIT: Partial<RetryPolicy> = {
  maxAttempts: 8,
  maxElapsedMs: 30_000,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
};

interface GhcrPackage {
  /** The user or organization: the first component of the repository. */
  owner: string;
  /** The rest of the repository (`app` of ghcr.io/acme/app, `tools/app` of ghcr.io/acme/tools/app). */
  packageName: string;
}

function ghcrPackage(name: ImageName): GhcrPackage {
  const slash = name.repository.indexOf('/');
  if (slash === -1) throw new Error(`${GHCR}/${name.repository} has no owner: ghcr.io images are ghcr.io/OWNER/NAME`);
  return { owner: name.repository.slice(0, slash), packageName: name.repository.slice(slash + 1) };
}

interface FoundVersion {
  /** The package's API URL, under /orgs/… or /users/…. */
  packageUrl: string;
  id: number;
}

/**
 * Deletes the package version named `digest` of the image's package, once the API lists it. Refuses a protected
 * digest before any request. The DELETE is sent once: its caller looks at the tag before it tries again.
 */
export async function deleteGhcrPackageVersion(
  transport: Transport,
  name: ImageName,
  digest: string,
  options: { token: string; protectedDigests: ReadonlySet<string> },
): Promise<void> {
  refuseProtected(digest, options.protectedDigests);
  const pkg = ghcrPackage(name);
  const credentials: CallCredentials = { bearer: options.token };
  const version = await transport.poll(() => findVersion(transport, pkg, digest, credentials), LISTING_WAIT);
  await transport.request({
    action: `delete the version ${digest} of the GitHub package ${pkg.owner}/${pkg.packageName}`,
    method: 'DELETE',
    url: new URL(`${version.packageUrl}/versions/${version.id}`),
    credentials,
    headers: API_HEADERS,
    expect: [204],
    retry: false,
  });
}

/**
 * The version named `digest`, as an organization's package, else as a user's (the API has one path for each, and
 * answers 404 on the other). NotYetVisibleError while the package lists no such version.
 */
async function findVersion(
  transport: Transport,
  pkg: GhcrPackage,
  digest: string,
  credentials: CallCredentials,
): Promise<FoundVersion> {
  const encodedName = encodeURIComponent(pkg.packageName);
  for (const ownerKind of ['orgs', 'users']) {
    const packageUrl = `${GITHUB_API}/${ownerKind}/${encodeURIComponent(pkg.owner)}/packages/container/${encodedName}`;
    const id = await findVersionId(transport, packageUrl, digest, credentials);
    if (id === 'no such package') continue;
    if (id === undefined) {
      throw new NotYetVisibleError(
        `the GitHub package ${pkg.owner}/${pkg.packageName} lists no version ${digest} yet`,
        undefined,
      );
    }
    return { packageUrl, id };
  }
  throw new RegistryError(
    `the GitHub API has no container package ${pkg.packageName} of a user or organization ${pkg.owner}, or the ` +
      'token may not read it (it needs packages: read)',
    404,
  );
}

async function findVersionId(
  transport: Transport,
  packageUrl: string,
  digest: string,
  credentials: CallCredentials,
): Promise<number | 'no such package' | undefined> {
  let url: URL | undefined = new URL(`${packageUrl}/versions?per_page=${VERSIONS_PER_PAGE}&state=active`);
  for (let page = 1; url !== undefined && page <= MAX_VERSION_PAGES; page++) {
    const action = `list the versions of the GitHub package ${packageUrl}`;
    const exchange = await transport.request({
      action,
      method: 'GET',
      url,
      credentials,
      headers: API_HEADERS,
      expect: page === 1 ? [200, 404] : [200],
    });
    if (exchange.response.status === 404) return 'no such package';
    const version = parseVersions(action, exchange.response.text()).find((entry) => entry.name === digest);
    if (version !== undefined) return version.id;
    const next = nextPage(exchange.response.headers.get('link'), exchange.url);
    // The token goes with every page: only to the API itself.
    url = next?.origin === exchange.url.origin ? next : undefined;
  }
  return undefined;
}

function parseVersions(action: string, text: string): { id: number; name: string }[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!Array.isArray(body)) {
    throw new RegistryError(`could not ${action}: the answer is not a list of versions`, 200);
  }
  return (body as unknown[]).flatMap((entry) => {
    const { id, name } = (typeof entry === 'object' && entry !== null ? entry : {}) as { id?: unknown; name?: unknown };
    return typeof id === 'number' && typeof name === 'string' ? [{ id, name }] : [];
  });
}
