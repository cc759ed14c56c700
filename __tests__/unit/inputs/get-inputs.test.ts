// What get-inputs reads besides the inputs: secret-files whose file is missing are refused before anything is built,
// naming the secret and the path; the default branch is read from the event payload.
import { defaultBranchOf, missingSecretFiles } from '../../../src/inputs/get-inputs.js';

describe('missingSecretFiles', () => {
  const present = new Set(['/home/runner/.npmrc', 'certs/ca.pem']);
  const exists = (path: string): boolean => present.has(path);

  test('every file there: nothing to say', () => {
    expect(missingSecretFiles(['npmrc=/home/runner/.npmrc', 'ca=certs/ca.pem'], exists)).toEqual([]);
  });

  test('each missing file named with its secret and path', () => {
    expect(
      missingSecretFiles(['npmrc=/home/runner/.npmrc', 'aws=/home/runner/.aws/credentials', 'x=a=b'], exists),
    ).toEqual([
      '"secret-files": the file of secret "aws", /home/runner/.aws/credentials, does not exist (expected id=path)',
      '"secret-files": the file of secret "x", a=b, does not exist (expected id=path)',
    ]);
  });
});

describe('defaultBranchOf', () => {
  test.each<[string, Parameters<typeof defaultBranchOf>[0], string | undefined]>([
    ['the repository of the event', { repository: { default_branch: 'trunk' } }, 'trunk'],
    ['an empty name: unknown', { repository: { default_branch: '' } }, undefined],
    ['not a string: unknown', { repository: { default_branch: ['main'] } }, undefined],
    ['no repository: unknown', {}, undefined],
    ['no event payload: unknown', undefined, undefined],
  ])('%s', (_name, payload, branch) => {
    expect(defaultBranchOf(payload)).toBe(branch);
  });
});
