// The build contexts the benchmark builds. Both sides of every comparison build the same context.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An image that prints the architecture it was built on: a RUN step, so the foreign platform needs QEMU when the
 * cache is cold. The benchmark warms the cache first, so what is timed is the work around the build.
 */
export function writeArchContext(dir: string, baseImage: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${baseImage}\nRUN uname -m > /arch\nCMD ["cat", "/arch"]\n`);
  return dir;
}

/** An image with no base and no RUN: it builds for any platform without emulation. */
export function writeScratchContext(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hello.txt'), 'hello from the multiarch-build benchmark\n');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  return dir;
}
