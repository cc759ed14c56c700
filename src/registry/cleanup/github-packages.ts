// ghcr.io has no registry DELETE (it answers 405 UNSUPPORTED); an image is deleted as a version of its container
// package, through the GitHub Packages REST API (https://docs.github.com/rest/packages/packages), where each
// manifest digest is one version, named by the digest. Deleting a version deletes every tag on it: one is deleted
// only while the API lists on it exactly the one tag the deletion means to remove.
import { isObject } from '../../is-object.js';
import { oneLine } from '../../one-line.js';
import { GHCR, type ImageName } from '../../reference.js';
import type { RetryPolicy } from '../../retry.js';
import { NotYetVisibleError, RegistryError, refuseProtected } from '../errors.js';
import type { Transport } from '../transport.js';
import { apiFailure, githubApi, type GitHubApi, type GitHubApiAccess } from '../github-api.js';

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

/** The API has one path for an organization's packages and one for a user's, and answers 404 on the other. */
type OwnerKind = 'organization' | 'user';

interface FoundVersion {
  ownerKind: OwnerKind;
  id: number;
  /** The tags the API lists on the version. */
  tags: string[];
}

/**
 * Deletes the package version named `digest` of the image's package, once the API lists it with `tag`, its only
 * tag. Refuses a protected digest before any request, and a version with another tag. The DELETE is sent once: its
 * caller looks at the tag before it tries again.
 */
export async function deleteGhcrPackageVersion(
  transport: Transport,
  name: ImageName,
  { tag, digest }: { tag: string; digest: string },
  options: { github: GitHubApiAccess; protectedDigests: ReadonlySet<string> },
): Promise<void> {
  refuseProtected(digest, options.protectedDigests);
  const pkg = ghcrPackage(name);
  const what = `the version ${digest} of the GitHub package ${pkg.owner}/${pkg.packageName}`;
  const api = await githubApi(transport, options.github);
  const version = await transport.poll(async () => {
    const found = await transport.retrying(() => findVersion(api, pkg, digest));
    if (found.tags.length === 1 && found.tags[0] === tag) return found;
    // The listing may show the version before its tag, worth waiting for; another tag would go with the version.
    if (found.tags.length === 0) {
      throw new NotYetVisibleError(`the API lists ${what} without its tag ${tag} yet`, undefined);
    }
    const listed = oneLine(found.tags.join(', '));
    throw new RegistryError(
      `refusing to delete ${what}: the API lists the tags ${listed} on it, where this deletion put only ${tag} ` +
        '(deleting a version deletes all its tags)',
      undefined,
    );
  }, LISTING_WAIT);
  const common = { package_type: 'container', package_name: pkg.packageName, package_version_id: version.id } as const;
  try {
    await (version.ownerKind === 'organization'
      ? api.octokit.rest.packages.deletePackageVersionForOrg({ ...common, org: pkg.owner })
      : api.octokit.rest.packages.deletePackageVersionForUser({ ...common, username: pkg.owner }));
  } catch (error) {
    throw apiFailure(`delete ${what}`, error);
  }
}

/** The version named `digest`, as an organization's package, else as a user's; NotYetVisibleError while none. */
async function findVersion(api: GitHubApi, pkg: GhcrPackage, digest: string): Promise<FoundVersion> {
  for (const ownerKind of ['organization', 'user'] as const) {
    const found = await findVersionAs(api, pkg, digest, ownerKind);
    if (found === 'no such package') continue;
    if (found === undefined) {
      throw new NotYetVisibleError(
        `the GitHub package ${pkg.owner}/${pkg.packageName} lists no version ${digest} yet`,
        undefined,
      );
    }
    return found;
  }
  throw new RegistryError(
    `the GitHub API at ${api.apiUrl} has no container package ${pkg.packageName} of a user or organization ` +
      `${pkg.owner}, or the token may not read it (it needs packages: read)`,
    404,
  );
}

async function findVersionAs(
  { octokit }: GitHubApi,
  pkg: GhcrPackage,
  digest: string,
  ownerKind: OwnerKind,
): Promise<FoundVersion | 'no such package' | undefined> {
  const action = `list the versions of the GitHub package ${pkg.owner}/${pkg.packageName} of the ${ownerKind}`;
  const common = {
    package_type: 'container',
    package_name: pkg.packageName,
    per_page: VERSIONS_PER_PAGE,
    state: 'active',
  } as const;
  const { packages } = octokit.rest;
  const pages =
    ownerKind === 'organization'
      ? octokit.paginate.iterator(packages.getAllPackageVersionsForPackageOwnedByOrg, { ...common, org: pkg.owner })
      : octokit.paginate.iterator(packages.getAllPackageVersionsForPackageOwnedByUser, {
          ...common,
          username: pkg.owner,
        });
  let page = 0;
  try {
    for await (const { data } of pages) {
      page++;
      const version = listedVersions(action, data).find((entry) => entry.name === digest);
      if (version !== undefined) return { ownerKind, id: version.id, tags: version.tags };
      if (page === MAX_VERSION_PAGES) break;
    }
  } catch (error) {
    if (page === 0 && isObject(error) && error.status === 404) return 'no such package';
    throw apiFailure(action, error);
  }
  return undefined;
}

/** The versions of a page as the API documents them; a version without a tag list has no tags yet. */
function listedVersions(action: string, data: unknown): { id: number; name: string; tags: string[] }[] {
  if (!Array.isArray(data)) {
    throw new RegistryError(`could not ${action}: the answer is not a list of versions`, 200);
  }
  return (data as unknown[]).flatMap((entry) => {
    if (!isObject(entry) || typeof entry.id !== 'number' || typeof entry.name !== 'string') return [];
    const container = isObject(entry.metadata) ? entry.metadata.container : undefined;
    const tags = isObject(container) ? container.tags : undefined;
    // Anything in the list that is not a tag's name still counts: it keeps the version from matching.
    return [{ id: entry.id, name: entry.name, tags: Array.isArray(tags) ? tags.map(String) : [] }];
  });
}
