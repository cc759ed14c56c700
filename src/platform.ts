// Platforms as buildx and the OCI image spec name them: parsing, normalising, and which ones need emulation.

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

// Aliases people write for the canonical GOARCH names the OCI spec uses, as containerd normalizes them.
const ARCHITECTURE_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
  i386: '386',
  i686: '386',
};
/** Debian's arm names carry a variant: armhf is ARMv7 hard-float, armel ARMv5/v6 soft-float (containerd: v6). */
const ALIAS_VARIANTS: Record<string, string> = { armhf: 'v7', armel: 'v6' };

/** The one OS this action builds: a Linux builder runs only Linux build steps, and QEMU emulates only Linux programs. */
const BUILDABLE_OS = 'linux';
/** OSes buildx names that a Linux builder with QEMU cannot build for, with what building them takes. */
const OTHER_OS: Record<string, string> = {
  windows: 'a Windows builder',
  darwin: 'a macOS builder',
  freebsd: 'a FreeBSD builder',
};
const KNOWN_ARCHITECTURES = new Set([
  'amd64',
  '386',
  'arm64',
  'arm',
  'riscv64',
  'ppc64le',
  'ppc64',
  's390x',
  'mips64le',
  'mips64',
  'loong64',
]);

/** Variants that mean nothing more than the architecture's baseline, dropped so that comparisons agree. */
const DEFAULT_VARIANT: Record<string, string> = { arm64: 'v8', amd64: 'v1' };

/**
 * The variants containerd and buildx know for each architecture (GOARM, GOAMD64, arm64's baseline); any other (a
 * typo, `v8.2`, `..`) would name a platform no builder reports, and would not fit in a temporary tag's name.
 */
const KNOWN_VARIANTS: Record<string, readonly string[]> = {
  arm: ['v5', 'v6', 'v7'],
  arm64: ['v8'],
  amd64: ['v1', 'v2', 'v3', 'v4'],
};

export class PlatformError extends Error {}

/** Parses `os/arch[/variant]` into its canonical form; throws a PlatformError that says the expected form. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) {
    throw new PlatformError(`"${text}" is not a platform (expected os/arch[/variant], e.g. linux/arm64)`);
  }
  const [os, rawArchitecture, rawVariant] = parts as [string, string, string | undefined];
  const architecture = ARCHITECTURE_ALIASES[rawArchitecture] ?? rawArchitecture;
  const otherBuilder = OTHER_OS[os];
  if (otherBuilder !== undefined) {
    throw new PlatformError(
      `"${text}" is not a Linux platform, and this action builds Linux images only (expected linux/<arch>: ` +
        `building for ${os} takes ${otherBuilder}, and QEMU emulates only Linux programs)`,
    );
  }
  if (os !== BUILDABLE_OS) {
    throw new PlatformError(`"${text}" has an unknown os "${os}" (expected ${BUILDABLE_OS})`);
  }
  if (!KNOWN_ARCHITECTURES.has(architecture)) {
    throw new PlatformError(
      `"${text}" has an unknown architecture "${rawArchitecture}" (expected one of ${[...KNOWN_ARCHITECTURES].join(', ')})`,
    );
  }
  const known = KNOWN_VARIANTS[architecture] ?? [];
  if (rawVariant !== undefined && !known.includes(rawVariant)) {
    const expected = known.length > 0 ? `none or one of ${known.join(', ')}` : 'none';
    throw new PlatformError(
      `"${text}" has an unknown variant "${rawVariant}" for ${architecture} (expected ${expected})`,
    );
  }
  const variant = rawVariant ?? ALIAS_VARIANTS[rawArchitecture];
  return normalizePlatform({ os, architecture, ...(variant ? { variant } : {}) });
}

/**
 * One spelling per platform, so that platforms from configs and from users compare equal: baseline variants
 * (arm64/v8, amd64/v1) are dropped, and a bare arm is arm/v7, as containerd and buildx read it.
 */
export function normalizePlatform(platform: Platform): Platform {
  const architecture = ARCHITECTURE_ALIASES[platform.architecture] ?? platform.architecture;
  const given =
    platform.variant ?? ALIAS_VARIANTS[platform.architecture] ?? (architecture === 'arm' ? 'v7' : undefined);
  const variant = given && given !== DEFAULT_VARIANT[architecture] ? given : undefined;
  return { os: platform.os, architecture, ...(variant ? { variant } : {}) };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

export function samePlatform(a: Platform, b: Platform): boolean {
  return formatPlatform(normalizePlatform(a)) === formatPlatform(normalizePlatform(b));
}

/** A form of the platform that is valid inside a tag: `linux/arm/v7` → `linux-arm-v7`. */
export function platformSlug(platform: Platform): string {
  return formatPlatform(platform).replaceAll('/', '-');
}

/**
 * Platforms a runner executes without emulation, by Node's `process.arch`. arm64 runners get only arm64:
 * many arm64 server CPUs (GitHub's among them) cannot run 32-bit arm code.
 */
export function nativePlatforms(nodeArch: string): Platform[] {
  const native = NATIVE_PLATFORMS[nodeArch] ?? [];
  return native.map(parsePlatform);
}

/** By Node's process.arch; the first is the runner's own architecture. Node calls Linux's ppc64le `ppc64`. */
const NATIVE_PLATFORMS: Record<string, string[]> = {
  x64: ['linux/amd64', 'linux/386'],
  arm64: ['linux/arm64'],
  arm: ['linux/arm/v7'],
  ia32: ['linux/386'],
  riscv64: ['linux/riscv64'],
  s390x: ['linux/s390x'],
  ppc64: ['linux/ppc64le'],
  loong64: ['linux/loong64'],
};

// binfmt_misc entry names (`qemu-<name>`) of qemu-user for each architecture.
const QEMU_NAMES: Record<string, string> = {
  amd64: 'x86_64',
  '386': 'i386',
  arm64: 'aarch64',
  arm: 'arm',
  riscv64: 'riscv64',
  ppc64le: 'ppc64le',
  ppc64: 'ppc64',
  s390x: 's390x',
  mips64le: 'mips64el',
  mips64: 'mips64',
  loong64: 'loongarch64',
};

/** The qemu-user name of the emulator a platform needs (`aarch64` for linux/arm64). */
export function qemuName(platform: Platform): string {
  const name = QEMU_NAMES[platform.architecture];
  if (!name) throw new PlatformError(`no QEMU emulator is known for ${formatPlatform(platform)}`);
  return name;
}
