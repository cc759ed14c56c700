export const id = 902;
export const ids = [902];
export const modules = {

/***/ 188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ buildCacheSpecs),
/* harmony export */   _: () => (/* binding */ CACHE_MODES)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8286);
// The `cache` convenience input: per-build cache specs, so that the builds of a fan-out and the legs of a matrix
// (one build per platform each) never overwrite each other's cache, and a cache outage never fails a build.

const CACHE_MODES = ['none', 'gha', 'registry'];
/**
 * `gha`: one GitHub cache scope per image and build (`acme-app-linux-arm64`); `registry`: one cache tag per build
 * next to the image (`registry/acme/app:buildcache-linux-arm64`). Exports are `mode=max` (every stage, so a
 * rebuild after a late-stage change still hits) with `ignore-error=true`.
 */
function buildCacheSpecs(mode, buildName, repository) {
    if (mode === 'none')
        return { from: [], to: [] };
    if (mode === 'gha') {
        const base = repository ? repository.repository.replaceAll('/', '-') : 'multiarch-build';
        const scope = `${base}-${buildName}`;
        return { from: [`type=gha,scope=${scope}`], to: [`type=gha,scope=${scope},mode=max,ignore-error=true`] };
    }
    if (!repository)
        throw new Error('cache: registry needs a repository to keep the cache in (set tags)');
    const ref = `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatName */ .nD)(repository)}:buildcache-${buildName}`;
    return { from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max,ignore-error=true`] };
}


/***/ }),

/***/ 5179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ platformDigests),
/* harmony export */   Hw: () => (/* binding */ assembleIndex),
/* harmony export */   Jt: () => (/* binding */ serializeIndex),
/* harmony export */   OS: () => (/* binding */ platformManifests),
/* harmony export */   Z9: () => (/* binding */ indexProblems)
/* harmony export */ });
/* unused harmony export isAttestation */
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3728);
/* harmony import */ var _registry_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(234);
// The image index this action publishes: assembled from what the builds pushed, and checked before anything is
// published. Pure: manifests and configs come in as data.


const ATTESTATION_TYPE = 'attestation-manifest';
/** BuildKit's attestation manifests: `unknown/unknown`, pointing at the image they describe. */
function isAttestation(descriptor) {
    return (descriptor.annotations?.['vnd.docker.reference.type'] === ATTESTATION_TYPE ||
        (descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown'));
}
function platformManifests(index) {
    return index.manifests.filter((descriptor) => !isAttestation(descriptor));
}
/**
 * One index over every build's images: platform manifests first (in build order), then the attestation
 * manifests that describe them, as buildx orders a multi-platform index. `index:` annotations go on top.
 */
function assembleIndex(results, annotations) {
    const images = [];
    const attestations = [];
    for (const result of results) {
        if ((0,_registry_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isImageIndex */ .yR)(result.manifest)) {
            for (const child of result.manifest.manifests)
                (isAttestation(child) ? attestations : images).push(child);
        }
        else {
            const [platform, ...others] = result.platforms;
            if (!platform || others.length > 0) {
                throw new Error(`a build of ${result.platforms.length} platforms pushed a single image ${result.descriptor.digest}`);
            }
            images.push({ ...withoutPlatform(result.descriptor), platform: (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(platform) });
        }
    }
    return {
        schemaVersion: 2,
        mediaType: _registry_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.ociIndex,
        manifests: [...images, ...attestations],
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    };
}
function withoutPlatform(descriptor) {
    return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
}
/** platform → manifest digest, for the `platform-digests` output. */
function platformDigests(index) {
    const digests = {};
    for (const descriptor of platformManifests(index)) {
        if (descriptor.platform)
            digests[(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)((0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(descriptor.platform))] = descriptor.digest;
    }
    return digests;
}
/**
 * What is wrong with an index before it is published: a requested platform missing, one not requested, one twice,
 * or an image whose config says another os/architecture/variant than its descriptor (an image built for the wrong
 * architecture). `configPlatforms` maps each platform manifest's digest to the platform its config declares.
 */
function indexProblems(index, requested, configPlatforms) {
    const problems = [];
    const images = platformManifests(index);
    for (const platform of requested) {
        const matching = images.filter((d) => d.platform && (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatform */ .my)(d.platform, platform));
        if (matching.length === 0)
            problems.push(`${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)(platform)} is missing from the index`);
        if (matching.length > 1)
            problems.push(`${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)(platform)} is in the index ${matching.length} times`);
    }
    for (const descriptor of images) {
        const platform = descriptor.platform;
        if (!platform) {
            problems.push(`manifest ${descriptor.digest} has no platform in the index`);
            continue;
        }
        const name = (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)((0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(platform));
        if (!requested.some((wanted) => (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatform */ .my)(wanted, platform))) {
            problems.push(`${name} (${descriptor.digest}) is in the index but was not requested`);
        }
        const declared = configPlatforms.get(descriptor.digest);
        if (!declared)
            problems.push(`the config of ${name} (${descriptor.digest}) was not checked`);
        else if (!(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatform */ .my)(declared, platform)) {
            problems.push(`${name} (${descriptor.digest}) is an image for ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)((0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(declared))} by its config`);
        }
    }
    return problems;
}
function serializeIndex(index) {
    return Buffer.from(JSON.stringify(index));
}


/***/ }),

/***/ 8357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ nodeCrypto)
/* harmony export */ });
// node:crypto takes ~10 ms to load. Imported by a module of main's, it would load with main's code, before buildx
// starts; taken here at its first use, it loads while the build runs (main hashes nothing before, unless the build
// has secrets).
/** node:crypto, loaded on first use. */
const nodeCrypto = () => process.getBuiltinModule('node:crypto');


/***/ }),

/***/ 2464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $U: () => (/* binding */ splitAnnotations),
/* harmony export */   Cs: () => (/* binding */ makePlan),
/* harmony export */   Ev: () => (/* binding */ unsupportedInput),
/* harmony export */   RC: () => (/* binding */ distinctRepositories),
/* harmony export */   W6: () => (/* binding */ PlanError),
/* harmony export */   Xp: () => (/* binding */ parseTemporaryTag),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   df: () => (/* binding */ describePlan),
/* harmony export */   n4: () => (/* binding */ stepHash),
/* harmony export */   tq: () => (/* binding */ usesVersionedFlags),
/* harmony export */   uA: () => (/* binding */ publishWhen)
/* harmony export */ });
/* unused harmony exports temporaryTag, foreignPlatforms */
/* harmony import */ var _build_cache_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(188);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3728);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8286);



class PlanError extends Error {
    name = 'PlanError';
}
const DRIVERS_WITHOUT_PUSH_BY_DIGEST = new Set(['docker']);
/** The docker driver exports cache only inline, into the image itself. */
const DOCKER_DRIVER_CACHE_TYPES = new Set(['inline']);
function makePlan(inputs, builder, run) {
    const warnings = [];
    const mode = chooseMode(inputs, builder);
    const pushByDigest = !DRIVERS_WITHOUT_PUSH_BY_DIGEST.has(builder.driver);
    const repositories = distinctRepositories(inputs.tags);
    const cache = planCache(inputs, builder, warnings);
    const groups = mode === 'multi' ? [inputs.platforms] : inputs.platforms.map((platform) => [platform]);
    const builds = groups.map((platforms) => {
        const [only] = platforms;
        const name = mode === 'fan-out' && only ? (0,_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .platformSlug */ .DN)(only) : 'all';
        const needsTemporaryTag = inputs.push && !pushByDigest;
        const specs = (0,_build_cache_js__WEBPACK_IMPORTED_MODULE_0__/* .buildCacheSpecs */ .H)(cache.mode, name, repositories[0]);
        return {
            name,
            platforms,
            ...(needsTemporaryTag ? { temporaryTag: temporaryTag(inputs.tempTagPrefix, run, name) } : {}),
            cacheFrom: [...inputs.build.cacheFrom, ...specs.from],
            cacheTo: [...cache.userCacheTo, ...specs.to],
        };
    });
    const { buildAnnotations, indexAnnotations, dropped } = splitAnnotations(inputs.build.annotations);
    if (dropped.length > 0) {
        warnings.push(`index-descriptor annotations exist only in OCI layouts, not in a registry; ignored: ${dropped.join(', ')}`);
    }
    if (!inputs.push && inputs.publish !== 'false' && inputs.tags.length > 0) {
        warnings.push('push is false: the images are built but nothing is pushed or published.');
    }
    return {
        mode,
        platforms: inputs.platforms,
        finalTags: inputs.tags,
        repositories,
        push: inputs.push,
        publish: publishWhen(inputs),
        pushByDigest,
        builds,
        buildAnnotations,
        indexAnnotations,
        warnings,
    };
}
/**
 * The docker driver exports cache only inline: other cache-to entries, and the `cache` convenience, are dropped
 * with one warning each rather than failing the build.
 */
function planCache(inputs, builder, warnings) {
    if (builder.driver !== 'docker')
        return { mode: inputs.cache, userCacheTo: inputs.build.cacheTo };
    const userCacheTo = inputs.build.cacheTo.filter((spec) => DOCKER_DRIVER_CACHE_TYPES.has(cacheType(spec)));
    if (userCacheTo.length < inputs.build.cacheTo.length) {
        warnings.push('The docker driver cannot export build cache except inline: cache-to is ignored ' +
            '(use driver: docker-container to export it).');
    }
    if (inputs.cache !== 'none') {
        warnings.push(`The docker driver cannot use cache: ${inputs.cache}; building without it (use driver: docker-container).`);
    }
    return { mode: 'none', userCacheTo };
}
/** When the tags are published: never by a shard (the merge does), never when nothing is pushed. */
function publishWhen(inputs) {
    return inputs.push && inputs.mode !== 'shard' ? inputs.publish : 'false';
}
function chooseMode(inputs, builder) {
    if (inputs.mode === 'merge' || inputs.mode === 'plan') {
        throw new PlanError(`mode ${inputs.mode} builds nothing: it has no build plan`);
    }
    // A shard's record is per platform, so each of its platforms is its own build.
    if (inputs.mode === 'shard')
        return 'fan-out';
    if (inputs.mode === 'auto')
        return builder.multiPlatform || inputs.platforms.length === 1 ? 'multi' : 'fan-out';
    if (inputs.mode === 'multi' && !builder.multiPlatform && inputs.platforms.length > 1) {
        throw new PlanError(`"mode" is multi, but builder "${builder.name}" (driver ${builder.driver}) cannot build several platforms ` +
            'in one build (the docker driver needs the containerd image store). Use mode fan-out or auto, or the ' +
            'docker-container driver.');
    }
    return inputs.mode;
}
/**
 * Flags that older buildx releases do not know. They are not checked before the build: buildx refuses a flag it does
 * not know before it builds or pushes anything, and learning its version costs a buildx start that every build
 * would wait for. A failed build is explained with them (unsupportedInput).
 */
const MINIMUM_BUILDX = [
    { flag: 'annotations', version: '0.12.0', used: (inputs) => inputs.build.annotations.length > 0 },
    { flag: 'provenance', version: '0.10.0', used: (inputs) => inputs.build.provenance !== '' },
    { flag: 'sbom', version: '0.10.0', used: (inputs) => inputs.build.sbom !== '' },
];
/** Whether the inputs use a flag that older buildx releases do not know. */
function usesVersionedFlags(inputs) {
    return MINIMUM_BUILDX.some(({ used }) => used(inputs));
}
/** The error for the first input whose flag this buildx version does not know; undefined when it knows them all. */
function unsupportedInput(inputs, buildxVersion) {
    const missing = MINIMUM_BUILDX.find(({ version, used }) => used(inputs) && compareVersions(buildxVersion, version) < 0);
    return (missing && `"${missing.flag}" needs buildx ${missing.version} or later; this runner has buildx ${buildxVersion}.`);
}
/** Compares dotted numeric versions (0.13.1 < 0.29.0); suffixes such as +ds1 are ignored. */
function compareVersions(a, b) {
    const parse = (version) => version
        .replace(/^v/, '')
        .split(/[+-]/)[0]
        ?.split('.')
        .map((part) => Number.parseInt(part, 10) || 0) ?? [];
    const left = parse(a);
    const right = parse(b);
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
        const difference = (left[i] ?? 0) - (right[i] ?? 0);
        if (difference !== 0)
            return Math.sign(difference);
    }
    return 0;
}
/**
 * `<prefix>-<run id>-<attempt>-<step hash>-<start time, base 36>-<build>`: unique per run attempt and step,
 * recognisable as ours by its shape, and dated, so that a later run can remove the ones a crashed run left behind.
 */
function temporaryTag(prefix, run, buildName) {
    return `${prefix}-${run.runId}-${run.runAttempt}-${stepHash(run)}-${run.startedAt.toString(36)}-${buildName}`;
}
/** What a temporary tag says of itself, or undefined when the tag is not one of ours (wrong prefix or shape). */
function parseTemporaryTag(prefix, tag) {
    if (!tag.startsWith(`${prefix}-`))
        return undefined;
    const match = /^(\d+)-(\d+)-[0-9a-f]{8}-([0-9a-z]{1,8})-(all|[a-z0-9]+-[a-z0-9]+(?:-[a-z0-9]+)?)$/.exec(tag.slice(prefix.length + 1));
    if (!match)
        return undefined;
    const [, runId = '', runAttempt = '', time = '', build = ''] = match;
    return { runId, runAttempt, createdAt: Number.parseInt(time, 36), build };
}
/**
 * Eight hex digits that tell apart the steps of one run (job and step id), for names this run creates: FNV-1a, 32
 * bits, as many as a sha256 prefix would give. A name, not a secret, and main needs it before buildx starts, where
 * node:crypto would cost ~10 ms to load.
 */
function stepHash(run) {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(`${run.job}\n${run.action}`))
        hash = Math.imul(hash ^ byte, 0x01000193);
    return (hash >>> 0).toString(16).padStart(8, '0');
}
function distinctRepositories(tags) {
    const repositories = new Map();
    for (const tag of tags) {
        const name = { registry: tag.registry, repository: tag.repository };
        repositories.set((0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatName */ .nD)(name), name);
    }
    return [...repositories.values()];
}
/**
 * Annotations by level. Index-level ones go on the index this action publishes, never to buildx: a single-platform
 * build has no index to put them on (BuildKit refuses them), and the published index may be one this action
 * assembles. `index-descriptor` ones only exist in OCI layouts, not in a registry, so they are dropped with a note.
 * buildx's forms: `key=value` (manifest), `level[,level…]:key=value`, a level may name a platform in brackets.
 */
function splitAnnotations(annotations) {
    const buildAnnotations = [];
    const indexAnnotations = {};
    const dropped = [];
    for (const annotation of annotations) {
        const equals = annotation.indexOf('=');
        const keyPart = annotation.slice(0, equals);
        const colon = keyPart.lastIndexOf(':');
        if (colon === -1) {
            buildAnnotations.push(annotation);
            continue;
        }
        const key = keyPart.slice(colon + 1);
        const value = annotation.slice(equals + 1);
        const levels = keyPart.slice(0, colon).match(/[a-z-]+(?:\[[^\]]*\])?/g) ?? [];
        const forBuildx = levels.filter((level) => level !== 'index' && level !== 'index-descriptor');
        if (levels.includes('index'))
            indexAnnotations[key] = value;
        if (levels.includes('index-descriptor'))
            dropped.push(annotation);
        if (forBuildx.length > 0)
            buildAnnotations.push(`${forBuildx.join(',')}:${key}=${value}`);
    }
    return { buildAnnotations, indexAnnotations, dropped };
}
/** The `type=` of a cache spec; buildx takes a bare value as a registry reference. */
function cacheType(spec) {
    const field = spec.split(',').find((part) => part.trim().startsWith('type='));
    return field ? field.trim().slice('type='.length) : 'registry';
}
/** The platforms of `wanted` that this runner cannot execute natively: the ones QEMU must emulate. */
function foreignPlatforms(wanted, nodeArch) {
    const native = nativePlatforms(nodeArch);
    return wanted.filter((platform) => !native.some((n) => samePlatform(n, platform)));
}
function describePlan(plan) {
    const platforms = plan.platforms.map(_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPlatform */ .Bq).join(', ');
    const how = plan.mode === 'multi' ? 'one multi-platform build' : `${plan.builds.length} builds, one per platform`;
    const push = !plan.push
        ? 'no push'
        : plan.pushByDigest
            ? 'pushed by digest'
            : 'pushed under run-unique temporary tags (the driver cannot push by digest)';
    return `${how} for ${platforms}; ${push}; publish: ${plan.publish}`;
}


/***/ }),

/***/ 3728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   DN: () => (/* binding */ platformSlug),
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Wk: () => (/* binding */ PlatformError),
/* harmony export */   Y8: () => (/* binding */ parsePlatform),
/* harmony export */   gc: () => (/* binding */ qemuName),
/* harmony export */   my: () => (/* binding */ samePlatform),
/* harmony export */   y$: () => (/* binding */ nativePlatforms)
/* harmony export */ });
// Platforms as buildx and the OCI image spec name them: parsing, normalising, and which ones need emulation.
// Aliases people write for the canonical GOARCH names the OCI spec uses, as containerd normalizes them.
const ARCHITECTURE_ALIASES = {
    x86_64: 'amd64',
    'x86-64': 'amd64',
    aarch64: 'arm64',
    armhf: 'arm',
    armel: 'arm',
    i386: '386',
    i686: '386',
};
/** Debian's arm names carry a variant: armhf is ARMv7 hard-float, armel ARMv5/v6 soft-float (containerd: v6). */
const ALIAS_VARIANTS = { armhf: 'v7', armel: 'v6' };
const KNOWN_OS = new Set(['linux', 'windows', 'freebsd', 'darwin']);
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
const DEFAULT_VARIANT = { arm64: 'v8', amd64: 'v1' };
class PlatformError extends Error {
}
/** Parses `os/arch[/variant]` into its canonical form; throws a PlatformError that says the expected form. */
function parsePlatform(text) {
    const parts = text.trim().toLowerCase().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) {
        throw new PlatformError(`"${text}" is not a platform (expected os/arch[/variant], e.g. linux/arm64)`);
    }
    const [os, rawArchitecture, rawVariant] = parts;
    const architecture = ARCHITECTURE_ALIASES[rawArchitecture] ?? rawArchitecture;
    if (!KNOWN_OS.has(os)) {
        throw new PlatformError(`"${text}" has an unknown os "${os}" (expected one of ${[...KNOWN_OS].join(', ')})`);
    }
    if (!KNOWN_ARCHITECTURES.has(architecture)) {
        throw new PlatformError(`"${text}" has an unknown architecture "${rawArchitecture}" (expected one of ${[...KNOWN_ARCHITECTURES].join(', ')})`);
    }
    const variant = rawVariant ?? ALIAS_VARIANTS[rawArchitecture];
    return normalizePlatform({ os, architecture, ...(variant ? { variant } : {}) });
}
/**
 * One spelling per platform, so that platforms from configs and from users compare equal: baseline variants
 * (arm64/v8, amd64/v1) are dropped, and a bare arm is arm/v7, as containerd and buildx read it.
 */
function normalizePlatform(platform) {
    const architecture = ARCHITECTURE_ALIASES[platform.architecture] ?? platform.architecture;
    const given = platform.variant ?? ALIAS_VARIANTS[platform.architecture] ?? (architecture === 'arm' ? 'v7' : undefined);
    const variant = given && given !== DEFAULT_VARIANT[architecture] ? given : undefined;
    return { os: platform.os, architecture, ...(variant ? { variant } : {}) };
}
function formatPlatform(platform) {
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
function samePlatform(a, b) {
    return formatPlatform(normalizePlatform(a)) === formatPlatform(normalizePlatform(b));
}
/** A form of the platform that is valid inside a tag: `linux/arm/v7` → `linux-arm-v7`. */
function platformSlug(platform) {
    return formatPlatform(platform).replaceAll('/', '-');
}
/**
 * Platforms a runner executes without emulation, by Node's `process.arch`. arm64 runners get only arm64:
 * many arm64 server CPUs (GitHub's among them) cannot run 32-bit arm code.
 */
function nativePlatforms(nodeArch) {
    const native = NATIVE_PLATFORMS[nodeArch] ?? [];
    return native.map(parsePlatform);
}
/** By Node's process.arch; the first is the runner's own architecture. Node calls Linux's ppc64le `ppc64`. */
const NATIVE_PLATFORMS = {
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
const QEMU_NAMES = {
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
function qemuName(platform) {
    const name = QEMU_NAMES[platform.architecture];
    if (!name)
        throw new PlatformError(`no QEMU emulator is known for ${formatPlatform(platform)}`);
    return name;
}


/***/ }),

/***/ 4496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ temporaryReferences),
/* harmony export */   MV: () => (/* binding */ verifyIndex),
/* harmony export */   Vw: () => (/* binding */ publishTags),
/* harmony export */   hZ: () => (/* binding */ pushIndex),
/* harmony export */   m: () => (/* binding */ willPublishBuildxIndex),
/* harmony export */   sz: () => (/* binding */ publishesBuildxIndex)
/* harmony export */ });
/* unused harmony export VerificationError */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _image_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5179);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3728);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8286);
/* harmony import */ var _registry_digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5035);
/* harmony import */ var _registry_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(234);
// Registry work around the builds: read what they pushed, push the index by digest, verify it, point the final
// tags at it, and delete the temporary tags. Every write goes to each repository of the final tags.






const INDEX_MEDIA_TYPES = new Set([_registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.ociIndex, _registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.dockerManifestList]);
class VerificationError extends Error {
    name = 'VerificationError';
}
/**
 * The index to publish: the one buildx pushed (its bytes, so its digest, unchanged) when one build made an index
 * and no index annotation is to be added; else one assembled from the pushed manifests. Either way it ends up in
 * every repository by digest, untagged.
 */
async function pushIndex(plan, images, registry, 
/** Reads what a build pushed from the first repository (main's starts while buildx still runs). */
readManifest) {
    const [primary] = plan.repositories;
    if (!primary)
        throw new Error('no repository to push the index to (tags is empty)');
    const read = readManifest ?? ((digest) => registry.getManifest(primary, digest));
    const pushed = await Promise.all(images.map(async ({ descriptor, platforms }) => {
        const { json, bytes } = await read(descriptor.digest);
        const result = { descriptor, manifest: json, platforms };
        return { result, bytes };
    }));
    const [only] = pushed;
    const keepBuildxIndex = only !== undefined && publishesBuildxIndex(images, plan.indexAnnotations);
    const bytes = keepBuildxIndex
        ? only.bytes
        : (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeIndex */ .Jt)((0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .assembleIndex */ .Hw)(pushed.map((p) => p.result), plan.indexAnnotations));
    const index = JSON.parse(bytes.toString('utf8'));
    const descriptor = {
        mediaType: index.mediaType ?? _registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.ociIndex,
        digest: (0,_registry_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .digestOf */ .o)(bytes),
        size: bytes.length,
    };
    // buildx pushed its own index to every repository already.
    if (!keepBuildxIndex) {
        await Promise.all(plan.repositories.map((repository) => registry.putManifest(repository, descriptor.digest, bytes, descriptor.mediaType)));
    }
    return { descriptor, index, bytes, madeByBuildx: keepBuildxIndex };
}
/**
 * publishesBuildxIndex known before the build, where it can be: one build of several platforms always pushes an
 * index. (One of a single platform pushes an index only with attestations.)
 */
function willPublishBuildxIndex(plan) {
    const [only] = plan.builds;
    return (plan.builds.length === 1 &&
        only !== undefined &&
        only.platforms.length > 1 &&
        Object.keys(plan.indexAnnotations).length === 0);
}
/** Whether the index published is the one buildx pushed, unchanged: one build made an index, no annotation is added. */
function publishesBuildxIndex(images, indexAnnotations) {
    const [only] = images;
    return (images.length === 1 &&
        only !== undefined &&
        INDEX_MEDIA_TYPES.has(only.descriptor.mediaType) &&
        Object.keys(indexAnnotations).length === 0);
}
/**
 * Checks the index before anything is published: every requested platform present once, nothing else, and each
 * image's config declaring the platform its descriptor claims (catches an image built for the wrong architecture).
 * The configs of buildx's own index are not read back: the export that wrote them wrote the index's platforms from
 * the same build, so reading them would check buildx against itself, at two round trips per platform.
 */
async function verifyIndex(pushed, platforms, repository, registry) {
    const configPlatforms = pushed.madeByBuildx
        ? new Map((0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .platformManifests */ .OS)(pushed.index).flatMap((d) => (d.platform ? [[d.digest, d.platform]] : [])))
        : await readConfigPlatforms(pushed.index, repository, registry);
    const problems = (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .indexProblems */ .Z9)(pushed.index, platforms, configPlatforms);
    if (problems.length > 0) {
        throw new VerificationError(`the index ${pushed.descriptor.digest} failed verification, so nothing is published:\n  - ${problems.join('\n  - ')}`);
    }
}
/** The platform each image's config declares, by the image's digest. */
async function readConfigPlatforms(index, repository, registry) {
    const configPlatforms = new Map();
    await Promise.all((0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .platformManifests */ .OS)(index).map(async (descriptor) => {
        const { json } = await registry.getManifest(repository, descriptor.digest);
        if ((0,_registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .isImageIndex */ .yR)(json))
            return;
        const config = JSON.parse((await registry.getBlob(repository, json.config.digest)).toString('utf8'));
        if (config.os && config.architecture) {
            configPlatforms.set(descriptor.digest, (0,_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePlatform */ .FL)({
                os: config.os,
                architecture: config.architecture,
                ...(config.variant ? { variant: config.variant } : {}),
            }));
        }
    }));
    return configPlatforms;
}
/**
 * Points every final tag at the index: the same bytes, so the same digest, under each tag. Then reads each tag back
 * (waiting out registries that show a write late). A tag that another run has since pointed at its own index is
 * that run's to own: a warning, not a failure, since a tag PUT is atomic and the tag always names one whole index.
 * Anything else (no manifest, or a single image) fails.
 */
async function publishTags(tags, index, registry) {
    await Promise.all(tags.map(async (tag) => {
        await registry.putManifest(tag, tag.tag ?? 'latest', index.bytes, index.descriptor.mediaType);
    }));
    const wrong = [];
    const digest = index.descriptor.digest;
    await Promise.all(tags.map(async (tag) => {
        const reference = tag.tag ?? 'latest';
        const found = await registry
            .waitForManifest(tag, reference, digest)
            .catch(() => registry.headManifest(tag, reference));
        if (found?.digest === digest)
            return;
        if (found && INDEX_MEDIA_TYPES.has(found.mediaType)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(tag)} was published, then pointed at ${found.digest} by another writer.`);
            return;
        }
        wrong.push(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(tag)} resolves to ${found?.digest ?? 'nothing'}`);
    }));
    if (wrong.length > 0) {
        throw new VerificationError(`published tags do not point at ${index.descriptor.digest}: ${wrong.join('; ')}`);
    }
    return tags.map(_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH);
}
/** The temporary tags a plan pushes (full references), known before the builds start so a crash leaves a record. */
function temporaryReferences(plan) {
    return plan.builds.flatMap((build) => build.temporaryTag === undefined
        ? []
        : plan.repositories.map((repository) => `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatName */ .nD)(repository)}:${build.temporaryTag ?? ''}`));
}


/***/ }),

/***/ 3907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ checkPushAccess),
  H: () => (/* binding */ createRegistryClient)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __webpack_require__(8286);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __webpack_require__(5035);
;// CONCATENATED MODULE: ./src/registry/errors.ts
/** A request to a registry (or its token server) that failed; the message says what, where and why. */
class RegistryError extends Error {
    status;
    codes;
    name = 'RegistryError';
    /** The Retry-After header of the answer (429, 503), for the retry schedule. */
    retryAfter;
    constructor(message, 
    /** The HTTP status, or undefined when no response came back (network failure). */
    status, 
    /** The registry's error codes, e.g. `MANIFEST_UNKNOWN`, `UNSUPPORTED`. */
    codes = [], options) {
        super(message, options);
        this.status = status;
        this.codes = codes;
        this.retryAfter = options?.retryAfter;
    }
}
/** The registry refused the credentials we have, or asked for credentials we do not have. */
class RegistryAuthError extends RegistryError {
    name = 'RegistryAuthError';
}
/** How much of a body that is not a registry error we quote (proxies and load balancers send whole HTML pages). */
const MAX_QUOTED_BODY = 200;
/** Summarizes an unexpected response from its status and body. */
function describeResponse(method, url, response) {
    const text = response.text();
    const errors = registryErrors(text);
    const where = `${method} ${displayUrl(url)} answered ${response.status}`;
    if (errors.length > 0) {
        const details = errors.map((error) => (error.message ? `${error.code}: ${error.message}` : error.code));
        return {
            status: response.status,
            codes: errors.map((error) => error.code),
            summary: `${where} ${details.join('; ')}`,
        };
    }
    const body = text.replace(/\s+/g, ' ').trim();
    const quoted = body.length > MAX_QUOTED_BODY ? `${body.slice(0, MAX_QUOTED_BODY)}…` : body;
    const reason = [response.statusText, quoted].filter((part) => part !== '').join(': ');
    return { status: response.status, codes: [], summary: reason === '' ? where : `${where} ${reason}` };
}
/** A RegistryError for a response of a status the caller does not handle; `action` is e.g. `get manifest x:y`. */
function unexpectedResponseError(action, method, url, response) {
    const { status, codes, summary } = describeResponse(method, url, response);
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    return new RegistryError(`could not ${action}: ${summary}`, status, codes, { retryAfter });
}
/** A URL fit for messages: without user info (the client never puts credentials in URLs; this makes sure). */
function displayUrl(url) {
    const shown = new URL(url.href);
    shown.username = '';
    shown.password = '';
    return shown.href;
}
function registryErrors(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return [];
    }
    if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors))
        return [];
    return body.errors.flatMap((entry) => {
        if (typeof entry !== 'object' || entry === null)
            return [];
        const { code, message } = entry;
        if (typeof code !== 'string')
            return [];
        return [{ code, message: typeof message === 'string' ? message : '' }];
    });
}
/** What was just written is not readable yet (registries that are eventually consistent): worth polling for. */
class NotYetVisibleError extends RegistryError {
    name = 'NotYetVisibleError';
}
/** Every deletion by digest checks here first: nothing the published index references is ever deleted. */
function refuseProtected(digest, protectedDigests) {
    if (protectedDigests.has(digest)) {
        throw new RegistryError(`refusing to delete ${digest}: the published index references it`, undefined);
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/registry/http.ts
// The one place that sends HTTP: every registry, token, blob-storage and web API request goes through sendHttp,
// over node's own http and https modules. Not fetch: undici (behind fetch, and loaded anyway by @actions/core)
// compiles its WebAssembly HTTP parser on a step's first request, and node waits for that compilation before the
// step's process can exit, ~0.1 s of every step that talks to a registry; node:http's parser is native.



/** An answer whose body has been read in full. */
class HttpResponse {
    status;
    statusText;
    headers;
    body;
    constructor(status, statusText, headers, body) {
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.body = body;
    }
    get ok() {
        return this.status >= 200 && this.status < 300;
    }
    text() {
        return this.body.toString('utf8');
    }
}
/** The transport every client uses unless a test gives another: node:http or node:https, by the URL's scheme. */
const defaultFetch = (url, init) => new Promise((resolve, reject) => {
    const target = new URL(url);
    // node:https, and TLS behind it (~7 ms to load, on the way to the build), only for a registry served over https.
    const send = target.protocol === 'https:' ? process.getBuiltinModule('node:https').request : external_node_http_.request;
    const headers = { ...init.headers };
    // A known length rather than chunked encoding, which some registries refuse on uploads (fetch does the same).
    if (init.body !== null)
        headers['Content-Length'] = String(init.body.byteLength);
    else if (init.method === 'POST' || init.method === 'PUT')
        headers['Content-Length'] = '0';
    const sent = send(target, { method: init.method, headers, signal: init.signal, ...serverName(target) }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({
                status: response.statusCode ?? 0,
                statusText: response.statusMessage ?? '',
                headers: headerLookup(response.headers),
                arrayBuffer: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)),
            });
        });
        response.on('close', () => {
            if (!response.complete)
                reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
        });
    });
    sent.on('error', reject);
    sent.end(init.body ?? undefined);
});
/**
 * The TLS server name (SNI) node's agent would work out for a URL, given up front where the host is a name: node
 * works it out with net.isIP, whose IPv6 test compiles a large regular expression at a process's first request, and
 * to machine code at its second (~15 ms, then ~5 ms, in every step that talks to a registry by name). An IP address
 * gets no server name, as from node.
 */
function serverName(url) {
    const host = url.hostname;
    return (0,external_node_net_.isIPv4)(host) || host.startsWith('[') ? {} : { servername: host };
}
function headerLookup(headers) {
    return {
        get: (name) => {
            const value = headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
    };
}
/** How long one request may take, until the last byte of its answer. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** A request that got no (complete) answer: refused, reset, timed out. `code` says which, e.g. `ECONNRESET`. */
class NetworkError extends RegistryError {
    code;
    name = 'NetworkError';
    constructor(message, 
    /** The system error code (`ECONNREFUSED`, `ECONNRESET`…), `TIMEOUT` for our own time limit. */
    code, options) {
        super(message, undefined, [], options);
        this.code = code;
    }
}
/**
 * Sends one request and returns the response, whatever its status, with its body already read: the time limit
 * covers the whole exchange, and a connection that breaks while the body arrives fails here, as a NetworkError
 * that the caller may retry, rather than later in whoever reads the body. Responses are small (manifests, tag
 * lists, configs, errors). Redirects are not followed here: the caller decides per hop whether the next host may
 * see the Authorization header.
 */
async function sendHttp(fetchImpl, request, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS) {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
        const exchange = await fetchImpl(request.url.href, {
            method: request.method,
            headers: request.headers,
            body: request.body ?? null,
            signal,
        });
        const body = Buffer.from(await exchange.arrayBuffer());
        return new HttpResponse(exchange.status, exchange.statusText, exchange.headers, body);
    }
    catch (error) {
        const code = signal.aborted ? 'TIMEOUT' : networkErrorCode(error);
        const reason = code === 'TIMEOUT' ? `no complete answer within ${timeoutMs / 1000} s` : networkReason(error);
        throw new NetworkError(`${request.method} ${displayUrl(request.url)} failed: ${reason}`, code, { cause: error });
    }
}
// Errors are looked at by shape, not with instanceof: they may come from another realm than this module's Error
// (as under jest's VM modules). A fetch (in tests) reports "fetch failed" and keeps the system error in `cause`;
// a connection tried on several addresses fails with an AggregateError of one error per address.
function networkErrorCode(error) {
    for (let current = error; isObject(current); current = current.cause) {
        if (typeof current.code === 'string')
            return current.code;
        if (Array.isArray(current.errors)) {
            return current.errors.map(networkErrorCode).find((code) => code !== undefined);
        }
    }
    return undefined;
}
function networkReason(error) {
    const described = isObject(error) && isObject(error.cause) ? error.cause : error;
    return isObject(described) && typeof described.message === 'string' ? described.message : String(error);
}
function isObject(value) {
    return typeof value === 'object' && value !== null;
}
/** The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL. */
function nextPage(link, url) {
    for (const match of (link ?? '').matchAll(/<([^>]*)>([^,<]*)/g)) {
        const [, target = '', params = ''] = match;
        if (/;\s*rel="?next"?(?:[\s;]|$)/i.test(params))
            return new URL(target, url);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/registry/docker-hub.ts
// Docker Hub's registry has no DELETE (it answers 405 UNSUPPORTED, docker/hub-feedback#2360); tags are deleted
// through the Hub's own API:
// - the token: POST https://hub.docker.com/v2/auth/token {identifier, secret}, which takes a password, a personal
//   access token or an organization access token (docs.docker.com/reference/api/hub/latest, "Create access
//   token"; its predecessor /v2/users/login is deprecated);
// - the tag: DELETE https://hub.docker.com/v2/repositories/{namespace}/{repository}/tags/{tag}/, as Docker's own
//   hub-tool does (`hub-tool tag rm`, pkg/hub/tags.go). The Hub API reference documents only GET and HEAD of
//   /v2/namespaces/{namespace}/repositories/{repository}/tags/{tag}, so this is the endpoint Docker's client
//   uses rather than a documented one.


const HUB_API = 'https://hub.docker.com';
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };
// The Hub API knows a tag a little after the registry accepted it.
const TAG_LISTING_WAIT = {
    maxAttempts: 8,
    maxElapsedMs: 20_000,
    baseDelayMs: 500,
    maxDelayMs: 5_000,
};
class DockerHubApi {
    #transport;
    /** One login per client, shared by concurrent deletions; forgotten when it fails. */
    #token;
    constructor(transport) {
        this.#transport = transport;
    }
    async deleteTag(name, tag) {
        const [namespace, repository, ...rest] = name.repository.split('/');
        if (namespace === undefined || repository === undefined || rest.length > 0) {
            throw new Error(`${(0,src_reference/* formatReference */.FH)({ ...name, tag })} is not a Docker Hub NAMESPACE/REPOSITORY`);
        }
        const token = await this.#login();
        const path = [namespace, repository, 'tags', tag].map(encodeURIComponent).join('/');
        await this.#transport.poll(async () => {
            const { response } = await this.#transport.request({
                action: `delete tag ${(0,src_reference/* formatReference */.FH)({ ...name, tag })} through the Docker Hub API`,
                method: 'DELETE',
                url: new URL(`/v2/repositories/${path}/`, HUB_API),
                credentials: { bearer: token },
                headers: JSON_HEADERS,
                expect: [200, 202, 204, 404],
            });
            if (response.status === 404) {
                throw new NotYetVisibleError(`the Docker Hub API does not know the tag ${tag} yet`, 404);
            }
        }, TAG_LISTING_WAIT);
    }
    #login() {
        if (this.#token === undefined) {
            const login = this.#createToken();
            this.#token = login;
            login.catch(() => {
                if (this.#token === login)
                    this.#token = undefined;
            });
        }
        return this.#token;
    }
    async #createToken() {
        const credential = await this.#transport.credential(src_reference/* DOCKER_HUB */.Xb);
        if (credential?.kind !== 'password') {
            const has = credential === undefined ? 'none' : 'only an identity token';
            throw new RegistryAuthError(`the Docker Hub API needs a user name with a password or access token, and ` +
                `${this.#transport.credentialsDescription} has ${has} for docker.io`, undefined);
        }
        this.#transport.reveal(credential.password);
        const url = new URL('/v2/auth/token', HUB_API);
        // Retried like the idempotent requests when it fails for a passing reason: a second login only makes a token.
        const { response } = await this.#transport.request({
            action: 'log in to the Docker Hub API',
            method: 'POST',
            url,
            headers: JSON_HEADERS,
            body: Buffer.from(JSON.stringify({ identifier: credential.username, secret: credential.password })),
            expect: [200, 401],
        });
        if (response.status === 401) {
            throw new RegistryAuthError(`authentication to the Docker Hub API failed for user "${credential.username}": POST ${url.href} answered 401`, 401);
        }
        const token = accessToken(response.text());
        if (token === undefined) {
            throw new RegistryError(`could not log in to the Docker Hub API: POST ${url.href} answered without a token`, 200);
        }
        this.#transport.reveal(token);
        return token;
    }
}
function accessToken(text) {
    try {
        const body = JSON.parse(text);
        const token = typeof body === 'object' && body !== null ? body.access_token : '';
        return typeof token === 'string' && token !== '' ? token : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/node-crypto.ts
var node_crypto = __webpack_require__(8357);
// EXTERNAL MODULE: ./src/registry/types.ts
var types = __webpack_require__(234);
;// CONCATENATED MODULE: ./src/registry/dummy-manifest.ts
// The dummy image that deleteTag puts under a tag before removing it (tag-deletion.ts): once the tag points at the
// dummy, deleting the dummy, or the tag, can reach nothing else. Its config carries a random nonce (one per
// TagDeleter, so one config serves every dummy of a post step in a repository), and its manifest names the tag it is
// put under: so its digest is new, and no other tag or image shares it. Deleting it by digest can only remove the
// dummy that this deleter put under that very tag.


const NONCE_LABEL = 'dev.multiarch-build.dummy-nonce';
/** An OCI image config for no platform and no layers, with the nonce in a label. */
function dummyConfig(nonce) {
    return Buffer.from(JSON.stringify({
        architecture: 'unknown',
        os: 'unknown',
        config: { Labels: { [NONCE_LABEL]: nonce } },
        rootfs: { type: 'layers', diff_ids: [] },
    }));
}
/**
 * An OCI image manifest of `config` and no layers. `reference` is the tag being deleted, quoted in an annotation
 * for whoever finds a dummy left behind; it also makes the dummies of one config differ, tag by tag.
 */
function dummyManifest(config, reference) {
    const manifest = {
        schemaVersion: 2,
        mediaType: types/* MediaType */.zu.ociManifest,
        config: { mediaType: types/* MediaType */.zu.ociConfig, digest: (0,registry_digest/* digestOf */.o)(config), size: config.length },
        layers: [],
        annotations: {
            'org.opencontainers.image.description': `Dummy put under ${reference} by multiarch-build to delete that tag. It holds no image; delete it.`,
        },
    };
    return Buffer.from(JSON.stringify(manifest));
}

;// CONCATENATED MODULE: ./src/registry/github-packages.ts


const GHCR = 'ghcr.io';
const GITHUB_API = 'https://api.github.com';
const API_HEADERS = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
const VERSIONS_PER_PAGE = 100;
// The API lists the newest versions first, and the dummy is the newest: a few pages bound the cost of a miss.
const MAX_VERSION_PAGES = 3;
// The Packages API lists a version a little after the registry accepted its manifest.
const LISTING_WAIT = {
    maxAttempts: 8,
    maxElapsedMs: 30_000,
    baseDelayMs: 1_000,
    maxDelayMs: 8_000,
};
function ghcrPackage(name) {
    const slash = name.repository.indexOf('/');
    if (slash === -1)
        throw new Error(`${GHCR}/${name.repository} has no owner: ghcr.io images are ghcr.io/OWNER/NAME`);
    return { owner: name.repository.slice(0, slash), packageName: name.repository.slice(slash + 1) };
}
/**
 * Deletes the package version named `digest` of the image's package, once the API lists it. Refuses a protected
 * digest before any request.
 */
async function deleteGhcrPackageVersion(transport, name, digest, options) {
    refuseProtected(digest, options.protectedDigests);
    const pkg = ghcrPackage(name);
    const credentials = { bearer: options.token };
    const version = await transport.poll(() => findVersion(transport, pkg, digest, credentials), LISTING_WAIT);
    await transport.request({
        action: `delete the version ${digest} of the GitHub package ${pkg.owner}/${pkg.packageName}`,
        method: 'DELETE',
        url: new URL(`${version.packageUrl}/versions/${version.id}`),
        credentials,
        headers: API_HEADERS,
        expect: [204],
    });
}
/**
 * The version named `digest`, as an organization's package, else as a user's (the API has one path for each, and
 * answers 404 on the other). NotYetVisibleError while the package lists no such version.
 */
async function findVersion(transport, pkg, digest, credentials) {
    const encodedName = encodeURIComponent(pkg.packageName);
    for (const ownerKind of ['orgs', 'users']) {
        const packageUrl = `${GITHUB_API}/${ownerKind}/${encodeURIComponent(pkg.owner)}/packages/container/${encodedName}`;
        const id = await findVersionId(transport, packageUrl, digest, credentials);
        if (id === 'no such package')
            continue;
        if (id === undefined) {
            throw new NotYetVisibleError(`the GitHub package ${pkg.owner}/${pkg.packageName} lists no version ${digest} yet`, undefined);
        }
        return { packageUrl, id };
    }
    throw new RegistryError(`the GitHub API has no container package ${pkg.packageName} of a user or organization ${pkg.owner}, or the ` +
        'token may not read it (it needs packages: read)', 404);
}
async function findVersionId(transport, packageUrl, digest, credentials) {
    let url = new URL(`${packageUrl}/versions?per_page=${VERSIONS_PER_PAGE}&state=active`);
    for (let page = 1; url !== undefined && page <= MAX_VERSION_PAGES; page++) {
        const action = `list the versions of the GitHub package ${packageUrl}`;
        const exchange = await transport.request({
            action,
            method: 'GET',
            url,
            credentials,
            headers: API_HEADERS,
            expect: page === 1 ? [200, 404] : [200],
        });
        if (exchange.response.status === 404)
            return 'no such package';
        const version = parseVersions(action, exchange.response.text()).find((entry) => entry.name === digest);
        if (version !== undefined)
            return version.id;
        const next = nextPage(exchange.response.headers.get('link'), exchange.url);
        // The token goes with every page: only to the API itself.
        url = next?.origin === exchange.url.origin ? next : undefined;
    }
    return undefined;
}
function parseVersions(action, text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        body = undefined;
    }
    if (!Array.isArray(body)) {
        throw new RegistryError(`could not ${action}: the answer is not a list of versions`, 200);
    }
    return body.flatMap((entry) => {
        const { id, name } = (typeof entry === 'object' && entry !== null ? entry : {});
        return typeof id === 'number' && typeof name === 'string' ? [{ id, name }] : [];
    });
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/registry/auth.ts


// The token spec's default lifetime, for token servers that do not send `expires_in`.
const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
// A token must still be valid when the request carrying it reaches the registry.
const TOKEN_EXPIRY_MARGIN_MS = 10_000;
// The token spec asks OAuth2 clients to identify themselves.
const OAUTH_CLIENT_ID = 'multiarch-build';
class RegistryAuth {
    #options;
    #now;
    /** Per registry. */
    #schemes = new Map();
    /** The scopes to ask the token server for, per `registry scope` of a request, once a challenge named them. */
    #scopes = new Map();
    /** Per registry, realm, service and scopes; a promise so that concurrent requests share one token request. */
    #tokens = new Map();
    #credentials = new Map();
    #revealed = new Set();
    constructor(options) {
        this.#options = options;
        this.#now = options.now ?? Date.now;
    }
    /**
     * Sends the request, authenticating as the registry asks. Returns the response whatever its status, except that
     * a 401 after sending credentials (or when there are none to send) is a RegistryAuthError.
     */
    async send(request) {
        const sent = await this.#authorization(request);
        const response = await this.#sendWith(request, sent);
        if (response.status !== 401)
            return response;
        const challenge = preferredChallenge(response.headers.get('www-authenticate') ?? '');
        // A 401 without a challenge we understand is reported like any other refusal, by the caller.
        if (challenge === undefined)
            return response;
        const credential = await this.credential(request.registry);
        // Basic credentials refused once would be refused again; without a password there is nothing to try.
        if (challenge.scheme === 'basic' && (sent !== undefined || credential?.kind !== 'password')) {
            const note = credential?.kind === 'identity-token'
                ? `it asks for a password and ${this.#options.credentials.description} has only an identity token for it`
                : undefined;
            throw this.#failure(request, response, credential, note);
        }
        // A bearer token can be refused for being expired or revoked, or too narrow: get a new one, once.
        if (sent?.tokenKey !== undefined)
            this.#tokens.delete(sent.tokenKey);
        this.#learn(request, challenge);
        const retried = await this.#sendWith(request, await this.#authorization(request));
        if (retried.status === 401)
            throw this.#failure(request, retried, credential);
        return retried;
    }
    #sendWith(request, authorization) {
        const headers = { ...request.headers };
        if (authorization !== undefined)
            headers.Authorization = authorization.header;
        return sendHttp(this.#options.fetch, { ...request, headers }, this.#options.requestTimeoutMs);
    }
    /** What to send before the registry asks: nothing until it has challenged us once. */
    async #authorization(request) {
        const scheme = this.#schemes.get(request.registry);
        if (scheme === undefined)
            return undefined;
        const credential = await this.credential(request.registry);
        if (scheme.kind === 'basic') {
            return credential?.kind === 'password' ? { header: this.#basic(credential) } : undefined;
        }
        const scopes = this.#scopes.get(scopeKey(request)) ?? (request.scope === undefined ? [] : [request.scope]);
        const tokenKey = JSON.stringify([request.registry, scheme.realm.href, scheme.service ?? '', scopes]);
        const token = await this.#token(tokenKey, () => this.#fetchToken(request.registry, scheme, scopes, credential));
        return { header: `Bearer ${token}`, tokenKey };
    }
    #learn(request, challenge) {
        if (challenge.scheme === 'basic') {
            this.#schemes.set(request.registry, { kind: 'basic' });
            return;
        }
        const realm = parseRealm(challenge.params.realm);
        if (realm === undefined) {
            throw new RegistryError(`${request.registry} sent a bearer challenge without a valid http(s) realm: "${challenge.params.realm ?? ''}"`, 401);
        }
        this.#schemes.set(request.registry, { kind: 'bearer', realm, service: challenge.params.service });
        // Ask for what this request needs and for what the registry says it needs (a push may also need pull).
        const asked = (challenge.params.scope ?? '').split(' ').filter((scope) => scope !== '');
        this.#scopes.set(scopeKey(request), distinctScopes([...(request.scope === undefined ? [] : [request.scope]), ...asked]));
    }
    async #token(key, fetchToken) {
        const cached = this.#tokens.get(key);
        if (cached !== undefined) {
            const token = await cached;
            if (token.expiresAt > this.#now())
                return token.value;
        }
        const fetching = fetchToken();
        this.#tokens.set(key, fetching);
        // A failed token request is not cached: the next request tries again.
        void fetching.catch(() => {
            if (this.#tokens.get(key) === fetching)
                this.#tokens.delete(key);
        });
        return (await fetching).value;
    }
    // With a password: GET realm?service=…&scope=… with Basic auth (what the docker CLI does; every token server
    // supports it). With an identity token: the OAuth2 refresh-token POST, because an identity token is a refresh
    // token, not a password, and token servers accept it only as one.
    async #fetchToken(registry, scheme, scopes, credential) {
        const requestedAt = this.#now();
        const request = credential?.kind === 'identity-token'
            ? this.#refreshTokenRequest(scheme, scopes, credential)
            : this.#tokenRequest(scheme, scopes, credential);
        const response = await sendHttp(this.#options.fetch, request, this.#options.requestTimeoutMs);
        if (response.status === 401)
            throw this.#failure({ ...request, registry }, response, credential);
        if (!response.ok) {
            throw unexpectedResponseError(`get a token for ${registry}`, request.method, request.url, response);
        }
        const body = parseJsonObject(response.text());
        const value = body?.token ?? body?.access_token;
        if (typeof value !== 'string' || value === '') {
            throw new RegistryError(`could not get a token for ${registry}: ${request.method} ${displayUrl(request.url)} answered ${response.status} without a token`, response.status);
        }
        this.reveal(value);
        const lifetime = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
        const lifetimeMs = (lifetime ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
        return { value, expiresAt: requestedAt + Math.max(lifetimeMs / 2, lifetimeMs - TOKEN_EXPIRY_MARGIN_MS) };
    }
    #tokenRequest(scheme, scopes, credential) {
        const url = new URL(scheme.realm.href);
        if (scheme.service !== undefined)
            url.searchParams.set('service', scheme.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = { 'User-Agent': this.#options.userAgent, Accept: 'application/json' };
        if (credential?.kind === 'password')
            headers.Authorization = this.#basic(credential);
        return { method: 'GET', url, headers };
    }
    #refreshTokenRequest(scheme, scopes, credential) {
        this.reveal(credential.identityToken);
        const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: credential.identityToken,
            client_id: OAUTH_CLIENT_ID,
        });
        if (scheme.service !== undefined)
            form.set('service', scheme.service);
        // In the OAuth2 form, scopes are one space-separated parameter.
        if (scopes.length > 0)
            form.set('scope', scopes.join(' '));
        return {
            method: 'POST',
            url: new URL(scheme.realm.href),
            headers: {
                'User-Agent': this.#options.userAgent,
                Accept: 'application/json',
                'Content-Type': 'application/x-www-form-urlencoded',
            },
            body: Buffer.from(form.toString()),
        };
    }
    #basic(credential) {
        const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
        this.reveal(credential.password);
        this.reveal(encoded);
        return `Basic ${encoded}`;
    }
    /** Hands a secret to onSecret, once: what the client sends, and what other APIs of the registry are sent. */
    reveal(secret) {
        if (secret === '' || this.#revealed.has(secret))
            return;
        this.#revealed.add(secret);
        this.#options.onSecret(secret);
    }
    /** The credential for a registry, asked of the source once (a credential helper runs once per registry). */
    credential(registry) {
        let credential = this.#credentials.get(registry);
        if (credential === undefined) {
            credential = this.#options.credentials.get(registry);
            this.#credentials.set(registry, credential);
        }
        return credential;
    }
    /** "authentication to R failed for user "u": GET … answered 401 UNAUTHORIZED: …", never with the secret. */
    #failure(request, response, credential, note) {
        const { status, codes, summary } = describeResponse(request.method, request.url, response);
        const outcome = credential === undefined
            ? `is required, but ${this.#options.credentials.description} has no credentials for it`
            : credential.username === ''
                ? // A credential helper's identity token comes without a user name.
                    'failed with the identity token'
                : `failed for user "${credential.username}"`;
        const reason = note === undefined ? summary : `${note}; ${summary}`;
        return new RegistryAuthError(`authentication to ${request.registry} ${outcome}: ${reason}`, status, codes);
    }
}
/**
 * Parses a WWW-Authenticate value (RFC 9110 section 11.6.1): challenges such as
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull,push"`,
 * several of them separated by commas, with quoted values that may hold commas and escaped quotes.
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    let position = 0;
    const skip = (pattern) => {
        while (position < header.length && pattern.test(header.charAt(position)))
            position++;
    };
    const token = () => {
        const start = position;
        skip(TOKEN_CHAR);
        return header.slice(start, position);
    };
    // Leniently up to the next comma or space: RFC 9110 wants a token here, but an unquoted realm URL is unambiguous.
    const unquoted = () => {
        const start = position;
        skip(/[^\s,]/);
        return header.slice(start, position);
    };
    const quoted = () => {
        let value = '';
        position++; // the opening quote
        while (position < header.length && header.charAt(position) !== '"') {
            if (header.charAt(position) === '\\')
                position++;
            value += header.charAt(position);
            position++;
        }
        position++; // the closing quote
        return value;
    };
    while (position < header.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (scheme === '') {
            // Not a challenge: skip the character so that a malformed header cannot stall the parser.
            position++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skip(/[\s,]/);
            const start = position;
            const name = token();
            skip(/\s/);
            if (name === '' || header.charAt(position) !== '=') {
                // The next challenge's scheme (or a token68, which registries do not use): back to the outer loop.
                position = start;
                break;
            }
            position++;
            skip(/\s/);
            challenge.params[name.toLowerCase()] = header.charAt(position) === '"' ? quoted() : unquoted();
        }
    }
    return challenges;
}
// RFC 9110 tchar.
const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
/** Bearer when offered (it is what registries prefer), else Basic; other schemes are not supported. */
function preferredChallenge(header) {
    const challenges = parseWwwAuthenticate(header);
    return (challenges.find((challenge) => challenge.scheme === 'bearer') ??
        challenges.find((challenge) => challenge.scheme === 'basic'));
}
/**
 * Each scope once, in the order given, where once means the same resource and the same actions in any order: the
 * distribution registry lists a challenge's actions from a Go map, so in a random order (`pull,push` or `push,pull`).
 */
