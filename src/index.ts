// One bundle serves both steps of the action: main, then post (post-if: always()). This entry imports nothing but
// constants, so each step loads only its own code, and a post step with nothing to do (main failed before it saved
// any state) costs little more than starting node.
import { Input, StateKey } from './constants.js';

/** What @actions/core's getState reads: the runner passes main's saved state to post as STATE_<name>. */
const savedState = (key: StateKey): string => process.env[`STATE_${key}`] ?? '';

/** Modes whose main step builds (plan and merge do not), as inputs.ts will read the mode. */
const buildsHere = (): boolean =>
  !['plan', 'merge'].includes((process.env[`INPUT_${Input.Mode.toUpperCase()}`] ?? '').trim());

if (savedState(StateKey.IsPost) !== 'true') {
  if (buildsHere()) {
    // Every build waits for the engine's facts (the engine takes ~25 ms to answer GET /info): they are asked for
    // before main's code (~0.05 s to load) so that the two overlap. main reads them from the same DockerCli.
    const { DockerCli } = await import('./docker/cli.js');
    DockerCli.forThisMachine()
      .engineFacts()
      .catch(() => undefined); // main awaits them and reports a failure
    // Loading main's code holds the event loop, and the request goes out only once its socket has connected, on
    // the loop: one turn of it sends the request now, so the engine answers while the code loads.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { runMainStep } = await import('./main.js');
  await runMainStep();
} else if (savedState(StateKey.Run) === '') {
  // A plain stdout line is what core.info writes.
  process.stdout.write('Main saved no state: nothing to publish or clean up.\n');
} else {
  const { runPostStep } = await import('./post.js');
  await runPostStep();
}
