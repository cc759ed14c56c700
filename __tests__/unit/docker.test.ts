import {
  CommandError,
  DockerCli,
  errorSummary,
  parseBuilderInspection,
  runCommand,
  type CommandResult,
  type CommandRunner,
  type EngineFacts,
  type RunOptions,
} from '../../src/docker/cli.js';
import { jest } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transientPushFailure } from '../../src/docker/build.js';
import { EngineApi, EngineApiError } from '../../src/engine-api.js';
import { parseReference } from '../../src/reference.js';

const DOCKER_DRIVER_INSPECT = `Name:          default
Driver:        docker
Last Activity: 2026-11-28 03:38:36 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/amd64/v2, linux/arm64, linux/riscv64
`;

// docker-container on buildx 0.29: user-set platforms are starred; labels and GC policy lines are indented.
const CONTAINER_INSPECT = `Name:          multiarch-1-1-abcdef01
Driver:        docker-container
Last Activity: 2026-11-28 03:40:02 +0000 UTC

Nodes:
Name:                  multiarch-1-1-abcdef010
Endpoint:              unix:///var/run/docker.sock
Driver Options:        image="moby/buildkit:buildx-stable-1" network="host"
Status:                running
BuildKit daemon flags: --allow-insecure-entitlement=network.host
BuildKit version:      v0.25.1
Platforms:             linux/amd64*, linux/arm64*, linux/amd64/v2, linux/386
Labels:
 org.mobyproject.buildkit.worker.executor:         oci
 org.mobyproject.buildkit.worker.hostname:         5f1c2e
GC Policy rule#0:
 All:            false
 Filters:        type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration:  48h0m0s
`;

const TWO_NODES_INSPECT = `Name:   remote
Driver: remote

Nodes:
Name:      remote0
Endpoint:  tcp://amd:1234
Status:    running
Platforms: linux/amd64, linux/386

Name:      remote1
Endpoint:  tcp://arm:1234
Status:    running
Platforms: linux/arm64, linux/arm/v7
`;

describe('parseBuilderInspection', () => {
  test.each<[string, string, string, string[]]>([
    [
      'docker driver (default builder)',
      DOCKER_DRIVER_INSPECT,
      'docker',
      ['linux/amd64', 'linux/amd64/v2', 'linux/arm64', 'linux/riscv64'],
    ],
    [
      'docker-container, starred platforms and indented sections',
      CONTAINER_INSPECT,
      'docker-container',
      ['linux/amd64', 'linux/arm64', 'linux/amd64/v2', 'linux/386'],
    ],
    ['two nodes', TWO_NODES_INSPECT, 'remote', ['linux/amd64', 'linux/386', 'linux/arm64', 'linux/arm/v7']],
    [
      'not bootstrapped: no Platforms line',
      'Name: b\nDriver: docker-container\n\nNodes:\nName: b0\nStatus: inactive\n',
      'docker-container',
      [],
    ],
  ])('%s', (_name, text, driver, platforms) => {
    expect(parseBuilderInspection(text)).toEqual({ driver, platforms });
  });

  test('output without a driver is an error quoting the output', () => {
    expect(() => parseBuilderInspection('ERROR: no builder "x" found\n')).toThrow(
      'cannot read the driver from `docker buildx inspect`:\nERROR: no builder "x" found',
    );
  });
});

describe('errorSummary', () => {
  test.each<[string, CommandResult, string]>([
    [
      'buildx ERROR: line among progress output',
      {
        exitCode: 1,
        stdout: '',
        stderr:
          '#0 building with "default" instance using docker driver\n#5 [2/2] RUN false\n#5 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n------\nERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1\n',
      },
      '#5 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1',
    ],
    [
      'push-by-digest on the docker driver',
      {
        exitCode: 1,
        stdout: '',
        stderr:
          'some progress\nERROR: push-by-digest is currently not implemented for docker driver, please create a new builder instance\n',
      },
      'ERROR: push-by-digest is currently not implemented for docker driver, please create a new builder instance',
    ],
    [
      'lowercase error: lines, also from stdout',
      { exitCode: 1, stdout: 'error: unknown flag: --buildkitd-config\n', stderr: 'Usage: docker buildx create\n' },
      'error: unknown flag: --buildkitd-config',
    ],
    [
      'no ERROR line → the last five lines of stderr',
      {
        exitCode: 125,
        stdout: 'ignored\n',
        stderr: 'l1\nl2\nl3\nl4\nl5\nError response from daemon: pull access denied for tonistiigi/binfmt\n',
      },
      'l2\nl3\nl4\nl5\nError response from daemon: pull access denied for tonistiigi/binfmt',
    ],
    ['nothing at all', { exitCode: 1, stdout: '', stderr: '' }, '(no error output)'],
  ])('%s', (_name, result, expected) => {
    expect(errorSummary(result)).toBe(expected);
  });
});

