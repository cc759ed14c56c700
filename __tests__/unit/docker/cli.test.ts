import {
  type BuilderInspection,
  DockerCli,
  parseBuilderInspection,
  parseBuilderNodes,
  parseEngineFacts,
  type EngineFacts,
} from '../../../src/docker/cli.js';
import {
  CommandError,
  type CommandResult,
  type CommandRunner,
  type CommandStarter,
  type RunOptions,
} from '../../../src/docker/command.js';
import { parseReference } from '../../../src/reference.js';

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

// buildx 0.29 after the BuildKit container of node e2e-arm64 was killed: inspected without --bootstrap.
const STOPPED_NODE_INSPECT = `Name:          e2e
Driver:        docker-container
Last Activity: 2026-12-06 06:46:08 +0000 UTC

Nodes:
Name:                  e2e-amd64
Endpoint:              e2e-amd64-engine
Driver Options:        network="host" image="local/buildkit:debian"
Status:                running
BuildKit version:      v0.13.2
Platforms:             linux/amd64*, linux/arm64
Labels:
 org.mobyproject.buildkit.worker.executor:         oci

Name:                  e2e-arm64
Endpoint:              e2e-arm64-engine
Driver Options:        network="host" image="local/buildkit:debian"
Status:                stopped
Platforms:             linux/arm64*
`;

describe('parseBuilderInspection', () => {
  test.each<[string, string, Omit<BuilderInspection, 'platforms'> & { platforms: string[] }]>([
    [
      'docker driver (default builder)',
      DOCKER_DRIVER_INSPECT,
      {
        name: 'default',
        driver: 'docker',
        platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/arm64', 'linux/riscv64'],
        nodes: 1,
        buildkitVersions: ['v0.0.0+unknown'],
      },
    ],
    [
      'docker-container, starred platforms and indented sections',
      CONTAINER_INSPECT,
      {
        name: 'multiarch-1-1-abcdef01',
        driver: 'docker-container',
        platforms: ['linux/amd64', 'linux/arm64', 'linux/amd64/v2', 'linux/386'],
        nodes: 1,
        buildkitVersions: ['v0.25.1'],
      },
    ],
    [
      'two nodes',
      TWO_NODES_INSPECT,
      {
        name: 'remote',
        driver: 'remote',
        platforms: ['linux/amd64', 'linux/386', 'linux/arm64', 'linux/arm/v7'],
        nodes: 2,
        buildkitVersions: [],
      },
    ],
    [
      'not bootstrapped: no Platforms line',
      'Name: b\nDriver: docker-container\n\nNodes:\nName: b0\nStatus: inactive\n',
      { name: 'b', driver: 'docker-container', platforms: [], nodes: 1, buildkitVersions: [] },
    ],
    [
      'a node whose BuildKit died: the running one has a version',
      STOPPED_NODE_INSPECT,
      {
        name: 'e2e',
        driver: 'docker-container',
        platforms: ['linux/amd64', 'linux/arm64', 'linux/arm64'],
        nodes: 2,
        buildkitVersions: ['v0.13.2'],
      },
    ],
  ])('%s', (_name, text, inspection) => {
    expect(parseBuilderInspection(text)).toEqual(inspection);
  });

  test('output without a name and driver is an error quoting the output', () => {
    expect(() => parseBuilderInspection('ERROR: no builder "x" found\n')).toThrow(
      'cannot read the name and driver from `docker buildx inspect`:\nERROR: no builder "x" found',
    );
  });
});

