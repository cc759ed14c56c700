import { jest } from '@jest/globals';
import {
  CommandError,
  errorSummary,
  runCommand,
  startCommand,
  type CommandResult,
  type RunOptions,
} from '../../../src/docker/command.js';

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

describe('CommandError', () => {
  test('names the command, its exit code and what went wrong, and keeps the whole result', () => {
    const result = { exitCode: 125, stdout: '', stderr: 'progress\nERROR: no builder "b" found\n' };
    const error = new CommandError('docker buildx inspect --bootstrap', result);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CommandError');
    expect(error.message).toBe('`docker buildx inspect --bootstrap` failed (exit 125): ERROR: no builder "b" found');
    expect(error.command).toBe('docker buildx inspect --bootstrap');
    expect(error.result).toBe(result);
  });

  test('says so when the command printed nothing', () => {
    expect(new CommandError('docker image tag', { exitCode: 1, stdout: '', stderr: '' }).message).toBe(
      '`docker image tag` failed (exit 1): (no error output)',
    );
  });
});

describe('runCommand', () => {
  const node = process.execPath;

  /** Runs the command with process.stdout and process.stderr captured: what the step's log would show. */
  async function logged(
    command: string,
    args: string[],
    options?: RunOptions,
  ): Promise<{ result: CommandResult; stdout: string; stderr: string }> {
    const capture = (stream: NodeJS.WriteStream, into: string[]) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
        return true;
      });
    const out: string[] = [];
    const err: string[] = [];
    const spies = [capture(process.stdout, out), capture(process.stderr, err)];
    try {
      const result = await runCommand(command, args, options);
      return { result, stdout: out.join(''), stderr: err.join('') };
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  test('a failing command: its exit code, stdout and stderr, without throwing', async () => {
    const { result } = await logged(
      node,
      ['-e', 'process.stdout.write("out\\n"); process.stderr.write("err"); process.exit(3)'],
      { quiet: true },
    );
    expect(result).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err' });
  });

  test('through a shell: arguments reach the process as they are', async () => {
    const { result } = await logged('sh', ['-c', 'printf "%s|" "$@"; exit 7', 'sh', 'a b', '$(x);|&', ''], {
      quiet: true,
    });
    expect(result).toEqual({ exitCode: 7, stdout: 'a b|$(x);|&||', stderr: '' });
  });

  test('quiet: nothing reaches the log, neither the command line nor its output', async () => {
    const { result, stdout, stderr } = await logged(node, ['-e', 'console.log("one"); console.error("two")'], {
      quiet: true,
    });
    expect(result).toEqual({ exitCode: 0, stdout: 'one\n', stderr: 'two\n' });
    expect(stdout).toBe('');
    expect(stderr).toBe('');
  });

  test('quiet wins over a line prefix', async () => {
    const { result, stdout } = await logged(node, ['-e', 'console.log("one")'], { quiet: true, linePrefix: '[p] ' });
    expect(result.stdout).toBe('one\n');
    expect(stdout).toBe('');
  });

  test('shown: @actions/exec echoes the command line, then every line of stdout and stderr', async () => {
    const script = 'console.log("one"); console.error("two"); process.exit(2)';
    const { result, stdout } = await logged(node, ['-e', script]);
    expect(result).toEqual({ exitCode: 2, stdout: 'one\n', stderr: 'two\n' });
    const [commandLine, ...output] = stdout.split('\n');
    expect(commandLine).toBe(`[command]${node} -e ${script}`);
    expect(output.sort()).toEqual(['', 'one', 'two']);
  });

  test('with a line prefix: each line of stdout and stderr under it, and no command line', async () => {
    const { result, stdout } = await logged(node, ['-e', 'console.log("a\\nb"); console.error("c")'], {
      linePrefix: '[linux/arm64] ',
    });
    expect(result).toEqual({ exitCode: 0, stdout: 'a\nb\n', stderr: 'c\n' });
    expect(stdout).not.toContain('[command]');
    expect(stdout.split('\n').sort()).toEqual(['', '[linux/arm64] a', '[linux/arm64] b', '[linux/arm64] c']);
  });

  test('with a line prefix: a last line without a newline is echoed too', async () => {
    const { stdout } = await logged('sh', ['-c', 'printf "a\\nlast"; printf "err-last" >&2'], { linePrefix: '[p] ' });
    expect(stdout.split('\n').sort()).toEqual(['', '[p] a', '[p] err-last', '[p] last']);
  });

  test('env: added to the inherited environment, which the child keeps', async () => {
    const script = 'console.log(JSON.stringify([process.env.ADDED, process.env.PATH]))';
    const { result } = await logged(node, ['-e', script], { quiet: true, env: { ADDED: 'yes' } });
    expect(JSON.parse(result.stdout)).toEqual(['yes', process.env.PATH]);
  });

  test('a missing executable rejects, naming it', async () => {
    await expect(runCommand('/nonexistent/docker', ['version'], { quiet: true })).rejects.toThrow(
      'Unable to locate executable file: /nonexistent/docker',
    );
  });
});

describe('startCommand', () => {
  test("captures a command's output and exit code, and echoes nothing", async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const started = startCommand('sh', ['-c', 'echo out; echo err >&2; exit 3']);
      expect(await started.result).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });

  test('stop ends a command that still runs (sleep 60 would outlast the test), with a non-zero exit code', async () => {
    const started = startCommand('sleep', ['60']);
    started.stop();
    expect((await started.result).exitCode).not.toBe(0);
  });

  test('stop after the command ended does nothing', async () => {
    const started = startCommand('true', []);
    expect((await started.result).exitCode).toBe(0);
    started.stop();
    expect((await started.result).exitCode).toBe(0);
  });

  test('a command that cannot be started ends with exit code 127 and says why', async () => {
    const result = await startCommand('multiarch-no-such-command', []).result;
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toContain('ENOENT');
  });
});
