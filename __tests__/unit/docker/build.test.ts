import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concurrentPushRace, runBuilds, transientPushFailure } from '../../../src/docker/build.js';
import { DockerCli } from '../../../src/docker/cli.js';
import { CommandError, type CommandResult, type CommandRunner } from '../../../src/docker/command.js';
import { makePlan, type BuilderFacts } from '../../../src/plan/plan.js';
import { checkWarnings, DOCKERFILE } from '../support/dockerfile-checks.js';
import { defaultInputs, RUN } from '../support/fixtures.js';
import { printedBy } from '../support/step-process.js';

const BUILDER: BuilderFacts = {
  name: 'farm',
  driver: 'docker-container',
  multiPlatform: true,
  nodes: 1,
  created: false,
  buildxVersion: '0.29.1',
  buildkitVersions: [],
};

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

/** What buildx 0.29 printed when the registry refused a manifest whose layer another export was still uploading. */
const MANIFEST_REFUSED =
  'ERROR: failed to build: failed to solve: failed to push 127.0.0.1:5000/e2e/app: failed commit on ref ' +
  `"manifest-sha256:${'7f'.repeat(32)}": unexpected status from PUT request to ` +
  `http://127.0.0.1:5000/v2/e2e/app/manifests/sha256:${'7f'.repeat(32)}: 400 Bad Request`;

describe('concurrentPushRace', () => {
  const failure = (stderr: string): CommandError =>
    new CommandError('docker buildx build', { exitCode: 1, stdout: '', stderr });

  test('a manifest PUT refused with 400 after the blobs went up', () => {
    expect(concurrentPushRace(failure(MANIFEST_REFUSED))).toMatchObject({
      reason: expect.stringContaining('as when a shared layer was still uploading') as string,
    });
  });

  test.each([
    ['a layer upload refused', MANIFEST_REFUSED.replace('"manifest-sha256:', '"layer-sha256:')],
    ['a manifest PUT refused as unauthorized', MANIFEST_REFUSED.replace('400 Bad Request', '401 Unauthorized')],
    ['a failing RUN step', 'ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'],
  ])('not %s', (_name, stderr) => {
    expect(concurrentPushRace(failure(stderr))).toBe(false);
  });
});

