// Issue 25, signing and attesting, end to end against the lab and a private Sigstore on this machine (mock Fulcio,
// Rekor and timestamp authority, a fake OIDC token service, GitHub's attestations API): the step signs the
// two-platform index and attests its provenance before any tag moves; the bundles are referrers of the index in the
// registry, and verify against the deployment's trusted root with @sigstore/verify and with Debian's cosign. A
// signing failure under sign: true publishes nothing; under sign: auto the index is published, said to be unsigned.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import type { ImageName } from '../../src/reference.js';
import { RegistryClient } from '../../src/registry/client.js';
import { DockerConfigCredentials } from '../../src/registry/credentials/docker-config.js';
import { attachBundle } from '../../src/signing/referrers.js';
import { describeWithLab, lab } from './lab.js';
import { archContext, dockerConfig, listTags, resolve, uniqueRepository } from './probe.js';
import { copyBusybox } from './support/busybox.js';
import { fetchBlob, fetchManifest } from './support/registry-inspect.js';
import { startSigstoreLab, type SigstoreLab } from './support/sigstore-lab.js';
import { startTokenRegistry, type TokenRegistry } from './support/token-registry.js';
import {
  BOTH_PLATFORMS,
  expectSucceeded,
  runShardsThenMerge,
  runStep,
  stepLog,
  type StepResult,
} from './support/steps.js';

const COSIGN_SIGNATURE = 'https://sigstore.dev/cosign/sign/v1';
const SLSA_PROVENANCE = 'https://slsa.dev/provenance/v1';
const CLAIMS = {
  repository: 'local/multiarch-build',
  ref: 'refs/heads/main',
  sha: 'a'.repeat(40),
  workflowFile: '.github/workflows/release.yml',
  runId: '4242',
};
const COSIGN = spawnSync('cosign', ['version'], { encoding: 'utf8' }).status === 0;

interface Referrer {
  digest: string;
  artifactType: string;
  bundle: SerializedBundle;
}

/** The referrers of `digest`, as the OCI 1.1 fallback tag lists them (the lab's registries have no referrers API). */
async function referrersOf(repository: string, digest: string, registry = lab.registry): Promise<Referrer[]> {
  const listing = await fetchManifest(repository, digest.replace(':', '-'), registry);
  const manifests = (listing?.json.manifests ?? []) as { digest: string; artifactType?: string }[];
  return Promise.all(
    manifests.map(async ({ digest: referrer, artifactType }) => {
      const manifest = await fetchManifest(repository, referrer, registry);
      const [layer] = manifest?.json.layers ?? [];
      if (!layer) throw new Error(`referrer ${referrer} has no layer`);
      const blob = await fetchBlob(repository, layer.digest, registry);
      const bundle = JSON.parse(blob.toString('utf8')) as SerializedBundle;
      return { digest: referrer, artifactType: artifactType ?? '', bundle };
    }),
  );
}

/** The in-toto statement of a bundle, once @sigstore/verify accepted it for the lab's identity and issuer. */
function verifiedStatement(
  sigstore: SigstoreLab,
  bundle: SerializedBundle,
): { subject: unknown[]; predicateType: string; predicate: Record<string, unknown> } {
  const trustedRoot = TrustedRoot.fromJSON(JSON.parse(readFileSync(sigstore.trustedRootPath, 'utf8')));
  const verifier = new Verifier(toTrustMaterial(trustedRoot), { tlogThreshold: 1, ctlogThreshold: 0, tsaThreshold: 1 });
  const parsed = bundleFromJSON(bundle);
  verifier.verify(toSignedEntity(parsed), {
    subjectAlternativeName: sigstore.identity,
    extensions: { issuer: sigstore.issuer },
  });
  if (parsed.content.$case !== 'dsseEnvelope') throw new Error('not a DSSE bundle');
  return JSON.parse(parsed.content.dsseEnvelope.payload.toString('utf8')) as ReturnType<typeof verifiedStatement>;
}