function distinctScopes(scopes) {
    const byMeaning = new Map();
    for (const scope of scopes) {
        const actionsAt = scope.lastIndexOf(':');
        const actions = scope
            .slice(actionsAt + 1)
            .split(',')
            .sort()
            .join(',');
        const meaning = actionsAt < 0 ? scope : `${scope.slice(0, actionsAt)}:${actions}`;
        if (!byMeaning.has(meaning))
            byMeaning.set(meaning, scope);
    }
    return [...byMeaning.values()];
}
function scopeKey(request) {
    return `${request.registry} ${request.scope ?? ''}`;
}
function parseRealm(realm) {
    if (realm === undefined)
        return undefined;
    try {
        const url = new URL(realm);
        return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
    }
    catch {
        return undefined;
    }
}
function parseJsonObject(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/registry/transient.ts
// Which failures are worth another attempt: the server said it is overloaded or failing for now (429, 500, 502,
// 503, 504), or the request got no complete answer (connection refused or reset, a timeout). Anything else (other
// 4xx, authentication, a digest mismatch) would fail the same way again.



const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);
// Node's system errors for a connection that failed or broke off; TIMEOUT is sendHttp's
// time limit. Not here: ENOTFOUND (a misspelt host stays misspelt) and TLS errors.
const TRANSIENT_NETWORK_CODES = new Set([
    'TIMEOUT',
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
]);
/** The retry verdict for a request's failure (retry's isRetryable), with the server's Retry-After. */
function transientFailure(error) {
    if (error instanceof NetworkError) {
        return error.code !== undefined && TRANSIENT_NETWORK_CODES.has(error.code) ? {} : false;
    }
    if (error instanceof RegistryError && error.status !== undefined && TRANSIENT_STATUSES.has(error.status)) {
        return error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter };
    }
    return false;
}
/**
 * Retries that ran out, as a RegistryError with the last attempt's status and codes (callers tell a 404 from a
 * 503 by them) and the retry message ("… (gave up after 7 attempts in 31.2 s)"). Other errors are returned as
 * they are.
 */