describe('runBuilds: a manifest refused while a shared layer was still uploading', () => {
  /** buildx that fails with MANIFEST_REFUSED `failures` times, then builds and writes its metadata. */
  function buildxFailing(failures: number): { docker: DockerCli; attempts: () => number } {
    let attempts = 0;
    const run: CommandRunner = async (_command, args) => {
      // After a failed build, `buildx inspect` looks for stopped nodes: a running builder, no news.
      if (args[1] === 'inspect') return { exitCode: 0, stdout: 'Name: farm\nDriver: docker-container\n', stderr: '' };
      attempts++;
      if (attempts <= failures) return { exitCode: 1, stdout: '', stderr: `${MANIFEST_REFUSED}\n` };
      const metadataFile = args.indexOf('--metadata-file');
      if (metadataFile === -1) throw new Error(`not a build: docker ${args.join(' ')}`);
      const descriptor = { mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${'a'.repeat(64)}` };
      await writeFile(
        args[metadataFile + 1] ?? '',
        JSON.stringify({
          'containerimage.descriptor': { ...descriptor, size: 1 },
        }),
      );
      return { exitCode: 0, stdout: '', stderr: '' };
    };
    return { docker: new DockerCli(run), attempts: () => attempts };
  }

  /** What the step printed while it ran the builds. */
  const build = async (docker: DockerCli): Promise<string> => {
    const inputs = defaultInputs();
    const dir = await mkdtemp(join(tmpdir(), 'build-race-'));
    try {
      return await printedBy(async () => {
        await runBuilds(makePlan(inputs, BUILDER, RUN), inputs.build, BUILDER, docker, dir);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  test('the build runs again once, and completes', async () => {
    const { docker, attempts } = buildxFailing(1);
    expect(await build(docker)).toContain('as when a shared layer was still uploading');
    expect(attempts()).toBe(2);
  });

  test("refused again, the build fails with the registry's answer, after two attempts", async () => {
    const { docker, attempts } = buildxFailing(2);
    await expect(build(docker)).rejects.toThrow('400 Bad Request');
    expect(attempts()).toBe(2);
  });
});

describe('runBuilds: the error of a failed build', () => {
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

describe('runBuilds: Dockerfile checks', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'build-checks-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /**
   * A fan-out of two builds of `docker/Dockerfile` in the workspace, each reporting the same checks with its own
   * ref and local state, as buildx does; what the step printed, and the environment each build ran with.
   */
  async function fanOut(
    env: Record<string, string>,
    workspaceDockerfile = DOCKERFILE,
  ): Promise<{ printed: string; buildEnv: unknown[] }> {
    const workspace = join(root, 'workspace');
    await mkdir(join(workspace, 'docker'), { recursive: true });
    await writeFile(join(workspace, 'docker', 'Dockerfile'), workspaceDockerfile);
    const buildEnv: unknown[] = [];
    const run: CommandRunner = async (_command, args, options) => {
      buildEnv.push(options?.env);
      const id = `ref${buildEnv.length}`;
      const state = { Target: 'default', LocalPath: workspace, DockerfilePath: join(workspace, 'docker/Dockerfile') };
      await mkdir(join(root, 'buildx', 'refs', 'farm', 'farm0'), { recursive: true });
      await writeFile(join(root, 'buildx', 'refs', 'farm', 'farm0', id), JSON.stringify(state));
      const metadata = {
        'buildx.build.ref': `farm/farm0/${id}`,
        'buildx.build.warnings': checkWarnings(),
        'containerimage.descriptor': {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${id}`,
          size: 1,
        },
      };
      await writeFile(args[args.indexOf('--metadata-file') + 1] ?? '', JSON.stringify(metadata));
      return { exitCode: 0, stdout: '', stderr: '' };
    };
    const inputs = defaultInputs({ mode: 'fan-out' });
    const plan = makePlan(inputs, BUILDER, RUN);
    expect(plan.builds).toHaveLength(2);
    const printed = await printedBy(async () => {
      await runBuilds(plan, inputs.build, BUILDER, new DockerCli(run), root, {
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: 'acme/app',
        BUILDX_CONFIG: join(root, 'buildx'),
        ...env,
      });
    });
    return { printed, buildEnv };
  }

  test('buildx writes its warnings into the metadata file; each check is annotated once, on its line', async () => {
    const { printed, buildEnv } = await fanOut({});
    expect(buildEnv).toEqual([{ BUILDX_METADATA_WARNINGS: 'true' }, { BUILDX_METADATA_WARNINGS: 'true' }]);
    expect(printed.split('\n').filter((line) => line.startsWith('::warning'))).toEqual([
      "::warning title=The 'as' keyword should match the case of the 'from' keyword,file=docker/Dockerfile,line=1::FromAsCasing: 'as' and 'FROM' keywords' casing do not match%0AMore info: https://docs.docker.com/go/dockerfile/rule/from-as-casing/",
      "::warning title=All commands within the Dockerfile should use the same casing (either upper or lower),file=docker/Dockerfile,line=3::ConsistentInstructionCasing: Command 'from' should match the case of the command majority (uppercase)%0AMore info: https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/",
    ]);
  });

  test('DOCKER_BUILD_CHECKS_ANNOTATIONS=false: no annotation', async () => {
    const { printed } = await fanOut({ DOCKER_BUILD_CHECKS_ANNOTATIONS: 'false' });
    expect(printed).not.toContain('::warning');
  });

  test("the user's BUILDX_METADATA_WARNINGS is theirs: nothing is added", async () => {
    const { buildEnv } = await fanOut({ BUILDX_METADATA_WARNINGS: 'false' });
    expect(buildEnv).toEqual([{}, {}]);
  });

  test('a Dockerfile in the workspace other than the one the checks read is not annotated', async () => {
    const { printed } = await fanOut({}, `${DOCKERFILE}RUN more\n`);
    expect(printed).not.toContain('::warning');
  });

  test('a notice names the build-record settings that are not honoured', async () => {
    const { printed } = await fanOut({ DOCKER_BUILD_RECORD_UPLOAD: 'true' });
    expect(printed).toContain('::notice::DOCKER_BUILD_RECORD_UPLOAD=true is not honoured');
  });
});
