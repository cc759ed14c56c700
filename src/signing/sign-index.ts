// Signing and attesting the index, between its verification and the first tag move: sign the statement, keep the
// bundle as a file, store it as a referrer of the index in every repository (and the attestation with GitHub).
// With sign: true or attest: true a failure throws, so no tag moves to an unsigned index; under sign: auto it is a
// warning, and the summary says the index is unsigned.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSLSAProvenancePredicate } from '@actions/attest';
import * as core from '@actions/core';
import type { SerializedBundle } from '@sigstore/bundle';
import { errorMessage } from '../error-message.js';
import { formatName, type ImageName } from '../reference.js';
import type { GitHubApiAccess } from '../registry/github-api.js';
import type { Transport } from '../registry/transport.js';
import { storeAttestation, type GitHubRepository } from './github-attestations.js';
import { attachBundle } from './referrers.js';
import { notSignedNote, type SigningDecision, type SigstoreEndpoints } from './settings.js';
import { signStatement } from './sigstore.js';
import { COSIGN_SIGNATURE_PREDICATE_TYPE, indexSubjects, statement, type Statement } from './statements.js';

/** What signing left, for the outputs and post's summary. No token, no key: only digests, paths and reasons. */
export interface SigningRecord {
  signature?: StoredBundle;
  /** Why the index is not signed (sign: auto), or why signing failed. */
  unsigned?: string;
  attestation?: StoredAttestation;
}

export interface StoredBundle {
  /** The referrer's manifest digest in the first repository; absent when no registry took it. */
  digest?: string;
  bundlePath: string;
}

export interface StoredAttestation extends StoredBundle {
  /** GitHub's id for it, where GitHub's attestations API took it. */
  githubId?: string;
}

export interface IndexSigning {
  decision: SigningDecision;
  endpoints: SigstoreEndpoints;
  /**
   * The registry client's HTTP path: its credentials (asked of the docker config once per registry) go to the
   * referrers' registries, and the GitHub API call goes through it.
   */
  transport: Transport;
  /** Where the attestation goes at GitHub; undefined without a github-token or outside a workflow. */
  github: { access: GitHubApiAccess; repository: GitHubRepository } | undefined;
}

/** The index to sign: its digest, the repositories it was pushed to, and where its bundles' files go. */
export interface IndexToSign {
  digest: string;
  repositories: ImageName[];
  bundleDir: string;
}

/** The services signing talks to (fakes in unit tests): Sigstore, each registry, GitHub's attestations API. */
export interface SigningServices {
  sign: (signed: Statement) => Promise<SerializedBundle>;
  /** Stores the bundle as a referrer of `digest`; returns the referrer's digest. */
  attach: (repository: ImageName, digest: string, bundle: SerializedBundle, predicateType: string) => Promise<string>;
  /** Stores an attestation with GitHub; returns its id. Undefined where there is no token or repository. */
  storeAttestation: ((bundle: SerializedBundle) => Promise<string>) | undefined;
  /** The SLSA build provenance predicate of the run, from the job's token (@actions/attest). */
  provenance: () => Promise<{ type: string; params: object }>;
}

/** The real services for `signing`. */
export function liveServices(signing: IndexSigning): SigningServices {
  const { github } = signing;
  return {
    sign: (signed) => signStatement(signed, signing.endpoints),
    attach: async (repository, digest, bundle, predicateType) =>
      attachBundle(repository, digest, bundle, predicateType, await signing.transport.credential(repository.registry)),
    storeAttestation:
      github === undefined
        ? undefined
        : (bundle) => storeAttestation(signing.transport, github.access, github.repository, bundle),
    provenance: () => buildSLSAProvenancePredicate(signing.endpoints.oidcIssuer),
  };
}

export class UnsignedIndexError extends Error {
  override name = 'UnsignedIndexError';
}

