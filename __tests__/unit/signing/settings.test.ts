import {
  notSignedNote,
  signingDecision,
  sigstoreEndpoints,
  type SigningDecision,
  type SigningInputs,
} from '../../../src/signing/settings.js';

const SIGNING: SigningInputs = {
  sign: 'auto',
  attest: false,
  sigstore: { kind: 'auto' },
  oidcTokenAvailable: true,
  publicRepository: false,
};
const BUILD = { push: true, publish: 'post', mode: 'auto' };

describe('signingDecision: what a run does with the index it publishes', () => {
  const NO_TOKEN = 'the job has no OIDC token (to sign, grant the job "permissions: id-token: write")';
  test.each<[string, Partial<SigningInputs>, Partial<typeof BUILD>, SigningDecision]>([
    ['auto with a token signs; a failure is a warning', {}, {}, { sign: true, signRequired: false, attest: false }],
    [
      'auto without a token does not, and says why',
      { oidcTokenAvailable: false },
      {},
      { sign: false, signRequired: false, attest: false, notSigning: NO_TOKEN },
    ],
    [
      'auto with publish false does not',
      {},
      { publish: 'false' },
      { sign: false, signRequired: false, attest: false, notSigning: 'publish is false' },
    ],
    [
      'true signs, and a failure fails the step',
      { sign: 'true' },
      {},
      { sign: true, signRequired: true, attest: false },
    ],
    [
      'false never signs, silently',
      { sign: 'false', attest: true },
      {},
      { sign: false, signRequired: false, attest: true },
    ],
    [
      'without push nothing is signed or attested',
      { sign: 'true', attest: true },
      { push: false },
      { sign: false, signRequired: false, attest: false },
    ],
    [
      'a shard signs nothing: the merge does',
      { sign: 'true', attest: true },
      { mode: 'shard' },
      { sign: false, signRequired: false, attest: false },
    ],
    [
      'the merge signs and attests',
      { sign: 'true', attest: true },
      { mode: 'merge', publish: 'main' },
      { sign: true, signRequired: true, attest: true },
    ],
  ])('%s', (_, signing, build, expected) => {
    expect(signingDecision({ ...SIGNING, ...signing }, { ...BUILD, ...build })).toEqual(expected);
  });
});

describe('notSignedNote: what the summary says of an index left unsigned on purpose', () => {
  test.each<[string, SigningDecision, string | undefined]>([
    [
      'auto without a token: why, for the summary',
      { sign: false, signRequired: false, attest: true, notSigning: 'publish is false' },
      'not signed: publish is false',
    ],
    ['sign: false: nothing to say', { sign: false, signRequired: false, attest: false }, undefined],
    ['signing: nothing to say yet', { sign: true, signRequired: false, attest: false }, undefined],
  ])('%s', (_, decision, note) => {
    expect(notSignedNote(decision)).toBe(note);
  });
});

describe("sigstoreEndpoints: @actions/attest's choice, or the deployment given", () => {
  test('auto, public repository: the public-good instance (Fulcio and Rekor)', () => {
    expect(sigstoreEndpoints({ kind: 'auto' }, true, 'https://github.com')).toEqual({
      name: 'public-good',
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev',
    });
  });

  test("auto, private or internal repository on github.com: GitHub's instance (Fulcio and its timestamp authority)", () => {
    expect(sigstoreEndpoints({ kind: 'auto' }, false, 'https://github.com')).toEqual({
      name: 'github',
      fulcioURL: 'https://fulcio.githubapp.com',
      tsaServerURL: 'https://timestamp.githubapp.com',
    });
  });

  test("github on a GHE.com server: that server's own instance", () => {
    expect(sigstoreEndpoints({ kind: 'github' }, true, 'https://acme.ghe.com')).toMatchObject({
      fulcioURL: 'https://fulcio.acme.ghe.com',
      tsaServerURL: 'https://timestamp.acme.ghe.com',
    });
  });

  test('public-good is public-good whatever the repository', () => {
    expect(sigstoreEndpoints({ kind: 'public-good' }, false, 'https://github.com').name).toBe('public-good');
  });

  test('a private deployment as given', () => {
    const endpoints = { name: 'https://f', fulcioURL: 'https://f', tsaServerURL: 'https://t' };
    expect(sigstoreEndpoints({ kind: 'custom', endpoints }, true, 'https://github.com')).toBe(endpoints);
  });
});
