// The machine a table was measured on: numbers from different machines (or a busy one) do not compare.
import { cpus, loadavg, release, totalmem } from 'node:os';
import { runCommand } from './process.js';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  kernel: string;
  docker: string;
  buildx: string;
  registry: string;
  node: string;
  /** The node that ran the action, when not the benchmark's own. */
  actionNode: string;
  date: string;
  /** 1-minute load average when the run started: a busy machine stretches every timing. */
  loadAtStart: string;
}

export async function describeMachine(nodePath: string): Promise<Machine> {
  const processors = cpus();
  const [docker, buildx, registry, actionNode] = await Promise.all([
    firstLine('docker', ['version', '--format', '{{.Server.Version}}']),
    firstLine('docker', ['buildx', 'version']),
    firstLine('docker-registry', ['--version']),
    firstLine(nodePath, ['--version']),
  ]);
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    kernel: `Linux ${release()}`,
    docker: `engine ${docker}`,
    buildx,
    registry,
    node: process.version,
    actionNode,
    date: new Date().toISOString(),
    loadAtStart: (loadavg()[0] ?? 0).toFixed(2),
  };
}

async function firstLine(command: string, args: string[]): Promise<string> {
  const { stdout } = await runCommand(command, args);
  return stdout.trim().split('\n')[0] ?? '';
}

/** The machine as a Markdown list. */
export function formatMachine(machine: Machine): string {
  return [
    `- CPU: ${machine.cpu}, ${String(machine.cores)} cores; memory ${machine.memory}; kernel ${machine.kernel}`,
    `- Docker ${machine.docker}; ${machine.buildx}; registry ${machine.registry}`,
    `- Node.js ${machine.node}` +
      (machine.actionNode === machine.node ? '' : `; the action ran on Node.js ${machine.actionNode}`),
    `- Date: ${machine.date}; 1-minute load average at the start: ${machine.loadAtStart}`,
  ].join('\n');
}
