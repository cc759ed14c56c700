import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { SerializedBundle } from '@sigstore/bundle';
import type { ImageName } from '../../../src/reference.js';
import type { SigningDecision } from '../../../src/signing/settings.js';
import {
  signIndex,
  UnsignedIndexError,
  type IndexSigning,
  type SigningRecord,
  type SigningServices,
} from '../../../src/signing/sign-index.js';
import type { Statement } from '../../../src/signing/statements.js';
import { replayClient } from '../support/registry-replay.js';

const DIGEST = `sha256:${'c'.repeat(64)}`;
const GHCR: ImageName = { registry: 'ghcr.io', repository: 'acme/app' };
const HUB: ImageName = { registry: 'docker.io', repository: 'acme/app' };
const SIGNATURE = 'https://sigstore.dev/cosign/sign/v1';
const PROVENANCE = 'https://slsa.dev/provenance/v1';

/** Fake services: a bundle per statement (its predicate type inside), referrer digests by repository and type. */
function services(overrides: Partial<SigningServices> = {}) {
  const signed: Statement[] = [];
  const attached: string[] = [];
  const fake: SigningServices = {
    sign: (statement) => {
      signed.push(statement);
      return Promise.resolve({
        mediaType: 'bundle',
        predicateType: statement.predicateType,
      } as unknown as SerializedBundle);
    },
    attach: (repository, digest, _bundle, predicateType) => {
      attached.push(`${repository.registry}/${repository.repository}@${digest} ${predicateType}`);
      return Promise.resolve(`sha256:${predicateType === SIGNATURE ? 'a' : 'b'}${'0'.repeat(63)}`);
    },
    storeAttestation: () => Promise.resolve('77'),
    provenance: () => Promise.resolve({ type: PROVENANCE, params: { buildDefinition: {} } }),
    ...overrides,
  };
  return { fake, signed, attached };
}

