// Runs the commands the benchmark times: argv arrays, never a shell, and always asynchronously, because the
// counting proxy serves the docker engine from this same process and a blocked event loop would stall every push.
import { spawn } from 'node:child_process';

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  /** The whole environment of the command (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** The command is killed and the promise rejects when it runs longer than this. */
  timeoutMs?: number;
  /** The exit code the command is expected to end with (default 0); any other ending rejects. */
  exitCode?: number;
}

/** A command that ended in failure: the message names it and ends with what it printed last. */
export class CommandFailed extends Error {
  override name = 'CommandFailed';
}

/** The longest any single docker command of the benchmark may take before the benchmark gives up on it. */
const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60 * 1000;
/** How much of a failed command's output goes into the error message. */
const OUTPUT_TAIL_CHARS = 2000;

/** Runs `command args…` and resolves with its output when it exits as expected (0); rejects on any other ending. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandOutput> {
  const commandLine = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error) => {
      reject(new CommandFailed(`${commandLine}: ${error.message}`));
    });
    child.on('close', (exitCode, signal) => {
      if (exitCode === (options.exitCode ?? 0)) {
        resolve({ stdout, stderr });
        return;
      }
      const ending = signal === null ? `exit ${String(exitCode)}` : `killed by ${signal}`;
      reject(new CommandFailed(`${commandLine} failed (${ending}):\n${tail(stderr || stdout)}`));
    });
  });
}

/** The end of a command's output, enough to see why it failed. */
export function tail(text: string): string {
  return text.length > OUTPUT_TAIL_CHARS ? `…${text.slice(-OUTPUT_TAIL_CHARS)}` : text;
}
