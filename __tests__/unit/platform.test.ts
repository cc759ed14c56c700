import {
  formatPlatform,
  nativePlatforms,
  normalizePlatform,
  parsePlatform,
  platformSlug,
  PlatformError,
  qemuName,
  samePlatform,
  type Platform,
} from '../../src/platform.js';

const linux = (architecture: string, variant?: string): Platform => ({
  os: 'linux',
  architecture,
  ...(variant === undefined ? {} : { variant }),
});

describe('parsePlatform', () => {
  test.each<[string, Platform]>([
    ['linux/amd64', linux('amd64')],
    ['linux/arm64', linux('arm64')],
    ['linux/aarch64', linux('arm64')],
    ['linux/x86_64', linux('amd64')],
    ['linux/x86-64', linux('amd64')],
    ['linux/i386', linux('386')],
    ['linux/i686', linux('386')],
    ['linux/386', linux('386')],
    // buildx reads a bare linux/arm as arm/v7
    ['linux/arm', linux('arm', 'v7')],
    ['linux/arm/v7', linux('arm', 'v7')],
    ['linux/arm/v6', linux('arm', 'v6')],
    ['linux/armhf', linux('arm', 'v7')],
    // baseline variants are dropped
    ['linux/arm64/v8', linux('arm64')],
    ['linux/aarch64/v8', linux('arm64')],
    ['linux/amd64/v1', linux('amd64')],
    ['linux/amd64/v2', linux('amd64', 'v2')],
    ['linux/amd64/v3', linux('amd64', 'v3')],
    ['linux/riscv64', linux('riscv64')],
    ['linux/ppc64le', linux('ppc64le')],
    ['linux/s390x', linux('s390x')],
    ['linux/loong64', linux('loong64')],
    ['linux/arm/v5', linux('arm', 'v5')],
    ['linux/amd64/v4', linux('amd64', 'v4')],
    // surrounding whitespace and case do not matter
    ['  linux/arm64  ', linux('arm64')],
    ['Linux/AMD64', linux('amd64')],
    ['LINUX/ARM/V7', linux('arm', 'v7')],
  ])('%j → %j', (text, expected) => {
    expect(parsePlatform(text)).toEqual(expected);
  });

  test.each<[string, string[]]>([
    ['linux', ['"linux" is not a platform', 'expected os/arch[/variant], e.g. linux/arm64']],
    ['amd64', ['"amd64" is not a platform', 'expected os/arch[/variant]']],
    ['', ['"" is not a platform', 'expected os/arch[/variant]']],
    ['linux/', ['"linux/" is not a platform', 'expected os/arch[/variant]']],
    ['/amd64', ['"/amd64" is not a platform']],
    ['linux//v7', ['"linux//v7" is not a platform']],
    ['linux/arm/v7/extra', ['"linux/arm/v7/extra" is not a platform']],
    ['linux/arm64/', ['"linux/arm64/" is not a platform']],
    ['plan9/amd64', ['"plan9/amd64" has an unknown os "plan9"', '(expected linux)']],
    // Regression: windows/*, darwin/* and freebsd/* were accepted, then failed in buildx or QEMU after the pushes.
    ['windows/amd64', ['"windows/amd64" is not a Linux platform', 'expected linux/<arch>', 'a Windows builder']],
    ['darwin/arm64', ['"darwin/arm64" is not a Linux platform', 'a macOS builder']],
    ['freebsd/amd64', ['"freebsd/amd64" is not a Linux platform', 'a FreeBSD builder']],
    // Regression: any variant was accepted, so `v8.2` and `..` reached buildx, and temporary tag names.
    ['linux/arm64/v8.2', ['"linux/arm64/v8.2" has an unknown variant "v8.2" for arm64', 'expected none or one of v8']],
    ['linux/arm/..', ['unknown variant ".." for arm', 'expected none or one of v5, v6, v7']],
    ['linux/arm/v9', ['unknown variant "v9" for arm']],
    ['linux/amd64/v5', ['unknown variant "v5" for amd64', 'v1, v2, v3, v4']],
    ['linux/riscv64/rva22u64', ['unknown variant "rva22u64" for riscv64', '(expected none)']],
    ['linux/sparc', ['"linux/sparc" has an unknown architecture "sparc"', 'expected one of amd64, 386, arm64, arm']],
    ['linux/x64', ['has an unknown architecture "x64"']],
    ['Linux/Mips', ['"Linux/Mips" has an unknown architecture "mips"']],
  ])('%j is refused with a message saying the expected form', (text, messageParts) => {
    let caught: unknown;
    try {
      parsePlatform(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlatformError);
    for (const part of messageParts) expect((caught as Error).message).toContain(part);
  });
});

// Regression (src/platform.ts ARCHITECTURE_ALIASES + parsePlatform, fixed): `armel` is ARMv5/v6 soft-float. containerd's
// platforms.Normalize (which buildx uses) maps it to arm/v6, but parsePlatform maps it to `arm` and then gives the
// bare arm its v7 default, so `linux/armel` builds arm/v7 binaries that an armel device cannot run.
test('linux/armel is arm/v6 (as containerd normalizes it), not arm/v7', () => {
  expect(parsePlatform('linux/armel')).toEqual(linux('arm', 'v6'));
});

describe('normalizePlatform and formatPlatform', () => {
  test.each<[Platform, string]>([
    [linux('arm64', 'v8'), 'linux/arm64'],
    [linux('aarch64'), 'linux/arm64'],
    [linux('amd64', 'v1'), 'linux/amd64'],
    [linux('amd64', 'v2'), 'linux/amd64/v2'],
    [linux('arm', 'v7'), 'linux/arm/v7'],
    [linux('arm', 'v6'), 'linux/arm/v6'],
    [{ os: 'windows', architecture: 'x86_64' }, 'windows/amd64'],
  ])('%j → %s', (platform, expected) => {
    expect(formatPlatform(normalizePlatform(platform))).toBe(expected);
  });
});

describe('samePlatform', () => {
  test.each<[Platform, Platform, boolean]>([
    [linux('amd64'), linux('amd64'), true],
    [linux('arm64'), linux('arm64', 'v8'), true],
    [linux('arm64', 'v8'), linux('aarch64'), true],
    [linux('amd64', 'v1'), linux('amd64'), true],
    [linux('x86_64'), linux('amd64'), true],
    [linux('arm', 'v7'), linux('arm', 'v7'), true],
    [parsePlatform('linux/arm'), parsePlatform('linux/arm/v7'), true],
    [linux('amd64', 'v2'), linux('amd64'), false],
    [linux('arm', 'v6'), linux('arm', 'v7'), false],
    [linux('arm64'), linux('amd64'), false],
    [linux('arm64', 'v9'), linux('arm64'), false],
    [{ os: 'windows', architecture: 'amd64' }, linux('amd64'), false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(samePlatform(a, b)).toBe(expected);
    expect(samePlatform(b, a)).toBe(expected);
  });
});

// Regression (src/platform.ts normalizePlatform/samePlatform, fixed): parsePlatform says `linux/arm` and `linux/arm/v7` are one
// platform, but samePlatform does not: a descriptor or image config that says {architecture: arm} with no variant
// (containerd's Normalize reads that as arm/v7) is a different platform from the user's linux/arm. indexProblems
// then reports "linux/arm/v7 is missing" plus "linux/arm ... was not requested" for such an image.
test('a bare {os: linux, architecture: arm} is the same platform as linux/arm/v7', () => {
  expect(samePlatform(linux('arm'), parsePlatform('linux/arm'))).toBe(true);
});

describe('platformSlug', () => {
  test.each<[string, string]>([
    ['linux/amd64', 'linux-amd64'],
    ['linux/arm64/v8', 'linux-arm64'],
    ['linux/arm', 'linux-arm-v7'],
    ['linux/arm/v6', 'linux-arm-v6'],
    ['linux/amd64/v2', 'linux-amd64-v2'],
    ['linux/386', 'linux-386'],
  ])('%s → %s (valid inside a tag)', (text, slug) => {
    const result = platformSlug(parsePlatform(text));
    expect(result).toBe(slug);
    expect(result).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
  });
});

describe('nativePlatforms', () => {
  test.each<[string, string[]]>([
    ['x64', ['linux/amd64', 'linux/386']],
    // arm64 runners often cannot run 32-bit arm code: only arm64 is native
    ['arm64', ['linux/arm64']],
    ['ia32', ['linux/386']],
    ['mips', []],
  ])('process.arch %s → %j', (nodeArch, expected) => {
    expect(nativePlatforms(nodeArch).map(formatPlatform)).toEqual(expected);
  });

  // Regression (src/platform.ts nativePlatforms, fixed): a runner whose process.arch is riscv64 or s390x executes linux/riscv64
  // or linux/s390x natively (the function's own doc: "Platforms a runner executes without emulation"), yet the
  // function returns [] for them. foreignPlatforms then calls the runner's own platform foreign and
  // emulatorsToRegister asks for a qemu-riscv64/qemu-s390x emulator, which nothing registers for the host's own
  // architecture, so setUpQemu fails with "no emulator registered" on such self-hosted runners.
  test.each<[string, string]>([
    ['riscv64', 'linux/riscv64'],
    ['s390x', 'linux/s390x'],
  ])('process.arch %s runs %s natively', (nodeArch, platform) => {
    expect(nativePlatforms(nodeArch).map(formatPlatform)).toContain(platform);
  });
});

describe('qemuName', () => {
  test.each<[string, string]>([
    ['linux/arm64', 'aarch64'],
    ['linux/amd64', 'x86_64'],
    ['linux/386', 'i386'],
    ['linux/arm/v7', 'arm'],
    ['linux/arm/v6', 'arm'],
    ['linux/riscv64', 'riscv64'],
    ['linux/ppc64le', 'ppc64le'],
    ['linux/s390x', 's390x'],
    ['linux/mips64le', 'mips64el'],
    ['linux/loong64', 'loongarch64'],
  ])('%s → qemu-%s', (text, name) => {
    expect(qemuName(parsePlatform(text))).toBe(name);
  });

  test('an architecture without an emulator is a PlatformError naming the platform', () => {
    expect(() => qemuName(linux('sparc64'))).toThrow(PlatformError);
    expect(() => qemuName(linux('sparc64'))).toThrow('no QEMU emulator is known for linux/sparc64');
  });
});
