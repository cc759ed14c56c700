// The inputs as the runner passed them: the one place that reads them from the runner (and the event payload),
// masks what is secret before anything can print it, and says the inputs' warnings once.
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import type { Inputs } from './inputs.js';
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
  const inputs = parseInputs((name) => core.getInput(name, { trimWhitespace: false }), {
    variables: process.env,
    pullRequestHeadSha: () => pullRequestHeadSha(process.env.GITHUB_EVENT_PATH),
  });
  for (const warning of inputs.warnings) core.warning(warning);
  return inputs;
}

/** `pull_request.head.sha` of the event payload the runner wrote, as @actions/github reads it. */
function pullRequestHeadSha(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { head?: { sha?: unknown } } };
    const sha = event.pull_request?.head?.sha;
    return typeof sha === 'string' ? sha : undefined;
  } catch {
    return undefined;
  }
}
