// The docker commands this action runs, each a method, so callers never assemble `docker` argv themselves. Every
// command goes through the docker CLI, as users run it: it honours their contexts, DOCKER_HOST, DOCKER_CONFIG, TLS
// settings and plugin directories.
import { formatReference, type ImageReference } from '../reference.js';
import {
  CommandError,
  errorSummary,
  runCommand,
  startCommand,
  type CommandResult,
  type CommandRunner,
  type CommandStarter,
  type StartedCommand,
  type RunOptions,
} from './command.js';

export interface BuilderInspection {
  name: string;
  driver: string;
  /** The platforms of every node; the first is the first node's own, which a build without --platform gets. */
  platforms: string[];
  /** How many nodes the builder has (at least one). */
  nodes: number;
  /** Each node's BuildKit version as buildx reports it (`v0.13.2`, `v0.12.5-moby`); none for a node not started. */
  buildkitVersions: string[];
}

/** A node of a builder, as `docker buildx inspect` reports it without starting it. */
export interface BuilderNode {
  name: string;
  /** buildx's word: running, stopped, inactive, … */
  status: string;
}

export interface EngineFacts {
  /** The current docker context: the name of the docker driver's builder. */
  context: string;
  /** buildx's version number, e.g. `0.13.1` from `0.13.1+ds1` or `v0.29.1`. */
  buildxVersion: string;
  /** The engine stores images in containerd, which lets the docker driver push multi-platform images. */
  containerdImageStore: boolean;
}

export class DockerCli {
  #engineFacts: Promise<EngineFacts> | undefined;

  constructor(
    private readonly run: CommandRunner = runCommand,
    private readonly start: CommandStarter = startCommand,
  ) {}

  private async ok(args: string[], options: RunOptions = {}): Promise<CommandResult> {
    const result = await this.run('docker', args, options);
    if (result.exitCode !== 0) throw new CommandError(`docker ${args.slice(0, 3).join(' ')}`, result);
    return result;
  }

  /** The context, buildx's version and the image store, from one `docker info`; asked once per step. */
  engineFacts(): Promise<EngineFacts> {
    this.#engineFacts ??= this.ok(['info', '--format', ENGINE_FACTS_FORMAT], { quiet: true }).then(({ stdout }) =>
      parseEngineFacts(stdout),
    );
    return this.#engineFacts;
  }

  async buildxVersion(): Promise<string> {
    return (await this.engineFacts()).buildxVersion;
  }

  async inspectBuilder(name: string): Promise<BuilderInspection> {
    const { stdout } = await this.ok(['buildx', 'inspect', '--bootstrap', name], { quiet: true });
    return parseBuilderInspection(stdout);
  }

  /**
   * The builder a build without --builder gets: BUILDX_BUILDER, else the one `docker buildx use` (or
   * setup-buildx-action) chose for the current context, else the engine's own. Not started here.
   */
  async currentBuilder(): Promise<BuilderInspection> {
    const { stdout } = await this.ok(['buildx', 'inspect'], { quiet: true });
    return parseBuilderInspection(stdout);
  }

  /** A buildx command, argv from `buildx` on. */
  async buildx(args: string[], options: RunOptions = {}): Promise<CommandResult> {
    return this.ok(args, options);
  }

  /** Whether buildx knows a builder by this name (inspected without starting it); throws when it cannot tell. */
  async builderExists(name: string): Promise<boolean> {
    const result = await this.run('docker', ['buildx', 'inspect', name], { quiet: true });
    if (result.exitCode === 0) return true;
    if (/no builder .* found/i.test(errorSummary(result))) return false;
    throw new CommandError(`docker buildx inspect ${name}`, result);
  }

  /** The nodes of a builder and their status, inspected without starting any: a node that died stays stopped. */
  async builderNodes(name: string): Promise<BuilderNode[]> {
    const { stdout } = await this.ok(['buildx', 'inspect', name], { quiet: true });
    return parseBuilderNodes(stdout);
  }

  async removeBuilder(name: string): Promise<void> {
    await this.ok(['buildx', 'rm', '--force', name], { quiet: true });
  }

  /** Gives an image in the engine another name. */
  async tagImage(source: string, target: ImageReference): Promise<void> {
    await this.ok(['image', 'tag', source, formatReference(target)], { quiet: true });
  }

  /**
   * Starts `docker image rm NAME`: the engine removes the name at once, and when it was the image's last, deletes
   * the image and waits for its content store's garbage collection before it answers.
   */
  startImageRemoval(name: string): StartedCommand {
    return this.start('docker', ['image', 'rm', name]);
  }

  /**
   * Which of these names the engine holds no image under (each missing one named in `docker image inspect`'s
   * errors); none when the engine could not be asked.
   */
  async namesNotInEngine(names: string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const result = await this.run('docker', ['image', 'inspect', '--format', '{{.Id}}', ...names], { quiet: true });
    const missing = [...result.stderr.matchAll(/No such image: (\S+)/g)].map((match) => match[1] ?? '');
    return new Set(names.filter((name) => missing.includes(name)));
  }

  /** Registers QEMU emulators with the binfmt image (the way that needs no root on the host, only the engine). */
  async installBinfmt(image: string, architectures: string[]): Promise<void> {
    await this.ok(['run', '--rm', '--privileged', image, '--install', architectures.join(',')]);
  }
}

/** One JSON object: the client's facts (context, plugins) and the engine's storage driver status. */
const ENGINE_FACTS_FORMAT = '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}';

interface DockerInfo {
  client?: { Context?: string; Plugins?: { Name?: string; Version?: string; Err?: string }[] };
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
    // The storage driver status names containerd's snapshotter when images live in containerd.
    containerdImageStore: JSON.stringify(info.driverStatus ?? null).includes('io.containerd.snapshotter'),
  };
}

/** Reads `docker buildx inspect` output: the builder's name and driver, and its nodes' platforms and BuildKit. */
export function parseBuilderInspection(text: string): BuilderInspection {
  const field = (label: string): string[] => text.split('\n').flatMap((line) => labelled(line, label) ?? []);
  // The builder's Name comes first; each node's follows `Nodes:`.
  const name = field('Name')[0];
  const driver = field('Driver')[0];
  if (!driver || !name) throw new Error(`cannot read the name and driver from \`docker buildx inspect\`:\n${text}`);
  const platforms = field('Platforms')
    .flatMap((line) => line.split(','))
    .map((platform) => platform.trim().replace(/\*$/, ''))
    .filter(Boolean);
  return {
    name,
    driver,
    platforms,
    nodes: Math.max(1, parseBuilderNodes(text).length),
    buildkitVersions: field('BuildKit version'),
  };
}

/** Each node's `Name:` and `Status:` from `docker buildx inspect` output (the lines after `Nodes:`). */
export function parseBuilderNodes(text: string): BuilderNode[] {
  const lines = text.split('\n');
  const start = lines.indexOf('Nodes:');
  if (start === -1) return [];
  const nodes: BuilderNode[] = [];
  for (const line of lines.slice(start + 1)) {
    const name = labelled(line, 'Name');
    const status = labelled(line, 'Status');
    const last = nodes.at(-1);
    if (name !== undefined) nodes.push({ name, status: 'unknown' });
    else if (status !== undefined && last) last.status = status;
  }
  return nodes;
}

/** The value of a top-level `Label: value` line of `docker buildx inspect` output (indented lines are sections). */
function labelled(line: string, label: string): string | undefined {
  return line.startsWith(`${label}:`) ? line.slice(label.length + 1).trim() : undefined;
}
