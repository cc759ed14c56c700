// The in-toto statements this action signs about an index: cosign's signature statement (what `cosign verify`
// checks) and SLSA build provenance (what `gh attestation verify` and `cosign verify-attestation` check). Each
// names the index by digest in every repository it was pushed to. Pure.
import { formatName, type ImageName } from '../reference.js';

export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** cosign's predicate for a plain signature in its bundle format: "this digest is signed", nothing more. */
export const COSIGN_SIGNATURE_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';

export interface Subject {
  name: string;
  digest: Record<string, string>;
}

export interface Statement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: Subject[];
  predicateType: string;
  predicate: object;
}

/** The index under each repository's name, as actions/attest-build-provenance names an image's subject. */
export function indexSubjects(repositories: ImageName[], digest: string): Subject[] {
  const [algorithm, hex] = digest.split(':');
  if (algorithm === undefined || hex === undefined) throw new Error(`not a digest: ${digest}`);
  return repositories.map((repository) => ({ name: formatName(repository), digest: { [algorithm]: hex } }));
}

export function statement(subject: Subject[], predicateType: string, predicate: object): Statement {
  return { _type: IN_TOTO_STATEMENT_TYPE, subject, predicateType, predicate };
}
