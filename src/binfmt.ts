// The kernel's binfmt_misc registry: which QEMU emulators are registered, and registering one from the host's
// qemu-user-static package (its binfmt.d files) when this process may write there.
import { access, readFile, readdir, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';

const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
const HOST_CONF_DIRS = ['/usr/lib/binfmt.d', '/lib/binfmt.d'];

/** qemu-user names (`aarch64`, `arm`, …) with an enabled binfmt entry. */
export async function registeredEmulators(): Promise<Set<string>> {
  const entries = await readdir(BINFMT_DIR).catch(() => [] as string[]);
  const registered = new Set<string>();
  for (const entry of entries.filter((name) => name.startsWith('qemu-'))) {
    const status = await readFile(`${BINFMT_DIR}/${entry}`, 'utf8').catch(() => '');
    if (status.startsWith('enabled')) registered.add(entry.slice('qemu-'.length));
  }
  return registered;
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