function asRegistryError(error) {
    if (!(error instanceof retry/* RetryExhaustedError */.aB) || !(error.lastError instanceof RegistryError))
        return error;
    const last = error.lastError;
    return new RegistryError(error.message, last.status, last.codes, { cause: error });
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// The one request path of the registry client. Every request to a registry, its token server, blob storage or a
// registry's web API (GitHub Packages, Docker Hub) goes through Transport.request, which sends credentials only to
// the origin they belong to, follows redirects, turns unexpected answers into RegistryErrors and retries failures
// that pass (429, 5xx, resets, timeouts).






// Docker Hub's registry API is not on docker.io itself.
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
// A push also reads (HEAD before upload), so it asks for both and one token serves the whole push.
const SCOPE_ACTIONS = { pull: 'pull', push: 'pull,push', delete: 'delete' };
class Transport {
    #auth;
    #options;
    constructor(options) {
        this.#options = options;
        this.#auth = new RegistryAuth({
            credentials: options.credentials,
            fetch: options.fetch,
            onSecret: options.onSecret,
            userAgent: options.userAgent,
            requestTimeoutMs: options.requestTimeoutMs,
        });
    }
    /** Where credentials come from, for messages. */
    get credentialsDescription() {
        return this.#options.credentials.description;
    }
    /** Sends a call, retrying it when it fails for a passing reason unless it is one step of a sequence. */
    request(call) {
        return call.retry === false ? this.#send(call) : this.retrying(() => this.#send(call));
    }
    /** Runs a sequence of calls (or one), again from its start when a step fails for a passing reason. */
    async retrying(operation) {
        try {
            return await (0,retry/* retry */.L5)(operation, {
                ...this.#options.retry,
                isRetryable: transientFailure,
                onRetry: this.#options.onRetry,
            });
        }
        catch (error) {
            throw asRegistryError(error);
        }
    }
    /** Runs `operation` again while it fails with NotYetVisibleError (read-after-write lag), within `bounds`. */
    async poll(operation, bounds) {
        try {
            return await (0,retry/* retry */.L5)(operation, {
                ...this.#options.retry,
                ...bounds,
                isRetryable: (error) => error instanceof NotYetVisibleError,
                onRetry: this.#options.onRetry,
            });
        }
        catch (error) {
            throw asRegistryError(error);
        }
    }
    /** The credential for a registry, from the same source (and cache) as the registry's own authentication. */
    credential(registry) {
        return this.#auth.credential(registry);
    }
    /** Reports a secret sent outside the registry's own authentication (a web API login) to onSecret. */
    reveal(secret) {
        this.#auth.reveal(secret);
    }
    async #send(call) {
        const credentialsOrigin = originOf(call);
        const headers = { 'User-Agent': this.#options.userAgent, ...call.headers };
        let url = call.url;
        for (let redirects = 0;; redirects++) {
            const authorized = url.origin === credentialsOrigin;
            const request = { method: call.method, url, headers, body: call.body };
            const response = await this.#sendOnce(request, authorized ? call.credentials : undefined).catch((error) => {
                // Said like an unexpected answer: what we were doing, then what broke.
                if (error instanceof NetworkError) {
                    throw new NetworkError(`could not ${call.action}: ${error.message}`, error.code, { cause: error });
                }
                throw error;
            });
            if (call.expect.includes(response.status))
                return { response, url };
            const location = response.headers.get('location');
            const follows = call.method === 'GET' || call.method === 'HEAD';
            if (follows && REDIRECT_STATUSES.includes(response.status) && location !== null && redirects < MAX_REDIRECTS) {
                url = new URL(location, url);
                continue;
            }
            // Another host's query may hold a signature (presigned blob URLs): leave it out of the message.
            const shown = authorized ? url : new URL(url.pathname, url.origin);
            throw unexpectedResponseError(call.action, call.method, shown, response);
        }
    }
    #sendOnce(request, credentials) {
        if (credentials !== undefined && 'registry' in credentials) {
            return this.#auth.send({ ...request, registry: credentials.registry, scope: credentials.scope });
        }
        let { headers } = request;
        if (credentials !== undefined) {
            this.#auth.reveal(credentials.bearer);
            headers = { ...headers, Authorization: `Bearer ${credentials.bearer}` };
        }
        return sendHttp(this.#options.fetch, { ...request, headers }, this.#options.requestTimeoutMs);
    }
}
/** The URL and credentials of a registry request about a repository: `path` is under /v2/<repository>/. */
function repositoryTarget(name, access, path) {
    return {
        url: new URL(`v2/${name.repository}/${path}`, registryUrl(name.registry)),
        credentials: repositoryCredentials(name, access),
    };
}
/** For a URL the registry gave (an upload location, the next page): the credentials of the repository. */
function repositoryCredentials(name, access) {
    return { registry: name.registry, scope: `repository:${name.repository}:${SCOPE_ACTIONS[access]}` };
}
/**
 * The API root of a registry: Docker Hub's API host for docker.io; plain http for loopback (localhost,
 * 127.0.0.0/8, [::1]), which Docker treats as insecure registries by default; https for everything else.
 */