describe('parseBuilderNodes', () => {
  test.each<[string, string, { name: string; status: string }[]]>([
    [
      'two nodes',
      TWO_NODES_INSPECT,
      [
        { name: 'remote0', status: 'running' },
        { name: 'remote1', status: 'running' },
      ],
    ],
    ['indented sections are no node', CONTAINER_INSPECT, [{ name: 'multiarch-1-1-abcdef010', status: 'running' }]],
    [
      'a node whose BuildKit died',
      STOPPED_NODE_INSPECT,
      [
        { name: 'e2e-amd64', status: 'running' },
        { name: 'e2e-arm64', status: 'stopped' },
      ],
    ],
    [
      'a node without a Status line',
      'Name: b\nDriver: remote\n\nNodes:\nName: b0\n',
      [{ name: 'b0', status: 'unknown' }],
    ],
    ['no Nodes section', 'ERROR: no builder "x" found\n', []],
  ])('%s', (_name, text, nodes) => {
    expect(parseBuilderNodes(text)).toEqual(nodes);
  });
});

/** What `docker info --format '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}'` prints. */
const CONTAINERD_STORE = [['driver-type', 'io.containerd.snapshotter.v1']];
const OVERLAY2_STORE = [
  ['Backing Filesystem', 'extfs'],
  ['Supports d_type', 'true'],
];
/** The lab's CLI 28.2 client facts, with overrides, and a storage driver status. */
const engineInfo = (client: object, driverStatus: string[][] | null = OVERLAY2_STORE): string =>
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

