// One bundle serves both steps of the action: main, then post (post-if: always()). This entry imports nothing but
// constants, so each step loads only its own code, and a post step with nothing to do (main failed before it saved
// any state) costs little more than starting node.
import { StateKey } from './constants.js';

/** What @actions/core's getState reads: the runner passes main's saved state to post as STATE_<name>. */
const savedState = (key: StateKey): string => process.env[`STATE_${key}`] ?? '';

if (savedState(StateKey.IsPost) !== 'true') {
  const { runMainStep } = await import('./main.js');
  await runMainStep();
} else if (savedState(StateKey.Run) === '') {
  // A plain stdout line is what core.info writes.
  process.stdout.write('Main saved no state: nothing to publish or clean up.\n');
} else {
  const { runPostStep } = await import('./post.js');
  await runPostStep();
}
