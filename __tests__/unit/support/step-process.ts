// Running the action's code in the test process as the runner runs a step in a process of its own: what core
// prints to stdout (its workflow commands and logs) captured, the step's environment set, and the process left as
// it was afterwards (its environment, and the exit code a failed step sets).

/** What `run` printed to stdout while it ran. */
export async function printedBy(run: () => Promise<void>): Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  let printed = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    printed += chunk.toString();
    return true;
  };
  try {
    await run();
    return printed;
  } finally {
    process.stdout.write = write;
  }
}

/** What `step` printed, run with `env` added to the environment; a failed step shows as its `::error::` line. */
export async function runAsStep(env: Record<string, string>, step: () => Promise<void>): Promise<string> {
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  try {
    Object.assign(process.env, env);
    return await printedBy(step);
  } finally {
    process.env = saved;
    process.exitCode = savedExitCode;
  }
}
