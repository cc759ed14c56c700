// A private Sigstore for the lab, over HTTP on this machine: @sigstore/mock's Fulcio, Rekor and
// timestamp authority handlers behind one server, a fake GitHub OIDC token service and issuer (the runner's
// ACTIONS_ID_TOKEN_REQUEST_URL, and the issuer's discovery document and keys), and the trusted_root.json that
// describes them, which cosign and @sigstore/verify check a bundle against; and GitHub's artifact attestations API,
// which keeps what it is sent. Faults can be injected per service.
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fulcioHandler, initializeCA, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export type SigstoreService = 'fulcio' | 'rekor' | 'tsa';

/** The claims GitHub puts in a job's token (what @actions/attest requires for provenance), for one workflow run. */
export interface JobClaims {
  repository: string;
  ref: string;
  sha: string;
  workflowFile: string;
  runId: string;
}

export interface SigstoreLab {
  /** The `sigstore` input that points the action at this deployment. */
  sigstoreInput: string;
  /**
   * The runner's variables that let the step get a token (what `id-token: write` gives a job), and GITHUB_API_URL
   * pointing at the attestations API here.
   */
  env: Record<string, string>;
  trustedRootPath: string;
  /** Fulcio's root certificate as PEM: cosign 2.5 reads one from SIGSTORE_ROOT_FILE before it reads the trusted root. */
  fulcioRootPath: string;
  /** What the attestations API was sent: the repository in its path, the Authorization header, the bundle. */
  attestations: { repository: string; authorization: string; bundle: unknown }[];
  /** The certificate identity Fulcio gives the job: its workflow's URL at its ref, as for GitHub's tokens. */
  identity: string;
  issuer: string;
  /** Answer 503 to the next `count` requests to `service`. */
  failNext(service: SigstoreService, count: number): void;
  /** Answer 503 to every request to `service` from now on. */
  failAlways(service: SigstoreService): void;
  /** Requests each service got, by path. */
  requests: Record<SigstoreService | 'token', number>;
  close(): Promise<void>;
}

const SERVICE_PATHS: Record<string, SigstoreService> = {
  '/api/v2/signingCert': 'fulcio',
  '/api/v1/log/entries': 'rekor',
  '/api/v1/timestamp': 'tsa',
};