interface Call {
  command: string;
  args: string[];
  options: RunOptions | undefined;
}

/** A CommandRunner that answers every call with the same result and records the calls. */
function fakeRunner(result: Partial<CommandResult>): { run: CommandRunner; calls: Call[] } {
  const calls: Call[] = [];
  const run: CommandRunner = (command, args, options) => {
    calls.push({ command, args, options });
    return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', ...result });
  };
  return { run, calls };
}

/** What `docker info --format '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}'` prints. */
const CONTAINERD_STORE = [['driver-type', 'io.containerd.snapshotter.v1']];
const OVERLAY2_STORE = [
  ['Backing Filesystem', 'extfs'],
  ['Supports d_type', 'true'],
];
/** The lab's CLI 28.2 client facts, with overrides, and a storage driver status. */
const engineInfo = (client: object, driverStatus: string[][] = OVERLAY2_STORE): string =>
  JSON.stringify({
    client: {
      Debug: false,
      Version: '28.2.2',
      Context: 'default',
      Plugins: [
        {
          SchemaVersion: '0.1.0',
          Version: '0.13.1+ds1',
          Name: 'buildx',
          Path: '/usr/libexec/docker/cli-plugins/docker-buildx',
        },
      ],
      ...client,
    },
    driverStatus,
  }) + '\n';
const buildxPlugin = (version: string) => ({
  Plugins: [
    { Name: 'compose', Version: 'v2.29.0' },
    { Name: 'buildx', Version: version },
  ],
});

describe('DockerCli.engineFacts', () => {
  test.each<[string, string, EngineFacts]>([
    [
      'Debian CLI 28, containerd store',
      engineInfo({}, CONTAINERD_STORE),
      {
        context: 'default',
        buildxVersion: '0.13.1',
        buildxPath: '/usr/libexec/docker/cli-plugins/docker-buildx',
        containerdImageStore: true,
      },
    ],
    [
      'a runner: upstream buildx, overlay2',
      engineInfo(buildxPlugin('v0.29.1')),
      { context: 'default', buildxVersion: '0.29.1', containerdImageStore: false },
    ],
    [
      'Docker Desktop',
      engineInfo({ Context: 'desktop-linux', ...buildxPlugin('v0.12.1-desktop.4') }, CONTAINERD_STORE),
      { context: 'desktop-linux', buildxVersion: '0.12.1', containerdImageStore: true },
    ],
  ])('%s', async (_, stdout, facts) => {
    const { run, calls } = fakeRunner({ stdout });
    await expect(new DockerCli(run).engineFacts()).resolves.toEqual(facts);
    expect(calls).toEqual([
      {
        command: 'docker',
        args: ['info', '--format', '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}'],
        options: { quiet: true },
      },
    ]);
  });

  test.each<[string, string, string]>([
    [
      'no buildx plugin',
      engineInfo({ Plugins: [] }),
      'docker buildx is not installed: `docker info` lists no buildx CLI plugin',
    ],
    [
      'a broken buildx plugin',
      engineInfo({ Plugins: [{ Name: 'buildx', Err: 'plugin candidate "buildx" did not match' }] }),
      'cannot read the buildx version from `docker info`: plugin candidate "buildx" did not match',
    ],
    [
      'a CLI older than 20.10 (no context)',
      engineInfo({ Context: undefined }),
      '`docker info` names no docker context (Docker CLI 20.10 or later is needed)',
    ],
    [
      'not JSON',
      'Client: Docker Engine',
      "cannot read the docker client's facts from `docker info`: Client: Docker Engine",
    ],
  ])('%s is an error that says so', async (_, stdout, message) => {
    const { run } = fakeRunner({ stdout });
    await expect(new DockerCli(run).engineFacts()).rejects.toThrow(message);
  });

  test('is asked once: later calls share the first answer', async () => {
    const { run, calls } = fakeRunner({ stdout: engineInfo({}) });
    const docker = new DockerCli(run);
    const [first, second] = await Promise.all([docker.engineFacts(), docker.engineFacts()]);
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
  });

  test('a non-zero exit is a CommandError carrying the ERROR line', async () => {
    const stderr = 'some noise\nERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock\n';
    const { run } = fakeRunner({ exitCode: 1, stderr });
    const failure = new DockerCli(run).engineFacts();
    await expect(failure).rejects.toBeInstanceOf(CommandError);
    await expect(failure).rejects.toThrow(
      '`docker info --format {"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}` failed (exit 1): ERROR: Cannot',
    );
    await expect(failure).rejects.toMatchObject({ name: 'CommandError', result: { exitCode: 1, stdout: '', stderr } });
  });
});

