// The kernel's binfmt_misc registry: which QEMU emulators are registered, and registering one from the host's
// qemu-user-static package (its binfmt.d files) when this process may write there.
import { constants, readFileSync } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';

const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
const HOST_CONF_DIRS = ['/usr/lib/binfmt.d', '/lib/binfmt.d'];

/**
 * Whether a qemu-user emulator (`aarch64`, `arm`, …) has an enabled binfmt entry. Synchronous: a procfs read
 * answers at once, and only the entries a build needs are read, so the builds wait on nothing here.
 */
export function isRegistered(qemuName: string): boolean {
  try {
    return readFileSync(`${BINFMT_DIR}/qemu-${qemuName}`, 'utf8').startsWith('enabled');
  } catch {
    return false;
  }
}

/** The host's registration line for an emulator (from qemu-user-static), when the host has one. */
export async function hostRegistration(qemuName: string): Promise<string | undefined> {
  for (const dir of HOST_CONF_DIRS) {
    const text = await readFile(`${dir}/qemu-${qemuName}.conf`, 'utf8').catch(() => undefined);
    const line = text?.split('\n').find((candidate) => candidate.startsWith(':'));
    if (line) return line;
  }
  return undefined;
}

/** Whether this process may register entries itself (root, with binfmt_misc mounted). */
export async function canRegister(): Promise<boolean> {
  return access(`${BINFMT_DIR}/register`, constants.W_OK).then(
    () => true,
    () => false,
  );
}

export async function register(line: string): Promise<void> {
  await writeFile(`${BINFMT_DIR}/register`, `${line}\n`);
}
