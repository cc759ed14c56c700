import type { QemuMode } from '../../../src/inputs/inputs.js';
import { parsePlatform } from '../../../src/platform.js';
import { emulatorsToRegister, type Emulator } from '../../../src/docker/qemu.js';

const AARCH64: Emulator = { qemuName: 'aarch64', architecture: 'arm64' };
const X86_64: Emulator = { qemuName: 'x86_64', architecture: 'amd64' };
const I386: Emulator = { qemuName: 'i386', architecture: '386' };
const ARM: Emulator = { qemuName: 'arm', architecture: 'arm' };
const RISCV64: Emulator = { qemuName: 'riscv64', architecture: 'riscv64' };
const PPC64LE: Emulator = { qemuName: 'ppc64le', architecture: 'ppc64le' };
const S390X: Emulator = { qemuName: 's390x', architecture: 's390x' };

function emulators(mode: QemuMode, platforms: string[], nodeArch: string, registered: string[] = []): Emulator[] {
  return emulatorsToRegister(mode, platforms.map(parsePlatform), nodeArch, (name) => registered.includes(name));
}

describe('emulatorsToRegister', () => {
  test.each<[QemuMode, string, string[], string[], Emulator[]]>([
    // x64 runner
    ['auto', 'x64', ['linux/amd64', 'linux/arm64'], [], [AARCH64]],
    ['auto', 'x64', ['linux/amd64', 'linux/arm64'], ['aarch64'], []],
    ['auto', 'x64', ['linux/amd64', 'linux/arm64'], ['x86_64', 'riscv64'], [AARCH64]],
    ['auto', 'x64', ['linux/amd64'], [], []],
    ['auto', 'x64', ['linux/amd64', 'linux/386'], [], []],
    ['auto', 'x64', ['linux/amd64/v2', 'linux/amd64/v3'], [], [X86_64]],
    ['true', 'x64', ['linux/amd64', 'linux/386'], [], [I386]],
    ['true', 'x64', ['linux/amd64', 'linux/386'], ['i386'], []],
    ['true', 'x64', ['linux/amd64', 'linux/arm64'], [], [AARCH64]],
    ['true', 'x64', ['linux/amd64', 'linux/arm64'], ['aarch64'], []],
    ['false', 'x64', ['linux/amd64', 'linux/arm64', 'linux/386'], [], []],
    ['auto', 'x64', ['linux/riscv64', 'linux/ppc64le', 'linux/s390x', 'linux/amd64'], ['riscv64'], [PPC64LE, S390X]],
    // arm64 runner
    ['auto', 'arm64', ['linux/amd64', 'linux/arm64'], [], [X86_64]],
    ['auto', 'arm64', ['linux/amd64', 'linux/arm64'], ['x86_64'], []],
    ['auto', 'arm64', ['linux/arm64/v8'], [], []],
    ['auto', 'arm64', ['linux/arm/v7', 'linux/arm64'], [], [ARM]],
    ['true', 'arm64', ['linux/amd64', 'linux/arm64'], [], [X86_64]],
    ['true', 'arm64', ['linux/arm64'], [], []],
    ['false', 'arm64', ['linux/amd64', 'linux/386'], [], []],
    // dedupe: one emulator serves every variant of an architecture, in first-seen order
    ['auto', 'x64', ['linux/arm/v7', 'linux/arm64', 'linux/arm/v6'], [], [ARM, AARCH64]],
    [
      'auto',
      'arm64',
      ['linux/386', 'linux/amd64', 'linux/amd64/v2', 'linux/arm/v6', 'linux/arm/v7'],
      [],
      [I386, X86_64, ARM],
    ],
    ['true', 'x64', ['linux/riscv64', 'linux/386', 'linux/riscv64'], [], [RISCV64, I386]],
    // a runner with no native platform known: everything is foreign
    ['auto', 'ia32', ['linux/amd64', 'linux/arm64'], [], [X86_64, AARCH64]],
  ])('qemu=%s on %s building %j with %j registered → %j', (mode, nodeArch, platforms, registered, expected) => {
    expect(emulators(mode, platforms, nodeArch, registered)).toEqual(expected);
  });

  describe.each(['x64', 'arm64'])('on %s', (nodeArch) => {
    const all = ['linux/amd64', 'linux/arm64', 'linux/386', 'linux/arm/v7'];

    test('false never registers anything', () => {
      expect(emulators('false', all, nodeArch)).toEqual([]);
    });

    test('true registers a superset of auto, and nothing for the primary architecture', () => {
      const auto = emulators('auto', all, nodeArch).map((e) => e.qemuName);
      const always = emulators('true', all, nodeArch).map((e) => e.qemuName);
      expect(always).toEqual(expect.arrayContaining(auto));
      expect(always).not.toContain(nodeArch === 'x64' ? 'x86_64' : 'aarch64');
    });

    test('everything already registered → nothing to do', () => {
      expect(emulators('true', all, nodeArch, ['x86_64', 'aarch64', 'i386', 'arm'])).toEqual([]);
    });
  });
});
