// A Sigstore bundle stored next to the image it is about, where cosign and gh look for it: an OCI artifact whose
// `subject` is the index, found through the referrers API, or, on a registry without that API, through the
// `sha256-<hex>` tag of the OCI 1.1 fallback, which @sigstore/oci keeps as an index of referrers.
import { attachArtifactToImage, type AttachArtifactOptions, type Credentials } from '@sigstore/oci';
import { messageWithCauses } from '../error-message.js';
import { formatName, type ImageName } from '../reference.js';
import type { Credential } from '../registry/credentials/credential.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../registry/http.js';
import { SIGSTORE_RETRY } from './retry-options.js';

export const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

export class ReferrerError extends Error {
  override name = 'ReferrerError';
}

/**
 * Stores `bundle` as a referrer of `digest` in `repository`, with `credential` (the registry's, or none); returns the
 * artifact manifest's digest.
 */
export async function attachBundle(
  repository: ImageName,
  digest: string,
  bundle: object,
  predicateType: string,
  credential: Credential | undefined,
): Promise<string> {
  const credentials = ociCredentials(credential);
  try {
    const descriptor = await attachArtifactToImage({
      imageName: formatName(repository),
      imageDigest: digest,
      artifact: Buffer.from(JSON.stringify(bundle)),
      mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
      // What cosign writes on the bundles it stores (its readers go by the layer's media type, not these).
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': predicateType,
      },
      // @sigstore/oci signs in only when given credentials (its type asks for them always): an anonymous
      // registry is written to as it is, since its sign-in fails on a registry that asks for none.
      ...(credentials === undefined ? {} : { credentials }),
      fetchOpts: {
        timeout: DEFAULT_REQUEST_TIMEOUT_MS,
        // Unset: @npmcli/agent reads https_proxy, no_proxy and the like itself.
        proxy: undefined,
        noProxy: undefined,
        retry: SIGSTORE_RETRY,
      },
    } as AttachArtifactOptions);
    return descriptor.digest;
  } catch (error) {
    throw new ReferrerError(`${formatName(repository)} did not take the bundle: ${messageWithCauses(error)}`, {
      cause: error,
    });
  }
}

/** A registry credential as @sigstore/oci takes it (a refresh token as the password). */
function ociCredentials(credential: Credential | undefined): Credentials | undefined {
  if (credential === undefined) return undefined;
  return credential.kind === 'password'
    ? { username: credential.username, password: credential.password }
    : { username: credential.username, password: credential.identityToken };
}
