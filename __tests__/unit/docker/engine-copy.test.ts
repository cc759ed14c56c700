import { DockerCli } from '../../../src/docker/cli.js';
import type { CommandRunner } from '../../../src/docker/command.js';
import { tagEngineCopy } from '../../../src/docker/engine-copy.js';
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
