// One bundle serves both steps of the action: main, then post (post-if: always()). main marks the state, so the
// same entry knows which step it runs as.
import * as core from '@actions/core';
import { StateKey } from './constants.js';
import { runMainStep } from './main.js';
import { runPostStep } from './post/post.js';

if (core.getState(StateKey.IsPost) === 'true') await runPostStep();
else await runMainStep();
