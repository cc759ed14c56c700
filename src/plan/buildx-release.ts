// Comparing buildx releases as buildx names them (`0.13.1`, `v0.29.1`, Debian's `0.13.1+ds1`). Pure.
import semver from 'semver';

/** Whether a buildx version (`0.13.1`, `v0.29.1`, `0.13.1+ds1`) is `minimum` or later; an unreadable one is not. */
export function buildxAtLeast(version: string, minimum: string): boolean {
  const parsed = semver.coerce(version);
  return parsed !== null && semver.gte(parsed, minimum);
}
