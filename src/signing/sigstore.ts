// Keyless signing with @sigstore/sign: a fresh key, certified by Fulcio for the job's OIDC token, signs an in-toto
// statement in a DSSE envelope; Rekor and/or a timestamp authority witness it. The result is a Sigstore bundle (v0.3),
// what cosign, gh attestation and @sigstore/verify read. Nothing here stores the token or the key.
import * as core from '@actions/core';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import type { SigstoreEndpoints } from './settings.js';
import type { Statement } from './statements.js';
import { messageWithCauses } from '../error-message.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../registry/http.js';
import { SIGSTORE_RETRY } from './retry-options.js';

const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** The audience Fulcio accepts a token for. */
const SIGSTORE_AUDIENCE = 'sigstore';

export class SigningError extends Error {
  override name = 'SigningError';
}

/** Signs `statement` with `endpoints`' Fulcio and has their Rekor and/or timestamp authority witness it. */
export async function signStatement(statement: Statement, endpoints: SigstoreEndpoints): Promise<SerializedBundle> {
  const options = { timeout: DEFAULT_REQUEST_TIMEOUT_MS, retry: SIGSTORE_RETRY };
  const signer = new FulcioSigner({
    // @actions/core's client: the runner's token request, with its proxy settings and retries.
    identityProvider: { getToken: () => core.getIDToken(SIGSTORE_AUDIENCE) },
    fulcioBaseURL: endpoints.fulcioURL,
    ...options,
  });
  const witnesses: Witness[] = [];
  if (endpoints.rekorURL !== undefined) {
    witnesses.push(new RekorWitness({ rekorBaseURL: endpoints.rekorURL, fetchOnConflict: true, ...options }));
  }
  if (endpoints.tsaServerURL !== undefined) {
    witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaServerURL, ...options }));
  }
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  try {
    const bundle = await builder.create({ data: Buffer.from(JSON.stringify(statement)), type: IN_TOTO_PAYLOAD_TYPE });
    return bundleToJSON(bundle);
  } catch (error) {
    throw new SigningError(`Sigstore (${endpoints.name}) did not sign: ${messageWithCauses(error)}`, {
      cause: error,
    });
  }
}
