// GitHub's artifact attestations API, by recorded exchanges of its documented create call
// (https://docs.github.com/rest/repos/attestations#create-an-attestation): the bundle as the JSON body, the token
// to the API's origin only, the id from the 201 answer; a refusal said with GitHub's message; a 503 tried again.
import { githubRepository, storeAttestation } from '../../../src/signing/github-attestations.js';
import { replayClient } from '../support/registry-replay.js';

const TOKEN = 'ghs_actions_token';
const ACCESS = { token: TOKEN, apiUrl: 'https://api.github.com' };
const CREATE = 'https://api.github.com/repos/acme/app/attestations';
const BUNDLE = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', dsseEnvelope: { payload: 'e30=' } };

describe('storeAttestation', () => {
  test('POSTs the bundle and returns the id GitHub gives it; the token is reported as a secret', async () => {
    const { replay, client, secrets } = replayClient([
      { method: 'POST', url: CREATE, authorization: `token ${TOKEN}`, response: { status: 201, body: { id: 4242 } } },
    ]);
    const id = await storeAttestation(client.transport, ACCESS, { owner: 'acme', repo: 'app' }, BUNDLE);
    expect(id).toBe('4242');
    expect(JSON.parse(replay.requests[0]?.body?.toString('utf8') ?? '{}')).toEqual({ bundle: BUNDLE });
    expect(secrets).toContain(TOKEN);
    replay.expectDone();
  });

  test('an answer without an id is a failure, not the id "undefined"', async () => {
    const { replay, client } = replayClient([
      { method: 'POST', url: CREATE, authorization: `token ${TOKEN}`, response: { status: 201, body: {} } },
    ]);
    await expect(storeAttestation(client.transport, ACCESS, { owner: 'acme', repo: 'app' }, BUNDLE)).rejects.toThrow(
      "could not store the attestation in acme/app's attestations: GitHub answered 201 without an id",
    );
    replay.expectDone();
  });

  test('a 503 is tried again', async () => {
    const { replay, client } = replayClient([
      { method: 'POST', url: CREATE, authorization: `token ${TOKEN}`, response: { status: 503 } },
      { method: 'POST', url: CREATE, authorization: `token ${TOKEN}`, response: { status: 201, body: { id: 7 } } },
    ]);
    expect(await storeAttestation(client.transport, ACCESS, { owner: 'acme', repo: 'app' }, BUNDLE)).toBe('7');
    replay.expectDone();
  });

  test("a refusal (no attestations: write) fails with GitHub's status and message, sent once", async () => {
    const { replay, client } = replayClient([
      {
        method: 'POST',
        url: CREATE,
        authorization: `token ${TOKEN}`,
        response: { status: 403, body: { message: 'Resource not accessible by integration' } },
      },
    ]);
    await expect(storeAttestation(client.transport, ACCESS, { owner: 'acme', repo: 'app' }, BUNDLE)).rejects.toThrow(
      /could not store the attestation in acme\/app's attestations: POST https:\/\/api\.github\.com\/repos\/acme\/app\/attestations answered 403: Resource not accessible by integration/,
    );
    replay.expectDone();
  });
});

describe('githubRepository', () => {
  test.each<[string | undefined, ReturnType<typeof githubRepository>]>([
    ['acme/app', { owner: 'acme', repo: 'app' }],
    [undefined, undefined],
    ['acme', undefined],
    ['acme/app/extra', undefined],
  ])('%s', (value, expected) => {
    expect(githubRepository(value)).toEqual(expected);
  });
});
