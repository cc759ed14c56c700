// How a caught error reads in a message: what was thrown need not be an Error.

/** The error's message, or what was thrown, as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The error's message and its causes' (a library's wrapper, then the HTTP failure under it), each said once, up to
 * four deep.
 */
export function messageWithCauses(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current !== undefined && parts.length < 4) {
    const message = errorMessage(current);
    if (!parts.some((part) => part.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ');
}
