// The Git context as buildx reads it: its URL for the builder's buildx, and `{{defaultContext}}` expanded in
// `context` and `build-contexts`. Pure.
import { buildxAtLeast } from './buildx-version.js';
import { DEFAULT_CONTEXT_TEMPLATE, type GitContextSource } from '../inputs/git-context.js';
import type { BuildOptions } from '../inputs/inputs.js';

/** The buildx release that reads the query form of a Git URL. */
const QUERY_FORM_BUILDX = '0.29.0';

/**
 * The Git context URL for this buildx: `…/REPO.git#<commit>[:<subdir>]`, or `…/REPO.git?ref=<commit>[&subdir=…]`
 * when the query form is asked for and this buildx reads it.
 */
export function formatGitContext(source: GitContextSource, buildxVersion: string, subdir = ''): string {
  const inSubdir = subdir !== '' && subdir !== '.';
  if (source.queryForm && buildxAtLeast(buildxVersion, QUERY_FORM_BUILDX)) {
    return `${source.repositoryUrl}?ref=${source.commit}${inSubdir ? `&subdir=${subdir}` : ''}`;
  }
  return `${source.repositoryUrl}#${source.commit}${inSubdir ? `:${subdir}` : ''}`;
}

/** `text` with each `{{defaultContext}}[:subdir]` replaced by the Git context (of that subdirectory). */
export function expandDefaultContext(text: string, source: GitContextSource, buildxVersion: string): string {
  return text.replace(DEFAULT_CONTEXT_TEMPLATE, (_match, subdir: string | undefined) =>
    formatGitContext(source, buildxVersion, subdir),
  );
}

/** `context` and `build-contexts` as buildx gets them: the Git context where they name it (empty or the template). */
export function buildContext(build: BuildOptions, buildxVersion: string): { context: string; buildContexts: string[] } {
  const { gitContext } = build;
  if (gitContext === undefined) return { context: build.context, buildContexts: build.buildContexts };
  const expand = (text: string): string => expandDefaultContext(text, gitContext, buildxVersion);
  return {
    context: build.context === '' ? formatGitContext(gitContext, buildxVersion) : expand(build.context),
    buildContexts: build.buildContexts.map(expand),
  };
}