/** Signs and attests the index as decided; throws where a failure must stop the publish. */
export async function signIndex(
  signing: IndexSigning,
  index: IndexToSign,
  services: SigningServices = liveServices(signing),
): Promise<SigningRecord> {
  const record: SigningRecord = {};
  const { decision } = signing;
  const { digest, repositories } = index;
  const subjects = indexSubjects(repositories, digest);
  if (decision.sign) {
    try {
      const signed = statement(subjects, COSIGN_SIGNATURE_PREDICATE_TYPE, {});
      record.signature = await signAndStore(services, index, signed, 'signature');
      core.info(`Signed ${digest}: ${describeStored(record.signature)}`);
    } catch (error) {
      const why = `signing failed: ${errorMessage(error)}`;
      if (decision.signRequired) throw unsignedIndexError(why, repositories, digest);
      record.unsigned = why;
      core.warning(`The index ${digest} is published unsigned (sign: auto): ${why}`);
    }
  } else {
    record.unsigned = notSignedNote(decision);
  }
  if (decision.attest) {
    try {
      const predicate = await services.provenance();
      const attested = statement(subjects, predicate.type, predicate.params);
      record.attestation = await signAndStore(services, index, attested, 'provenance');
      core.info(`Attested the build provenance of ${digest}: ${describeStored(record.attestation)}`);
    } catch (error) {
      throw unsignedIndexError(`attesting failed: ${errorMessage(error)}`, repositories, digest);
    }
  }
  return record;
}

/**
 * Signs, writes the bundle file, and stores it: in every repository, and, for provenance, with GitHub. A registry
 * that refuses it fails the signature; the attestation only when GitHub did not take it either.
 */
async function signAndStore(
  services: SigningServices,
  { digest, repositories, bundleDir }: IndexToSign,
  signed: Statement,
  kind: 'signature' | 'provenance',
): Promise<StoredAttestation> {
  const bundle = await services.sign(signed);
  const bundlePath = join(bundleDir, `${kind}.sigstore.json`);
  await writeFile(bundlePath, JSON.stringify(bundle));
  const stored = await Promise.allSettled(
    repositories.map((repository) => services.attach(repository, digest, bundle, signed.predicateType)),
  );
  const refusals = stored.flatMap((result) => (result.status === 'rejected' ? [errorMessage(result.reason)] : []));
  const [first] = stored;
  const referrer = first?.status === 'fulfilled' ? { digest: first.value } : {};
  const githubId = kind === 'provenance' ? await storeWithGitHub(services, bundle) : undefined;
  if (refusals.length > 0) {
    if (kind === 'signature' || githubId === undefined) throw new Error(refusals.join('; '));
    core.warning(`The attestation is stored with GitHub (id ${githubId}), not in the registry: ${refusals.join('; ')}`);
  }
  return { ...referrer, bundlePath, ...(githubId === undefined ? {} : { githubId }) };
}

/** GitHub's id for the stored attestation; undefined, with a warning, where the repository does not take it. */
async function storeWithGitHub(services: SigningServices, bundle: SerializedBundle): Promise<string | undefined> {
  if (services.storeAttestation === undefined) {
    core.info('The attestation is not stored with GitHub: no github-token, or no GITHUB_REPOSITORY.');
    return undefined;
  }
  try {
    return await services.storeAttestation(bundle);
  } catch (error) {
    core.warning(
      `GitHub did not store the attestation (the workflow needs "permissions: attestations: write", and the ` +
        `repository a plan with artifact attestations): ${errorMessage(error)}`,
    );
    return undefined;
  }
}

function describeStored(stored: StoredAttestation): string {
  const parts = [`bundle ${stored.bundlePath}`];
  if (stored.digest !== undefined) parts.push(`referrer ${stored.digest}`);
  if (stored.githubId !== undefined) parts.push(`GitHub attestation ${stored.githubId}`);
  return parts.join(', ');
}

/** Nothing is tagged: the index stays by digest, unsigned; the message says how to sign it by hand. */
function unsignedIndexError(why: string, repositories: ImageName[], digest: string): UnsignedIndexError {
  const commands = repositories.map((repository) => `cosign sign --yes ${formatName(repository)}@${digest}`);
  return new UnsignedIndexError(
    `${why}. No tag was moved: the index ${digest} exists by digest, unsigned. To sign it by hand: ` +
      commands.join(' && '),
  );
}
