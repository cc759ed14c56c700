// The one place that runs processes: the docker CLI (and its buildx plugin), behind a small interface so that
// orchestration can be tested without an engine and the e2e tests meet the real one.
import { spawn } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { Readable } from 'node:stream';
import { cliPluginDirs, EngineApi, EngineUnreachableError } from '../engine-api.js';
import { formatName, formatReference, type ImageReference } from '../reference.js';
import { errorMessage } from '../error-message.js';

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
  /** The output lines (stdout and stderr), each as it comes. */
  onLine?: (line: string) => void;
  /** Called once the process has started. */
  onStart?: () => void;
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

/**
 * Runs a command to its end. It is started in this very tick, so that a quiet one runs while the step's own code is
 * still loading (see index.ts). A shown one is echoed as the runner's log expects (`[command]` and its argv, then
 * its output, stderr's too, line by line), as @actions/exec would: child_process does it without loading
 * @actions/exec, @actions/io and node's assert (~8 ms before buildx starts), and says when the process has started.
 */
export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<CommandResult> {
  const { quiet = false, linePrefix, onLine, onStart } = options;
  const show = quiet ? undefined : (line: string): void => void process.stdout.write(`${linePrefix ?? ''}${line}\n`);
  if (!quiet && linePrefix === undefined) process.stdout.write(`[command]${[command, ...args].join(' ')}\n`);
  const eachLine =
    show || onLine
      ? (line: string): void => {
          show?.(line);
          onLine?.(line);
        }
      : undefined;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = readText(child.stdout, eachLine);
    const stderr = readText(child.stderr, eachLine);
    if (onStart) child.once('spawn', onStart);
    child.on('error', (error) => {
      reject(new Error(`cannot run ${command}: ${error.message}`));
    });
    child.on('close', (exitCode, exitSignal) => {
      resolve({
        exitCode: exitCode ?? 128,
        stdout: stdout(),
        stderr: stderr() + (exitSignal === null ? '' : `\n(killed by ${exitSignal})`),
      });
    });
  });
}

/**
 * Collects a stream's text (UTF-8, a character split between chunks kept whole) and hands each complete line to
 * `eachLine`, the last one even without a newline once the stream ends. Returns a reader of the whole text.
 */
function readText(stream: Readable, eachLine?: (line: string) => void): () => string {
  let text = '';
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
    if (!eachLine) return;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) eachLine(line.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (eachLine && pending !== '') eachLine(pending.replace(/\r$/, ''));
  });
  return () => text;
}

export type CommandRunner = typeof runCommand;

export interface BuilderInspection {
  driver: string;
  platforms: string[];
}

/** The docker commands this action uses, each a method, so callers never assemble `docker` argv themselves. */
export class DockerCli {
  #engineFacts: Promise<EngineFacts> | undefined;
  #buildxVersion: Promise<string> | undefined;

  /**
   * `engine`: the engine's API, where the docker CLI would use its default socket (EngineApi.fromEnvironment).
   * `pluginDirs`: where the docker CLI looks for its plugins (cliPluginDirs).
   */
  constructor(
    private readonly run: CommandRunner = runCommand,
    private readonly engine?: EngineApi,
    private readonly pluginDirs: () => string[] | undefined = cliPluginDirs,
  ) {}

  static #thisMachine: DockerCli | undefined;