function registryUrl(registry) {
    const host = registry === src_reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_API_HOST : registry;
    const { hostname } = new URL(`http://${host}`);
    const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
    return new URL(`${loopback ? 'http' : 'https'}://${host}/`);
}
/** The origin that may see the call's credentials: the registry's API root, or the web API the call is to. */
function originOf(call) {
    if (call.credentials === undefined)
        return undefined;
    return 'registry' in call.credentials ? registryUrl(call.credentials.registry).origin : call.url.origin;
}

;// CONCATENATED MODULE: ./src/registry/tag-deletion.ts
// Deleting a tag without ever deleting the image it points to. Registries disagree on what deleting a tag means:
// some untag, some delete the manifest behind the tag (and with it every other tag of that image), some refuse.
// So the tag is first pointed at a unique tiny dummy manifest, and only then removed, by a means that can reach
// nothing but the dummy:
//   1. HEAD the tag: when there is none, nothing to do (unless it is known to be there: no HEAD then, and a
//      dangling tag is removed too).
//   2. Put the dummy under the tag. Its config, with this deleter's random nonce, is uploaded once per repository
//      and shared; the manifest names the tag. So its digest, computed here, belongs to this deleter and this tag.
//   3. ghcr.io has no registry DELETE: delete the dummy's package version through the GitHub Packages API.
//      docker.io has no registry DELETE: delete the tag through the Docker Hub API.
//      Any other registry: DELETE the dummy by digest (distribution, Harbor, GitLab, GAR, Quay…); when that is
//      refused as unsupported, DELETE the tag, once a HEAD shows that it still points at the dummy.
// A failure after step 2 leaves the tag on the harmless dummy; the error says so, and how to remove it.








