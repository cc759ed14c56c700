import { transientPushFailure } from '../../../src/docker/build.js';
import { CommandError } from '../../../src/docker/command.js';

describe('transientPushFailure', () => {
  const failure = (stderr: string): CommandError =>
    new CommandError('docker buildx build', { exitCode: 1, stdout: '', stderr });

  test.each([
    [
      'a 503 from the registry',
      'ERROR: failed to push 127.0.0.1:5000/a:b: unexpected status from PUT request to http://127.0.0.1:5000/v2/a/manifests/b: 503 Service Unavailable',
    ],
    ['throttling', 'ERROR: failed to copy: unexpected status: 429 Too Many Requests'],
    [
      'a dropped connection',
      'ERROR: failed to push ghcr.io/acme/app: failed to do request: Put "https://ghcr.io/v2/": read tcp: connection reset by peer',
    ],
  ])('retries %s', (_name, stderr) => {
    expect(transientPushFailure(failure(stderr))).toMatchObject({
      reason: expect.stringContaining('the push failed') as string,
    });
  });

  test.each([
    ['a failing RUN step', 'ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'],
    ['an authentication error', 'ERROR: failed to push: unexpected status: 401 Unauthorized'],
    ['a Dockerfile error', 'ERROR: failed to solve: dockerfile parse error on line 3'],
  ])('does not retry %s', (_name, stderr) => {
    expect(transientPushFailure(failure(stderr))).toBe(false);
  });

  test('does not retry an error that is not a command failure', () => {
    expect(transientPushFailure(new Error('503'))).toBe(false);
  });
});