describe('signIndex', () => {
  let bundleDir: string;
  let printed: jest.SpiedFunction<typeof process.stdout.write>;
  const log = () => printed.mock.calls.map(([text]) => String(text)).join('');

  beforeEach(() => {
    bundleDir = mkdtempSync(join(tmpdir(), 'sign-index-'));
    printed = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    printed.mockRestore();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  const signing = (decision: SigningDecision): IndexSigning => ({
    decision,
    endpoints: { name: 'lab', fulcioURL: 'http://localhost:1' },
    transport: replayClient([]).client.transport,
    github: undefined,
  });
  const sign = (decision: SigningDecision, fake: SigningServices, repositories = [GHCR, HUB]): Promise<SigningRecord> =>
    signIndex(signing(decision), { digest: DIGEST, repositories, bundleDir }, fake);

  test('signs and attests: statements about the index in every repository, bundles written and stored', async () => {
    const { fake, signed, attached } = services();
    const record = await sign({ sign: true, signRequired: true, attest: true }, fake);
    expect(record).toEqual({
      signature: { digest: `sha256:a${'0'.repeat(63)}`, bundlePath: join(bundleDir, 'signature.sigstore.json') },
      attestation: {
        digest: `sha256:b${'0'.repeat(63)}`,
        bundlePath: join(bundleDir, 'provenance.sigstore.json'),
        githubId: '77',
      },
    });
    const subject = [
      { name: 'ghcr.io/acme/app', digest: { sha256: 'c'.repeat(64) } },
      { name: 'docker.io/acme/app', digest: { sha256: 'c'.repeat(64) } },
    ];
    expect(signed).toEqual([
      { _type: 'https://in-toto.io/Statement/v1', subject, predicateType: SIGNATURE, predicate: {} },
      {
        _type: 'https://in-toto.io/Statement/v1',
        subject,
        predicateType: PROVENANCE,
        predicate: { buildDefinition: {} },
      },
    ]);
    expect(attached.sort()).toEqual([
      `docker.io/acme/app@${DIGEST} ${SIGNATURE}`,
      `docker.io/acme/app@${DIGEST} ${PROVENANCE}`,
      `ghcr.io/acme/app@${DIGEST} ${SIGNATURE}`,
      `ghcr.io/acme/app@${DIGEST} ${PROVENANCE}`,
    ]);
    expect(JSON.parse(readFileSync(join(bundleDir, 'provenance.sigstore.json'), 'utf8'))).toEqual({
      mediaType: 'bundle',
      predicateType: PROVENANCE,
    });
  });

  test('sign: true and Sigstore fails: an UnsignedIndexError that says no tag moved and how to sign by hand', async () => {
    const { fake } = services({ sign: () => Promise.reject(new Error('Fulcio answered 503')) });
    const error = await sign({ sign: true, signRequired: true, attest: true }, fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsignedIndexError);
    expect((error as Error).message).toBe(
      `signing failed: Fulcio answered 503. No tag was moved: the index ${DIGEST} exists by digest, unsigned. ` +
        `To sign it by hand: cosign sign --yes ghcr.io/acme/app@${DIGEST} && cosign sign --yes docker.io/acme/app@${DIGEST}`,
    );
  });

  test('sign: true and one registry refuses the referrer: the step fails, as for a signing failure', async () => {
    const { fake } = services({
      attach: (repository) =>
        repository.registry === 'docker.io'
          ? Promise.reject(new Error('docker.io did not take the bundle: 400'))
          : Promise.resolve('sha256:1'),
    });
    await expect(sign({ sign: true, signRequired: true, attest: false }, fake)).rejects.toThrow(
      /^signing failed: docker\.io did not take the bundle: 400\. No tag was moved/,
    );
  });

  test('sign: auto and Sigstore fails: a warning, the index recorded unsigned, and the attestation still made', async () => {
    const { fake } = services({
      sign: (statement) =>
        statement.predicateType === SIGNATURE
          ? Promise.reject(new Error('Rekor answered 502'))
          : services().fake.sign(statement),
    });
    const record = await sign({ sign: true, signRequired: false, attest: true }, fake);
    expect(record.signature).toBeUndefined();
    expect(record.unsigned).toBe('signing failed: Rekor answered 502');
    expect(record.attestation?.githubId).toBe('77');
    expect(log()).toContain(
      `::warning::The index ${DIGEST} is published unsigned (sign: auto): signing failed: Rekor answered 502`,
    );
  });

  test('auto without a token: recorded unsigned with the reason, nothing signed', async () => {
    const { fake, signed } = services();
    const record = await sign({ sign: false, signRequired: false, attest: false, notSigning: 'no token' }, fake);
    expect({ record, signed }).toEqual({ record: { unsigned: 'not signed: no token' }, signed: [] });
  });

  test('attest: the registry refuses but GitHub stored it: a warning, the attestation without a referrer', async () => {
    const { fake } = services({ attach: () => Promise.reject(new Error('no referrers and no fallback tag')) });
    const record = await sign({ sign: false, signRequired: false, attest: true }, fake, [GHCR]);
    expect(record.attestation).toEqual({ bundlePath: join(bundleDir, 'provenance.sigstore.json'), githubId: '77' });
    expect(log()).toContain(
      '::warning::The attestation is stored with GitHub (id 77), not in the registry: no referrers',
    );
  });

  test('attest: the registry refuses and GitHub is not asked (no token): the step fails before any tag moves', async () => {
    const { fake } = services({
      attach: () => Promise.reject(new Error('no referrers and no fallback tag')),
      storeAttestation: undefined,
    });
    await expect(sign({ sign: false, signRequired: false, attest: true }, fake, [GHCR])).rejects.toThrow(
      /^attesting failed: no referrers and no fallback tag\. No tag was moved/,
    );
  });

  test('attest: GitHub refuses (no attestations: write) but the registry took it: a warning, no id', async () => {
    const { fake } = services({
      storeAttestation: () => Promise.reject(new Error('answered 403: Resource not accessible by integration')),
    });
    const record = await sign({ sign: false, signRequired: false, attest: true }, fake, [GHCR]);
    expect(record.attestation).toEqual({
      digest: `sha256:b${'0'.repeat(63)}`,
      bundlePath: join(bundleDir, 'provenance.sigstore.json'),
    });
    expect(log()).toContain(
      '::warning::GitHub did not store the attestation (the workflow needs "permissions: attestations: write"',
    );
  });
});