/** deleteTag put a dummy under the tag but could not remove it: the tag now points at that dummy. */
class DummyManifestNotDeletedError extends RegistryError {
    tag;
    dummyDigest;
    name = 'DummyManifestNotDeletedError';
    constructor(message, cause, 
    /** The tag left behind, as a full reference. */
    tag, 
    /** The digest of the dummy manifest the tag now points at. */
    dummyDigest) {
        super(message, cause.status, cause.codes, { cause });
        this.tag = tag;
        this.dummyDigest = dummyDigest;
    }
}
/** Someone else put another manifest under the tag while it was being deleted: it is not ours to delete. */
class TagMovedError extends RegistryError {
    name = 'TagMovedError';
}
class TagDeleter {
    #store;
    #transport;
    #dockerHub;
    /** Makes every dummy's config this run's own (#dummyConfig draws it). */
    #nonce;
    #config;
    /** The upload of #config to each repository (by name), started once and awaited by every deletion there. */
    #configUploads = new Map();
    /** Repositories where an earlier step uploaded #config: trusted, and uploaded again if the registry lost it. */
    #reused = new Set();
    /** Those uploads again, one per repository however many deletions found the config gone. */
    #reuploads = new Map();
    constructor(store, transport, reuse) {
        this.#store = store;
        this.#transport = transport;
        this.#dockerHub = new DockerHubApi(transport);
        this.#nonce = reuse?.nonce;
        for (const repository of reuse?.repositories ?? []) {
            this.#reused.add(repository);
            this.#configUploads.set(repository, Promise.resolve());
        }
    }
    /** The nonce and the config made of it, at first use: main creates the client before its build starts. */
    #dummyConfig() {
        this.#nonce ??= (0,node_crypto/* nodeCrypto */.S)().randomUUID();
        this.#config ??= dummyConfig(this.#nonce);
        return { nonce: this.#nonce, config: this.#config };
    }
    /**
     * Uploads the dummies' config to each repository now, so that the deletions to come need not wait for it.
     * Resolves to what a later step of the run can reuse: the repositories where the upload succeeded. Never rejects:
     * a failed upload is tried again by the next deletion there.
     */
    async prepare(names) {
        const uploads = [...names].map(async (name) => {
            await this.#uploadConfig(name);
            return (0,src_reference/* formatName */.nD)(name);
        });
        const settled = await Promise.allSettled(uploads);
        const repositories = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
        return { nonce: this.#dummyConfig().nonce, repositories: [...new Set(repositories)] };
    }
    async deleteTag(name, tag, options) {
        if (!options.present && (await this.#store.headManifest(name, tag)) === undefined)
            return 'absent';
        const reference = (0,src_reference/* formatReference */.FH)({ ...name, tag });
        const protectedDigests = options.protectedDigests ?? new Set();
        const manifest = dummyManifest(this.#dummyConfig().config, reference);
        await this.#uploadConfig(name);
        // The only digest deleted below: computed from the dummy's bytes (putManifest checks that the registry
        // agrees), so the image the tag pointed to before cannot be the one deleted.
        const dummyDigest = await this.#putDummy(name, tag, manifest);
        try {
            refuseProtected(dummyDigest, protectedDigests);
            const repoint = async () => {
                await this.#store.putManifest(name, tag, manifest, types/* MediaType */.zu.ociManifest);
            };
            return await this.#removeDummy(name, tag, dummyDigest, { ...options, protectedDigests }, repoint);
        }
        catch (error) {
            if (!(error instanceof RegistryError) || error instanceof TagMovedError)
                throw error;
            throw new DummyManifestNotDeletedError(`could not delete tag ${reference}: ${error.message}. The tag now points at a harmless dummy manifest ` +
                `${dummyDigest} (no layers), not at any image. To remove it, ${removalAdvice(name, tag, dummyDigest)}.`, error, reference, dummyDigest);
        }
    }
    /**
     * The config's upload to the repository, shared by every deletion there. A failed upload (already retried by
     * uploadBlob) fails the deletions awaiting it with its error, before any dummy is put, and is then forgotten:
     * the next deletion in that repository uploads again.
     */
    #uploadConfig(name) {
        const key = (0,src_reference/* formatName */.nD)(name);
        const known = this.#configUploads.get(key);
        if (known !== undefined)
            return known;
        const upload = this.#store.uploadBlob(name, this.#dummyConfig().config, types/* MediaType */.zu.ociConfig);
        this.#configUploads.set(key, upload);
        upload.catch(() => this.#configUploads.delete(key));
        return upload;
    }
    /**
     * Puts the dummy under the tag. A config an earlier step uploaded that the registry no longer has (a garbage
     * collection in between) is uploaded again, once per repository, and the dummy put again.
     */
    async #putDummy(name, tag, manifest) {
        const put = () => this.#store.putManifest(name, tag, manifest, types/* MediaType */.zu.ociManifest);
        try {
            return await put();
        }
        catch (error) {
            const blobUnknown = error instanceof RegistryError && error.codes.includes('MANIFEST_BLOB_UNKNOWN');
            if (!blobUnknown || !this.#reused.has((0,src_reference/* formatName */.nD)(name)))
                throw error;
            await this.#uploadReusedConfigAgain(name);
            return put();
        }
    }
    #uploadReusedConfigAgain(name) {
        const key = (0,src_reference/* formatName */.nD)(name);
        const known = this.#reuploads.get(key);
        if (known !== undefined)
            return known;
        this.#configUploads.delete(key);
        const upload = this.#uploadConfig(name);
        this.#reuploads.set(key, upload);
        return upload;
    }
    async #removeDummy(name, tag, dummyDigest, options, repoint) {
        if (name.registry === GHCR) {
            if (options.githubToken === undefined || options.githubToken === '') {
                throw new RegistryError('ghcr.io has no registry DELETE, and no GitHub token was given for its API', undefined);
            }
            await deleteGhcrPackageVersion(this.#transport, name, dummyDigest, {
                token: options.githubToken,
                protectedDigests: options.protectedDigests,
            });
            return 'github-package-version';
        }
        if (name.registry === src_reference/* DOCKER_HUB */.Xb) {
            await this.#dockerHub.deleteTag(name, tag);
            return 'docker-hub-api';
        }
        return this.#deleteWithRegistryApi(name, tag, dummyDigest, repoint);
    }
    async #deleteWithRegistryApi(name, tag, dummyDigest, repoint) {
        let refusal;
        try {
            await this.#deleteDummy(name, dummyDigest, repoint);
            return 'dummy-digest-delete';
        }
        catch (error) {
            if (!isRefusedAsUnsupported(error))
                throw error;
            refusal = error;
        }
        // Whatever the registry deletes along with the tag can only be the dummy, as long as the tag points at it.
        const current = await this.#store.headManifest(name, tag);
        if (current === undefined)
            return 'absent';
        if (current.digest !== dummyDigest) {
            throw new TagMovedError(`could not delete tag ${(0,src_reference/* formatReference */.FH)({ ...name, tag })}: the registry refused to delete the dummy put ` +
                `under it by digest (${refusal.message}), and meanwhile the tag was moved to ${current.digest}, by ` +
                'another writer: it is left as it is', undefined);
        }
        try {
            await this.#transport.request({
                action: `delete tag ${(0,src_reference/* formatReference */.FH)({ ...name, tag })}`,
                method: 'DELETE',
                ...repositoryTarget(name, 'delete', `manifests/${tag}`),
                expect: [200, 202, 204],
            });
        }
        catch (error) {
            if (!(error instanceof RegistryError))
                throw error;
            throw new RegistryError(`the registry refused both to delete the dummy by digest (${refusal.message}) and to delete the tag ` +
                `(${error.message})`, error.status, error.codes, { cause: error });
        }
        return 'dummy-tag-delete';
    }
    async #deleteDummy(name, dummyDigest, repoint) {
        try {
            await this.#store.deleteManifest(name, dummyDigest);
        }
        catch (error) {
            if (!isManifestUnknown(error))
                throw error;
            await repoint();
            await this.#store.deleteManifest(name, dummyDigest);
        }
    }
}
/**
 * A DELETE of the dummy answering 404 means an earlier try got through (its answer lost), or got half-way:
 * distribution may remove the dummy's revision but not yet the tag, leaving the tag listed and resolving to
 * nothing. Putting the same dummy bytes back under the tag and deleting them once more ends both cases cleanly.
 */
