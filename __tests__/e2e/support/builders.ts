// Builders of the lab's own BuildKit image for the tests that bring their own builder (as a workflow does with
// docker/setup-buildx-action), what each node's BuildKit recorded of its builds, and a node killed mid-build.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { docker } from '../probe.js';
import { LAB_BUILDER_OPTIONS } from './drivers.js';

const run = promisify(execFile);

/** Written by scripts/lab.sh: BuildKit reaches both lab registries over plain http. */

/** The container that runs a docker-container node's BuildKit (buildx's naming). */
export function nodeContainer(node: string): string {
  return `buildx_buildkit_${node}`;
}

export interface LabNode {
  name: string;
  platform: string;
  container: string;
}

export interface LabBuilder {
  name: string;
  nodes: LabNode[];
  /** Removes the builder, its node containers and the contexts it used; throws when something is left. */
  remove(): void;
}

function dockerOk(args: string[]): string {
  const result = docker(args);
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/**
 * A docker-container builder with one bootstrapped node per platform, each restricted to it (`--platform`). All
 * nodes run on the lab's one engine, but buildx refuses two nodes with one endpoint: each gets a docker context of
 * its own, all pointing at the engine the tests use.
 */
export function createMultiNodeBuilder(purpose: string, platforms: string[]): LabBuilder {
  const name = `e2e-${purpose}-${randomBytes(4).toString('hex')}`;
  const engine = dockerOk(['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}']).trim();
  const nodes = platforms.map((platform) => {
    const node = `${name}-${platform.split('/')[1] ?? platform}`;
    return { name: node, platform, container: nodeContainer(node) };
  });
  const contexts: string[] = [];
  const builder: LabBuilder = {
    name,
    nodes,
    remove() {
      const problems = [
        docker(['buildx', 'rm', '--force', name]),
        ...contexts.map((context) => docker(['context', 'rm', '--force', context])),
      ].filter((result) => result.status !== 0 && !/no builder .* found/i.test(result.stderr));
      if (problems.length > 0) throw new Error(problems.map((result) => result.stderr.trim()).join('\n'));
    },
  };
  try {
    for (const [index, node] of nodes.entries()) {
      const context = `${node.name}-engine`;
      dockerOk(['context', 'create', context, '--docker', `host=${engine}`]);
      contexts.push(context);
      dockerOk([
        'buildx',
        'create',
        ...(index === 0 ? [] : ['--append']),
        '--name',
        name,
        '--node',
        node.name,
        '--platform',
        node.platform,
        ...LAB_BUILDER_OPTIONS,
        context,
      ]);
    }
    dockerOk(['buildx', 'inspect', '--bootstrap', name]);
    return builder;
  } catch (error) {
    builder.remove();
    throw error;
  }
}

/** What one BuildKit recorded of a build request (`buildctl debug histories`). */
export interface BuildRecord {
  /** The platforms the request asked this BuildKit for. */
  platforms: string[];
  buildArgs: Record<string, string>;
  /** Digests of what it exported (an image index per request, even for one platform). */
  results: string[];
}

interface HistoryLine {
  record?: {
    FrontendAttrs?: Record<string, string>;
    Result?: { Results?: Record<string, { digest: string }> };
  };
}

/**
 * The build records of a node's own BuildKit, asked inside its container: the same BuildKit whichever buildx the
 * lab runs, where `docker buildx history` does not exist before buildx 0.23.
 */
export function buildRecords(node: LabNode): BuildRecord[] {
  const text = dockerOk(['exec', node.container, 'buildctl', 'debug', 'histories', '--format', '{{json .}}']);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { record } = JSON.parse(line) as HistoryLine;
      const attrs = record?.FrontendAttrs ?? {};
      const results = record?.Result?.Results ?? {};
      return {
        platforms: (attrs.platform ?? '').split(',').filter(Boolean),
        buildArgs: Object.fromEntries(
          Object.entries(attrs)
            .filter(([key]) => key.startsWith('build-arg:'))
            .map(([key, value]) => [key.slice('build-arg:'.length), value]),
        ),
        results: Object.values(results).map((descriptor) => descriptor.digest),
      };
    });
}

/**
 * Kills the BuildKit container that `container()` names once it runs a process whose command line holds `marker`
 * (a RUN step of the build under way), as when the machine of a node dies. Resolves with the container killed, or
 * undefined when `stop` aborted first (the step ended without the marker ever running).
 */
export async function killNodeWhenRunning(
  container: () => Promise<string | undefined>,
  marker: string,
  stop: AbortSignal,
): Promise<string | undefined> {
  while (!stop.aborted) {
    const name = await container();
    if (name !== undefined) {
      const top = await run('docker', ['top', name, '-eo', 'pid,args']).catch(() => ({ stdout: '' }));
      if (top.stdout.includes(marker)) {
        await run('docker', ['kill', name]);
        return name;
      }
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return undefined;
}

/** The node containers, running or not, of the builders whose names start with `prefix`. */
export function nodeContainers(prefix: string): string[] {
  const listed = dockerOk(['ps', '--all', '--filter', `name=^${nodeContainer(prefix)}`, '--format', '{{.Names}}']);
  return listed.split('\n').filter((name) => name.startsWith(nodeContainer(prefix)));
}

/**
 * Removes the builders named `<prefix>…` that a step left (its post failed): the lab stays clean for the next run.
 * Each is found by its one node's container, `buildx_buildkit_<builder>0`.
 */
export function removeBuildersLeft(prefix: string): void {
  for (const container of nodeContainers(prefix)) {
    docker(['buildx', 'rm', '--force', container.slice(nodeContainer('').length, -1)]);
  }
}

/** The first running container whose name starts with `prefix`, if any. */
export async function runningContainer(prefix: string): Promise<string | undefined> {
  const { stdout } = await run('docker', ['ps', '--filter', `name=^${prefix}`, '--format', '{{.Names}}']);
  return stdout.split('\n').find((name) => name.startsWith(prefix));
}
