export const id = 909;
export const ids = [909];
export const modules = {

/***/ 82909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  signIndex: () => (/* binding */ signIndex)
});

// UNUSED EXPORTS: UnsignedIndexError, liveServices

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/attest/lib/index.js + 39 modules
var lib = __webpack_require__(96171);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(86587);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
// EXTERNAL MODULE: ./src/signing/github-attestations.ts
var github_attestations = __webpack_require__(8306);
// EXTERNAL MODULE: ./node_modules/@sigstore/oci/dist/index.js
var dist = __webpack_require__(81057);
// EXTERNAL MODULE: ./src/registry/http.ts
var http = __webpack_require__(58851);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
;// CONCATENATED MODULE: ./src/signing/retry-options.ts
// The shared retry policy (retry.ts) in promise-retry's terms, which @sigstore/sign and @sigstore/oci retry with:
// 5xx, 408, 429 and network errors, with exponential backoff and jitter.

const SIGSTORE_RETRY = {
    retries: retry/* DEFAULT_RETRY_POLICY */.cO.maxAttempts - 1,
    factor: 2,
    minTimeout: retry/* DEFAULT_RETRY_POLICY */.cO.baseDelayMs,
    maxTimeout: retry/* DEFAULT_RETRY_POLICY */.cO.maxDelayMs,
    randomize: true,
};

;// CONCATENATED MODULE: ./src/signing/referrers.ts
// A Sigstore bundle stored next to the image it is about, where cosign and gh look for it: an OCI artifact whose
// `subject` is the index, found through the referrers API, or, on a registry without that API, through the
// `sha256-<hex>` tag of the OCI 1.1 fallback, which @sigstore/oci keeps as an index of referrers.





const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
class ReferrerError extends Error {
    name = 'ReferrerError';
}
/**
 * Stores `bundle` as a referrer of `digest` in `repository`, with `credential` (the registry's, or none); returns the
 * artifact manifest's digest.
 */
async function attachBundle(repository, digest, bundle, predicateType, credential) {
    const credentials = ociCredentials(credential);
    try {
        const descriptor = await (0,dist/* attachArtifactToImage */.Kg)({
            imageName: (0,reference/* formatName */.nD)(repository),
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
                timeout: http/* DEFAULT_REQUEST_TIMEOUT_MS */.Zc,
                // Unset: @npmcli/agent reads https_proxy, no_proxy and the like itself.
                proxy: undefined,
                noProxy: undefined,
                retry: SIGSTORE_RETRY,
            },
        });
        return descriptor.digest;
    }
    catch (error) {
        throw new ReferrerError(`${(0,reference/* formatName */.nD)(repository)} did not take the bundle: ${(0,error_message/* messageWithCauses */.O)(error)}`, {
            cause: error,
        });
    }
}
/** A registry credential as @sigstore/oci takes it (a refresh token as the password). */
function ociCredentials(credential) {
    if (credential === undefined)
        return undefined;
    return credential.kind === 'password'
        ? { username: credential.username, password: credential.password }
        : { username: credential.username, password: credential.identityToken };
}

// EXTERNAL MODULE: ./src/signing/settings.ts
var settings = __webpack_require__(87726);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(15179);
;// CONCATENATED MODULE: ./src/signing/sigstore.ts
// Keyless signing with @sigstore/sign: a fresh key, certified by Fulcio for the job's OIDC token, signs an in-toto
// statement in a DSSE envelope; Rekor and/or a timestamp authority witness it. The result is a Sigstore bundle (v0.3),
// what cosign, gh attestation and @sigstore/verify read. Nothing here stores the token or the key.






