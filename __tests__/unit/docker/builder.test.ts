import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuilderError, chooseBuilder, followsCurrentBuilder, setUpBuilder } from '../../../src/docker/builder.js';
import { DockerCli } from '../../../src/docker/cli.js';
import { CommandError, type CommandRunner } from '../../../src/docker/command.js';
import type { Inputs } from '../../../src/inputs/inputs.js';
import type { BuilderFacts } from '../../../src/plan/plan.js';
import { DEFAULT_BUILDKITD_FLAGS } from '../../../src/plan/buildx-args.js';
import { stepHash } from '../../../src/plan/temporary-tag.js';
import { parseFileCommands } from '../../../scripts/local-runner.js';
import { defaultInputs, type InputOverrides } from '../support/fixtures.js';

const RUN = {
  runId: '7',
  runAttempt: '1',
  job: 'build',
  action: 'multiarch',
  startedAt: 1_800_000_000,
  nonce: '5eed01',
};
/** The builder name for RUN and the default platforms: run, attempt, step, start time, a hash of the platforms. */
const CREATED_NAME = new RegExp(`^multiarch-7-1-${stepHash(RUN)}-tro8w0-5eed01-[0-9a-f]{8}$`);
const createdName = (): string => chooseBuilder(defaultInputs(), RUN, undefined).name ?? '';

describe('chooseBuilder', () => {
  test.each<[string, { builder?: string; driver: Inputs['driver'] }, { name?: string; create: boolean }]>([
    [
      'a named builder is used as it is, whatever the driver',
      { builder: 'mine', driver: 'docker' },
      { name: 'mine', create: false },
    ],
    ["driver docker: the engine's own builder, named later after the context", { driver: 'docker' }, { create: false }],
  ])('%s', (_, { builder = '', driver }, choice) => {
    expect(chooseBuilder(defaultInputs({ builder, driver }), RUN, undefined)).toMatchObject(choice);
  });

  // As build-push-action, which builds on whatever builder is current unless told otherwise.
  test.each<[string, InputOverrides, { name: string; driver: string } | undefined, { name?: string; create: boolean }]>(
    [
      [
        'the current builder that an earlier step chose is used, not created',
        { driver: '' },
        { name: 'builder-1a2b', driver: 'docker-container' },
        { name: 'builder-1a2b', create: false },
      ],
      [
        'a remote current builder is used',
        { driver: '' },
        { name: 'remote-arm', driver: 'remote' },
        { name: 'remote-arm', create: false },
      ],
      [
        "the engine's own builder as the current one: a docker-container builder is created",
        { driver: '' },
        { name: 'default', driver: 'docker' },
        { create: true },
      ],
      [
        'driver given: created, whatever is current',
        { driver: 'docker-container' },
        { name: 'builder-1a2b', driver: 'docker-container' },
        { create: true },
      ],
      [
        'driver-opts given: created, whatever is current',
        { driver: '', driverOpts: ['image=local/buildkit:debian'] },
        { name: 'builder-1a2b', driver: 'docker-container' },
        { create: true },
      ],
      [
        'builder given: that one',
        { driver: '', builder: 'mine' },
        { name: 'builder-1a2b', driver: 'docker-container' },
        { name: 'mine', create: false },
      ],
    ],
  )('%s', (_, overrides, current, choice) => {
    const inputs = defaultInputs(overrides);
    const follows = followsCurrentBuilder(inputs);
    const chosen = chooseBuilder(inputs, RUN, follows ? current : undefined);
    expect(chosen).toMatchObject(choice);
    if (choice.create) {
      expect(chosen.name).toMatch(CREATED_NAME);
      expect(chosen.driver).toBe('docker-container');
    }
    // The current builder is asked for only where it decides.
    expect(follows).toBe(
      overrides.driver === '' && overrides.builder === undefined && overrides.driverOpts === undefined,
    );
  });

  test('another driver: a builder named after the run, the step, its start and its platforms, created', () => {
    const choice = chooseBuilder(defaultInputs({ driver: 'docker-container' }), RUN, undefined);
    expect(choice.create).toBe(true);
    expect(choice.name).toMatch(CREATED_NAME);
  });

  test('two steps of one run get different builders', () => {
    const inputs = defaultInputs({ driver: 'docker-container' });
    expect(chooseBuilder(inputs, { ...RUN, job: 'other' }, undefined).name).not.toBe(
      chooseBuilder(inputs, RUN, undefined).name,
    );
  });

  // Regression: the name hashed only job and step, so the matrix legs of one job on one self-hosted engine (same
  // job, same step, other platforms) took the same builder, and the first leg's post removed it under the others.
  test('the matrix legs of one job get different builders, and so does a re-run of the step', () => {
    const leg = (platforms: string[]) => chooseBuilder(defaultInputs({ platforms }), RUN, undefined).name;
    expect(leg(['linux/amd64'])).not.toBe(leg(['linux/arm64']));
    expect(leg(['linux/arm64'])).not.toBe(leg(['linux/arm/v7']));
    expect(leg(['linux/arm64'])).toBe(leg(['linux/arm64']));
    const later = chooseBuilder(defaultInputs(), { ...RUN, startedAt: RUN.startedAt + 1 }, undefined).name;
    expect(later).not.toBe(createdName());
  });
});

