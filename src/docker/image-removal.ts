// Removing this run's names from the engine without waiting on its garbage collection. `docker image rm` of an
// image's last name answers only once the engine has deleted the image and its containerd store has collected the
// garbage, which takes longer the more the store holds (seconds on a runner that keeps many images). The name itself
// is gone within tens of milliseconds: once the engine no longer knows it, nothing the step needs is left to wait
// for, and the command is ended (the engine collects the garbage all the same).
import { setTimeout as sleep } from 'node:timers/promises';
import { errorSummary, type CommandResult, type StartedCommand } from './command.js';
import type { DockerCli } from './cli.js';

/** How long between two looks at which names the engine still holds. */
const LOOK_INTERVAL_MS = 100;

export class ImageRemovalError extends Error {
  override name = 'ImageRemovalError';
}

interface Removal {
  name: string;
  command: StartedCommand;
  /** What the command said, once it ended by itself. */
  ended?: CommandResult;
  /** The engine no longer holds the name (seen while the command still ran). */
  gone?: boolean;
}

/**
 * Removes every name from the engine, all at once, and returns once each is gone: its command ended, or the engine
 * no longer holds the name. A name already gone is no failure; what the engine refused is thrown, once every name
 * was tried. Where the engine cannot be asked which names it holds, each command is waited for.
 */
export async function removeImageNames(
  docker: Pick<DockerCli, 'startImageRemoval' | 'namesNotInEngine'>,
  names: string[],
  lookIntervalMs = LOOK_INTERVAL_MS,
): Promise<void> {
  const removals: Removal[] = names.map((name) => ({ name, command: docker.startImageRemoval(name) }));
  const allEnded = Promise.all(
    removals.map(async (removal) => {
      removal.ended = await removal.command.result;
    }),
  );
  for (;;) {
    const running = removals.filter((removal) => removal.ended === undefined && !removal.gone);
    if (running.length === 0) break;
    const ended = await Promise.race([allEnded.then(() => true), sleep(lookIntervalMs).then(() => false)]);
    if (ended) break;
    // A look that fails tells nothing: the commands are then waited for.
    const notInEngine = await docker
      .namesNotInEngine(running.map((removal) => removal.name))
      .catch(() => new Set<string>());
    for (const removal of running) {
      if (removal.ended !== undefined || !notInEngine.has(removal.name)) continue;
      removal.gone = true;
      removal.command.stop();
    }
  }
  // Every command has ended or was just ended: nothing of this step outlives it.
  await allEnded;
  const failures = removals.flatMap(({ ended, gone }) =>
    !gone && ended !== undefined && ended.exitCode !== 0 && !/No such image/i.test(ended.stderr)
      ? [errorSummary(ended)]
      : [],
  );
  if (failures.length > 0)
    throw new ImageRemovalError(`docker image rm ${names.join(' ')} failed: ${failures.join('\n')}`);
}
