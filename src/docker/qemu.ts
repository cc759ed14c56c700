// QEMU only where it is needed: emulators for the platforms this runner cannot execute and that are not
// registered yet. The host's qemu-user-static is used when present (no image pull); else the binfmt image.
import * as core from '@actions/core';
import * as binfmt from './binfmt.js';
import type { DockerCli } from './cli.js';
import type { QemuMode } from '../inputs/inputs.js';
import { nativePlatforms, qemuName, samePlatform, type Platform } from '../platform.js';

/** An emulator to register: its qemu-user name (binfmt entry) and the architecture the binfmt image calls it. */
export interface Emulator {
  qemuName: string;
  architecture: string;
}

/** The emulators to register: pure, so the choice is tested by a table. */
export function emulatorsToRegister(
  mode: QemuMode,
  platforms: Platform[],
  nodeArch: string,
  isRegistered: (qemuName: string) => boolean,
): Emulator[] {
  if (mode === 'false') return [];
  const native = nativePlatforms(nodeArch);
  // `true` distrusts the runner's secondary architectures (386 on x64 kernels without IA32 support): only the
  // runner's own primary architecture is taken as native.
  const trusted = mode === 'auto' ? native : native.slice(0, 1);
  const emulators = new Map<string, Emulator>();
  for (const platform of platforms) {
    if (trusted.some((n) => samePlatform(n, platform))) continue;
    const name = qemuName(platform);
    if (!emulators.has(name) && !isRegistered(name))
      emulators.set(name, { qemuName: name, architecture: platform.architecture });
  }
  return [...emulators.values()];
}

/** Registers what `emulatorsToRegister` chose; returns the qemu-user names it registered. */
export async function setUpQemu(
  mode: QemuMode,
  platforms: Platform[],
  image: string,
  docker: DockerCli,
): Promise<string[]> {
  const wanted = emulatorsToRegister(mode, platforms, process.arch, binfmt.isRegistered);
  if (wanted.length === 0) {
    core.info('QEMU: nothing to register (every platform is native or already registered).');
    return [];
  }
  const fromImage: Emulator[] = [];
  const writable = await binfmt.canRegister();
  for (const emulator of wanted) {
    const line = writable ? await binfmt.hostRegistration(emulator.qemuName) : undefined;
    if (line) {
      core.info(`QEMU: registering ${emulator.qemuName} from the host's qemu-user-static`);
      await binfmt.register(line);
    } else {
      fromImage.push(emulator);
    }
  }
  if (fromImage.length > 0) {
    const architectures = fromImage.map((emulator) => emulator.architecture);
    core.info(`QEMU: registering ${architectures.join(', ')} with ${image}`);
    await docker.installBinfmt(image, architectures);
  }
  const missing = wanted.filter((emulator) => !binfmt.isRegistered(emulator.qemuName));
  if (missing.length > 0) {
    throw new Error(
      `QEMU: no emulator registered for ${missing.map((e) => e.architecture).join(', ')} after setup ` +
        '(binfmt_misc needs root, or a privileged container through the docker engine)',
    );
  }
  return wanted.map((emulator) => emulator.qemuName);
}
