// One bundle serves both steps of the action: main, then post (post-if: always()). Each step's code is loaded
// only when that step runs, so a post step with nothing to do starts with @actions/core alone.
import * as core from '@actions/core';
import { isPost, loadRunState } from './state.js';

async function runPost(): Promise<void> {
  const state = loadRunState();
  if (!state) {
    core.info('Main saved no state: nothing to publish or clean up.');
    return;
  }
  try {
    const { post } = await import('./post.js');
    await post(state);
  } catch (error) {
    // Post must not throw; anything unforeseen is a warning, and the cleanup it could not do is said there.
    core.warning(`post step: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

async function runMain(): Promise<void> {
  try {
    const { main } = await import('./main.js');
    await main();
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

await (isPost() ? runPost() : runMain());
