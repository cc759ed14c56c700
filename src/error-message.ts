// How a caught error reads in a message: what was thrown need not be an Error.

/** The error's message, or what was thrown, as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
