// Preloaded into a step's node (NODE_OPTIONS=--import) to run the step as if it had run earlier, so that the
// temporary tags it dates (from Date.now) are as old as a crashed run's would be by the time a later run looks.
const offsetMs = Number(process.env.E2E_CLOCK_OFFSET_MS ?? '0');
const realNow = Date.now.bind(Date);
Date.now = () => realNow() + offsetMs;
