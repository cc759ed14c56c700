import { tmpdir } from 'node:os';
import { runBuilds, transientPushFailure } from '../../../src/docker/build.js';
import { DockerCli } from '../../../src/docker/cli.js';
import { CommandError, type CommandResult, type CommandRunner } from '../../../src/docker/command.js';
import { makePlan, type BuilderFacts } from '../../../src/plan/plan.js';
import { defaultInputs, RUN } from '../support/fixtures.js';

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

describe('runBuilds: the error of a failed build', () => {
  const BUILDER: BuilderFacts = {
    name: 'farm',
    driver: 'docker-container',
    multiPlatform: true,
    nodes: 1,
    created: false,
    buildxVersion: '0.29.1',
  };
  // What buildx 0.29 prints when a node's BuildKit is killed mid-build.
  const NODE_DIED =
    'ERROR: failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF';
  const TWO_NODES =
    'Name: farm\nDriver: docker-container\n\nNodes:\nName: farm-amd64\nStatus: running\n\nName: farm-arm64\nStatus: stopped\n';

  /** A docker CLI whose builds fail with NODE_DIED and whose `buildx inspect` answers `inspect`. */
  function failingBuilds(inspect: CommandResult): { docker: DockerCli; commands: string[] } {
    const commands: string[] = [];
    const run: CommandRunner = (_command, args) => {
      commands.push(args.slice(0, 3).join(' '));
      if (args[1] === 'inspect') return Promise.resolve(inspect);
      return Promise.resolve({ exitCode: 1, stdout: '', stderr: `${NODE_DIED}\n` });
    };
    return { docker: new DockerCli(run), commands };
  }

  const build = (docker: DockerCli): Promise<unknown> => {
    const inputs = defaultInputs();
    // No secrets, and builds that write no metadata: nothing is written to the temporary directory.
    return runBuilds(makePlan(inputs, BUILDER, RUN), inputs.build, BUILDER, docker, tmpdir());
  };

  const buildFailed = `the build for linux/amd64,linux/arm64 on builder farm failed: \`docker buildx build --builder\` failed (exit 1): ${NODE_DIED}`;

  test('names the builder, and the node that is no longer running, inspected without starting it', async () => {
    const { docker, commands } = failingBuilds({ exitCode: 0, stdout: TWO_NODES, stderr: '' });
    await expect(build(docker)).rejects.toThrow(
      new Error(`${buildFailed}\nnode farm-arm64 of builder farm is stopped`),
    );
    expect(commands.at(-1)).toBe('buildx inspect farm');
  });

  test("is the build's own error when the builder cannot be inspected", async () => {
    const { docker } = failingBuilds({ exitCode: 1, stdout: '', stderr: 'ERROR: no builder "farm" found\n' });
    await expect(build(docker)).rejects.toThrow(new Error(buildFailed));
  });
});