function isManifestUnknown(error) {
    return error instanceof RegistryError && error.status === 404;
}
/**
 * How registries without a DELETE by digest refuse it: 405 (distribution with deletes disabled, GHCR, Docker Hub)
 * or UNSUPPORTED, and 400 from some. Not an authentication failure: that one is reported as it is.
 */
function isRefusedAsUnsupported(error) {
    return (error instanceof RegistryError &&
        !(error instanceof RegistryAuthError) &&
        (error.status === 400 || error.status === 405 || error.codes.includes('UNSUPPORTED')));
}
/** What a person can do about a tag left on a dummy, in this registry. */
function removalAdvice(name, tag, dummyDigest) {
    if (name.registry === GHCR) {
        return (`delete the package version ${dummyDigest} of ${GHCR}/${name.repository} on github.com (in the package's ` +
            'settings), or give the action a github-token that may delete package versions (permissions: packages: write)');
    }
    if (name.registry === src_reference/* DOCKER_HUB */.Xb) {
        return `delete the tag ${tag} on https://hub.docker.com/repository/docker/${name.repository}/tags`;
    }
    return (`delete the manifest ${dummyDigest} (DELETE /v2/${name.repository}/manifests/${dummyDigest}; a distribution ` +
        'registry needs storage.delete.enabled: true) or the tag, with the registry’s own tools');
}

;// CONCATENATED MODULE: ./src/registry/client.ts
// A small client of the OCI Distribution API (https://github.com/opencontainers/distribution-spec): manifests,
// blobs and tags of one registry repository at a time, with Docker's authentication (auth.ts). Every request goes
// through the Transport (transport.ts), which authenticates, follows redirects, turns refusals into RegistryErrors
// and retries what failed for a passing reason.








