// Everything the benchmark starts or creates is registered here as soon as it exists, and undone in reverse order
// at the end: on success, on failure, and on SIGINT / SIGTERM.

interface CleanupStep {
  what: string;
  undo: () => Promise<void> | void;
}

export class CleanupStack {
  private readonly steps: CleanupStep[] = [];

  /** Registers how to undo something just started or created; `what` names it in a failure message. */
  add(what: string, undo: () => Promise<void> | void): void {
    this.steps.push({ what, undo });
  }

  /** Undoes everything, newest first, each step once even if called again; returns what could not be undone. */
  async runAll(): Promise<string[]> {
    const failures: string[] = [];
    for (let step = this.steps.pop(); step !== undefined; step = this.steps.pop()) {
      try {
        await step.undo();
      } catch (error) {
        failures.push(`${step.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }
}
