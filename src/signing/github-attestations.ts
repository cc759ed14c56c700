// An attestation bundle stored with GitHub's artifact attestations API, where `gh attestation verify` finds it by the
// image's digest (https://docs.github.com/rest/repos/attestations#create-an-attestation). The call goes through the
// same Octokit and HTTP path as the GitHub Packages deletions: the token goes to the runner's API origin only.
import { apiFailure, githubApi, type GitHubApiAccess } from '../registry/github-api.js';
import { RegistryError } from '../registry/errors.js';
import type { Transport } from '../registry/transport.js';

/** `owner/name` of the repository the workflow runs in (GITHUB_REPOSITORY). */
export interface GitHubRepository {
  owner: string;
  repo: string;
}

/** Stores `bundle` with the repository's attestations; returns GitHub's id for it. */
export async function storeAttestation(
  transport: Transport,
  access: GitHubApiAccess,
  repository: GitHubRepository,
  bundle: object,
): Promise<string> {
  const api = await githubApi(transport, access);
  const action = `store the attestation in ${repository.owner}/${repository.repo}'s attestations`;
  // A retried create stores the same bundle again at worst, which verifies the same.
  const response = await transport.retrying(async () => {
    try {
      return await api.octokit.request('POST /repos/{owner}/{repo}/attestations', { ...repository, bundle });
    } catch (error) {
      throw apiFailure(action, error);
    }
  });
  const data: unknown = response.data;
  const id = typeof data === 'object' && data !== null && 'id' in data ? data.id : undefined;
  if (typeof id !== 'number' && typeof id !== 'string') {
    throw new RegistryError(`could not ${action}: GitHub answered ${response.status} without an id`, response.status);
  }
  return String(id);
}

/** GITHUB_REPOSITORY as owner and name; undefined outside a workflow. */
export function githubRepository(value: string | undefined): GitHubRepository | undefined {
  const [owner, repo, ...rest] = (value ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}