const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** The audience Fulcio accepts a token for. */
const SIGSTORE_AUDIENCE = 'sigstore';
class SigningError extends Error {
    name = 'SigningError';
}
/** Signs `statement` with `endpoints`' Fulcio and has their Rekor and/or timestamp authority witness it. */
async function signStatement(statement, endpoints) {
    const options = { timeout: http/* DEFAULT_REQUEST_TIMEOUT_MS */.Zc, retry: SIGSTORE_RETRY };
    const signer = new sign_dist/* FulcioSigner */.$o({
        // @actions/core's client: the runner's token request, with its proxy settings and retries.
        identityProvider: { getToken: () => core/* getIDToken */.V9(SIGSTORE_AUDIENCE) },
        fulcioBaseURL: endpoints.fulcioURL,
        ...options,
    });
    const witnesses = [];
    if (endpoints.rekorURL !== undefined) {
        witnesses.push(new sign_dist/* RekorWitness */.fU({ rekorBaseURL: endpoints.rekorURL, fetchOnConflict: true, ...options }));
    }
    if (endpoints.tsaServerURL !== undefined) {
        witnesses.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: endpoints.tsaServerURL, ...options }));
    }
    const builder = new sign_dist/* DSSEBundleBuilder */.VV({ signer, witnesses });
    try {
        const bundle = await builder.create({ data: Buffer.from(JSON.stringify(statement)), type: IN_TOTO_PAYLOAD_TYPE });
        return (0,bundle_dist.bundleToJSON)(bundle);
    }
    catch (error) {
        throw new SigningError(`Sigstore (${endpoints.name}) did not sign: ${(0,error_message/* messageWithCauses */.O)(error)}`, {
            cause: error,
        });
    }
}

;// CONCATENATED MODULE: ./src/signing/statements.ts
// The in-toto statements this action signs about an index: cosign's signature statement (what `cosign verify`
// checks) and SLSA build provenance (what `gh attestation verify` and `cosign verify-attestation` check). Each
// names the index by digest in every repository it was pushed to. Pure.

const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** cosign's predicate for a plain signature in its bundle format: "this digest is signed", nothing more. */
const COSIGN_SIGNATURE_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
/** The index under each repository's name, as actions/attest-build-provenance names an image's subject. */
function indexSubjects(repositories, digest) {
    const [algorithm, hex] = digest.split(':');
    if (algorithm === undefined || hex === undefined)
        throw new Error(`not a digest: ${digest}`);
    return repositories.map((repository) => ({ name: (0,reference/* formatName */.nD)(repository), digest: { [algorithm]: hex } }));
}
function statement(subject, predicateType, predicate) {
    return { _type: IN_TOTO_STATEMENT_TYPE, subject, predicateType, predicate };
}

;// CONCATENATED MODULE: ./src/signing/sign-index.ts
// Signing and attesting the index, between its verification and the first tag move: sign the statement, keep the
// bundle as a file, store it as a referrer of the index in every repository (and the attestation with GitHub).
// With sign: true or attest: true a failure throws, so no tag moves to an unsigned index; under sign: auto it is a
// warning, and the summary says the index is unsigned.