/** A docker CLI that answers each command the way the lab's engine does, and records what it was asked. */
function fakeDocker(
  driver: string,
  { containerdStore = false, buildxVersion = '0.13.1+ds1', infoFails = false, createFails = false } = {},
): { docker: DockerCli; commands: string[] } {
  const commands: string[] = [];
  const info = {
    client: { Context: 'lab', Plugins: [{ Name: 'buildx', Version: buildxVersion }] },
    driverStatus: containerdStore ? [['driver-type', 'io.containerd.snapshotter.v1']] : [],
  };
  const answers: [RegExp, string][] = [
    [/^info --format /, JSON.stringify(info)],
    [
      /^buildx inspect --bootstrap /,
      `Name: x\nDriver: ${driver}\n\nNodes:\nName: x0\nBuildKit version: v0.13.2\nPlatforms: linux/amd64, linux/arm64\n` +
        'Name: x1\nBuildKit version:      v0.12.5\nPlatforms: linux/arm64, linux/arm/v7\n',
    ],
    [/^buildx create /, 'created\n'],
  ];
  const run: CommandRunner = (command, args) => {
    const line = args.join(' ');
    commands.push(line);
    if (infoFails && args[0] === 'info') {
      return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'ERROR: Cannot connect to the Docker daemon\n' });
    }
    if (createFails && args[1] === 'create') {
      return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'ERROR: Container abc is restarting\n' });
    }
    const answer = answers.find(([pattern]) => pattern.test(line));
    if (command !== 'docker' || !answer) return Promise.reject(new Error(`unexpected command: ${command} ${line}`));
    return Promise.resolve({ exitCode: 0, stdout: answer[1], stderr: '' });
  };
  return { docker: new DockerCli(run), commands };
}

/** Each command's first two words. */
const verbs = (commands: string[]): string[] => commands.map((line) => line.split(' ').slice(0, 2).join(' '));