describe('parseEngineFacts', () => {
  test.each<[string, string, EngineFacts]>([
    [
      'Debian CLI 28, containerd store',
      engineInfo({}, CONTAINERD_STORE),
      { context: 'default', buildxVersion: '0.13.1', containerdImageStore: true },
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
    [
      'an engine that reports no driver status',
      engineInfo({ Context: 'remote' }, null),
      { context: 'remote', buildxVersion: '0.13.1', containerdImageStore: false },
    ],
  ])('%s', (_, text, facts) => {
    expect(parseEngineFacts(text)).toEqual(facts);
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
      'a buildx version without a version number',
      engineInfo(buildxPlugin('dev')),
      'cannot read the buildx version from `docker info`: dev',
    ],
    [
      'a CLI older than 20.10 (no context)',
      engineInfo({ Context: undefined }),
      '`docker info` names no docker context (Docker CLI 20.10 or later is needed)',
    ],
    [
      'not JSON',
      'Client: Docker Engine\n',
      "cannot read the docker client's facts from `docker info`: Client: Docker Engine",
    ],
  ])('%s is an error that says so', (_, text, message) => {
    expect(() => parseEngineFacts(text)).toThrow(message);
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

const ENGINE_FACTS_ARGS = ['info', '--format', '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}'];

describe('DockerCli.engineFacts', () => {
  test('runs docker info quietly, with a format that prints one JSON object, and parses it', async () => {
    const { run, calls } = fakeRunner({ stdout: engineInfo({}, CONTAINERD_STORE) });
    await expect(new DockerCli(run).engineFacts()).resolves.toEqual({
      context: 'default',
      buildxVersion: '0.13.1',
      containerdImageStore: true,
    });
    expect(calls).toEqual([{ command: 'docker', args: ENGINE_FACTS_ARGS, options: { quiet: true } }]);
  });

  test('is asked once per DockerCli: later and concurrent calls, and buildxVersion, share the first answer', async () => {
    const { run, calls } = fakeRunner({ stdout: engineInfo(buildxPlugin('v0.29.1')) });
    const docker = new DockerCli(run);
    const [first, second] = await Promise.all([docker.engineFacts(), docker.engineFacts()]);
    expect(second).toBe(first);
    await expect(docker.engineFacts()).resolves.toBe(first);
    await expect(docker.buildxVersion()).resolves.toBe('0.29.1');
    expect(calls).toHaveLength(1);
  });

  test('each DockerCli asks for itself', async () => {
    const { run, calls } = fakeRunner({ stdout: engineInfo({}) });
    await new DockerCli(run).engineFacts();
    await new DockerCli(run).buildxVersion();
    expect(calls.map((call) => call.args)).toEqual([ENGINE_FACTS_ARGS, ENGINE_FACTS_ARGS]);
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

  test('output it cannot read is an error, also for buildxVersion', async () => {
    const { run } = fakeRunner({ stdout: engineInfo({ Plugins: [] }) });
    await expect(new DockerCli(run).buildxVersion()).rejects.toThrow('docker buildx is not installed');
  });
});

describe('DockerCli with a fake runner: every command is docker, with this argv', () => {
  test('inspectBuilder bootstraps the named builder quietly and parses the output', async () => {
    const { run, calls } = fakeRunner({ stdout: CONTAINER_INSPECT });
    await expect(new DockerCli(run).inspectBuilder('multiarch-1-1-abcdef01')).resolves.toMatchObject({
      name: 'multiarch-1-1-abcdef01',
      driver: 'docker-container',
      platforms: ['linux/amd64', 'linux/arm64', 'linux/amd64/v2', 'linux/386'],
      nodes: 1,
    });
    expect(calls).toEqual([
      {
        command: 'docker',
        args: ['buildx', 'inspect', '--bootstrap', 'multiarch-1-1-abcdef01'],
        options: { quiet: true },
      },
    ]);
  });

  test('currentBuilder inspects the builder a build without --builder gets, without starting it', async () => {
    const { run, calls } = fakeRunner({ stdout: TWO_NODES_INSPECT });
    await expect(new DockerCli(run).currentBuilder()).resolves.toMatchObject({ name: 'remote', driver: 'remote' });
    expect(calls).toEqual([{ command: 'docker', args: ['buildx', 'inspect'], options: { quiet: true } }]);
  });

  test('inspectBuilder of a builder that does not exist is a CommandError', async () => {
    const { run } = fakeRunner({ exitCode: 1, stderr: 'ERROR: no builder "gone" found\n' });
    await expect(new DockerCli(run).inspectBuilder('gone')).rejects.toThrow(
      '`docker buildx inspect --bootstrap` failed (exit 1): ERROR: no builder "gone" found',
    );
  });

  test('builderNodes inspects the builder quietly without starting it', async () => {
    const { run, calls } = fakeRunner({ stdout: STOPPED_NODE_INSPECT });
    await expect(new DockerCli(run).builderNodes('e2e')).resolves.toEqual([
      { name: 'e2e-amd64', status: 'running' },
      { name: 'e2e-arm64', status: 'stopped' },
    ]);
    expect(calls).toEqual([{ command: 'docker', args: ['buildx', 'inspect', 'e2e'], options: { quiet: true } }]);
  });

  test('installBinfmt runs the image privileged, shown, with the architectures as one argument', async () => {
    const { run, calls } = fakeRunner({});
    await new DockerCli(run).installBinfmt('tonistiigi/binfmt:qemu-v10.2.3-68', ['arm64', 'riscv64']);
    expect(calls).toEqual([
      {
        command: 'docker',
        args: ['run', '--rm', '--privileged', 'tonistiigi/binfmt:qemu-v10.2.3-68', '--install', 'arm64,riscv64'],
        options: {},
      },
    ]);
  });

  test('installBinfmt that fails is a CommandError with the daemon message', async () => {
    const { run } = fakeRunner({ exitCode: 125, stderr: 'Error response from daemon: pull access denied\n' });
    await expect(new DockerCli(run).installBinfmt('tonistiigi/binfmt', ['arm64'])).rejects.toThrow(
      '`docker run --rm --privileged` failed (exit 125): Error response from daemon: pull access denied',
    );
  });

  test('buildx passes argv and options through to docker and returns the result', async () => {
    const { run, calls } = fakeRunner({ stdout: 'built\n', stderr: '#1 DONE\n' });
    const args = ['buildx', 'build', '--builder', 'b', '--build-arg', 'A=$(x);|&', '.'];
    await expect(new DockerCli(run).buildx(args, { linePrefix: '[linux/arm64] ' })).resolves.toEqual({
      exitCode: 0,
      stdout: 'built\n',
      stderr: '#1 DONE\n',
    });
    expect(calls).toEqual([{ command: 'docker', args, options: { linePrefix: '[linux/arm64] ' } }]);
  });

  test('a failed buildx command names its first three words and the ERROR line', async () => {
    const { run } = fakeRunner({
      exitCode: 1,
      stderr: 'ERROR: failed to solve: failed to push ghcr.io/acme/app: denied\n',
    });
    const failure = new DockerCli(run).buildx(['buildx', 'build', '--builder', 'b', '.']);
    await expect(failure).rejects.toBeInstanceOf(CommandError);
    await expect(failure).rejects.toThrow(
      '`docker buildx build --builder` failed (exit 1): ERROR: failed to solve: failed to push ghcr.io/acme/app: denied',
    );
  });

  test('removeBuilder forces removal of the named builder', async () => {
    const { run, calls } = fakeRunner({});
    await new DockerCli(run).removeBuilder('multiarch-1');
    expect(calls).toEqual([
      { command: 'docker', args: ['buildx', 'rm', '--force', 'multiarch-1'], options: { quiet: true } },
    ]);
  });

  test('tagImage names the source and the full target reference', async () => {
    const { run, calls } = fakeRunner({});
    await new DockerCli(run).tagImage('r/app:multiarch-tmp-1', parseReference('r/app:latest'));
    expect(calls).toEqual([
      {
        command: 'docker',
        args: ['image', 'tag', 'r/app:multiarch-tmp-1', 'docker.io/r/app:latest'],
        options: { quiet: true },
      },
    ]);
  });

  test('tagImage that fails is a CommandError', async () => {
    const { run } = fakeRunner({ exitCode: 1, stderr: 'Error response from daemon: No such image: r/app:t\n' });
    await expect(new DockerCli(run).tagImage('r/app:t', parseReference('r/app:latest'))).rejects.toThrow(
      '`docker image tag r/app:t` failed (exit 1): Error response from daemon: No such image: r/app:t',
    );
  });

  test('startImageRemoval starts docker image rm of the one name', () => {
    const started: string[][] = [];
    const start: CommandStarter = (command, args) => {
      started.push([command, ...args]);
      return { result: Promise.resolve({ exitCode: 0, stdout: '', stderr: '' }), stop: () => undefined };
    };
    new DockerCli(fakeRunner({}).run, start).startImageRemoval('r/app:t1');
    expect(started).toEqual([['docker', 'image', 'rm', 'r/app:t1']]);
  });

  test("namesNotInEngine: the names docker image inspect's errors say it has no image under", async () => {
    const calls: string[][] = [];
    const run: CommandRunner = (_command, args) => {
      calls.push(args);
      return Promise.resolve({
        exitCode: 1,
        stdout: 'sha256:0123\n',
        stderr:
          'Error response from daemon: No such image: r/app:gone\nError response from daemon: No such image: 127.0.0.1:5000/a:b\n',
      });
    };
    const names = ['r/app:kept', 'r/app:gone', '127.0.0.1:5000/a:b'];
    expect(await new DockerCli(run).namesNotInEngine(names)).toEqual(new Set(['r/app:gone', '127.0.0.1:5000/a:b']));
    expect(calls).toEqual([['image', 'inspect', '--format', '{{.Id}}', ...names]]);
  });

  test('namesNotInEngine: an engine that cannot be asked says no name is gone', async () => {
    const { run } = fakeRunner({ exitCode: 1, stderr: 'Cannot connect to the Docker daemon\n' });
    expect(await new DockerCli(run).namesNotInEngine(['r/app:a'])).toEqual(new Set());
  });

  test('namesNotInEngine of no names runs nothing', async () => {
    const { run, calls } = fakeRunner({});
    expect(await new DockerCli(run).namesNotInEngine([])).toEqual(new Set());
    expect(calls).toEqual([]);
  });
});
