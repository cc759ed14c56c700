// What to sign and attest, and with which Sigstore instance: the `sign`, `attest` and `sigstore` inputs read into
// settings, the rules that refuse a combination before anything is built, and the decision a run acts on. Pure.
import type { InputReader } from '../inputs/reader.js';
import { Input } from '../constants.js';
import { given } from '../runner-variables.js';

export const SIGN_MODES = ['auto', 'true', 'false'] as const;
export type SignMode = (typeof SIGN_MODES)[number];

/** A Sigstore deployment's services, by their base URLs, as @sigstore/sign's signer and witnesses take them. */
export interface SigstoreEndpoints {
  /** For messages: public-good, github, or the Fulcio URL of a private deployment. */
  name: string;
  fulcioURL: string;
  rekorURL?: string;
  tsaServerURL?: string;
  /** The issuer the job's token is checked against for provenance; GitHub's for the server where absent. */
  oidcIssuer?: string;
}

/** `sigstore`: as @actions/attest chooses (auto), one of its two instances, or a private deployment's URLs. */
export type SigstoreChoice =
  { kind: 'auto' | 'public-good' | 'github' } | { kind: 'custom'; endpoints: SigstoreEndpoints };

export interface SigningInputs {
  sign: SignMode;
  attest: boolean;
  sigstore: SigstoreChoice;
  /** The runner can mint an OIDC token for the job: the workflow grants `id-token: write`. */
  oidcTokenAvailable: boolean;
  /** `repository.visibility` of the event payload is public: @actions/attest then uses the public-good instance. */
  publicRepository: boolean;
}

/** What the run does: sign (and whether a failure fails the step), attest, or why it does not sign. */
export interface SigningDecision {
  sign: boolean;
  /** sign: true: a signing failure fails the step before any tag moves; under auto it is a warning. */
  signRequired: boolean;
  attest: boolean;
  /** Why sign: auto does not sign, for the log and the summary. */
  notSigning?: string;
}

const ID_TOKEN_PERMISSION = 'grant the job "permissions: id-token: write"';

// Where @actions/attest 3 sends its requests (its endpoints.ts): public repositories to the public-good instance,
// others to GitHub's, whose host is the server's (githubapp.com for github.com).
const PUBLIC_GOOD: SigstoreEndpoints = {
  name: 'public-good',
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev',
};

const CUSTOM_KEYS = ['fulcio', 'rekor', 'tsa', 'oidc-issuer'] as const;
const CUSTOM_FORM = 'auto, public-good, github, or fulcio=URL,rekor=URL,tsa=URL[,oidc-issuer=URL]';

/** The three inputs, read in their forms; the runner's variables say whether a token can be had. */
export function readSigningInputs(
  reader: InputReader,
  variables: Readonly<Record<string, string | undefined>>,
  publicRepository: boolean,
): SigningInputs {
  return {
    sign: reader.oneOf(Input.Sign, SIGN_MODES),
    attest: reader.boolean(Input.Attest),
    sigstore: parseSigstore(reader.text(Input.Sigstore), reader.problems),
    // What @actions/core's getIDToken needs: the runner sets both only where the job may have a token.
    oidcTokenAvailable:
      given(variables.ACTIONS_ID_TOKEN_REQUEST_URL) !== undefined &&
      given(variables.ACTIONS_ID_TOKEN_REQUEST_TOKEN) !== undefined,
    publicRepository,
  };
}

function parseSigstore(value: string, problems: string[]): SigstoreChoice {
  if (value === 'auto' || value === 'public-good' || value === 'github') return { kind: value };
  const entries = value.split(',').map((entry) => entry.trim());
  const urls = new Map<string, string>();
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    const key = entry.slice(0, separator);
    if (separator < 0 || !(CUSTOM_KEYS as readonly string[]).includes(key) || urls.has(key)) {
      problems.push(`"sigstore" has "${entry}" (expected ${CUSTOM_FORM})`);
      return { kind: 'auto' };
    }
    const url = entry.slice(separator + 1);
    const problem = urlProblem(url);
    if (problem !== undefined) {
      problems.push(`"sigstore" has ${key}=${url}, ${problem}`);
      return { kind: 'auto' };
    }
    urls.set(key, url.replace(/\/+$/, ''));
  }
  const fulcioURL = urls.get('fulcio');
  if (fulcioURL === undefined || (!urls.has('rekor') && !urls.has('tsa'))) {
    problems.push(
      `"sigstore" is "${value}" (expected ${CUSTOM_FORM}: a private deployment needs fulcio and at least one of ` +
        'rekor and tsa, which vouch for when the short-lived certificate signed)',
    );
    return { kind: 'auto' };
  }
  const optional = (key: string, name: keyof SigstoreEndpoints): Partial<SigstoreEndpoints> => {
    const url = urls.get(key);
    return url === undefined ? {} : { [name]: url };
  };
  return {
    kind: 'custom',
    endpoints: {
      name: fulcioURL,
      fulcioURL,
      ...optional('rekor', 'rekorURL'),
      ...optional('tsa', 'tsaServerURL'),
      ...optional('oidc-issuer', 'oidcIssuer'),
    },
  };
}