/** An engine API that answers GET /info without a socket: with this driver status, or failing with this error. */
class FakeEngine extends EngineApi {
  constructor(private readonly answer: string[][] | Error) {
    super('/nonexistent/docker.sock');
  }

  override info(): Promise<{ DriverStatus?: unknown }> {
    const answer = this.answer;
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve({ DriverStatus: answer });
  }
}

const BUILDX_METADATA = JSON.stringify({
  SchemaVersion: '0.1.0',
  Vendor: 'Docker Inc.',
  Version: '0.13.1+ds1',
  ShortDescription: 'Docker Buildx',
});

type PluginDirs = Record<'empty' | 'plugin' | 'dangling' | 'directory', string>;

describe('DockerCli.engineFacts where there is an engine API: no docker info unless the cheap way fails', () => {
  // Plugin directories on disk: none, a plugin (an empty file: the runner answers for it), and what is no plugin.
  let dirs: PluginDirs;
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cli-plugins-'));
    dirs = {
      empty: join(root, 'empty'),
      plugin: join(root, 'plugin'),
      dangling: join(root, 'dangling'),
      directory: join(root, 'directory'),
    };
    for (const dir of Object.values(dirs)) mkdirSync(dir);
    writeFileSync(join(dirs.plugin, 'docker-buildx'), '');
    symlinkSync(join(root, 'nowhere'), join(dirs.dangling, 'docker-buildx'));
    mkdirSync(join(dirs.directory, 'docker-buildx'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** The docker CLI answers `docker info` as the lab's CLI does (overlay2); other commands succeed quietly. */
  function runner(): { run: CommandRunner; calls: string[] } {
    const calls: string[] = [];
    const run: CommandRunner = (command, args, options) => {
      calls.push([command, ...args].join(' '));
      expect(options).toEqual({ quiet: true });
      return Promise.resolve({ exitCode: 0, stderr: '', stdout: command === 'docker' ? engineInfo({}) : '' });
    };
    return { run, calls };
  }

  const dockerInfoCall = 'docker info --format {"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}';
  /** What the `docker info` above says. */
  const DOCKER_INFO_FACTS: EngineFacts = {
    context: 'default',
    buildxVersion: '0.13.1',
    buildxPath: '/usr/libexec/docker/cli-plugins/docker-buildx',
    containerdImageStore: false,
  };

  test('GET /info and the first buildx plugin in the directories: the default context, no command run', async () => {
    const { run, calls } = runner();
    const docker = new DockerCli(run, new FakeEngine(CONTAINERD_STORE), () => [dirs.empty, dirs.plugin, dirs.dangling]);
    await expect(docker.engineFacts()).resolves.toEqual({
      context: 'default',
      buildxPath: join(dirs.plugin, 'docker-buildx'),
      containerdImageStore: true,
    });
    expect(calls).toEqual([]);
  });

  test('buildx commands then run that plugin', async () => {
    const { run, calls } = runner();
    const docker = new DockerCli(run, new FakeEngine(OVERLAY2_STORE), () => [dirs.plugin]);
    await docker.removeBuilder('multiarch-1');
    expect(calls).toEqual([`${join(dirs.plugin, 'docker-buildx')} rm --force multiarch-1`]);
  });

  test.each<[string, EngineApi]>([
    ['the socket cannot be reached', new EngineApi(join(tmpdir(), `no-engine-${process.pid}.sock`))],
    ['the engine answers an error', new FakeEngine(new EngineApiError('GET /info answered 500: boom', 500))],
  ])('falls back to docker info when %s', async (_, engine) => {
    const { run, calls } = runner();
    await expect(new DockerCli(run, engine, () => [dirs.plugin]).engineFacts()).resolves.toEqual(DOCKER_INFO_FACTS);
    expect(calls).toContain(dockerInfoCall);
  });

  test.each<[string, (keyof PluginDirs)[] | undefined]>([
    ['the config cannot be read', undefined],
    ['no plugin in any directory', ['empty']],
    ['a dangling link first (CLI 28 lists it, with an error; later ones skip it)', ['dangling', 'plugin']],
    ['a directory first', ['directory', 'plugin']],
  ])('falls back to docker info when %s', async (_, names) => {
    const { run, calls } = runner();
    const docker = new DockerCli(run, new FakeEngine(CONTAINERD_STORE), () => names?.map((name) => dirs[name]));
    await expect(docker.engineFacts()).resolves.toEqual(DOCKER_INFO_FACTS);
    expect(calls).toEqual([dockerInfoCall]);
  });
});

describe('DockerCli.buildxVersion: asked for only when needed, once', () => {
  let root: string;
  let pluginDir: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cli-plugins-'));
    pluginDir = join(root, 'plugin');
    mkdirSync(pluginDir);
    writeFileSync(join(pluginDir, 'docker-buildx'), '');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** The CLI answers `docker info` (buildx 0.13.1+ds1); the plugin its metadata, or `metadata`. */
  function runner(metadata: Partial<CommandResult> = {}): { run: CommandRunner; calls: string[] } {
    const calls: string[] = [];
    const run: CommandRunner = (command, args) => {
      calls.push([command, ...args].join(' '));
      const answer = command === 'docker' ? { stdout: engineInfo({}) } : { stdout: BUILDX_METADATA, ...metadata };
      return Promise.resolve({ exitCode: 0, stderr: '', ...answer });
    };
    return { run, calls };
  }
  const metadataCall = (): string => `${join(pluginDir, 'docker-buildx')} docker-cli-plugin-metadata`;
  const dockerInfoCall = 'docker info --format {"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}';

  test("from the plugin's metadata where the engine API gave the facts; asked once", async () => {
    const { run, calls } = runner({ stdout: BUILDX_METADATA.replace('0.13.1+ds1', 'v0.29.1') });
    const docker = new DockerCli(run, new FakeEngine(CONTAINERD_STORE), () => [pluginDir]);
    await expect(Promise.all([docker.buildxVersion(), docker.buildxVersion()])).resolves.toEqual(['0.29.1', '0.29.1']);
    expect(calls).toEqual([metadataCall()]);
  });

  test('from docker info where docker info gave the facts: no further command', async () => {
    const { run, calls } = runner();
    const docker = new DockerCli(run);
    await docker.engineFacts();
    await expect(docker.buildxVersion()).resolves.toBe('0.13.1');
    expect(calls).toEqual([dockerInfoCall]);
  });

  test.each<[string, Partial<CommandResult>]>([
    ['the metadata call fails', { exitCode: 126, stdout: '', stderr: 'exec format error' }],
    ['the metadata is not JSON', { stdout: 'buildx 0.13.1' }],
    ['the metadata is invalid to the CLI (no vendor)', { stdout: '{"SchemaVersion":"0.1.0","Version":"0.13.1"}' }],
    [
      'the metadata has no version number',
      { stdout: '{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"dev"}' },
    ],
  ])('from docker info when %s', async (_, metadata) => {
    const { run, calls } = runner(metadata);
    const docker = new DockerCli(run, new FakeEngine(CONTAINERD_STORE), () => [pluginDir]);
    await expect(docker.buildxVersion()).resolves.toBe('0.13.1');
    expect(calls).toEqual([metadataCall(), dockerInfoCall]);
  });
});

describe('DockerCli with a fake runner', () => {
  test('inspectBuilder bootstraps, names the builder, and parses the output', async () => {
    const { run, calls } = fakeRunner({ stdout: CONTAINER_INSPECT });
    await expect(new DockerCli(run).inspectBuilder('multiarch-1-1-abcdef01')).resolves.toEqual({
      driver: 'docker-container',
      platforms: ['linux/amd64', 'linux/arm64', 'linux/amd64/v2', 'linux/386'],
    });
    expect(calls.map((call) => [call.command, ...call.args]).at(-1)).toEqual([
      'docker',
      'buildx',
      'inspect',
      '--bootstrap',
      'multiarch-1-1-abcdef01',
    ]);
  });

  test('installBinfmt runs the image privileged with the architectures as one argument', async () => {
    const { run, calls } = fakeRunner({});
    await new DockerCli(run).installBinfmt('tonistiigi/binfmt:qemu-v10.2.3-68', ['arm64', 'riscv64']);
    expect(calls.map((call) => [call.command, ...call.args])).toEqual([
      ['docker', 'run', '--rm', '--privileged', 'tonistiigi/binfmt:qemu-v10.2.3-68', '--install', 'arm64,riscv64'],
    ]);
  });

  test('buildx passes argv and options through docker when docker info fails, and a failed build names its first three words', async () => {
    const { run, calls } = fakeRunner({
      exitCode: 1,
      stderr: 'ERROR: failed to solve: failed to push ghcr.io/acme/app: denied\n',
    });
    const args = ['buildx', 'build', '--builder', 'b', '--build-arg', 'A=$(x);|&', '.'];
    await expect(new DockerCli(run).buildx(args, { linePrefix: '[linux/arm64] ' })).rejects.toThrow(
      '`docker buildx build --builder` failed (exit 1): ERROR: failed to solve: failed to push ghcr.io/acme/app: denied',
    );
    expect(calls.at(-1)).toEqual({ command: 'docker', args, options: { linePrefix: '[linux/arm64] ' } });
  });

  test('tagImage names the source and the target', async () => {
    const { run, calls } = fakeRunner({});
    await new DockerCli(run).tagImage('r/app:multiarch-tmp-1', parseReference('r/app:latest'));
    expect(calls.map((call) => [call.command, ...call.args])).toEqual([
      ['docker', 'image', 'tag', 'r/app:multiarch-tmp-1', 'docker.io/r/app:latest'],
    ]);
  });

  test('untagImages removes each name with its own command; a name already gone is no failure', async () => {
    const calls: string[] = [];
    const run: CommandRunner = (_command, args) => {
      const name = args.at(-1) ?? '';
      calls.push(args.join(' '));
      const stderr = name.endsWith(':gone') ? `Error response from daemon: No such image: ${name}\n` : '';
      return Promise.resolve({ exitCode: stderr === '' ? 0 : 1, stdout: '', stderr });
    };
    await new DockerCli(run).untagImages(['r/app:a', 'r/app:gone']);
    expect(calls).toEqual(['image rm r/app:a', 'image rm r/app:gone']);
  });

  test('untagImages fails naming what the engine refused, once every name was tried', async () => {
    const calls: string[] = [];
    const run: CommandRunner = (_command, args) => {
      calls.push(args.join(' '));
      const refused = args.at(-1) === 'r/app:used';
      const stderr = refused ? 'Error response from daemon: conflict: unable to remove repository reference\n' : '';
      return Promise.resolve({ exitCode: refused ? 1 : 0, stdout: '', stderr });
    };
    await expect(new DockerCli(run).untagImages(['r/app:used', 'r/app:b'])).rejects.toThrow(
      'docker image rm r/app:used r/app:b failed: Error response from daemon: conflict: unable to remove repository reference',
    );
    expect(calls).toEqual(['image rm r/app:used', 'image rm r/app:b']);
  });

  test('an engine socket that cannot be reached leaves tagging and untagging to the CLI', async () => {
    const { run, calls } = fakeRunner({});
    const docker = new DockerCli(run, new EngineApi(join(tmpdir(), `no-engine-${process.pid}.sock`)));
    await docker.tagImage('r/app:t', parseReference('r/app:latest'));
    await docker.untagImages(['r/app:t']);
    expect(calls.map((call) => call.args.slice(0, 2).join(' '))).toEqual(['image tag', 'image rm']);
  });

  test('removeBuilder forces removal of the named builder', async () => {
    const { run, calls } = fakeRunner({});
    await new DockerCli(run).removeBuilder('multiarch-1');
    expect(calls[1]?.args).toEqual(['buildx', 'rm', '--force', 'multiarch-1']);
  });

  test('buildx commands run the plugin binary docker info names, in its standalone form', async () => {
    const calls: Call[] = [];
    const run: CommandRunner = (command, args, options) => {
      calls.push({ command, args, options });
      const stdout = args[0] === 'info' ? engineInfo({}) : '';
      return Promise.resolve({ exitCode: args[0] === 'build' ? 1 : 0, stdout, stderr: 'ERROR: denied\n' });
    };
    const docker = new DockerCli(run);
    await docker.removeBuilder('multiarch-1');
    await expect(docker.buildx(['buildx', 'build', '--builder', 'b', '.'])).rejects.toThrow(
      '`docker-buildx build --builder b` failed (exit 1): ERROR: denied',
    );
    const plugin = '/usr/libexec/docker/cli-plugins/docker-buildx';
    expect(calls.map((call) => [call.command, ...call.args])).toEqual([
      ['docker', 'info', '--format', '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}'],
      [plugin, 'rm', '--force', 'multiarch-1'],
      [plugin, 'build', '--builder', 'b', '.'],
    ]);
  });
});

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

describe('runCommand, quiet', () => {
  const node = process.execPath;

  it('captures the exit code, stdout and stderr', async () => {
    const result = await runCommand(
      node,
      ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'],
      { quiet: true },
    );
    expect(result).toEqual({ exitCode: 3, stdout: 'out', stderr: 'err' });
  });

  it('starts the process before it returns, so it runs while this thread is busy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-command-'));
    const marker = join(dir, 'started');
    const running = runCommand(node, ['-e', `require("fs").writeFileSync(${JSON.stringify(marker)}, "")`], {
      quiet: true,
    });
    // The event loop is blocked here: only a process already started can write the marker.
    const deadline = Date.now() + 10_000;
    while (!existsSync(marker) && Date.now() < deadline) {
      // busy: this thread does not yield
    }
    expect(existsSync(marker)).toBe(true);
    expect((await running).exitCode).toBe(0);
    rmSync(dir, { recursive: true });
  });

  it('fails with the command named when it cannot be run', async () => {
    await expect(runCommand('/nonexistent/docker-buildx', ['version'], { quiet: true })).rejects.toThrow(
      /^cannot run \/nonexistent\/docker-buildx: .*ENOENT/,
    );
  });
});