  /**
   * The docker CLI of this machine, and its engine's API where that is the default socket: one per process, so
   * that the engine facts the entry point starts early are the ones the step reads.
   */
  static forThisMachine(): DockerCli {
    return (DockerCli.#thisMachine ??= new DockerCli(runCommand, EngineApi.fromEnvironment()));
  }

  private async ok(args: string[], options: RunOptions = {}, command = 'docker'): Promise<CommandResult> {
    const result = await this.run(command, args, options);
    if (result.exitCode !== 0) throw new CommandError(`${basename(command)} ${args.slice(0, 3).join(' ')}`, result);
    return result;
  }

  /**
   * A buildx command (argv from `buildx` on), run as the plugin binary that engineFacts names: through
   * `docker buildx`, each command first pays the docker CLI's start and its plugin metadata call (~0.1 s), and
   * buildx run on its own is the same program in its documented standalone mode. When engineFacts cannot tell,
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
   * The docker context, the buildx plugin's path and the engine's image store: what `docker info` says (a
   * `docker buildx` command would cost two buildx process starts, as the CLI asks the plugin for its metadata
   * first). Where there is an engine API, read the cheaper way the CLI itself reads them; `docker info` wherever
   * that fails in any way, so that the answer is always the CLI's. Asked once per step: the first call starts it,
   * later ones share its answer.
   */
  engineFacts(): Promise<EngineFacts> {
    const engine = this.engine;
    this.#engineFacts ??=
      engine === undefined
        ? this.dockerInfoFacts()
        : this.engineAndPluginFacts(engine).catch(() => this.dockerInfoFacts());
    return this.#engineFacts;
  }

  /**
   * buildx's version number, asked for only where an answer depends on it: it costs a buildx start (~70 ms) that
   * would otherwise delay every build. docker info names it with the other facts; else the plugin is asked for its
   * metadata as the CLI asks it (docker/cli cli-plugins/manager newPlugin), and docker info is the fallback.
   */
  buildxVersion(): Promise<string> {
    this.#buildxVersion ??= this.engineFacts().then(async ({ buildxVersion, buildxPath }) => {
      if (buildxVersion !== undefined) return buildxVersion;
      const fromPlugin =
        buildxPath === undefined ? undefined : await this.pluginVersion(buildxPath).catch(() => undefined);
      return fromPlugin ?? (await this.dockerInfoFacts()).buildxVersion;
    });
    return this.#buildxVersion;
  }

  /** `docker info` starts the CLI (~0.15 s), which asks the engine and every CLI plugin for its metadata. */
  private async dockerInfoFacts(): Promise<EngineFacts & { buildxVersion: string }> {
    const { stdout } = await this.ok(['info', '--format', ENGINE_FACTS_FORMAT], { quiet: true });
    return parseEngineFacts(stdout);
  }

  /**
   * What `docker info` would say, without the CLI: the engine's facts over its socket (~25 ms) and the buildx
   * plugin the CLI would run, the first docker-buildx in its plugin directories (docker/cli cli-plugins/manager
   * ListPlugins), found with a few stat calls.
   */
  private async engineAndPluginFacts(engine: EngineApi): Promise<EngineFacts> {
    const buildxPath = firstCliPlugin(this.pluginDirs(), 'docker-buildx');
    const info = await engine.info();
    return {
      // There is an engine API only where engineSocket finds one: DOCKER_HOST=unix://… (which the CLI resolves to
      // the default context before it looks at DOCKER_CONTEXT or the config, docker/cli resolveContextName), or
      // the default context itself (DOCKER_CONTEXT, else the config's currentContext, `default` or unset).
      context: 'default',
      buildxPath,
      containerdImageStore: containerdImageStore(info.DriverStatus),
    };
  }

  /** The version in a buildx plugin's metadata; throws where the CLI would list the plugin with an error. */
  private async pluginVersion(buildxPath: string): Promise<string> {
    const { stdout } = await this.ok(['docker-cli-plugin-metadata'], { quiet: true }, buildxPath);
    const metadata = JSON.parse(stdout) as { SchemaVersion?: unknown; Vendor?: unknown; Version?: unknown } | null;
    // The CLI's checks: a plugin failing them is one that docker info lists with an error.
    const valid = metadata?.SchemaVersion === '0.1.0' && typeof metadata.Vendor === 'string' && metadata.Vendor !== '';
    const buildxVersion = valid && typeof metadata.Version === 'string' ? versionNumber(metadata.Version) : undefined;
    if (buildxVersion === undefined) throw new Error(`unexpected metadata from ${buildxPath}: ${stdout.trim()}`);
    return buildxVersion;
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
      return errorMessage(error);
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
  /** buildx's version number, e.g. `0.13.1` from `0.13.1+ds1` or `v0.29.1`, where docker info gave the facts. */
  buildxVersion?: string;
  /** The buildx plugin binary the docker CLI runs for `docker buildx` (absent from CLIs that do not say). */
  buildxPath?: string;
  /** The engine stores images in containerd, which lets the docker driver push multi-platform images. */
  containerdImageStore: boolean;
}

/**
 * The path of the first `file` in `dirs`: the plugin the docker CLI runs and lists. Only a regular file, or a link
 * to one, is taken; anything else where the first one could be (a dangling link, which some CLI versions list and
 * others skip, a directory, a path that cannot be read) throws, as does no file at all.
 */
function firstCliPlugin(dirs: string[] | undefined, file: string): string {
  if (dirs === undefined) throw new Error('cannot read the docker config');
  for (const dir of dirs) {
    const path = join(dir, file);
    // Synchronous: a few stat calls, so that GET /info, which follows, goes out in the same tick (see index.ts).
    if (lstatSync(path, { throwIfNoEntry: false }) === undefined) continue;
    // Relative (an extra directory may be): docker info names it so, and parseEngineFacts leaves it out.
    if (!isAbsolute(path) || !statSync(path).isFile()) throw new Error(`${path}: not a plain plugin file`);
    return path;
  }
  throw new Error(`no ${file} in ${dirs.join(', ')}`);
}

/** One JSON object: the client's facts (context, plugins) and the engine's storage driver status. */
const ENGINE_FACTS_FORMAT = '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}';

interface DockerInfo {
  client?: { Context?: string; Plugins?: { Name?: string; Version?: string; Path?: string; Err?: string }[] };
  driverStatus?: unknown;
}

/** Reads what `docker info --format ENGINE_FACTS_FORMAT` prints (Docker CLI 20.10 or later). */
export function parseEngineFacts(text: string): EngineFacts & { buildxVersion: string } {
  let info: DockerInfo;
  try {
    info = JSON.parse(text) as DockerInfo;
  } catch {
    throw new Error(`cannot read the docker client's facts from \`docker info\`: ${text.trim()}`);
  }
  const client = info.client ?? {};
  const buildx = client.Plugins?.find((plugin) => plugin.Name === 'buildx');
  if (!buildx) throw new Error('docker buildx is not installed: `docker info` lists no buildx CLI plugin');
  const buildxVersion = versionNumber(buildx.Version ?? '');
  if (!buildxVersion) {
    throw new Error(`cannot read the buildx version from \`docker info\`: ${buildx.Err ?? buildx.Version ?? ''}`);
  }
  if (!client.Context) throw new Error('`docker info` names no docker context (Docker CLI 20.10 or later is needed)');
  return {
    context: client.Context,
    buildxVersion,
    ...(buildx.Path && isAbsolute(buildx.Path) ? { buildxPath: buildx.Path } : {}),
    containerdImageStore: containerdImageStore(info.driverStatus),
  };
}

/** A plugin's version number, e.g. `0.13.1` from `0.13.1+ds1` or `v0.29.1`. */
function versionNumber(version: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)/.exec(version)?.[1];
}

/** The engine's storage driver status (GET /info's DriverStatus) names containerd's snapshotter. */
function containerdImageStore(driverStatus: unknown): boolean {
  return JSON.stringify(driverStatus ?? null).includes('io.containerd.snapshotter');
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