const MANIFEST_ACCEPT = types/* MANIFEST_MEDIA_TYPES */.$T.join(', ');
/** Asked for; registries may send fewer per page (and then a Link to the next page). */
const TAGS_PAGE_SIZE = 1000;
/** How long waitForManifest looks for a manifest just written: short waits, about 10 s in all. */
const MANIFEST_VISIBILITY_WAIT = {
    maxAttempts: 20,
    maxElapsedMs: 10_000,
    baseDelayMs: 200,
    maxDelayMs: 2_000,
};
/** Enough to overlap a publish's or a cleanup's independent requests without flooding a registry. */
const MAX_CONCURRENT_REQUESTS = 8;
/** Every request of one client, token requests included, shares one bound on how many run at once. */
function withConcurrencyLimit(fetchImpl, limit) {
    const queue = (0,p_limit/* default */.A)(limit);
    return (input, init) => queue(() => fetchImpl(input, init));
}
class RegistryClient {
    #transport;
    #tags;
    constructor(options) {
        this.#transport = new Transport({
            credentials: options.credentials,
            fetch: withConcurrencyLimit(options.fetch ?? defaultFetch, options.maxConcurrentRequests ?? MAX_CONCURRENT_REQUESTS),
            onSecret: options.onSecret ?? (() => undefined),
            onRetry: options.onRetry ?? (() => undefined),
            retry: options.retry ?? {},
            requestTimeoutMs: options.requestTimeoutMs,
            userAgent: options.userAgent ?? 'multiarch-build',
        });
        this.#tags = new TagDeleter(this, this.#transport, options.dummyConfig);
    }
    /** An index or image manifest by tag or digest; by digest, the bytes are checked against it. */
    async getManifest(name, reference) {
        const action = `get manifest ${describe(name, reference)}`;
        const { response } = await this.#transport.request({
            action,
            method: 'GET',
            ...repositoryTarget(name, 'pull', `manifests/${checkedReference(reference)}`),
            headers: { Accept: MANIFEST_ACCEPT },
            expect: [200],
        });
        const bytes = response.body;
        if ((0,src_reference/* isDigest */.Bc)(reference))
            checkDigest(action, bytes, reference, 'the digest asked for');
        checkDigest(action, bytes, response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
        const digest = (0,src_reference/* isDigest */.Bc)(reference) ? reference : (0,registry_digest/* digestOf */.o)(bytes);
        const json = parseManifest(action, bytes);
        // The registry's Content-Type is the manifest's type when it is one we asked for; else the JSON says.
        const mediaType = [contentType(response), json.mediaType].find((type) => type !== undefined && types/* MANIFEST_MEDIA_TYPES */.$T.includes(type)) ?? ((0,types/* isImageIndex */.yR)(json) ? types/* MediaType */.zu.ociIndex : types/* MediaType */.zu.ociManifest);
        return { descriptor: { mediaType, digest, size: bytes.length }, bytes, json };
    }
    /** The descriptor of a manifest without its bytes, or undefined when there is no such manifest. */
    async headManifest(name, reference) {
        const { response } = await this.#transport.request({
            action: `check manifest ${describe(name, reference)}`,
            method: 'HEAD',
            ...repositoryTarget(name, 'pull', `manifests/${checkedReference(reference)}`),
            headers: { Accept: MANIFEST_ACCEPT },
            expect: [200, 404],
        });
        if (response.status === 404)
            return undefined;
        const digest = (0,src_reference/* isDigest */.Bc)(reference) ? reference : response.headers.get('docker-content-digest');
        const mediaType = contentType(response);
        const size = Number(response.headers.get('content-length') ?? NaN);
        if (digest !== null && (0,src_reference/* isDigest */.Bc)(digest) && mediaType !== undefined && Number.isSafeInteger(size) && size > 0) {
            return { mediaType, digest, size };
        }
        // Not every registry describes the manifest in a HEAD answer; the manifest itself does.
        return (await this.getManifest(name, reference)).descriptor;
    }
    /**
     * Waits until the registry serves a manifest just written (under `digest`, when given): some registries answer
     * reads for a moment with the state before the write. Looks again with short waits for about 10 s, then throws
     * a RegistryError that says what it saw last.
     */
    async waitForManifest(name, reference, digest) {
        const shown = describe(name, reference);
        return this.#transport.poll(async () => {
            const found = await this.headManifest(name, reference);
            if (found !== undefined && (digest === undefined || found.digest === digest))
                return found;
            const wanted = digest === undefined ? '' : ` as ${digest}`;
            const seen = found === undefined ? 'the registry has no such manifest' : `it is ${found.digest}`;
            throw new NotYetVisibleError(`manifest ${shown} is not visible${wanted} yet: ${seen}`, undefined);
        }, MANIFEST_VISIBILITY_WAIT);
    }
    /** Puts a manifest under a tag, or untagged under its digest; returns its digest (computed here). */
    async putManifest(name, reference, bytes, mediaType) {
        const action = `put manifest ${describe(name, reference)}`;
        if ((0,src_reference/* isDigest */.Bc)(reference))
            checkDigest(action, bytes, reference, 'the digest to put it under');
        const digest = (0,src_reference/* isDigest */.Bc)(reference) ? reference : (0,registry_digest/* digestOf */.o)(bytes);
        const { response } = await this.#transport.request({
            action,
            method: 'PUT',
            ...repositoryTarget(name, 'push', `manifests/${checkedReference(reference)}`),
            headers: { 'Content-Type': mediaType },
            body: bytes,
            expect: [201],
        });
        checkDigest(action, bytes, response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
        return digest;
    }
    async deleteManifest(name, digest) {
        if (!(0,src_reference/* isDigest */.Bc)(digest))
            throw new Error(`cannot delete manifest "${digest}" of ${(0,src_reference/* formatName */.nD)(name)}: not a digest`);
        await this.#transport.request({
            action: `delete manifest ${describe(name, digest)}`,
            method: 'DELETE',
            ...repositoryTarget(name, 'delete', `manifests/${digest}`),
            expect: [200, 202, 204],
        });
    }
    /** Every tag of the repository, page by page; none when the repository does not exist. */
    async listTags(name) {
        const action = `list the tags of ${(0,src_reference/* formatName */.nD)(name)}`;
        const tags = [];
        const visited = new Set();
        let { url: target } = repositoryTarget(name, 'pull', `tags/list?n=${TAGS_PAGE_SIZE}`);
        for (;;) {
            const { response, url } = await this.#transport.request({
                action,
                method: 'GET',
                url: target,
                credentials: repositoryCredentials(name, 'pull'),
                expect: visited.size === 0 ? [200, 404] : [200],
            });
            if (response.status === 404)
                return [];
            tags.push(...parseTagList(action, response.text()));
            visited.add(url.href);
            const next = nextPage(response.headers.get('link'), url);
            if (next === undefined)
                return tags;
            // The next page must be on the same registry (it gets our token) and new (a loop would never end).
            if (next.origin !== url.origin || visited.has(next.href)) {
                throw new RegistryError(`could not ${action}: GET ${displayUrl(url)} links to ${displayUrl(next)} as next page`, 200);
            }
            target = next;
        }
    }
    /** A whole blob in memory (meant for configs and other small blobs), checked against its digest. */
    async getBlob(name, digest) {
        if (!(0,src_reference/* isDigest */.Bc)(digest))
            throw new Error(`cannot get blob "${digest}" of ${(0,src_reference/* formatName */.nD)(name)}: not a digest`);
        const action = `get blob ${describe(name, digest)}`;
        const { response } = await this.#transport.request({
            action,
            method: 'GET',
            ...repositoryTarget(name, 'pull', `blobs/${digest}`),
            expect: [200],
        });
        const bytes = response.body;
        checkDigest(action, bytes, digest, 'the digest asked for');
        return bytes;
    }
    /**
     * Uploads a blob without asking first whether the repository has it: its one caller uploads the dummies' config
     * once per repository, new by construction (a random nonce), so the question would cost a round trip to hear no.
     * One POST to start, one PUT with all the bytes. The POST is retried alone (a session started twice costs
     * nothing; the registry expires the unused one). The PUT is not (its session may be gone after a failure): a PUT
     * failure that passes restarts both.
     */
    async uploadBlob(name, bytes, mediaType = types/* MediaType */.zu.octetStream) {
        const descriptor = { mediaType, digest: (0,registry_digest/* digestOf */.o)(bytes), size: bytes.length };
        await this.#transport.retrying(() => this.#upload(name, bytes, descriptor.digest));
        return descriptor;
    }
    async #upload(name, bytes, digest) {
        const where = describe(name, digest);
        const started = await this.#transport.request({
            action: `start the upload of blob ${where}`,
            method: 'POST',
            ...repositoryTarget(name, 'push', 'blobs/uploads/'),
            expect: [202],
        });
        const location = started.response.headers.get('location');
        if (location === null) {
            throw new RegistryError(`could not start the upload of blob ${where}: POST ${displayUrl(started.url)} answered 202 without a Location`, 202);
        }
        const action = `upload blob ${where}`;
        const finished = await this.#transport.request({
            action,
            method: 'PUT',
            // The location may be relative, and may carry the registry's own query parameters (upload state).
            url: withQueryParameter(new URL(location, started.url), 'digest', digest),
            credentials: repositoryCredentials(name, 'push'),
            headers: { 'Content-Type': types/* MediaType */.zu.octetStream },
            body: bytes,
            expect: [201],
            retry: false,
        });
        checkDigest(action, bytes, finished.response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
    }
    /**
     * Removes a tag without ever deleting the image it points to; see tag-deletion.ts for how, per registry.
     * Returns how it was removed ('absent' when there was no such tag). When the tag cannot be removed, the error
     * (a DummyManifestNotDeletedError once the tag points at the dummy) says what was left and how to remove it.
     */
    deleteTag(name, tag, options = {}) {
        if (!(0,src_reference/* isValidTag */.r_)(tag)) {
            return Promise.reject(new Error(`cannot delete tag "${tag}" of ${(0,src_reference/* formatName */.nD)(name)}: not a valid tag`));
        }
        return this.#tags.deleteTag(name, tag, options);
    }
    /**
     * Does now what deleteTag needs first in each repository (the upload of its dummies' shared config), so that
     * deletions there start sooner, here or in a later step given the record (RegistryClientOptions.dummyConfig).
     * Never rejects: a failed upload is retried by the next deleteTag there.
     */
    prepareTagDeletion(names) {
        return this.#tags.prepare(names);
    }
}
function describe(name, reference) {
    return `${(0,src_reference/* formatName */.nD)(name)}${(0,src_reference/* isDigest */.Bc)(reference) ? '@' : ':'}${reference}`;
}
/** A tag or digest, checked before it goes into a URL path. */
function checkedReference(reference) {
    if ((0,src_reference/* isValidTag */.r_)(reference) || (0,src_reference/* isDigest */.Bc)(reference))
        return reference;
    throw new Error(`"${reference}" is neither a tag nor a digest (sha256:… or sha512:…)`);
}
/** Throws unless the bytes have the expected digest (when there is one: registries may omit the header). */
function checkDigest(action, bytes, expected, source) {
    if (expected === null)
        return;
    const actual = (0,src_reference/* isDigest */.Bc)(expected) ? (0,registry_digest/* digestLike */.k)(expected, bytes) : (0,registry_digest/* digestOf */.o)(bytes);
    if (actual !== expected) {
        throw new RegistryError(`could not ${action}: the content’s digest is ${actual}, but ${source} is ${expected}`, undefined);
    }
}
function contentType(response) {
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    return type === '' ? undefined : type;
}
function parseManifest(action, bytes) {
    const invalid = (reason) => new RegistryError(`could not ${action}: the manifest ${reason}`, undefined);
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw invalid('is not JSON');
    }
    if (typeof json !== 'object' || json === null)
        throw invalid('is not a JSON object');
    const manifest = json;
    if (manifest.schemaVersion !== 2)
        throw invalid(`has schemaVersion ${String(manifest.schemaVersion)}, not 2`);
    if (Array.isArray(manifest.manifests))
        return manifest;
    if (typeof manifest.config === 'object' && Array.isArray(manifest.layers))
        return manifest;
    throw invalid('is neither an image index (manifests) nor an image manifest (config and layers)');
}
function parseTagList(action, text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        body = undefined;
    }
    // A repository without tags may answer `"tags": null`.
    const tags = typeof body === 'object' && body !== null && 'tags' in body ? (body.tags ?? []) : undefined;
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
        throw new RegistryError(`could not ${action}: the answer is not a tag list ({"tags": [...]})`, 200);
    }
    return tags;
}
/** Adds a parameter without re-encoding those already there (upload state is opaque to us). */
function withQueryParameter(url, name, value) {
    const next = new URL(url.href);
    next.search = `${url.search === '' ? '?' : `${url.search}&`}${name}=${encodeURIComponent(value)}`;
    return next;
}

// EXTERNAL MODULE: ./src/registry/credentials.ts + 1 modules
var registry_credentials = __webpack_require__(4420);
;// CONCATENATED MODULE: ./src/registry-access.ts
// The action's registry client: credentials as docker login stored them (config file or credential helpers), every
// secret masked in the log, each retry of a failing request logged, and a check before any build that the
// credentials are accepted (a wrong password fails in seconds, not after a build).





function createRegistryClient(env = process.env, credentials = registry_credentials/* DockerConfigCredentials */.z.fromEnvironment(env), dummyConfig) {
    return new RegistryClient({
        credentials,
        ...(dummyConfig ? { dummyConfig } : {}),
        onSecret: (secret) => {
            core/* setSecret */.Pq(secret);
        },
        // A retry that then succeeds is worth knowing (a slow or flaky registry), not worth a warning annotation.
        onRetry: (message) => {
            core/* info */.pq(message);
        },
    });
}
/**
 * Reads the credentials of each registry (so an unreadable docker config fails here, even for a registry that
 * needs none), then lists the tags of each repository: enough for the registry to accept or refuse them.
 */
async function checkPushAccess(registry, credentials, names) {
    const seen = new Set();
    for (const name of names) {
        const key = (0,src_reference/* formatName */.nD)(name);
        if (seen.has(key))
            continue;
        seen.add(key);
        await credentials.get(name.registry);
        try {
            await registry.listTags({ registry: name.registry, repository: name.repository });
        }
        catch (error) {
            // A repository that does not exist yet is fine: the first push creates it.
            if (error instanceof RegistryError && !(error instanceof RegistryAuthError) && error.status === 404)
                continue;
            throw error;
        }
    }
}


/***/ }),

/***/ 4420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ DockerConfigCredentials)
});

// UNUSED EXPORTS: dockerConfigPath

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(8286);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/registry/credential-helpers.ts
// Docker's credential helper protocol (https://github.com/docker/docker-credential-helpers, client/client.go):
// `docker-credential-<name> get` reads a server URL on stdin and writes {"ServerURL","Username","Secret"} on
// stdout. A helper without credentials for the server exits non-zero and prints "credentials not found in native
// keychain". A Username of `<token>` means that Secret is an identity token (cli/config/credentials/native_store.go).
// The helper's stdout is a secret: it is never logged or quoted, not even when the helper fails.

/** Helpers may ask a keychain or a cloud API; one that hangs must not hang the action. */
const CREDENTIAL_HELPER_TIMEOUT_MS = 30_000;
const NOT_FOUND = 'credentials not found in native keychain';
const IDENTITY_TOKEN_USERNAME = '<token>';
// A name, not a path: the program is looked up on the PATH, never run from elsewhere.
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_QUOTED_STDERR = 300;
/**
 * Asks the helper `docker-credential-<helper>` for the credentials of `serverUrl` (a host[:port], or
 * `https://index.docker.io/v1/` for Docker Hub), looking it up on `env.PATH`. Undefined when it has none.
 */