describe('runCommand, shown', () => {
  const node = process.execPath;

  /** Runs the command with process.stdout captured: what the step's log would show. */
  async function shown(args: string[], options: RunOptions = {}): Promise<{ result: CommandResult; log: string }> {
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const result = await runCommand(node, args, options);
      return { result, log: written.join('') };
    } finally {
      write.mockRestore();
    }
  }

  it('echoes the command line, then every line of stdout and stderr, and captures both', async () => {
    const { result, log } = await shown(['-e', 'console.log("one"); console.error("two"); process.exit(2)']);
    expect(result).toEqual({ exitCode: 2, stdout: 'one\n', stderr: 'two\n' });
    expect(log.split('\n')[0]).toBe(`[command]${node} -e console.log("one"); console.error("two"); process.exit(2)`);
    expect(log.split('\n').slice(1).sort()).toEqual(['', 'one', 'two']);
  });

  it('with a line prefix, echoes each line with it and not the command line', async () => {
    const { log } = await shown(['-e', 'console.log("a\\nb")'], { linePrefix: '[linux/arm64] ' });
    expect(log).toBe('[linux/arm64] a\n[linux/arm64] b\n');
  });

  it('hands each line to onLine: a CRLF line, a last line without newline, a character split in two', async () => {
    // The euro sign's three bytes arrive in two writes, 50 ms apart.
    const script = [
      'process.stdout.write("first\\r\\nsec");',
      'process.stdout.write(Buffer.from([0x6f, 0x6e, 0x64, 0x20, 0xe2]));',
      'setTimeout(() => process.stdout.write(Buffer.from([0x82, 0xac, 0x0a, 0x6c, 0x61, 0x73, 0x74])), 50);',
    ].join('');
    const lines: string[] = [];
    const { result } = await shown(['-e', script], { quiet: true, onLine: (line) => lines.push(line) });
    expect(lines).toEqual(['first', 'second €', 'last']);
    expect(result.stdout).toBe('first\r\nsecond €\nlast');
  });

  it('calls onStart once the process has started, before any of its output', async () => {
    const events: string[] = [];
    await shown(['-e', 'console.log("out")'], {
      quiet: true,
      onStart: () => events.push('start'),
      onLine: (line) => events.push(line),
    });
    expect(events).toEqual(['start', 'out']);
  });
});