/** The real services for `signing`. */
function liveServices(signing) {
    const { github } = signing;
    return {
        sign: (signed) => signStatement(signed, signing.endpoints),
        attach: async (repository, digest, bundle, predicateType) => attachBundle(repository, digest, bundle, predicateType, await signing.transport.credential(repository.registry)),
        storeAttestation: github === undefined
            ? undefined
            : (bundle) => (0,github_attestations/* storeAttestation */.m)(signing.transport, github.access, github.repository, bundle),
        provenance: () => (0,lib/* buildSLSAProvenancePredicate */.W6)(signing.endpoints.oidcIssuer),
    };
}
class UnsignedIndexError extends Error {
    name = 'UnsignedIndexError';
}
/** Signs and attests the index as decided; throws where a failure must stop the publish. */
async function signIndex(signing, index, services = liveServices(signing)) {
    const record = {};
    const { decision } = signing;
    const { digest, repositories } = index;
    const subjects = indexSubjects(repositories, digest);
    if (decision.sign) {
        try {
            const signed = statement(subjects, COSIGN_SIGNATURE_PREDICATE_TYPE, {});
            record.signature = await signAndStore(services, index, signed, 'signature');
            core/* info */.pq(`Signed ${digest}: ${describeStored(record.signature)}`);
        }
        catch (error) {
            const why = `signing failed: ${(0,error_message/* errorMessage */.g)(error)}`;
            if (decision.signRequired)
                throw unsignedIndexError(why, repositories, digest);
            record.unsigned = why;
            core/* warning */.$e(`The index ${digest} is published unsigned (sign: auto): ${why}`);
        }
    }
    else {
        record.unsigned = (0,settings/* notSignedNote */.g)(decision);
    }
    if (decision.attest) {
        try {
            const predicate = await services.provenance();
            const attested = statement(subjects, predicate.type, predicate.params);
            record.attestation = await signAndStore(services, index, attested, 'provenance');
            core/* info */.pq(`Attested the build provenance of ${digest}: ${describeStored(record.attestation)}`);
        }
        catch (error) {
            throw unsignedIndexError(`attesting failed: ${(0,error_message/* errorMessage */.g)(error)}`, repositories, digest);
        }
    }
    return record;
}
/**
 * Signs, writes the bundle file, and stores it: in every repository, and, for provenance, with GitHub. A registry
 * that refuses it fails the signature; the attestation only when GitHub did not take it either.
 */
async function signAndStore(services, { digest, repositories, bundleDir }, signed, kind) {
    const bundle = await services.sign(signed);
    const bundlePath = (0,external_node_path_.join)(bundleDir, `${kind}.sigstore.json`);
    await (0,promises_.writeFile)(bundlePath, JSON.stringify(bundle));
    const stored = await Promise.allSettled(repositories.map((repository) => services.attach(repository, digest, bundle, signed.predicateType)));
    const refusals = stored.flatMap((result) => (result.status === 'rejected' ? [(0,error_message/* errorMessage */.g)(result.reason)] : []));
    const [first] = stored;
    const referrer = first?.status === 'fulfilled' ? { digest: first.value } : {};
    const githubId = kind === 'provenance' ? await storeWithGitHub(services, bundle) : undefined;
    if (refusals.length > 0) {
        if (kind === 'signature' || githubId === undefined)
            throw new Error(refusals.join('; '));
        core/* warning */.$e(`The attestation is stored with GitHub (id ${githubId}), not in the registry: ${refusals.join('; ')}`);
    }
    return { ...referrer, bundlePath, ...(githubId === undefined ? {} : { githubId }) };
}
/** GitHub's id for the stored attestation; undefined, with a warning, where the repository does not take it. */
async function storeWithGitHub(services, bundle) {
    if (services.storeAttestation === undefined) {
        core/* info */.pq('The attestation is not stored with GitHub: no github-token, or no GITHUB_REPOSITORY.');
        return undefined;
    }
    try {
        return await services.storeAttestation(bundle);
    }
    catch (error) {
        core/* warning */.$e(`GitHub did not store the attestation (the workflow needs "permissions: attestations: write", and the ` +
            `repository a plan with artifact attestations): ${(0,error_message/* errorMessage */.g)(error)}`);
        return undefined;
    }
}
function describeStored(stored) {
    const parts = [`bundle ${stored.bundlePath}`];
    if (stored.digest !== undefined)
        parts.push(`referrer ${stored.digest}`);
    if (stored.githubId !== undefined)
        parts.push(`GitHub attestation ${stored.githubId}`);
    return parts.join(', ');
}
/** Nothing is tagged: the index stays by digest, unsigned; the message says how to sign it by hand. */
function unsignedIndexError(why, repositories, digest) {
    const commands = repositories.map((repository) => `cosign sign --yes ${(0,reference/* formatName */.nD)(repository)}@${digest}`);
    return new UnsignedIndexError(`${why}. No tag was moved: the index ${digest} exists by digest, unsigned. To sign it by hand: ` +
        commands.join(' && '));
}


/***/ })

};