/**
 * Debian's cosign 2.5 checks a bundle of the image through verify-attestation (its verify reads no bundle; 2.6 and
 * later verify the same bundles with `cosign verify`). Returns the predicate types of the statements it verified.
 */
function cosignVerify(sigstore: SigstoreLab, image: string, predicateType: string): string[] {
  const stdout = execFileSync(
    'cosign',
    [
      'verify-attestation',
      '--new-bundle-format',
      '--trusted-root',
      sigstore.trustedRootPath,
      '--certificate-identity',
      sigstore.identity,
      '--certificate-oidc-issuer',
      sigstore.issuer,
      // The lab's Fulcio issues certificates without an SCT (sigstore-lab.ts).
      '--insecure-ignore-sct',
      '--type',
      predicateType,
      image,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, SIGSTORE_ROOT_FILE: sigstore.fulcioRootPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // One DSSE envelope per verified bundle, one per line.
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const envelope = JSON.parse(line) as { payload: string };
      return (JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { predicateType: string })
        .predicateType;
    });
}

describeWithLab('signing and attesting the published index', () => {
  let dir: string;
  let sigstore: SigstoreLab;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'e2e-sigstore-'));
    sigstore = await startSigstoreLab(dir, CLAIMS);
  });

  afterAll(async () => {
    await sigstore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signingInputs = (extra: Record<string, string> = {}) => ({
    platforms: BOTH_PLATFORMS,
    context: archContext(),
    provenance: 'false',
    sigstore: sigstore.sigstoreInput,
    ...extra,
  });
  const signingEnv = () => ({ ...sigstore.env, GITHUB_SERVER_URL: 'https://github.com' });

  /** A step run while Fulcio answers every request with 503; it answers again afterwards. */
  async function runWithFulcioDown(inputs: Record<string, string>): Promise<StepResult> {
    sigstore.failAlways('fulcio');
    try {
      return await runStep(signingInputs(inputs), { env: signingEnv() });
    } finally {
      sigstore.failNext('fulcio', 0);
    }
  }

  describe('sign: true, attest: true, two platforms, Fulcio failing twice first', () => {
    const repository = uniqueRepository('signing');
    const image = `${lab.registry}/${repository}`;
    let run: StepResult;
    let referrers: Referrer[];
    let fulcioRequests: number;

    beforeAll(async () => {
      const before = sigstore.requests.fulcio;
      sigstore.failNext('fulcio', 2);
      run = await runStep(
        signingInputs({ tags: `${image}:latest`, sign: 'true', attest: 'true', 'github-token': 'lab-github-token' }),
        {
          env: signingEnv(),
        },
      );
      fulcioRequests = sigstore.requests.fulcio - before;
      referrers = run.outputs.digest ? await referrersOf(repository, run.outputs.digest) : [];
    });

    test('main and post succeed; the tag points at the index; Fulcio was asked again after its two failures', async () => {
      expectSucceeded(run);
      expect(await resolve(repository, 'latest')).toBe(run.outputs.digest);
      // Two 503s, then one certificate for the signature and one for the attestation.
      expect(fulcioRequests).toBe(4);
    });

    test('the index has two referrers: the signature and the provenance, whose digests are the outputs', () => {
      const byType = Object.fromEntries(referrers.map((referrer) => [referrer.artifactType, referrer.digest]));
      expect(byType).toEqual({
        'application/vnd.dev.sigstore.bundle.v0.3+json': expect.any(String) as string,
      });
      expect(referrers.map((referrer) => referrer.digest).sort()).toEqual(
        [run.outputs['signature-digest'], run.outputs['attestation-digest']].sort(),
      );
    });

    test('both bundles verify with @sigstore/verify against the trusted root, for the workflow identity', () => {
      const statements = referrers.map((referrer) => verifiedStatement(sigstore, referrer.bundle));
      expect(statements.map((statement) => statement.predicateType).sort()).toEqual([
        COSIGN_SIGNATURE,
        SLSA_PROVENANCE,
      ]);
      for (const statement of statements) {
        expect(statement.subject).toEqual([
          { name: image, digest: { sha256: run.outputs.digest?.slice('sha256:'.length) } },
        ]);
      }
    });

    test("the provenance is the run's, as actions/attest-build-provenance builds it", () => {
      const provenance = referrers
        .map((referrer) => verifiedStatement(sigstore, referrer.bundle))
        .find((statement) => statement.predicateType === SLSA_PROVENANCE);
      expect(provenance?.predicate).toMatchObject({
        buildDefinition: {
          buildType: 'https://actions.github.io/buildtypes/workflow/v1',
          externalParameters: {
            workflow: {
              ref: CLAIMS.ref,
              repository: `https://github.com/${CLAIMS.repository}`,
              path: CLAIMS.workflowFile,
            },
          },
          resolvedDependencies: [{ digest: { gitCommit: CLAIMS.sha } }],
        },
        runDetails: { builder: { id: `https://github.com/${CLAIMS.repository}/${CLAIMS.workflowFile}@${CLAIMS.ref}` } },
      });
    });

    test("GitHub's attestations API got the provenance bundle; its id is the attestation-id output", () => {
      const provenance = referrers.find(
        (referrer) => verifiedStatement(sigstore, referrer.bundle).predicateType === SLSA_PROVENANCE,
      );
      // The fake API's ids are 1, 2, … in the order it was sent bundles.
      const stored = sigstore.attestations.flatMap(({ repository: repo, authorization, bundle }, index) =>
        JSON.stringify(bundle) === JSON.stringify(provenance?.bundle)
          ? [{ repo, authorization, id: String(index + 1) }]
          : [],
      );
      expect(stored).toEqual([
        { repo: CLAIMS.repository, authorization: 'token lab-github-token', id: run.outputs['attestation-id'] },
      ]);
    });

    (COSIGN ? test : test.skip)(
      "Debian's cosign verifies the signature and the provenance on the published tag",
      () => {
        expect(cosignVerify(sigstore, `${image}:latest`, COSIGN_SIGNATURE)).toEqual([COSIGN_SIGNATURE]);
        expect(cosignVerify(sigstore, `${image}:latest`, 'slsaprovenance1')).toEqual([SLSA_PROVENANCE]);
      },
    );

    test('the summary says the index is signed and attested, and names the bundles', () => {
      expect(run.summary).toContain(`**Signed:** signature referrer \`${run.outputs['signature-digest']}\``);
      expect(run.summary).toContain('**Provenance attested:** attestation referrer');
      expect(stepLog(run)).not.toContain(sigstore.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    });
  });

  test('sign: true with Fulcio down: the step fails, nothing is tagged, and it says how to sign by hand', async () => {
    const repository = uniqueRepository('signing-down');
    const image = `${lab.registry}/${repository}`;
    const run = await runWithFulcioDown({ tags: `${image}:latest`, sign: 'true' });
    expect(run.main.exitCode).toBe(1);
    expect(stepLog(run)).toMatch(/No tag was moved: the index sha256:[a-f0-9]{64} exists by digest, unsigned/);
    expect(stepLog(run)).toContain(`cosign sign --yes ${image}@sha256:`);
    expect(await listTags(repository)).toEqual([]);
    expect(run.summary).toContain('**Unsigned:**');
  });

  test('sign: auto with Fulcio down: published, with a warning and a summary that say it is unsigned', async () => {
    const repository = uniqueRepository('signing-auto-down');
    const image = `${lab.registry}/${repository}`;
    const run = await runWithFulcioDown({ tags: `${image}:latest` });
    expectSucceeded(run);
    expect(await listTags(repository)).toEqual(['latest']);
    expect(run.main.stdout).toMatch(/^::warning::The index sha256:[a-f0-9]{64} is published unsigned \(sign: auto\)/m);
    expect(run.summary).toContain('**Unsigned:** signing failed');
    expect(run.outputs['signature-digest']).toBeUndefined();
  });

  test('shard and merge: only the merge signs, and the index verifies', async () => {
    const repository = uniqueRepository('signing-merge');
    const image = `${lab.registry}/${repository}`;
    const before = sigstore.requests.fulcio;
    const { shards, merge } = await runShardsThenMerge(
      {
        tags: `${image}:latest`,
        context: archContext(),
        provenance: 'false',
        sign: 'true',
        sigstore: sigstore.sigstoreInput,
      },
      { env: signingEnv() },
    );
    for (const shard of shards) {
      expectSucceeded(shard);
      expect(shard.outputs['signature-digest']).toBeUndefined();
    }
    expectSucceeded(merge);
    expect(sigstore.requests.fulcio - before).toBe(1);
    const referrers = await referrersOf(repository, merge.outputs.digest ?? '');
    expect(referrers.map(({ digest }) => digest)).toEqual([merge.outputs['signature-digest']]);
    const statements = referrers.map(({ bundle }) => verifiedStatement(sigstore, bundle).predicateType);
    expect(statements).toEqual([COSIGN_SIGNATURE]);
  });

  test("a registry behind basic auth: the referrer goes there with the docker config's credentials", async () => {
    const repository = uniqueRepository('signing-basic-auth');
    const image = `${lab.authRegistry}/${repository}`;
    const run = await runStep(signingInputs({ tags: `${image}:latest`, sign: 'true' }), {
      env: { ...signingEnv(), DOCKER_CONFIG: dockerConfig(lab.authRegistry, lab.authUser, lab.authPassword) },
    });
    expectSucceeded(run);
    const referrers = await referrersOf(repository, run.outputs.digest ?? '', lab.authRegistry);
    expect(referrers.map(({ digest }) => digest)).toEqual([run.outputs['signature-digest']]);
    expect(referrers.map(({ bundle }) => verifiedStatement(sigstore, bundle).predicateType)).toEqual([
      COSIGN_SIGNATURE,
    ]);
    expect(stepLog(run)).not.toContain(lab.authPassword);
  });
});

describeWithLab('attachBundle against a registry with token authentication', () => {
  const USER = 'token-user';
  const PASSWORD = 'token-password';
  let directory: string;
  let tokenRegistry: TokenRegistry;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'e2e-sigstore-token-'));
    tokenRegistry = await startTokenRegistry({ directory, username: USER, password: PASSWORD });
  });

  afterAll(async () => {
    await tokenRegistry.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  test("the bundle becomes a referrer of the image, through the token server, with the docker config's password", async () => {
    const configDirectory = dockerConfig(tokenRegistry.registry, USER, PASSWORD);
    const credentials = DockerConfigCredentials.fromEnvironment({ DOCKER_CONFIG: configDirectory });
    const client = new RegistryClient({ credentials });
    const labReader = new RegistryClient({
      credentials: { description: 'none', get: () => Promise.resolve(undefined) },
    });
    const name: ImageName = { registry: tokenRegistry.registry, repository: 'e2e/signed' };
    const { digest } = await copyBusybox(labReader, client, name);
    const bundle = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', note: 'a bundle' };

    const credential = await credentials.get(tokenRegistry.registry);
    const referrer = await attachBundle(name, digest, bundle, COSIGN_SIGNATURE, credential);

    const listing = await client.getManifest(name, digest.replace(':', '-'));
    const manifests = (listing.json as { manifests: { digest: string; artifactType?: string }[] }).manifests;
    expect(manifests.map((entry) => [entry.digest, entry.artifactType])).toEqual([
      [referrer, 'application/vnd.dev.sigstore.bundle.v0.3+json'],
    ]);
    const manifest = (await client.getManifest(name, referrer)).json as {
      subject?: { digest: string };
      layers: { digest: string }[];
    };
    expect(manifest.subject?.digest).toBe(digest);
  });
});
