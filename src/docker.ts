// The one place that runs processes: the docker CLI (and its buildx plugin), behind a small interface so that
// orchestration can be tested without an engine and the e2e tests meet the real one.
import * as exec from '@actions/exec';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Do not echo the output to the log (it is still captured). */
  quiet?: boolean;
  /** Echo each output line with this prefix (parallel builds stay readable). */
  linePrefix?: string;
}

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

export async function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<CommandResult> {
  const { linePrefix } = options;
  const echo =
    linePrefix === undefined ? undefined : (line: string): void => void process.stdout.write(`${linePrefix}${line}\n`);
  const result = await exec.getExecOutput(command, args, {
    ignoreReturnCode: true,
    silent: options.quiet === true || echo !== undefined,
    ...(echo ? { listeners: { stdline: echo, errline: echo } } : {}),
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

export type CommandRunner = typeof runCommand;

export interface BuilderInspection {
  driver: string;
  platforms: string[];
}

/** The docker commands this action uses, each a method, so callers never assemble `docker` argv themselves. */
export class DockerCli {
  constructor(private readonly run: CommandRunner = runCommand) {}

  private async ok(args: string[], options: RunOptions = {}): Promise<CommandResult> {
    const result = await this.run('docker', args, options);
    if (result.exitCode !== 0) throw new CommandError(`docker ${args.slice(0, 3).join(' ')}`, result);
    return result;
  }

  /** buildx's version number, e.g. `0.13.1` from `github.com/docker/buildx 0.13.1+ds1 …` or `… v0.29.1 abc`. */
  async buildxVersion(): Promise<string> {
    const { stdout } = await this.ok(['buildx', 'version'], { quiet: true });
    const version = /\bv?(\d+\.\d+\.\d+)/.exec(stdout)?.[1];
    if (!version) throw new Error(`cannot read the buildx version from: ${stdout.trim()}`);
    return version;
  }

  /** Whether the engine stores images in containerd, which lets the docker driver push multi-platform images. */
  async containerdImageStore(): Promise<boolean> {
    const { stdout } = await this.ok(['info', '--format', '{{json .DriverStatus}}'], { quiet: true });
    return stdout.includes('io.containerd.snapshotter');
  }

  /** The current docker context: the name of the docker driver's builder. */
  async currentContext(): Promise<string> {
    const { stdout } = await this.ok(['context', 'show'], { quiet: true });
    return stdout.trim() || 'default';
  }

  async inspectBuilder(name: string): Promise<BuilderInspection> {
    const { stdout } = await this.ok(['buildx', 'inspect', '--bootstrap', name], { quiet: true });
    return parseBuilderInspection(stdout);
  }

  async buildx(args: string[], options: RunOptions = {}): Promise<CommandResult> {
    return this.ok(args, options);
  }

  async removeBuilder(name: string): Promise<void> {
    await this.ok(['buildx', 'rm', '--force', name], { quiet: true });
  }

  /** Registers QEMU emulators with the binfmt image (the way that needs no root on the host, only the engine). */
  async installBinfmt(image: string, architectures: string[]): Promise<void> {
    await this.ok(['run', '--rm', '--privileged', image, '--install', architectures.join(',')]);
  }
}

/** Reads `docker buildx inspect` output: the builder's driver and the platforms of its nodes. */
export function parseBuilderInspection(text: string): BuilderInspection {
  const field = (label: string): string[] =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${label}:`))
      .map((line) => line.slice(label.length + 1).trim());
  const driver = field('Driver')[0];
  if (!driver) throw new Error(`cannot read the driver from \`docker buildx inspect\`:\n${text}`);
  const platforms = field('Platforms')
    .flatMap((line) => line.split(','))
    .map((platform) => platform.trim().replace(/\*$/, ''))
    .filter(Boolean);
  return { driver, platforms };
}
