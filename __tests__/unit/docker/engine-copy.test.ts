import { DockerCli } from '../../../src/docker/cli.js';
import type { CommandRunner } from '../../../src/docker/command.js';
import { engineCopyToKeep, tagEngineCopy } from '../../../src/docker/engine-copy.js';
import { parsePlatform } from '../../../src/platform.js';
import { parseReference } from '../../../src/reference.js';
import { printedBy } from '../support/step-process.js';

const COPY = '127.0.0.1:5000/lab/app:multiarch-tmp-7-1-abcdef01-tq1x2y-all';
const FINAL = ['127.0.0.1:5000/lab/app:latest', '127.0.0.1:5000/lab/app:v1'].map(parseReference);

/** A docker CLI whose commands are recorded and answered with `exitCode` (and a stderr line when it fails). */
function recordingDocker(exitCode: number): { docker: DockerCli; commands: string[] } {
  const commands: string[] = [];
  const run: CommandRunner = (command, args) => {
    commands.push([command, ...args].join(' '));
    return Promise.resolve({ exitCode, stdout: '', stderr: exitCode === 0 ? '' : 'Error: No such image' });
  };
  return { docker: new DockerCli(run), commands };
}

describe('tagEngineCopy', () => {
  test('gives the engine copy every final tag', async () => {
    const { docker, commands } = recordingDocker(0);
    const printed = await printedBy(() => tagEngineCopy(docker, COPY, FINAL));
    expect(commands).toEqual([
      `docker image tag ${COPY} 127.0.0.1:5000/lab/app:latest`,
      `docker image tag ${COPY} 127.0.0.1:5000/lab/app:v1`,
    ]);
    expect(printed).not.toContain('::warning::');
  });

  test('a failed tag is a warning that names the cause, not a failure', async () => {
    const { docker } = recordingDocker(1);
    const printed = await printedBy(() => tagEngineCopy(docker, COPY, FINAL));
    expect(printed).toContain("::warning::Could not give this run's image in the docker engine its final tags");
    expect(printed).toContain('No such image');
  });
});

describe('engineCopyToKeep', () => {
  const REPOSITORIES = ['127.0.0.1:5000/lab/app:latest', 'ghcr.io/o/app:latest'].map(parseReference);
  const build = (platforms: string, temporaryTag: string) => ({
    platforms: platforms.split(',').map(parsePlatform),
    temporaryTag,
  });
  const FAN_OUT = [build('linux/arm64', 'tmp-linux-arm64'), build('linux/amd64', 'tmp-linux-amd64')];

  test.each([
    ['one multi-platform build', [build('linux/arm64,linux/amd64', 'tmp-all')], 'linux/amd64', 'tmp-all'],
    ["a fan-out: the engine's own platform's build", FAN_OUT, 'linux/amd64', 'tmp-linux-amd64'],
    ['a fan-out on an arm64 engine (arm64/v8 is arm64)', FAN_OUT, 'linux/arm64/v8', 'tmp-linux-arm64'],
    ["none of the engine's platform: the first build", FAN_OUT, 'linux/riscv64', 'tmp-linux-arm64'],
    ['an engine platform buildx did not report: the first build', FAN_OUT, undefined, 'tmp-linux-arm64'],
    ['an engine platform this action cannot read: the first build', FAN_OUT, 'windows/amd64', 'tmp-linux-arm64'],
  ])('%s', (_case, builds, enginePlatform, temporaryTag) => {
    // The first repository's name: every repository's temporary name is the same image in the engine.
    expect(engineCopyToKeep(builds, REPOSITORIES, enginePlatform)).toBe(`127.0.0.1:5000/lab/app:${temporaryTag}`);
  });

  test('no build, or a build without a temporary tag: nothing to keep', () => {
    expect(engineCopyToKeep([], REPOSITORIES, 'linux/amd64')).toBeUndefined();
    expect(
      engineCopyToKeep([{ platforms: [parsePlatform('linux/amd64')] }], REPOSITORIES, 'linux/amd64'),
    ).toBeUndefined();
  });
});
