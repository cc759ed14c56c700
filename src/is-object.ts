// The one test for "an object with keys" (not null, not an array), for JSON and errors of unknown shape.

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