/** The job's OIDC token goes to Fulcio: over HTTPS, or plain HTTP to this machine only. */
function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'which is not a URL (expected https://HOST[/PATH])';
  }
  if (url.protocol === 'https:') return undefined;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && loopback) return undefined;
  return "which is not https (expected https://HOST[/PATH]: the job's token is sent there; http only to localhost)";
}

/** Problems of the combination, before anything is built: each names the input and what to set. */
export function signingProblems(
  signing: SigningInputs,
  { push, publish, mode }: { push: boolean; publish: string; mode: string },
): string[] {
  const problems: string[] = [];
  for (const [name, asked] of [
    [Input.Sign, signing.sign === 'true'],
    [Input.Attest, signing.attest],
  ] as const) {
    if (!asked || mode === 'plan') continue;
    if (!push) {
      problems.push(`"${name}" is true but "push" is false (expected push: true: what is signed is the pushed index)`);
    } else if (publish === 'false' && mode !== 'shard') {
      problems.push(
        `"${name}" is true but "publish" is false (expected publish: post or main: only what is published is signed)`,
      );
    } else if (!signing.oidcTokenAvailable) {
      // A shard signs nothing, but checks for the grant the merge signs with: nothing is built for an index that
      // could not be signed.
      problems.push(
        `"${name}" is true but the job has no OIDC token (expected the workflow to ${ID_TOKEN_PERMISSION}: ` +
          'Sigstore certifies the key with it)',
      );
    }
  }
  return problems;
}

/**
 * What a run does with the index it publishes. Nothing without push; shards never sign: their images are signed
 * through the merge's index. `auto` signs when there is something to publish and a token to sign with.
 */
export function signingDecision(
  signing: SigningInputs,
  { push, publish, mode }: { push: boolean; publish: string; mode: string },
): SigningDecision {
  if (!push || mode === 'shard' || mode === 'plan') return { sign: false, signRequired: false, attest: false };
  const { attest } = signing;
  if (signing.sign === 'false') return { sign: false, signRequired: false, attest };
  if (signing.sign === 'true') return { sign: true, signRequired: true, attest };
  if (publish === 'false') return { sign: false, signRequired: false, attest, notSigning: 'publish is false' };
  if (!signing.oidcTokenAvailable) {
    return {
      sign: false,
      signRequired: false,
      attest,
      notSigning: `the job has no OIDC token (to sign, ${ID_TOKEN_PERMISSION})`,
    };
  }
  return { sign: true, signRequired: false, attest };
}

/** What the summary says of an index that sign: auto chose not to sign; nothing when it signs or was told not to. */
export function notSignedNote(decision: SigningDecision): string | undefined {
  return decision.notSigning === undefined ? undefined : `not signed: ${decision.notSigning}`;
}

/** The Sigstore instance: as @actions/attest chooses under auto (public repositories: public-good). */
export function sigstoreEndpoints(
  choice: SigstoreChoice,
  publicRepository: boolean,
  serverUrl: string,
): SigstoreEndpoints {
  if (choice.kind === 'custom') return choice.endpoints;
  const kind = choice.kind === 'auto' ? (publicRepository ? 'public-good' : 'github') : choice.kind;
  if (kind === 'public-good') return PUBLIC_GOOD;
  const serverHost = new URL(serverUrl).hostname;
  const host = serverHost === 'github.com' ? 'githubapp.com' : serverHost;
  return { name: 'github', fulcioURL: `https://fulcio.${host}`, tsaServerURL: `https://timestamp.${host}` };
}
