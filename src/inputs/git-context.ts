// The Git context docker/build-push-action builds when `context` is not given: the workflow's commit of its own
// repository, fetched by BuildKit (no checkout needed), as docker/actions-toolkit's Build.gitContext() finds it,
// and `{{defaultContext}}` in `context` and `build-contexts` standing for it. The URL buildx gets is formed by the
// plan (plan/build-context.ts), which knows the builder's buildx. Pure: the environment comes in.
import { given, githubServerUrl, runnerFlag } from '../runner-variables.js';

/** The commit a workflow runs for, as the Git context names it. */
export interface GitContextSource {
  /** `https://github.com/OWNER/REPO.git`, on the workflow's own server. */
  repositoryUrl: string;
  /** What BuildKit checks out: the event's commit, or a pull request's head commit when asked for it. */
  commit: string;
  /** BUILDX_SEND_GIT_QUERY_AS_INPUT: the `?ref=` form, which buildx reads from 0.29.0 on. */
  queryForm: boolean;
  /** The server's host (and port): BuildKit fetches with the secret GIT_AUTH_TOKEN.<host>. */
  host: string;
}

/** The runner's variables the Git context is formed from. */
export type RunnerVariables = Readonly<Record<string, string | undefined>>;

export class GitContextError extends Error {
  override name = 'GitContextError';
}

/** `{{defaultContext}}`, spaced as Handlebars allows, and the subdirectory written after it (`:docker`). */
export const DEFAULT_CONTEXT_TEMPLATE = /\{\{\s*defaultContext\s*\}\}(?::(\S*))?/g;

/**
 * The Git context of the workflow's commit. The ref is GITHUB_REF (a bare name is a branch); with
 * DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF a pull request's merge ref becomes its head ref, whose commit is the
 * pull request's head from the event. Any other ref is pinned to GITHUB_SHA, so a later push cannot change what
 * is built. Throws a GitContextError when the runner does not say which repository this is.
 */
export function gitContextSource(
  variables: RunnerVariables,
  pullRequestHeadSha: () => string | undefined,
): GitContextSource {
  const repository = variables.GITHUB_REPOSITORY ?? '';
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new GitContextError(`GITHUB_REPOSITORY is "${repository}" (expected OWNER/REPO, as the runner sets it)`);
  }
  const server = githubServerUrl(variables);
  let host: string;
  try {
    host = new URL(server).host;
  } catch {
    throw new GitContextError(`GITHUB_SERVER_URL is "${server}" (expected a URL such as https://github.com)`);
  }

  let ref = variables.GITHUB_REF ?? '';
  if (!ref.startsWith('refs/')) ref = `refs/heads/${ref}`;
  else if (ref.startsWith('refs/pull/') && runnerFlag(variables.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF)) {
    ref = ref.replace(/\/merge$/, '/head');
  }
  const commit =
    ref.startsWith('refs/pull/') && ref.endsWith('/head')
      ? (pullRequestHeadSha() ?? ref)
      : (given(variables.GITHUB_SHA) ?? ref);

  return {
    repositoryUrl: `${server}/${repository}.git`,
    commit,
    queryForm: runnerFlag(variables.BUILDX_SEND_GIT_QUERY_AS_INPUT),
    host,
  };
}

/** Whether a `context` input means the Git context: empty, or written with `{{defaultContext}}`. */
export function usesDefaultContext(text: string): boolean {
  return text === '' || containsDefaultContext(text);
}

export function containsDefaultContext(text: string): boolean {
  return new RegExp(DEFAULT_CONTEXT_TEMPLATE.source).test(text);
}
