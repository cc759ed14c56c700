import type { CommandResult, StartedCommand } from '../../../src/docker/command.js';
import { ImageRemovalError, removeImageNames } from '../../../src/docker/image-removal.js';

const OK: CommandResult = { exitCode: 0, stdout: '', stderr: '' };
const STOPPED: CommandResult = { exitCode: 143, stdout: '', stderr: '' };

/**
 * An engine of named images: `docker image rm` of a name drops it from `names` when `dropAfterLooks` looks have
 * passed (the engine removed the name), and the command ends by itself only when told (`end`), as one that waits for
 * the engine's garbage collection does; stop() ends it at once.
 */
class FakeEngine {
  readonly names: Set<string>;
  readonly stopped: string[] = [];
  readonly looks: string[][] = [];
  private readonly commands = new Map<string, { command: StartedCommand; end: (result: CommandResult) => void }>();

  constructor(
    names: string[],
    private readonly removal: (name: string) => { result?: CommandResult; removedAfterLooks?: number },
    private readonly inspectWorks = true,
  ) {
    this.names = new Set(names);
  }

  startImageRemoval(name: string): StartedCommand {
    let end: (result: CommandResult) => void = () => undefined;
    const result = new Promise<CommandResult>((resolve) => {
      end = resolve;
    });
    const command: StartedCommand = {
      result,
      stop: () => {
        this.stopped.push(name);
        end(STOPPED);
      },
    };
    this.commands.set(name, { command, end });
    const { result: endsWith } = this.removal(name);
    if (endsWith !== undefined) {
      if (endsWith.exitCode === 0) this.names.delete(name);
      end(endsWith);
    }
    return command;
  }

  namesNotInEngine(names: string[]): Promise<Set<string>> {
    this.looks.push(names);
    for (const name of names) {
      const after = this.removal(name).removedAfterLooks;
      if (after !== undefined && this.looks.length >= after) this.names.delete(name);
    }
    if (!this.inspectWorks) return Promise.resolve(new Set());
    return Promise.resolve(new Set(names.filter((name) => !this.names.has(name))));
  }

  /** Ends a command still running, as the engine answers it at last. */
  end(name: string, result: CommandResult): void {
    this.commands.get(name)?.end(result);
  }
}

describe('removeImageNames', () => {
  test('a name the engine no longer holds: its command, still waiting on the engine, is ended', async () => {
    const engine = new FakeEngine(['r/app:t1', 'r/app:t2'], () => ({ removedAfterLooks: 1 }));
    await removeImageNames(engine, ['r/app:t1', 'r/app:t2'], 1);
    expect(engine.names).toEqual(new Set());
    expect(engine.stopped.sort()).toEqual(['r/app:t1', 'r/app:t2']);
    expect(engine.looks).toEqual([['r/app:t1', 'r/app:t2']]);
  });

  test('a command that ends by itself is not ended, and a name already gone is no failure', async () => {
    const engine = new FakeEngine(['r/app:t1'], (name) => ({
      result: name === 'r/app:gone' ? { exitCode: 1, stdout: '', stderr: 'Error: No such image: r/app:gone\n' } : OK,
    }));
    await removeImageNames(engine, ['r/app:t1', 'r/app:gone'], 1);
    expect(engine.names).toEqual(new Set());
    expect(engine.stopped).toEqual([]);
  });

  test('only the names still held are looked at again; each command is ended once its name is gone', async () => {
    const engine = new FakeEngine(['r/app:fast', 'r/app:slow'], (name) => ({
      removedAfterLooks: name === 'r/app:fast' ? 1 : 3,
    }));
    await removeImageNames(engine, ['r/app:fast', 'r/app:slow'], 1);
    expect(engine.looks).toEqual([['r/app:fast', 'r/app:slow'], ['r/app:slow'], ['r/app:slow']]);
    expect(engine.stopped).toEqual(['r/app:fast', 'r/app:slow']);
  });

  test('what the engine refused is thrown, naming it, once every name was tried', async () => {
    const refused = { exitCode: 1, stdout: '', stderr: 'Error response from daemon: conflict: image is in use\n' };
    const engine = new FakeEngine(['r/app:used', 'r/app:t2'], (name) =>
      name === 'r/app:used' ? { result: refused } : { removedAfterLooks: 1 },
    );
    const removal = removeImageNames(engine, ['r/app:used', 'r/app:t2'], 1);
    await expect(removal).rejects.toThrow(ImageRemovalError);
    await expect(removal).rejects.toThrow(
      'docker image rm r/app:used r/app:t2 failed: Error response from daemon: conflict: image is in use',
    );
    expect(engine.names).toEqual(new Set(['r/app:used']));
    expect(engine.stopped).toEqual(['r/app:t2']);
  });

  test('an engine that cannot say which names it holds: every command is waited for', async () => {
    const engine = new FakeEngine(['r/app:t1'], () => ({ removedAfterLooks: 1 }), false);
    const removal = removeImageNames(engine, ['r/app:t1'], 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(engine.stopped).toEqual([]);
    engine.end('r/app:t1', OK);
    await removal;
    expect(engine.stopped).toEqual([]);
    expect(engine.looks.length).toBeGreaterThan(1);
  });

  test('a look that fails is no failure: the command is waited for', async () => {
    const engine = new FakeEngine(['r/app:t1'], () => ({}));
    engine.namesNotInEngine = () => Promise.reject(new Error('docker: not found'));
    const removal = removeImageNames(engine, ['r/app:t1'], 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    engine.end('r/app:t1', OK);
    await removal;
    expect(engine.stopped).toEqual([]);
  });

  test('no names: nothing is started or looked at', async () => {
    const engine = new FakeEngine([], () => ({}));
    await removeImageNames(engine, [], 1);
    expect(engine.looks).toEqual([]);
  });
});
