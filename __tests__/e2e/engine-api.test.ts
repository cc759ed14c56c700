// The engine API calls the action makes instead of docker CLI runs (src/engine-api.ts), against the lab's engine.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { getExecOutput } from '@actions/exec';
import { DockerCli, type CommandRunner } from '../../src/docker/cli.js';
import { EngineApi, EngineApiError } from '../../src/engine-api.js';
import { describeWithLab, lab } from './lab.js';
import { docker, engineImageNames } from './probe.js';
import { newRunId } from './support/steps.js';

const source = `${lab.registry}/lab/busybox:amd64`;

describeWithLab('EngineApi on the lab engine (the default socket)', () => {
  const engine = EngineApi.fromEnvironment();
  const repository = `${lab.registry}/e2e/engine-api-${newRunId()}`;

  beforeAll(() => {
    const pulled = docker(['pull', '-q', source]);
    if (pulled.status !== 0) throw new Error(`docker pull ${source} failed: ${pulled.stderr}`);
  });

  test('names an image, removes the name, and says when a name is already gone', async () => {
    if (engine === undefined) throw new Error('the lab engine is not on the default socket');
    await engine.tagImage(source, repository, 'named');
    expect(engineImageNames()).toContain(`${repository}:named`);
    expect(await engine.removeImage(`${repository}:named`)).toBe(true);
    expect(engineImageNames()).not.toContain(`${repository}:named`);
    expect(await engine.removeImage(`${repository}:named`)).toBe(false);
    expect(engineImageNames()).toContain(source);
  });

  test("an image the engine does not have is an error with the engine's message", async () => {
    if (engine === undefined) throw new Error('the lab engine is not on the default socket');
    const failure = engine.tagImage(`${repository}:missing`, repository, 'x');
    await expect(failure).rejects.toBeInstanceOf(EngineApiError);
    await expect(failure).rejects.toMatchObject({ status: 404 });
    await expect(failure).rejects.toThrow(/answered 404: No such image: .*engine-api-.*:missing/);
  });
});

describeWithLab('DockerCli.engineFacts on the lab machine: what docker info says, without running anything', () => {
  /**
   * runCommand with this test's environment: jest gives a test file its own copy of process.env, which the
   * processes runCommand starts would not see.
   */
  const runHere: CommandRunner = async (command, args) => {
    const env = process.env as Record<string, string>;
    const { exitCode, stdout, stderr } = await getExecOutput(command, args, {
      ignoreReturnCode: true,
      silent: true,
      env,
    });
    return { exitCode, stdout, stderr };
  };

  /** This machine's DockerCli (engine API and all), recording the programs it runs. */
  function recordingDocker(): { docker: DockerCli; commands: string[] } {
    const commands: string[] = [];
    const run: CommandRunner = (command, args, options) => {
      commands.push([basename(command), ...args].join(' '));
      return runHere(command, args, options);
    };
    return { docker: new DockerCli(run, EngineApi.fromEnvironment()), commands };
  }

  /** The answer of a real `docker info --format …`, read by parseEngineFacts: a DockerCli without an engine API. */
  const dockerInfoFacts = () => new DockerCli(runHere).engineFacts();

  test('asks the engine only, runs nothing, and gets the answer docker info gives; the version when asked', async () => {
    const { docker, commands } = recordingDocker();
    const facts = await docker.engineFacts();
    expect(commands).toEqual([]);
    const { buildxVersion, ...viaDockerInfo } = await dockerInfoFacts();
    expect(facts).toEqual(viaDockerInfo);
    await expect(DockerCli.forThisMachine().engineFacts()).resolves.toEqual(facts);
    await expect(docker.buildxVersion()).resolves.toBe(buildxVersion);
    expect(commands).toEqual(['docker-buildx docker-cli-plugin-metadata']);
  });

  describe('with a DOCKER_CONFIG of its own, whose plugin directories link to the real buildx', () => {
    const saved = process.env.DOCKER_CONFIG;
    let root: string;
    let buildx: string;
    beforeAll(async () => {
      const { buildxPath } = await dockerInfoFacts();
      if (buildxPath === undefined) throw new Error('docker info names no buildx plugin path');
      buildx = buildxPath;
    });
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'docker-config-'));
      process.env.DOCKER_CONFIG = join(root, 'config');
      mkdirSync(join(root, 'config', 'cli-plugins'), { recursive: true });
      mkdirSync(join(root, 'extra'));
      writeFileSync(
        join(root, 'config', 'config.json'),
        JSON.stringify({ cliPluginsExtraDirs: [join(root, 'extra')] }),
      );
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
      rmSync(root, { recursive: true, force: true });
    });

    test.each<[string, string[], string]>([
      ["the config's extra directory comes first", ['extra', 'config/cli-plugins'], 'extra'],
      ["then the config directory's cli-plugins, before the system's", ['config/cli-plugins'], 'config/cli-plugins'],
    ])('%s', async (_, linked, chosen) => {
      for (const dir of linked) symlinkSync(buildx, join(root, dir, 'docker-buildx'));
      const { docker, commands } = recordingDocker();
      const facts = await docker.engineFacts();
      expect(commands).toEqual([]);
      expect(facts.buildxPath).toBe(join(root, chosen, 'docker-buildx'));
      const { buildxVersion, ...viaDockerInfo } = await dockerInfoFacts();
      expect(facts).toEqual(viaDockerInfo);
      await expect(docker.buildxVersion()).resolves.toBe(buildxVersion);
    });

    test('a dangling link first: docker info decides, and the answer is its own', async () => {
      symlinkSync(join(root, 'nowhere'), join(root, 'extra', 'docker-buildx'));
      symlinkSync(buildx, join(root, 'config', 'cli-plugins', 'docker-buildx'));
      const { docker, commands } = recordingDocker();
      const [facts, viaDockerInfo] = await Promise.allSettled([docker.engineFacts(), dockerInfoFacts()]);
      expect(facts).toEqual(viaDockerInfo);
      expect(facts).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringContaining('cannot read the buildx version from `docker info`') as string },
      });
      expect(commands).toEqual([expect.stringMatching(/^docker info /) as string]);
    });
  });
});
