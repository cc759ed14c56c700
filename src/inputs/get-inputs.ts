// The inputs as the runner passed them: the one place that reads them from the runner (and the event payload),
// masks what is secret before anything can print it, and says the inputs' warnings once.
import { existsSync, readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { InputError, type Inputs } from './inputs.js';
import { parseInputs, secretPieces } from './parse.js';
import { Input } from '../constants.js';

/**
 * The inputs as the runner passed them, untrimmed (as build-push-action reads secrets); the GitHub token is masked
 * before anything can print it, and the warnings are said once.
 */
export function getInputs(): Inputs {
  const token = core.getInput(Input.GithubToken);
  if (token !== '') core.setSecret(token);
  for (const piece of secretPieces(core.getInput(Input.Secrets, { trimWhitespace: false }))) core.setSecret(piece);
  // Read once: every run asks it for the repository's visibility and default branch.
  const payload = eventPayload(process.env.GITHUB_EVENT_PATH);
  const inputs = parseInputs((name) => core.getInput(name, { trimWhitespace: false }), {
    variables: process.env,
    pullRequestHeadSha: () => {
      const sha = payload?.pull_request?.head?.sha;
      return typeof sha === 'string' ? sha : undefined;
    },
    repositoryPrivate: () => {
      const isPrivate = payload?.repository?.private;
      return typeof isPrivate === 'boolean' ? isPrivate : undefined;
    },
    // As @actions/attest chooses its Sigstore instance: only a repository the payload calls public is public.
    repositoryPublic: () => payload?.repository?.visibility === 'public',
    defaultBranch: () => defaultBranchOf(payload),
  });
  if (inputs.mode !== 'merge' && inputs.mode !== 'plan') {
    const problems = missingSecretFiles(inputs.build.secretFiles, existsSync);
    if (problems.length > 0) throw new InputError(problems);
  }
  for (const warning of inputs.warnings) core.warning(warning);
  return inputs;
}

/**
 * `secret-files` entries whose file is missing: refused before anything is built (build-push-action skips them with
 * a warning, and a build that silently lacks its secret is worse). Paths are the step's, as buildx reads them.
 */
export function missingSecretFiles(entries: string[], exists: (path: string) => boolean): string[] {
  return entries.flatMap((entry) => {
    const separator = entry.indexOf('=');
    const [id, path] = [entry.slice(0, separator), entry.slice(separator + 1)];
    return exists(path)
      ? []
      : [`"secret-files": the file of secret "${id}", ${path}, does not exist (expected id=path)`];
  });
}

interface EventPayload {
  pull_request?: { head?: { sha?: unknown } };
  repository?: { private?: unknown; visibility?: unknown; default_branch?: unknown };
}

/** The repository's default branch as the event payload names it; unknown when it names none. */
export function defaultBranchOf(payload: EventPayload | undefined): string | undefined {
  const name = payload?.repository?.default_branch;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The event payload the runner wrote, as @actions/github reads it; none outside a runner. */
function eventPayload(eventPath: string | undefined): EventPayload | undefined {
  if (!eventPath) return undefined;
  try {
    return JSON.parse(readFileSync(eventPath, 'utf8')) as EventPayload;
  } catch {
    return undefined;
  }
}
