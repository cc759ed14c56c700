import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseBuilder, setUpBuilder } from '../../src/docker/builder.js';
import type { Inputs } from '../../src/inputs.js';
import { DockerCli, type CommandRunner } from '../../src/docker/cli.js';
import { defaultInputs } from './fixtures.js';

const RUN = { runId: '7', runAttempt: '1', job: 'build', action: 'multiarch', startedAt: 1_800_000_000 };

/** A docker CLI that answers each command the way the lab's engine does, and records what it was asked. */
function fakeDocker(driver: string, containerdStore: boolean): { docker: DockerCli; commands: string[] } {
  const commands: string[] = [];
  const info = {
    client: { Context: 'lab', Plugins: [{ Name: 'buildx', Version: '0.13.1+ds1' }] },
    driverStatus: containerdStore ? [['driver-type', 'io.containerd.snapshotter.v1']] : [],
  };
  const answers: [RegExp, string][] = [
    [/^info --format /, JSON.stringify(info)],
    [/^buildx inspect /, `Name: x\nDriver: ${driver}\n\nNodes:\nPlatforms: linux/amd64, linux/arm64\n`],
    [/^buildx create /, 'created\n'],
  ];
  const run: CommandRunner = (command, args) => {
    const line = args.join(' ');
    commands.push(line);
    const answer = answers.find(([pattern]) => pattern.test(line));
    // No plugin path in the info below: buildx commands go through docker.
    if (command !== 'docker' || !answer) return Promise.reject(new Error(`unexpected command: ${command} ${line}`));
    return Promise.resolve({ exitCode: 0, stdout: answer[1], stderr: '' });
  };
  return { docker: new DockerCli(run), commands };
}

const verbs = (commands: string[]): string[] => commands.map((line) => line.split(' ').slice(0, 2).join(' ')).sort();

describe('setUpBuilder runs only the docker commands whose answer it needs', () => {
  test.each<[string, { builder?: string; driver: Inputs['driver']; store: boolean }, string[], object]>([
    [
      "the engine's own builder: one docker info, no buildx command (driver docker, named after the context)",
      { driver: 'docker', store: true },
      ['info --format'],
      { name: 'lab', driver: 'docker', multiPlatform: true, created: false },
    ],
    [
      "the engine's own builder without the containerd store builds one platform at a time",
      { driver: 'docker', store: false },
      ['info --format'],
      { name: 'lab', driver: 'docker', multiPlatform: false, created: false },
    ],
    [
      'a named docker-container builder: inspected',
      { builder: 'mine', driver: 'docker-container', store: false },
      ['buildx inspect', 'info --format'],
      { name: 'mine', driver: 'docker-container', multiPlatform: true, created: false },
    ],
    [
      'a named builder that turns out to use the docker driver: multi-platform only with the containerd store',
      { builder: 'mine', driver: 'docker', store: false },
      ['buildx inspect', 'info --format'],
      { name: 'mine', driver: 'docker', multiPlatform: false, created: false },
    ],
    [
      'a builder this run creates: created, then inspected',
      { driver: 'docker-container', store: false },
      ['buildx create', 'buildx inspect', 'info --format'],
      { name: 'multiarch-7-1-', driver: 'docker-container', multiPlatform: true, created: true },
    ],
  ])('%s', async (_, { builder = '', driver, store }, expectedCommands, expectedFacts) => {
    const inputs = defaultInputs({ builder, driver });
    const { docker, commands } = fakeDocker(driver, store);
    const facts = await setUpBuilder(inputs, chooseBuilder(inputs, RUN), docker, '/nonexistent');
    expect(verbs(commands)).toEqual(expectedCommands);
    const { name, ...rest } = expectedFacts as { name: string };
    expect(facts).toMatchObject(rest);
    expect(facts.name.startsWith(name)).toBe(true);
  });
});

describe('setUpBuilder asks for the buildx version only to name a buildkitd config file', () => {
  test.each<[string, string, string[]]>([
    ['no config: no version asked, no config flag', '', []],
    ['a config on buildx 0.13.1: --buildkitd-config', '[worker.oci]\n  max-parallelism = 4\n', ['--buildkitd-config']],
  ])('%s', async (_, buildkitdConfigInline, configFlag) => {
    const tempDir = mkdtempSync(join(tmpdir(), 'builder-test-'));
    try {
      const inputs = defaultInputs({ driver: 'docker-container', buildkitdConfigInline });
      const { docker, commands } = fakeDocker('docker-container', false);
      let versionsAsked = 0;
      const buildxVersion = docker.buildxVersion.bind(docker);
      docker.buildxVersion = () => {
        versionsAsked += 1;
        return buildxVersion();
      };
      await setUpBuilder(inputs, chooseBuilder(inputs, RUN), docker, tempDir);
      expect(versionsAsked).toBe(configFlag.length);
      const create = commands.find((line) => line.startsWith('buildx create '))?.split(' ') ?? [];
      const flagAt = create.findIndex((word) => word === '--buildkitd-config' || word === '--config');
      expect(flagAt === -1 ? [] : [create[flagAt]]).toEqual(configFlag);
      if (flagAt !== -1) expect(readFileSync(create[flagAt + 1] ?? '', 'utf8')).toBe(buildkitdConfigInline);
    } finally {
      rmSync(tempDir, { recursive: true, force: true });
    }
  });
});