describe('setUpBuilder', () => {
  test.each<
    [
      string,
      { builder?: string; driver: Inputs['driver']; store: boolean },
      string[],
      Omit<BuilderFacts, 'buildxVersion' | 'buildkitVersions' | 'defaultPlatform'>,
    ]
  >([
    [
      "the engine's own builder: docker info, and an inspect for its platforms (driver docker, named after the context)",
      { driver: 'docker', store: true },
      ['info --format', 'buildx inspect'],
      { name: 'lab', driver: 'docker', multiPlatform: true, nodes: 2, created: false },
    ],
    [
      "the engine's own builder without the containerd store builds one platform at a time",
      { driver: 'docker', store: false },
      ['info --format', 'buildx inspect'],
      { name: 'lab', driver: 'docker', multiPlatform: false, nodes: 2, created: false },
    ],
    [
      'a named docker-container builder: inspected, multi-platform without the containerd store',
      { builder: 'mine', driver: 'docker-container', store: false },
      ['info --format', 'buildx inspect'],
      { name: 'mine', driver: 'docker-container', multiPlatform: true, nodes: 2, created: false },
    ],
    [
      'a named builder that turns out to use the docker driver: not multi-platform without the containerd store',
      { builder: 'mine', driver: 'docker', store: false },
      ['info --format', 'buildx inspect'],
      { name: 'mine', driver: 'docker', multiPlatform: false, nodes: 2, created: false },
    ],
    [
      'a named builder that turns out to use the docker driver: multi-platform with the containerd store',
      { builder: 'mine', driver: 'docker', store: true },
      ['info --format', 'buildx inspect'],
      { name: 'mine', driver: 'docker', multiPlatform: true, nodes: 2, created: false },
    ],
    [
      'a builder this run creates: created, then inspected',
      { driver: 'docker-container', store: false },
      ['info --format', 'buildx create', 'buildx inspect'],
      { name: '<created>', driver: 'docker-container', multiPlatform: true, nodes: 2, created: true },
    ],
  ])('%s', async (_, { builder = '', driver, store }, expectedCommands, expected) => {
    const inputs = defaultInputs({ builder, driver });
    const { docker, commands } = fakeDocker(driver, { containerdStore: store });
    const name = expected.name === '<created>' ? createdName() : expected.name;
    await expect(setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, '/nonexistent')).resolves.toEqual({
      ...expected,
      name,
      buildxVersion: '0.13.1',
      buildkitVersions: ['v0.13.2', 'v0.12.5'],
      defaultPlatform: 'linux/amd64',
    });
    expect(verbs(commands)).toEqual(expectedCommands);
    expect(commands.find((line) => line.startsWith('buildx inspect'))).toBe(`buildx inspect --bootstrap ${name}`);
  });

  describe("the platforms output: every node's platforms, once each, as setup-buildx-action gives them", () => {
    let outputFile: string;
    let dir: string;
    const saved = process.env.GITHUB_OUTPUT;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'builder-output-'));
      outputFile = join(dir, 'output');
      writeFileSync(outputFile, '');
      process.env.GITHUB_OUTPUT = outputFile;
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = saved;
      rmSync(dir, { recursive: true, force: true });
    });

    test.each<[string, Inputs['driver'], string]>([
      ["the engine's own builder", 'docker', ''],
      ['a named builder', 'docker-container', 'mine'],
      ['a created builder', 'docker-container', ''],
    ])('%s', async (_, driver, builder) => {
      const inputs = defaultInputs({ driver, builder });
      const { docker } = fakeDocker(driver);
      await setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, '/nonexistent');
      expect(parseFileCommands(readFileSync(outputFile, 'utf8'))).toEqual({
        platforms: 'linux/amd64,linux/arm64,linux/arm/v7',
      });
    });
  });

  test('creates the builder with its driver and driver options, bootstrapped, and inspects that one', async () => {
    const inputs = defaultInputs({
      driver: 'docker-container',
      driverOpts: ['network=host', 'image=moby/buildkit:v0.25.1'],
    });
    const { docker, commands } = fakeDocker('docker-container');
    await setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, '/nonexistent');
    expect(commands.slice(1)).toEqual([
      `buildx create --name ${createdName()} --driver docker-container --driver-opt network=host --driver-opt image=moby/buildkit:v0.25.1 --buildkitd-flags ${DEFAULT_BUILDKITD_FLAGS} --bootstrap`,
      `buildx inspect --bootstrap ${createdName()}`,
    ]);
  });

  test('buildkitd-flags replace the default ones', async () => {
    const inputs = defaultInputs({ driver: 'docker-container', buildkitdFlags: '--debug --oci-worker-gc=false' });
    const { docker, commands } = fakeDocker('docker-container');
    await setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, '/nonexistent');
    expect(commands.filter((line) => line.startsWith('buildx create '))).toEqual([
      `buildx create --name ${createdName()} --driver docker-container --buildkitd-flags --debug --oci-worker-gc=false --bootstrap`,
    ]);
  });

  test('a docker info that fails fails the set-up before any builder is created', async () => {
    const inputs = defaultInputs({ driver: 'docker-container' });
    const { docker, commands } = fakeDocker('docker-container', { infoFails: true });
    const setUp = setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, '/nonexistent');
    await expect(setUp).rejects.toBeInstanceOf(CommandError);
    await expect(setUp).rejects.toThrow('ERROR: Cannot connect to the Docker daemon');
    expect(verbs(commands)).toEqual(['info --format']);
  });
});

