// How build-push-action and buildx read the runner's variables, in one place: an empty variable counts as unset, and
// a boolean is one of Go's strconv.ParseBool spellings.

/** A variable, where an empty one counts as unset. */
export function given(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** The GitHub server the runner names (GITHUB_SERVER_URL), github.com where it names none. */
export function githubServerUrl(variables: Readonly<Record<string, string | undefined>>): string {
  return given(variables.GITHUB_SERVER_URL) ?? 'https://github.com';
}

/** Go's strconv.ParseBool: true or false for its spellings, undefined for anything else. */
export function parseGoBool(value: string | undefined): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value ?? '')) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value ?? '')) return false;
  return undefined;
}

/** A flag variable as actions-toolkit's Util.parseBoolOrDefault reads it: true for Go's true spellings, else false. */
export function runnerFlag(value: string | undefined): boolean {
  return parseGoBool(value) === true;
}
