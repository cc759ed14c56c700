// The access check before any build asks for what the build will need: push. A credential that may only pull fails
// here, naming the repository, before anything is built (issue 27: it listed tags, which pull allows).
import { checkPushAccess } from '../../../src/registry/access.js';
import { parseReference } from '../../../src/reference.js';
import { FakeDistribution } from '../support/fake-distribution.js';
import { registryErrors } from '../support/registry-replay.js';

const noCredentials = { description: 'no credentials', get: () => Promise.resolve(undefined) };
const APP = parseReference('127.0.0.1:5000/lab/app');

describe('checkPushAccess', () => {
  test('starts an upload in each repository (which needs push) and cancels it', async () => {
    const registry = new FakeDistribution();
    await checkPushAccess(registry.client, noCredentials, [APP, APP, parseReference('127.0.0.1:5000/lab/other')]);
    expect(registry.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /v2/lab/app/blobs/uploads/',
      'DELETE /v2/lab/app/blobs/uploads/1',
      'POST /v2/lab/other/blobs/uploads/',
      'DELETE /v2/lab/other/blobs/uploads/2',
    ]);
  });

  test('a credential that may only pull fails, naming the repository, before anything is built', async () => {
    const registry = new FakeDistribution();
    // What a registry answers a pull-only token that asks to push.
    registry.intercept = (method) =>
      method === 'POST'
        ? { status: 403, body: registryErrors('DENIED', 'requested access to the resource is denied') }
        : undefined;
    await expect(checkPushAccess(registry.client, noCredentials, [APP])).rejects.toThrow(
      /could not start an upload to 127\.0\.0\.1:5000\/lab\/app \(a push's first request\): POST .* answered 403 DENIED/,
    );
  });

  test('an upload that cannot be cancelled is no failure: the registry forgets it', async () => {
    const registry = new FakeDistribution();
    registry.intercept = (method) => (method === 'DELETE' ? { status: 500 } : undefined);
    await expect(checkPushAccess(registry.client, noCredentials, [APP])).resolves.toBeUndefined();
  });
});
