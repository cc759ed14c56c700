// One bundle serves both steps of the action: main, then post (post-if: always()).
import * as core from '@actions/core';
import { main } from './main.js';
import { post } from './post.js';
import { isPost } from './state.js';

async function run(): Promise<void> {
  if (isPost()) {
    try {
      await post();
    } catch (error) {
      // Post must not throw; anything unforeseen is a warning, and the cleanup it could not do is said there.
      core.warning(`post step: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    return;
  }
  try {
    await main();
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

await run();