describe('a builder that cannot be created and started', () => {
  test.each([
    ['the image of driver-opts', ['image=local/buildkit:gone', 'network=host'], 'local/buildkit:gone'],
    ['a quoted image', ['"image=local/buildkit:gone"'], 'local/buildkit:gone'],
    ['no image: buildx picks its own', ['network=host'], "buildx's default"],
  ])('fails naming the builder and %s', async (_name, driverOpts, image) => {
    const inputs = defaultInputs({ driver: 'docker-container', driverOpts });
    const { docker } = fakeDocker('docker-container', { createFails: true });
    const setUp = setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, '/nonexistent');
    await expect(setUp).rejects.toBeInstanceOf(BuilderError);
    await expect(setUp).rejects.toThrow(
      `could not create and start the builder ${createdName()} (driver docker-container, BuildKit image ${image}): ` +
        '`docker buildx create --name` failed',
    );
    await expect(setUp).rejects.toThrow('ERROR: Container abc is restarting');
    await expect(setUp).rejects.toThrow('Is the image in "driver-opts" a BuildKit image');
  });
});

describe('setUpBuilder writes a buildkitd config file only when there is one, named for the buildx version', () => {
  let tempDir: string;
  beforeEach(() => {
    tempDir = mkdtempSync(join(tmpdir(), 'builder-test-'));
  });
  afterEach(() => {
    rmSync(tempDir, { recursive: true, force: true });
  });

  const CONFIG = '[worker.oci]\n  max-parallelism = 4\n';

  test('no config: no file, no config flag', async () => {
    const inputs = defaultInputs({ driver: 'docker-container', buildkitdConfigInline: '  \n' });
    const { docker, commands } = fakeDocker('docker-container');
    await setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, tempDir);
    const create = commands.find((line) => line.startsWith('buildx create ')) ?? '';
    expect(create).not.toMatch(/--(buildkitd-)?config/);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  test.each<[string, string]>([
    ['0.13.1+ds1', '--buildkitd-config'],
    ['v0.29.1', '--buildkitd-config'],
    ['v0.12.1-desktop.4', '--config'],
  ])('a config on buildx %s: %s with the file holding the config', async (buildxVersion, flag) => {
    const inputs = defaultInputs({ driver: 'docker-container', buildkitdConfigInline: CONFIG });
    const { docker, commands } = fakeDocker('docker-container', { buildxVersion });
    await setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, tempDir);
    const file = join(tempDir, `${createdName()}-buildkitd.toml`);
    expect(commands.filter((line) => line.startsWith('buildx create '))).toEqual([
      `buildx create --name ${createdName()} --driver docker-container --buildkitd-flags ${DEFAULT_BUILDKITD_FLAGS} ${flag} ${file} --bootstrap`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(CONFIG);
  });

  test('a named builder is not created, so a config is not written', async () => {
    const inputs = defaultInputs({ builder: 'mine', driver: 'docker-container', buildkitdConfigInline: CONFIG });
    const { docker, commands } = fakeDocker('docker-container');
    await setUpBuilder(inputs, chooseBuilder(inputs, RUN, undefined), docker, tempDir);
    expect(verbs(commands)).toEqual(['info --format', 'buildx inspect']);
    expect(existsSync(join(tempDir, 'mine-buildkitd.toml'))).toBe(false);
    expect(readdirSync(tempDir)).toEqual([]);
  });
});
