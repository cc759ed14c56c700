// The one place that runs processes: the docker CLI (and its buildx plugin), behind a small interface so that
// orchestration can be tested without an engine and the e2e tests meet the real one.
import { basename, isAbsolute } from 'node:path';
import * as exec from '@actions/exec';
import { EngineApi, EngineUnreachableError } from './engine-api.js';
import { formatName, formatReference, type ImageReference } from './reference.js';

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
  #engineFacts: Promise<EngineFacts> | undefined;

  /** `engine`: the engine's API, where the docker CLI would use its default socket (EngineApi.fromEnvironment). */
  constructor(
    private readonly run: CommandRunner = runCommand,
    private readonly engine?: EngineApi,
  ) {}

  /** The docker CLI of this machine, and its engine's API where that is the default socket. */
  static forThisMachine(): DockerCli {
    return new DockerCli(runCommand, EngineApi.fromEnvironment());
  }

  private async ok(args: string[], options: RunOptions = {}, command = 'docker'): Promise<CommandResult> {
    const result = await this.run(command, args, options);
    if (result.exitCode !== 0) throw new CommandError(`${basename(command)} ${args.slice(0, 3).join(' ')}`, result);
    return result;
  }

  /**
   * A buildx command (argv from `buildx` on), run as the plugin binary that `docker info` names: through
   * `docker buildx`, each command first pays the docker CLI's start and its plugin metadata call (~0.2 s), and
   * buildx run on its own is the same program in its documented standalone mode. When docker info cannot tell,
   * the command goes through `docker` as usual.
   */
  private async buildxCommand(args: string[], options: RunOptions = {}): Promise<CommandResult> {
    const buildxPath = await this.engineFacts().then(
      (facts) => facts.buildxPath,
      () => undefined,
    );
    if (buildxPath === undefined) return this.ok(args, options);
    return this.ok(args.slice(1), options, buildxPath);
  }

  /**
   * The docker context, buildx's version and the engine's image store, from one `docker info`: a `docker buildx`
   * command costs two buildx process starts (the CLI asks the plugin for its metadata first), `docker info` none.
   * Asked once per step: the first call starts it, later ones share its answer.
   */
  engineFacts(): Promise<EngineFacts> {
    this.#engineFacts ??= this.ok(['info', '--format', ENGINE_FACTS_FORMAT], { quiet: true }).then(({ stdout }) =>
      parseEngineFacts(stdout),
    );
    return this.#engineFacts;
  }

  async inspectBuilder(name: string): Promise<BuilderInspection> {
    const { stdout } = await this.buildxCommand(['buildx', 'inspect', '--bootstrap', name], { quiet: true });
    return parseBuilderInspection(stdout);
  }

  async buildx(args: string[], options: RunOptions = {}): Promise<CommandResult> {
    return this.buildxCommand(args, options);
  }

  async removeBuilder(name: string): Promise<void> {
    await this.buildxCommand(['buildx', 'rm', '--force', name], { quiet: true });
  }

  /**
   * Makes `call` on the engine's API; false when there is none or its socket cannot be reached, so that the caller
   * runs the docker CLI instead. Any other failure is the engine's answer, and is thrown.
   */
  private async onEngineApi(call: (engine: EngineApi) => Promise<unknown>): Promise<boolean> {
    if (!this.engine) return false;
    try {
      await call(this.engine);
      return true;
    } catch (error) {
      if (error instanceof EngineUnreachableError) return false;
      throw error;
    }
  }

  /** Gives an image in the engine another name. */
  async tagImage(source: string, target: ImageReference): Promise<void> {
    if (await this.onEngineApi((engine) => engine.tagImage(source, formatName(target), target.tag ?? 'latest'))) {
      return;
    }
    await this.ok(['image', 'tag', source, formatReference(target)], { quiet: true });
  }

  /**
   * Untags images in the engine (an image goes when its last name does). A name the engine does not have is no
   * failure: it is already gone. All names at once: removing an image takes the engine about a second, and it
   * removes several together faster than one after another.
   */
  async untagImages(names: string[]): Promise<void> {
    const failures = (await Promise.all(names.map((name) => this.untagImage(name)))).filter(
      (failure): failure is string => failure !== undefined,
    );
    if (failures.length > 0) throw new Error(`docker image rm ${names.join(' ')} failed: ${failures.join('\n')}`);
  }

  /** Undefined once the name is gone; else what went wrong. */
  private async untagImage(name: string): Promise<string | undefined> {
    try {
      if (await this.onEngineApi((engine) => engine.removeImage(name))) return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    const result = await this.run('docker', ['image', 'rm', name], { quiet: true });
    return result.exitCode === 0 || /No such image/i.test(result.stderr) ? undefined : errorSummary(result);
  }

  /** Registers QEMU emulators with the binfmt image (the way that needs no root on the host, only the engine). */
  async installBinfmt(image: string, architectures: string[]): Promise<void> {
    await this.ok(['run', '--rm', '--privileged', image, '--install', architectures.join(',')]);
  }
}

export interface EngineFacts {
  /** The current docker context: the name of the docker driver's builder. */
  context: string;
  /** buildx's version number, e.g. `0.13.1` from `0.13.1+ds1` or `v0.29.1`. */
  buildxVersion: string;
  /** The buildx plugin binary the docker CLI runs for `docker buildx` (absent from CLIs that do not say). */
  buildxPath?: string;
  /** The engine stores images in containerd, which lets the docker driver push multi-platform images. */
  containerdImageStore: boolean;
}

/** One JSON object: the client's facts (context, plugins) and the engine's storage driver status. */
const ENGINE_FACTS_FORMAT = '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}';

interface DockerInfo {
  client?: { Context?: string; Plugins?: { Name?: string; Version?: string; Path?: string; Err?: string }[] };
  driverStatus?: unknown;
}

/** Reads what `docker info --format ENGINE_FACTS_FORMAT` prints (Docker CLI 20.10 or later). */
export function parseEngineFacts(text: string): EngineFacts {
  let info: DockerInfo;
  try {
    info = JSON.parse(text) as DockerInfo;
  } catch {
    throw new Error(`cannot read the docker client's facts from \`docker info\`: ${text.trim()}`);
  }
  const client = info.client ?? {};
  const buildx = client.Plugins?.find((plugin) => plugin.Name === 'buildx');
  if (!buildx) throw new Error('docker buildx is not installed: `docker info` lists no buildx CLI plugin');
  const buildxVersion = /\bv?(\d+\.\d+\.\d+)/.exec(buildx.Version ?? '')?.[1];
  if (!buildxVersion) {
    throw new Error(`cannot read the buildx version from \`docker info\`: ${buildx.Err ?? buildx.Version ?? ''}`);
  }
  if (!client.Context) throw new Error('`docker info` names no docker context (Docker CLI 20.10 or later is needed)');
  return {
    context: client.Context,
    buildxVersion,
    ...(buildx.Path && isAbsolute(buildx.Path) ? { buildxPath: buildx.Path } : {}),
    containerdImageStore: JSON.stringify(info.driverStatus ?? null).includes('io.containerd.snapshotter'),
  };
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
