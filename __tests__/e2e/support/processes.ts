// Crashing a step the way a dying runner does: the step's node process and everything it started (docker buildx
// clients) killed at once, by pid. Only processes this test process started are looked at: its own children that
// run the action's script, and their descendants, found through /proc.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  parent: number;
}

function processTable(): ProcessEntry[] {
  return readdirSync('/proc').flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      // The command name (in parentheses) may hold spaces: the fields that matter come after its closing one.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return [{ pid: Number(name), parent }];
    } catch {
      return []; // exited while the table was read
    }
  });
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Pids of this process's children whose command line includes `script` (e.g. the action's dist/index.js). */
export function childrenRunning(script: string): number[] {
  return processTable()
    .filter((entry) => entry.parent === process.pid && commandLine(entry.pid).includes(script))
    .map((entry) => entry.pid);
}

/** Every descendant of `pid` (children, their children, …). */
export function descendantsOf(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    const children = table.filter((entry) => entry.parent === current).map((entry) => entry.pid);
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

/** SIGKILL to `pid` and to every process it started, as when the machine under a runner dies. */
export function killTree(pid: number): void {
  const descendants = descendantsOf(pid);
  for (const target of [pid, ...descendants]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Kills the one running step (a child of this process running `script`) with everything it started. */
export function crashStep(script: string): void {
  const [step, ...others] = childrenRunning(script);
  if (step === undefined) throw new Error(`no step running ${script} to crash`);
  if (others.length > 0) throw new Error(`several steps run ${script} (${[step, ...others].join(', ')}): which one?`);
  killTree(step);
}