async function getFromCredentialHelper(helper, serverUrl, env, timeoutMs = CREDENTIAL_HELPER_TIMEOUT_MS) {
    if (!HELPER_NAME.test(helper))
        throw new Error(`"${helper}" is not a credential helper name`);
    const program = `docker-credential-${helper}`;
    const result = await run(program, ['get'], serverUrl, env, timeoutMs);
    if (result.outcome !== 'exited' || result.code !== 0) {
        if (result.outcome === 'exited' && result.stdout.trim() === NOT_FOUND)
            return undefined;
        const stderr = result.stderr.trim().replace(/\s+/g, ' ');
        const quoted = stderr.length > MAX_QUOTED_STDERR ? `${stderr.slice(0, MAX_QUOTED_STDERR)}…` : stderr;
        throw new Error(`${program} get ${describeOutcome(result, timeoutMs)}${quoted === '' ? '' : `: ${quoted}`}`);
    }
    const answer = parseAnswer(result.stdout);
    if (answer === undefined) {
        throw new Error(`${program} get answered something other than {"Username": …, "Secret": …} JSON`);
    }
    if (answer.Username === IDENTITY_TOKEN_USERNAME) {
        return { kind: 'identity-token', username: '', identityToken: answer.Secret };
    }
    if (answer.Username === '' && answer.Secret === '')
        return undefined;
    return { kind: 'password', username: answer.Username, password: answer.Secret };
}
/** Runs a program with argv (no shell), `input` on its stdin, and a time limit. */
function run(program, args, input, env, timeoutMs) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(program, args, { env: { ...env }, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        const stdout = [];
        const stderr = [];
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
            // A grandchild may hold the pipes open; without them, 'close' follows the kill at once.
            child.stdout.destroy();
            child.stderr.destroy();
        }, timeoutMs);
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        // A helper that exits without reading its stdin must not fail the write.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
        child.on('error', (error) => {
            clearTimeout(timer);
            if (error.code === 'ENOENT')
                resolve({ outcome: 'not found', stderr: '' });
            else
                reject(new Error(`cannot run ${program}: ${error.message}`, { cause: error }));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            const errors = Buffer.concat(stderr).toString('utf8');
            if (timedOut)
                resolve({ outcome: 'timed out', stderr: errors });
            else if (code === null)
                resolve({ outcome: 'killed', signal: signal ?? 'a signal', stderr: errors });
            else
                resolve({ outcome: 'exited', code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: errors });
        });
    });
}
function describeOutcome(result, timeoutMs) {
    switch (result.outcome) {
        case 'exited':
            return `exited with code ${result.code}`;
        case 'killed':
            return `was killed by ${result.signal}`;
        case 'timed out':
            return `did not finish within ${timeoutMs / 1000} s`;
        case 'not found':
            return 'cannot run: the program is not on the PATH';
    }
}
function parseAnswer(stdout) {
    let answer;
    try {
        answer = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    if (typeof answer !== 'object' || answer === null)
        return undefined;
    const { Username, Secret } = answer;
    return typeof Username === 'string' && typeof Secret === 'string' ? { Username, Secret } : undefined;
}

;// CONCATENATED MODULE: ./src/registry/credentials.ts
// Registry credentials from Docker's config file, found and matched the way the docker CLI does
// (cli/config/configfile/file.go): a registry's credHelpers entry wins, then credsStore, then auths. A helper,
// when one applies, is the only source: its "none" is not completed from auths, as in the CLI.





/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, as the docker CLI finds it. */
function dockerConfigPath(env) {
    const directory = env.DOCKER_CONFIG ?? '';
    return external_node_path_default().join(directory === '' ? external_node_path_default().join(env.HOME ?? (0,external_node_os_.homedir)(), '.docker') : directory, 'config.json');
}
// `docker login` (no argument) stores Docker Hub under its historical v1 index URL; accept the other names too.
// It is also the server URL the CLI gives credential helpers for Docker Hub, and its key in credHelpers.
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = [reference/* DOCKER_HUB */.Xb, 'index.docker.io', 'registry-1.docker.io'];
/** A docker config file, read on first use (a missing file means no credentials), and the helpers it names. */
class DockerConfigCredentials {
    configPath;
    description;
    /** The environment credential helpers run in: its PATH finds them. */
    #helperEnv;
    #config;
    constructor(configPath, helperEnv = process.env) {
        this.configPath = configPath;
        this.description = `the docker config ${configPath}`;
        this.#helperEnv = helperEnv;
    }
    static fromEnvironment(env) {
        return new DockerConfigCredentials(dockerConfigPath(env), env);
    }
    async get(registry) {
        this.#config ??= readDockerConfig(this.configPath);
        const config = await this.#config;
        const serverUrl = registry === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_KEY : registry;
        const helper = config.credHelpers.get(serverUrl) ?? config.credsStore;
        if (helper === '')
            return findCredential(config.auths, registry);
        try {
            return await getFromCredentialHelper(helper, serverUrl, this.#helperEnv);
        }
        catch (error) {
            const setting = config.credHelpers.has(serverUrl) ? `credHelpers["${serverUrl}"]` : 'credsStore';
            throw new Error(`cannot get the credentials for ${registry} from the credential helper "${helper}" (${setting} of ` +
                `${this.description}): ${error.message}`, { cause: error });
        }
    }
}
/** Docker's key matching: exact key first, then any key whose host (without scheme and path) is the registry. */
function findCredential(auths, registry) {
    const isHub = registry === reference/* DOCKER_HUB */.Xb;
    const exact = auths.get(isHub ? DOCKER_HUB_KEY : registry);
    if (exact !== undefined)
        return exact;
    const hosts = isHub ? DOCKER_HUB_HOSTS : [registry.toLowerCase()];
    for (const [key, credential] of auths) {
        if (hosts.includes(hostOfKey(key)))
            return credential;
    }
    return undefined;
}
/** `https://ghcr.io/v1/` → `ghcr.io`, `localhost:5000` → `localhost:5000`. */
function hostOfKey(key) {
    const withoutScheme = key.replace(/^https?:\/\//i, '');
    return withoutScheme.split('/', 1)[0]?.toLowerCase() ?? '';
}
async function readDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            return { auths: new Map(), credHelpers: new Map(), credsStore: '' };
        }
        throw new Error(`cannot read the docker config ${file}: ${error.message}`, { cause: error });
    }
    const invalid = (reason) => new Error(`the docker config ${file} is not valid: ${reason}`);
    let config;
    try {
        config = JSON.parse(text);
    }
    catch (error) {
        throw invalid(`not JSON (${error.message})`);
    }
    if (!isObject(config))
        throw invalid('not a JSON object');
    const auths = config.auths ?? {};
    if (!isObject(auths))
        throw invalid('"auths" is not an object');
    const credHelpers = config.credHelpers ?? {};
    if (!isObject(credHelpers))
        throw invalid('"credHelpers" is not an object');
    const credsStore = config.credsStore ?? '';
    if (typeof credsStore !== 'string')
        throw invalid('"credsStore" is not a string');
    const credentials = new Map();
    for (const [key, entry] of Object.entries(auths)) {
        if (!isObject(entry))
            throw invalid(`auths["${key}"] is not an object`);
        const credential = parseAuthEntry(entry, (reason) => invalid(`auths["${key}"] ${reason}`));
        if (credential !== undefined)
            credentials.set(key, credential);
    }
    const helpers = new Map();
    for (const [key, helper] of Object.entries(credHelpers)) {
        if (typeof helper !== 'string')
            throw invalid(`credHelpers["${key}"] is not a string`);
        helpers.set(key, helper);
    }
    return { auths: credentials, credHelpers: helpers, credsStore };
}
// An entry has `auth` (base64 of user:password, which wins over `username`/`password`, as in Docker), and an
// `identitytoken` when the login produced one. An empty entry `{}` is what docker writes when a credsStore holds
// the secret: no credential here (the store is asked instead, see get).
function parseAuthEntry(entry, invalid) {
    const field = (name) => {
        const value = entry[name] ?? '';
        if (typeof value !== 'string')
            throw invalid(`"${name}" is not a string`);
        return value;
    };
    let username = field('username');
    let password = field('password');
    const auth = field('auth');
    if (auth !== '') {
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon === -1)
            throw invalid('"auth" is not the base64 of user:password');
        username = decoded.slice(0, colon);
        password = decoded.slice(colon + 1);
    }
    const identityToken = field('identitytoken');
    if (identityToken !== '')
        return { kind: 'identity-token', username, identityToken };
    if (username === '' && password === '')
        return undefined;
    return { kind: 'password', username, password };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 5035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ digestLike),
/* harmony export */   o: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var _node_crypto_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8357);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8286);
// Content digests: registries address manifests and blobs by the hash of their bytes, and we check that hash
// ourselves rather than trust the registry (or a proxy or blob store in between).


/** `sha256:<hex>` of the bytes (or `sha512:<hex>`, the other algorithm the OCI spec registers). */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,_node_crypto_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .S)().createHash(algorithm).update(bytes).digest('hex')}`;
}
/** The digest of the bytes in the algorithm of `like` (a valid digest), so that the two can be compared. */
function digestLike(like, bytes) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(like))
        throw new Error(`"${like}" is not a sha256 or sha512 digest`);
    return digestOf(bytes, like.startsWith('sha512:') ? 'sha512' : 'sha256');
}


/***/ }),

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $T: () => (/* binding */ MANIFEST_MEDIA_TYPES),
/* harmony export */   yR: () => (/* binding */ isImageIndex),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
// The JSON shapes of the OCI image spec (and Docker's schema 2 equivalents) that this client reads and writes.
const MediaType = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    /** What a blob is when nothing more specific is known. */
    octetStream: 'application/octet-stream',
};
/** Every manifest type the client asks for: both index forms and both single-image forms. */
const MANIFEST_MEDIA_TYPES = [
    MediaType.ociIndex,
    MediaType.ociManifest,
    MediaType.dockerManifestList,
    MediaType.dockerManifest,
];
function isImageIndex(manifest) {
    return 'manifests' in manifest;
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   aB: () => (/* binding */ RetryExhaustedError)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter */
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6587);
// Retries with exponential backoff and full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
// the n-th retry waits a random time between 0 and min(maxDelay, base × 2^(n-1)), so that clients failing together
// do not come back together. A server's Retry-After replaces that wait. Retries are bounded in count and in time.
// Sleeping, randomness and the clock are injectable, so that the schedule is tested without waiting.

/** For one registry request (or one command): 7 attempts within a minute, so that a blip of ~10 s is ridden out. */
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 7,
    maxElapsedMs: 60_000,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 30_000,
};
/** The retries ran out: the message says how many attempts over how long, and the last reason. */
class RetryExhaustedError extends Error {
    attempts;
    lastError;
    name = 'RetryExhaustedError';
    constructor(message, attempts, 
    /** The last attempt's error. */
    lastError) {
        super(message, { cause: lastError });
        this.attempts = attempts;
        this.lastError = lastError;
    }
}
/** Runs `attempt` until it succeeds, fails with an error that is not retryable, or the retries run out. */
async function retry(attempt, options) {
    const policy = policyOf(options);
    const now = options.now ?? Date.now;
    const random = options.random ?? Math.random;
    const sleep = options.sleep ?? defaultSleep;
    const started = now();
    for (let attemptNumber = 1;; attemptNumber++) {
        let error;
        try {
            return await attempt(attemptNumber);
        }
        catch (caught) {
            error = caught;
        }
        const verdict = options.isRetryable(error);
        if (verdict === false)
            throw error;
        const { reason = (0,_error_message_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error), retryAfter } = verdict === true ? {} : verdict;
        const elapsed = now() - started;
        const giveUp = (why) => new RetryExhaustedError(`${reason} (gave up after ${plural(attemptNumber, 'attempt')} in ${seconds(elapsed)}${why})`, attemptNumber, error);
        if (attemptNumber >= policy.maxAttempts)
            throw giveUp('');
        const requested = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, now());
        const delay = requested === undefined
            ? backoffDelay(attemptNumber, policy, random)
            : Math.min(requested, policy.maxRetryAfterMs);
        if (elapsed + delay > policy.maxElapsedMs) {
            throw giveUp(`: waiting ${seconds(delay)} more would pass the ${seconds(policy.maxElapsedMs)} limit`);
        }
        options.onRetry?.(`${reason}; attempt ${attemptNumber} of ${policy.maxAttempts} failed, trying again in ${seconds(delay)}` +
            (requested === undefined ? '' : ' (as its Retry-After asks)'));
        await sleep(delay);
    }
}
/** The wait before retry number `retry` (1 for the first): full jitter over the exponential cap. */
function backoffDelay(retry, policy, random) {
    const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.floor(random() * cap);
}
/**
 * A Retry-After header (RFC 9110 section 10.2.3) as milliseconds from `now`: delay-seconds or an HTTP-date (a
 * date already past means 0). Undefined when the value is neither, so the caller falls back to its own backoff.
 */
function parseRetryAfter(value, now) {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    // Every HTTP-date form names a weekday and a month; without letters, Date.parse would read "1.5" as a date.
    if (!/[A-Za-z]{3}/.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function defaultSleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function policyOf(tuning) {
    const defaults = DEFAULT_RETRY_POLICY;
    return {
        maxAttempts: tuning.maxAttempts ?? defaults.maxAttempts,
        maxElapsedMs: tuning.maxElapsedMs ?? defaults.maxElapsedMs,
        baseDelayMs: tuning.baseDelayMs ?? defaults.baseDelayMs,
        maxDelayMs: tuning.maxDelayMs ?? defaults.maxDelayMs,
        maxRetryAfterMs: tuning.maxRetryAfterMs ?? defaults.maxRetryAfterMs,
    };
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MJ: () => (/* binding */ stepTempDir),
/* harmony export */   Oi: () => (/* binding */ phase),
/* harmony export */   X5: () => (/* binding */ runnerTemp),
/* harmony export */   yK: () => (/* binding */ runIdentity)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3838);
// What main and post take from the runner's environment, and the shared way they time and group their phases.




function runIdentity(env = process.env) {
    return {
        runId: env.GITHUB_RUN_ID ?? 'local',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        job: env.GITHUB_JOB ?? '',
        action: env.GITHUB_ACTION ?? '',
        startedAt: Math.floor(Date.now() / 1000),
    };
}
/**
 * RUNNER_TEMP itself: the same path in every job of a run, which the cache handoff needs (a cache entry is found
 * only under the path it was saved from).
 */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
}
/** A fresh directory under RUNNER_TEMP for this step's files (metadata, secrets, buildkitd config). */
async function stepTempDir(env = process.env) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(runnerTemp(env), 'multiarch-build-'));
}
/** Runs one phase in its own log group and records how long it took. */
async function phase(timings, name, work) {
    const started = performance.now();
    try {
        return await _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os(name, work);
    }
    finally {
        timings.push({ phase: name, seconds: Math.round(performance.now() - started) / 1000 });
    }
}


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UM: () => (/* binding */ markMainStarted),
/* harmony export */   Ux: () => (/* binding */ emptyRunState),
/* harmony export */   fQ: () => (/* binding */ loadRunState),
/* harmony export */   iZ: () => (/* binding */ saveRunState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
// What main hands to post, through the runner's state file. Saved early and again after each step that creates
// something, so that a main killed half-way still leaves post enough to clean up. Never holds a secret.


function emptyRunState() {
    return {
        mode: '',
        mainCompleted: false,
        cleanup: true,
        publish: 'post',
        published: false,
        platforms: [],
        finalTags: [],
        temporaryTags: [],
        engineImages: [],
        cleanupTags: [],
        tempTagPrefix: '',
        staleTagHours: 0,
        platformDigests: {},
        timings: [],
    };
}
/** Marks that main has started, so the shared entry point runs post next time. */
function markMainStarted() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .StateKey */ .zv.IsPost, 'true');
}
function saveRunState(state) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .StateKey */ .zv.Run, JSON.stringify(state));
}
/** The state main left; undefined when main saved none (it failed before it created anything). */
function loadRunState() {
    const text = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .StateKey */ .zv.Run);
    if (text === '')
        return undefined;
    return { ...emptyRunState(), ...JSON.parse(text) };
}


/***/ })

};
