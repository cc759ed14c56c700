// The one place that starts processes for the action's own commands (docker and its buildx plugin): @actions/exec
// behind a small function type, so that orchestration can be tested with a fake runner and the e2e tests meet the
// real CLI.
import { spawn } from 'node:child_process';
import * as exec from '@actions/exec';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Do not echo the command or its output to the log (the output is still captured). */
  quiet?: boolean;
  /** Echo each output line with this prefix (parallel builds stay readable), and not the command line. */
  linePrefix?: string;
  /** Variables added to (or replacing some of) this process's environment for the command. */
  env?: Record<string, string>;
}

export type CommandRunner = (command: string, args: string[], options?: RunOptions) => Promise<CommandResult>;

/** A command running in the background, quietly: what it printed and its exit code once it ends, or end it early. */
export interface StartedCommand {
  result: Promise<CommandResult>;
  /** Ends the process (SIGTERM) if it still runs; its result then has a non-zero exit code. */
  stop(): void;
}

export type CommandStarter = (command: string, args: string[]) => StartedCommand;

export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly command: string,
    readonly result: CommandResult,
  ) {
    super(`\`${command}\` failed (exit ${result.exitCode}): ${errorSummary(result)}`);
  }
}

/** The lines that say what went wrong: buildx's `ERROR:` lines, else the last lines of stderr. */
export function errorSummary(result: CommandResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());
  const errors = lines.filter((line) => /^(#\d+ )?(ERROR|error)[:\s]/.test(line));
  const chosen = errors.length > 0 ? errors : result.stderr.trim().split('\n').slice(-5);
  return chosen.join('\n').trim() || '(no error output)';
}

/**
 * Runs a command to its end and returns its exit code and output, whatever the exit code. A shown command is echoed
 * by @actions/exec (`[command]…`, then its output); with a line prefix, each output line is echoed under it instead.
 */
export const runCommand: CommandRunner = async (command, args, options = {}) => {
  const { quiet = false, linePrefix, env } = options;
  const echoPrefixed =
    !quiet && linePrefix !== undefined
      ? (line: string): void => void process.stdout.write(`${linePrefix}${line}\n`)
      : undefined;
  const result = await exec.getExecOutput(command, args, {
    ignoreReturnCode: true,
    silent: quiet || echoPrefixed !== undefined,
    // @actions/exec hands `env` to the child as its whole environment.
    ...(env ? { env: { ...definedVariables(process.env), ...env } } : {}),
    ...(echoPrefixed ? { listeners: { stdline: echoPrefixed, errline: echoPrefixed } } : {}),
  });
  // @actions/exec hands a last line without a newline to no line listener: it is echoed here.
  for (const text of echoPrefixed ? [result.stdout, result.stderr] : []) {
    const lastLine = text.slice(text.lastIndexOf('\n') + 1);
    if (lastLine !== '') echoPrefixed?.(lastLine);
  }
  return result;
};

function definedVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])),
  );
}

/** The exit code a shell gives a process ended by a signal. */
const SIGNALLED_EXIT_CODE = 143;

/**
 * Starts a command whose end the caller may not need to wait for (@actions/exec cannot end a process it started):
 * its output is captured, never echoed. A command that cannot be started ends with exit code 127, as in a shell.
 */
export const startCommand: CommandStarter = (command, args) => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const result = new Promise<CommandResult>((resolve) => {
    child.on('error', (error) => {
      resolve({ exitCode: 127, stdout, stderr: `${stderr}${error.message}\n` });
    });
    child.on('close', (code) => {
      resolve({ exitCode: code ?? SIGNALLED_EXIT_CODE, stdout, stderr });
    });
  });
  return {
    result,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
};