/** Starts the deployment on an ephemeral port; its trusted root is written into `dir`. */
export async function startSigstoreLab(dir: string, claims: JobClaims): Promise<SigstoreLab> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/oidc`;
  const identity = `https://github.com/${claims.repository}/${claims.workflowFile}@${claims.ref}`;

  const ecKeys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // No CT log: the SCT list @sigstore/mock 0.11 embeds is one neither @sigstore/core nor Go can parse, so Fulcio
  // here issues certificates without one, and the verifiers skip the SCT check (GitHub's and public-good's have one).
  const ca = await initializeCA(ecKeys());
  const tlog = await initializeTLog(base, ecKeys());
  // The mock's TSA writes genTime's milliseconds without trailing zeros (".12Z"), which @sigstore/core refuses (three
  // digits or none): its clock, read at each timestamp, is set to the whole second before each request.
  const tsaClock = new Date();
  const tsa = await initializeTSA(ecKeys(), tsaClock);
  // The mock takes the certificate's identity from one claim verbatim; GitHub's Fulcio builds the same URL from
  // job_workflow_ref.
  const handlers: Record<
    SigstoreService,
    (body: string) => Promise<{ statusCode: number; response: string | Buffer; contentType?: string }>
  > = {
    fulcio: fulcioHandler(ca, { subjectClaim: 'fulcio_identity' }).fn,
    rekor: async (body) => rekorHandler(tlog).fn(JSON.stringify(canonicalEntry(JSON.parse(body) as ProposedEntry))),
    tsa: (body) => {
      tsaClock.setTime(Math.floor(Date.now() / 1000) * 1000);
      return tsaHandler(tsa).fn(body);
    },
  };

  const signingKey = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(signingKey.publicKey)), kid: 'lab', alg: 'RS256', use: 'sig' };
  const requestToken = randomUUID();
  const faults: Record<SigstoreService, number> = { fulcio: 0, rekor: 0, tsa: 0 };
  const requests = { fulcio: 0, rekor: 0, tsa: 0, token: 0 };
  const attestations: SigstoreLab['attestations'] = [];

  const jobToken = (audience: string) =>
    new SignJWT({
      fulcio_identity: identity,
      repository: claims.repository,
      repository_owner: claims.repository.split('/')[0],
      repository_id: '1000',
      repository_owner_id: '2000',
      ref: claims.ref,
      sha: claims.sha,
      event_name: 'push',
      workflow_ref: `${claims.repository}/${claims.workflowFile}@${claims.ref}`,
      job_workflow_ref: `${claims.repository}/${claims.workflowFile}@${claims.ref}`,
      runner_environment: 'github-hosted',
      run_id: claims.runId,
      run_attempt: '1',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'lab' })
      .setIssuer(issuer)
      .setSubject(`repo:${claims.repository}:ref:${claims.ref}`)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(signingKey.privateKey);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void answer(request, Buffer.concat(chunks).toString('utf8'))
        .then(({ status, body, type }) => {
          response.writeHead(status, { 'content-type': type });
          response.end(body);
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(String(error));
        });
    });
  });

  async function answer(
    request: IncomingMessage,
    body: string,
  ): Promise<{ status: number; body: string | Buffer; type: string }> {
    const url = new URL(request.url ?? '/', base);
    const service = SERVICE_PATHS[url.pathname];
    if (service !== undefined && request.method === 'POST') {
      requests[service] += 1;
      if (faults[service] > 0) {
        faults[service] -= 1;
        return { status: 503, body: 'injected fault', type: 'text/plain' };
      }
      const result = await handlers[service](body);
      return { status: result.statusCode, body: result.response, type: result.contentType ?? 'text/plain' };
    }
    if (url.pathname === '/token') {
      requests.token += 1;
      if (request.headers.authorization !== `Bearer ${requestToken}`) {
        return { status: 401, body: 'bad request token', type: 'text/plain' };
      }
      const value = await jobToken(url.searchParams.get('audience') ?? 'https://github.com');
      return { status: 200, body: JSON.stringify({ value }), type: 'application/json' };
    }
    if (url.pathname === '/oidc/.well-known/openid-configuration') {
      return { status: 200, body: JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }), type: 'application/json' };
    }
    const attestationsPath = /^\/api\/repos\/([^/]+\/[^/]+)\/attestations$/.exec(url.pathname);
    if (attestationsPath?.[1] !== undefined && request.method === 'POST') {
      attestations.push({
        repository: attestationsPath[1],
        authorization: request.headers.authorization ?? '',
        bundle: (JSON.parse(body) as { bundle: unknown }).bundle,
      });
      return { status: 201, body: JSON.stringify({ id: attestations.length }), type: 'application/json' };
    }
    if (url.pathname === '/oidc/jwks') {
      return { status: 200, body: JSON.stringify({ keys: [jwk] }), type: 'application/json' };
    }
    return { status: 404, body: 'not found', type: 'text/plain' };
  }

  const trustedRootPath = join(dir, 'trusted_root.json');
  writeFileSync(trustedRootPath, JSON.stringify(trustedRoot(base, ca.rootCertificate, tlog.publicKey, tsa)));
  const fulcioRootPath = join(dir, 'fulcio-root.pem');
  const pemBody = ca.rootCertificate.toString('base64').replace(/.{64}/g, '$&\n');
  writeFileSync(fulcioRootPath, `-----BEGIN CERTIFICATE-----\n${pemBody}\n-----END CERTIFICATE-----\n`);

  return {
    sigstoreInput: `fulcio=${base},rekor=${base},tsa=${base},oidc-issuer=${issuer}`,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      GITHUB_API_URL: `${base}/api`,
    },
    trustedRootPath,
    fulcioRootPath,
    attestations,
    identity,
    issuer,
    failNext: (service, count) => {
      faults[service] = count;
    },
    failAlways: (service) => {
      faults[service] = Number.POSITIVE_INFINITY;
    },
    requests,
    close: () => closeServer(server),
  };
}

interface ProposedEntry {
  kind: string;
  apiVersion: string;
  spec: { proposedContent?: { envelope: string; verifiers: string[] } };
}

/**
 * A DSSE entry as Rekor stores it: the hashes and the signatures with their verifiers, not the proposed envelope
 * (which @sigstore/mock would log as it came, and which verifiers then do not find their signature in).
 */
function canonicalEntry(entry: ProposedEntry): object {
  const proposed = entry.spec.proposedContent;
  if (entry.kind !== 'dsse' || proposed === undefined) return entry;
  const envelope = JSON.parse(proposed.envelope) as { payload: string; signatures: { sig: string }[] };
  const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
  return {
    kind: 'dsse',
    apiVersion: '0.0.1',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(proposed.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map(({ sig }, index) => ({
        signature: sig,
        verifier: proposed.verifiers[index],
      })),
    },
  };
}

/** The deployment as a TrustedRoot (protobuf-specs' JSON form), valid from a minute ago. */
function trustedRoot(
  base: string,
  caRoot: Buffer,
  tlogKey: Buffer,
  tsa: { rootCertificate: Buffer; intCertificate: Buffer },
): object {
  const validFor = { start: new Date(Date.now() - 60_000).toISOString() };
  const b64 = (bytes: Buffer | ArrayBuffer) => Buffer.from(bytes as ArrayBuffer).toString('base64');
  const key = (rawBytes: Buffer | ArrayBuffer) => ({
    rawBytes: b64(rawBytes),
    keyDetails: 'PKIX_ECDSA_P256_SHA_256',
    validFor,
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: base,
        hashAlgorithm: 'SHA2_256',
        publicKey: key(tlogKey),
        logId: { keyId: b64(createHash('sha256').update(tlogKey).digest()) },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: base,
        certChain: { certificates: [{ rawBytes: b64(caRoot) }] },
        validFor,
      },
    ],
    ctlogs: [],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: base,
        certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
        validFor,
      },
    ],
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      resolve();
    });
  });
}
