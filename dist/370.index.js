export const id = 370;
export const ids = [370];
export const modules = {

/***/ 2370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMainStep: () => (/* binding */ runMainStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __webpack_require__(2464);
// EXTERNAL MODULE: ./src/platform.ts
var src_platform = __webpack_require__(3728);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __webpack_require__(8286);
;// CONCATENATED MODULE: ./src/buildx-args.ts



function buildxBuildArgs(build, plan, options, builder, files) {
    const args = ['buildx', 'build', '--builder', builder.name];
    args.push('--platform', build.platforms.map(src_platform/* formatPlatform */.Bq).join(','));
    if (options.file)
        args.push('--file', options.file);
    if (options.target)
        args.push('--target', options.target);
    pushEach(args, '--label', options.labels);
    pushEach(args, '--annotation', plan.buildAnnotations);
    pushEach(args, '--build-arg', options.buildArgs);
    pushEach(args, '--build-context', options.buildContexts);
    pushEach(args, '--secret', files.secretSpecs);
    pushEach(args, '--secret', options.secretFiles.map((entry) => secretFileSpec(entry)));
    pushEach(args, '--ssh', options.ssh);
    pushEach(args, '--cache-from', build.cacheFrom);
    pushEach(args, '--cache-to', build.cacheTo);
    if (options.provenance)
        args.push(`--provenance=${options.provenance}`);
    if (options.sbom)
        args.push(`--sbom=${options.sbom}`);
    if (options.noCache)
        args.push('--no-cache');
    if (options.pull)
        args.push('--pull');
    if (options.network)
        args.push('--network', options.network);
    args.push('--output', outputSpec(build, plan));
    args.push('--metadata-file', files.metadataFile);
    args.push(options.context);
    return args;
}
/**
 * Where the image goes. Pushing by digest leaves no tag behind; a driver that cannot (docker) pushes under the
 * run's temporary tag, which post deletes. Names are quoted: buildx reads --output as CSV.
 */
function outputSpec(build, plan) {
    if (!plan.push)
        return 'type=cacheonly';
    const names = plan.repositories.map(src_reference/* formatName */.nD);
    if (plan.pushByDigest) {
        return `type=image,"name=${names.join(',')}",push-by-digest=true,name-canonical=true,push=true`;
    }
    if (build.temporaryTag === undefined)
        throw new Error(`build ${build.name} has no temporary tag to push under`);
    const tag = build.temporaryTag;
    return `type=image,"name=${names.map((name) => `${name}:${tag}`).join(',')}",push=true`;
}
/** `id=x,src=path` as buildx wants it, from build-push-action's `id=path` form. */
function secretFileSpec(entry) {
    const separator = entry.indexOf('=');
    return [`id=${entry.slice(0, separator)}`, `src=${entry.slice(separator + 1)}`].map(csvField).join(',');
}
/** One field of a buildx CSV flag value (--secret, --output): quoted when it holds a comma or a quote. */
function csvField(field) {
    return /[",\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
function pushEach(args, flag, values) {
    for (const value of values)
        args.push(flag, value);
}
/** argv of `docker buildx create` for the builder this run owns. */
function buildxCreateArgs(name, driver, driverOpts, config) {
    const args = ['buildx', 'create', '--name', name, '--driver', driver];
    pushEach(args, '--driver-opt', driverOpts);
    if (config) {
        // buildx 0.13 renamed --config to --buildkitd-config (the old name is deprecated).
        args.push((0,src_plan/* compareVersions */.Zy)(config.buildxVersion, '0.13.0') >= 0 ? '--buildkitd-config' : '--config', config.file);
    }
    args.push('--bootstrap');
    return args;
}

;// CONCATENATED MODULE: ./src/builder.ts
// The buildx builder: the one the user named, the engine's own (driver docker), or one this run creates and
// post removes.




/** Which builder this run will use, and whether it creates it (so state can record it before it exists). */
function chooseBuilder(inputs, run) {
    if (inputs.builder !== '')
        return { name: inputs.builder, create: false };
    if (inputs.driver === 'docker')
        return { create: false };
    return { name: `multiarch-${run.runId}-${run.runAttempt}-${(0,src_plan/* stepHash */.n4)(run)}`, create: true };
}
async function setUpBuilder(inputs, choice, docker, tempDir) {
    // Each docker command costs a process start, a buildx one two: independent ones run together, and none runs
    // whose answer is already known.
    const engine = docker.engineFacts();
    engine.catch(() => undefined); // awaited below on every path; this only keeps an early failure handled
    if (choice.name === undefined) {
        // The engine's own builder: named after the docker context, driver docker, nothing to inspect.
        const { context, containerdImageStore } = await engine;
        return { name: context, driver: 'docker', multiPlatform: containerdImageStore, created: false };
    }
    const name = choice.name;
    if (choice.create) {
        let config;
        if (inputs.buildkitdConfigInline.trim() !== '') {
            const file = (0,external_node_path_.join)(tempDir, `${name}-buildkitd.toml`);
            // The flag that names the file depends on buildx's version.
            const [buildxVersion] = await Promise.all([
                docker.buildxVersion(),
                (0,promises_.writeFile)(file, inputs.buildkitdConfigInline),
            ]);
            config = { file, buildxVersion };
        }
        await docker.buildx(buildxCreateArgs(name, inputs.driver, inputs.driverOpts, config));
    }
    const [{ containerdImageStore }, { driver }] = await Promise.all([engine, docker.inspectBuilder(name)]);
    // Only the docker driver depends on the engine: without the containerd image store it builds one platform.
    const multiPlatform = driver !== 'docker' || containerdImageStore;
    return { name, driver, multiPlatform, created: choice.create };
}

// EXTERNAL MODULE: ./src/docker.ts + 1 modules
var src_docker = __webpack_require__(3347);
// EXTERNAL MODULE: ./src/node-crypto.ts
var node_crypto = __webpack_require__(8357);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(6587);
;// CONCATENATED MODULE: ./src/build.ts
// Runs the planned buildx builds (in parallel in fan-out) and reads what each one pushed from its metadata file.









class BuildError extends Error {
    name = 'BuildError';
}
async function runBuilds(plan, options, builder, docker, tempDir, follow = {}) {
    const secretFiles = await writeSecretFiles(options.secrets, tempDir);
    try {
        const parallel = plan.builds.length > 1;
        const outcomes = await Promise.allSettled(plan.builds.map(async (build) => {
            const metadataFile = (0,external_node_path_.join)(tempDir, `metadata-${build.name}.json`);
            const args = buildxBuildArgs(build, plan, options, builder, {
                metadataFile,
                secretSpecs: secretFiles.specs,
            });
            const label = build.platforms.map(src_platform/* formatPlatform */.Bq).join(',');
            core/* info */.pq(`Building ${label}`);
            try {
                // A build is re-run only when its push hit a passing registry fault; the build cache makes that cheap.
                const output = { ...(parallel ? { linePrefix: `[${label}] ` } : {}), ...follow };
                await (0,retry/* retry */.L5)(() => docker.buildx(args, output), {
                    ...ENGINE_PUSH_RETRY_POLICY,
                    isRetryable: transientPushFailure,
                    onRetry: (message) => {
                        core/* warning */.$e(`${label}: ${message}`);
                    },
                });
            }
            catch (error) {
                throw new BuildError(`the build for ${label} failed: ${(0,error_message/* errorMessage */.g)(error)}`);
            }
            return { build, metadata: JSON.parse(await (0,promises_.readFile)(metadataFile, 'utf8')) };
        }));
        const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        if (failures.length > 0) {
            throw new BuildError(failures.map(error_message/* errorMessage */.g).join('\n'));
        }
        return outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    }
    finally {
        await secretFiles.remove();
    }
}
/**
 * The engine retries no single request of a push (containerd retries only 408 and 429), so one fault anywhere
 * in the dozens of requests of a multi-platform push fails all of it. Each attempt gets further than the last
 * (blobs already pushed are skipped), hence more attempts than for one request, over a longer bound.
 */
const ENGINE_PUSH_RETRY_POLICY = {
    maxAttempts: 10,
    maxElapsedMs: 180_000,
    baseDelayMs: 1_000,
    maxDelayMs: 15_000,
};
// What buildx prints when a push (not the build itself) failed for a reason that may pass: registry overload,
// throttling, a dropped connection. A failing RUN step prints none of these.
const TRANSIENT_PUSH_ERRORS = [
    /unexpected (HTTP )?status( from \w+ request to \S+)?: (429|5\d\d)/i,
    /\btoomanyrequests\b/i,
    /connection reset by peer|broken pipe|i\/o timeout|unexpected EOF/i,
    /failed to (push|do request)\b.*(connection reset|connection refused|i\/o timeout|EOF|TLS handshake timeout)/i,
    /\b(429 Too Many Requests|503 Service Unavailable|502 Bad Gateway|504 Gateway Timeout)\b/,
];
/** Whether a failed build failed in its push for a reason worth one more try. */
function transientPushFailure(error) {
    if (!(error instanceof src_docker/* CommandError */.Qd))
        return false;
    const output = `${error.result.stderr}\n${error.result.stdout}`;
    if (output.includes('did not complete successfully'))
        return false;
    const match = TRANSIENT_PUSH_ERRORS.map((pattern) => pattern.exec(output)).find(Boolean);
    return match ? { reason: `the push failed (${match[0]})` } : false;
}
/** The descriptor of what a build pushed, from its metadata; an error names the build when buildx gave none. */
function pushedDescriptor(completed) {
    const descriptor = completed.metadata['containerimage.descriptor'];
    if (!descriptor?.digest) {
        throw new BuildError(`buildx reported no pushed image for ${completed.build.name} (no containerimage.descriptor)`);
    }
    return descriptor;
}
/**
 * `secrets` values go to files only this user can read, referenced as `id=…,src=…`: a value in argv would be
 * visible to every process on the runner. The files are removed when the builds end.
 */
async function writeSecretFiles(secrets, tempDir) {
    const files = [];
    const specs = [];
    for (const secret of secrets) {
        const separator = secret.indexOf('=');
        const id = secret.slice(0, separator);
        const value = secret.slice(separator + 1);
        if (value !== '')
            core/* setSecret */.Pq(value);
        const file = (0,external_node_path_.join)(tempDir, `secret-${(0,node_crypto/* nodeCrypto */.S)().randomUUID()}`);
        await (0,promises_.writeFile)(file, value, { mode: 0o600 });
        files.push(file);
        specs.push([`id=${id}`, `src=${file}`].map(csvField).join(','));
    }
    const remove = async () => {
        await Promise.all(files.map((file) => (0,promises_.rm)(file, { force: true })));
    };
    return { specs, remove };
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
;// CONCATENATED MODULE: ./src/buildx-progress.ts
// buildx's plain progress output, as main watches it while a build runs: a step's status line once it is done,
// `#9 naming to 127.0.0.1:5000/app:tmp done` (with the time it took when that was long enough to show:
// `#9 pushing layers 0.1s done`).
/** The status of a finished step (`naming to 127.0.0.1:5000/app:tmp`), or undefined for any other line. */
function finishedStatus(line) {
    return /^#\d+ (.+?)(?: \d+(?:\.\d+)?s)? done$/.exec(line.trim())?.[1];
}

;// CONCATENATED MODULE: ./src/engine-copy.ts
// The docker driver keeps every image it pushes in the engine, under the names it pushed. When one build's index is
// what the run publishes, the engine's copy of it takes the final tags there, as docker build names an image. Its
// temporary name goes in post, with the registry's temporary tags (re-tagging is cheap where deleting an image's
// content is not: the copy keeps its final tags).



/**
 * Gives the engine's copy, known by its first temporary name, the final tags. The engine takes a while to tag right
 * after a build (~30-50 ms), so the final tags are given as soon as buildx has named the copy, while it still pushes
 * (about 0.1 s before a build ends): `watch` reads buildx's plain progress output for that. Without the line (another
 * progress mode), they are given once the build is over.
 */
class EngineCopyRename {
    docker;
    copy;
    finalTags;
    #tagging;
    constructor(docker, copy, finalTags) {
        this.docker = docker;
        this.copy = copy;
        this.finalTags = finalTags;
    }
    /** A build's output line. A retried build names its copy again: the tags follow each naming, the last one wins. */
    watch = (line) => {
        if (!isNamingDone(line, this.copy))
            return;
        const tagging = (this.#tagging ?? Promise.resolve()).catch(() => undefined).then(() => this.#tag());
        tagging.catch(() => undefined); // finish reports a failure; after a failed build nothing waits for it
        this.#tagging = tagging;
    };
    /**
     * After a successful build: the final tags, given now unless the naming was seen. A failure is a warning; post
     * then removes the temporary name, and the copy with it.
     */
    async finish() {
        try {
            await (this.#tagging ?? this.#tag());
        }
        catch (error) {
            core/* warning */.$e(`Could not rename this run's image in the docker engine: ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    async #tag() {
        await Promise.all(this.finalTags.map((tag) => this.docker.tagImage(this.copy, tag)));
    }
}
/** Whether a line of buildx's plain progress output says that the image exporter has named an image `name`. */
function isNamingDone(line, name) {
    return finishedStatus(line) === `naming to ${name}`;
}

// EXTERNAL MODULE: ./src/image-index.ts
var image_index = __webpack_require__(5179);
;// CONCATENATED MODULE: ./src/manifest-prefetch.ts
// What a build pushed is read back from the registry as soon as buildx says it pushed it: buildx still has work
// before it ends (the docker driver of buildx < 0.22 pushes everything again through the engine, ~0.1 s; every
// driver then writes its metadata file and exits), and main needs the manifest's bytes the moment the build ends.


/** Reads manifests from one repository, each once, starting with those buildx says it pushed there. */
class ManifestPrefetch {
    registry;
    repository;
    #reads = new Map();
    constructor(registry, repository) {
        this.registry = registry;
        this.repository = repository;
    }
    /** A build's output line: a manifest pushed to this repository is read now. */
    watch = (line) => {
        const pushed = pushedManifest(line);
        if (pushed === undefined || (0,src_reference/* formatName */.nD)(pushed.name) !== (0,src_reference/* formatName */.nD)(this.repository))
            return;
        if (this.#reads.has(pushed.digest))
            return;
        const read = this.registry.getManifest(this.repository, pushed.digest);
        read.catch(() => undefined); // getManifest reads it again
        this.#reads.set(pushed.digest, read);
    };
    /** The manifest `digest`: the early read, or (without one, or when it failed) a read now. */
    getManifest = async (digest) => {
        const early = this.#reads.get(digest);
        if (early !== undefined) {
            const read = await early.catch(() => undefined);
            if (read !== undefined)
                return read;
        }
        return this.registry.getManifest(this.repository, digest);
    };
}
/**
 * The manifest a line of buildx's plain progress output says was pushed, by the repository's name and the
 * manifest's digest: `#9 pushing manifest for 127.0.0.1:5000/app:tmp@sha256:… 0.0s done`.
 */
function pushedManifest(line) {
    const match = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})$/.exec(finishedStatus(line) ?? '');
    if (!match?.[1] || !match[2])
        return undefined;
    try {
        return { name: (0,src_reference/* parseReference */.F2)(match[1]), digest: match[2] };
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/build-cache.ts
var build_cache = __webpack_require__(188);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(5175);
;// CONCATENATED MODULE: ./src/runners.ts
// The matrix plan for native runners: which runner label builds each platform, from `platform-prefix=runner-label`
// entries. Pure; the workflow feeds the plan to `strategy.matrix` with fromJSON.

/**
 * GitHub-hosted runners, used when no entry is given. 32-bit arm goes to the arm64 runner too: those CPUs cannot
 * run it natively either, so it is emulated there as it would be anywhere.
 */
const DEFAULT_RUNNERS = [
    'linux/arm64=ubuntu-24.04-arm',
    'linux/arm=ubuntu-24.04-arm',
    'default=ubuntu-24.04',
];
class RunnersError extends Error {
    name = 'RunnersError';
}
const DEFAULT_KEY = 'default';
const EXPECTED_FORM = 'expected platform-prefix=runner-label, e.g. linux/arm64=ubuntu-24.04-arm or linux/arm=ubuntu-24.04-arm, ' +
    'or default=runner-label';
/** Parses `platform-prefix=runner-label` and `default=runner-label` entries; no entries means DEFAULT_RUNNERS. */
function parseRunners(lines) {
    const entries = lines.map((line) => line.trim()).filter((line) => line !== '');
    if (entries.length === 0)
        return parseRunners(DEFAULT_RUNNERS);
    const byPrefix = new Map();
    let defaultRunner;
    const entryOf = new Map();
    for (const entry of entries) {
        const equals = entry.indexOf('=');
        if (equals === -1)
            throw new RunnersError(`runner entry "${entry}" has no "=" (${EXPECTED_FORM})`);
        const key = entry.slice(0, equals).trim();
        const runner = entry.slice(equals + 1).trim();
        if (runner === '')
            throw new RunnersError(`runner entry "${entry}" has no runner label (${EXPECTED_FORM})`);
        const prefix = key.toLowerCase() === DEFAULT_KEY ? DEFAULT_KEY : parsePrefix(key, entry);
        const earlier = entryOf.get(prefix);
        if (earlier !== undefined) {
            throw new RunnersError(`runner entries "${earlier}" and "${entry}" both name ${prefix} (expected one each)`);
        }
        entryOf.set(prefix, entry);
        if (prefix === DEFAULT_KEY)
            defaultRunner = runner;
        else
            byPrefix.set(prefix, runner);
    }
    return { byPrefix, ...(defaultRunner === undefined ? {} : { default: defaultRunner }) };
}
/**
 * One matrix entry per platform. The most specific matching prefix wins (`linux/arm/v7` over `linux/arm` over
 * `default`); a platform nothing matches is an error naming it.
 */
function planMatrix(platforms, runners) {
    const include = [];
    const unmatched = [];
    for (const platform of platforms) {
        const name = (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* normalizePlatform */.FL)(platform));
        const runner = runnerFor(name, runners);
        if (runner === undefined)
            unmatched.push(name);
        else
            include.push({ platform: name, runner });
    }
    const [firstUnmatched] = unmatched;
    if (firstUnmatched !== undefined) {
        throw new RunnersError(`no runner for ${unmatched.join(', ')}: add an entry such as ${firstUnmatched}=runner-label, or ` +
            'default=runner-label, to "runners"');
    }
    return { include };
}
/** `os/arch` (any variant) or a full platform, in canonical spelling (aliases resolved, baseline variants dropped). */
function parsePrefix(text, entry) {
    const components = text.split('/').length;
    if (components < 2 || components > 3) {
        throw new RunnersError(`runner entry "${entry}": "${text}" is not a platform prefix (expected os/arch or os/arch/variant, e.g. ` +
            'linux/arm or linux/arm/v7, or default)');
    }
    try {
        const platform = (0,src_platform/* parsePlatform */.Y8)(text);
        // os/arch stands for every variant: parsePlatform would read a bare linux/arm as linux/arm/v7.
        return components === 2 ? `${platform.os}/${platform.architecture}` : (0,src_platform/* formatPlatform */.Bq)(platform);
    }
    catch (error) {
        if (error instanceof src_platform/* PlatformError */.Wk)
            throw new RunnersError(`runner entry "${entry}": ${error.message}`);
        throw error;
    }
}
function runnerFor(platform, runners) {
    const components = platform.split('/');
    let best;
    for (const [prefix, runner] of runners.byPrefix) {
        const prefixComponents = prefix.split('/');
        const matches = prefixComponents.every((component, i) => component === components[i]);
        if (matches && prefixComponents.length > (best?.length ?? 0))
            best = { length: prefixComponents.length, runner };
    }
    return best?.runner ?? runners.default;
}

;// CONCATENATED MODULE: ./src/inputs.ts
// The action's inputs as one typed settings object. Parsing is pure (a reader function in, Inputs out) and
// collects every problem at once, each naming the input and the form it expects, before anything runs.








const MODES = ['auto', 'multi', 'fan-out', 'shard', 'merge', 'plan'];
const PUBLISH_WHEN = ['post', 'main', 'false'];
const QEMU_MODES = ['auto', 'true', 'false'];
const DRIVERS = ['docker-container', 'docker'];
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0] ?? ''}`
            : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
/**
 * A list input as docker/build-push-action reads it: one item per line, each line CSV (so quotes protect commas);
 * with `splitCommas` false, a line stays one item even when it holds commas (build args, labels, cache specs).
 */
function parseList(value, splitCommas) {
    if (value.trim() === '')
        return [];
    const records = (0,sync/* parse */.qg)(value, {
        columns: false,
        relaxQuotes: true,
        relaxColumnCount: true,
        skipEmptyLines: true,
    });
    // As build-push-action: a line of one field is split on its commas; a line of several (quoted) fields keeps them.
    const items = records.flatMap((record) => {
        if (!splitCommas)
            return [record.join(',')];
        return record.length === 1 ? (record[0] ?? '').split(',') : record;
    });
    return items.map((item) => item.trim()).filter((item) => item !== '');
}
function parseInputs(read) {
    const problems = [];
    const text = (name) => read(name).trim();
    function list(name, splitCommas) {
        try {
            return parseList(read(name), splitCommas);
        }
        catch {
            // csv-parse's message may quote the text, and a secret's text must never reach a log.
            problems.push(`"${name}" has a quote that is not closed (expected one item per line, "quoted" where needed)`);
            return [];
        }
    }
    function oneOf(name, allowed) {
        const value = text(name);
        if (allowed.includes(value))
            return value;
        problems.push(`"${name}" is "${value}" (expected one of: ${allowed.join(', ')})`);
        return allowed[0];
    }
    function boolean(name) {
        const value = text(name).toLowerCase();
        if (value === 'true' || value === 'false')
            return value === 'true';
        problems.push(`"${name}" is "${read(name)}" (expected true or false)`);
        return false;
    }
    function nonNegativeNumber(name) {
        const value = Number(text(name));
        if (text(name) !== '' && Number.isFinite(value) && value >= 0)
            return value;
        problems.push(`"${name}" is "${read(name)}" (expected a number of hours, 0 or more)`);
        return 0;
    }
    function keyValues(name) {
        const items = list(name, false);
        for (const item of items) {
            if (!/^[^=\s]+=/.test(item))
                problems.push(`"${name}" has "${redactValue(name, item)}" (expected key=value)`);
        }
        return items;
    }
    const platforms = parsePlatforms(list(constants/* Input */.pd.Platforms, true), problems);
    const tagItems = list(constants/* Input */.pd.Tags, true);
    const tags = parseTags(tagItems, problems);
    // Given but invalid is its own problem, said by parseTags; "empty" means nothing was given.
    const noTags = tagItems.length === 0;
    const push = boolean(constants/* Input */.pd.Push);
    const tempTagPrefix = text(constants/* Input */.pd.TempTagPrefix);
    // The prefix is followed by run id, attempt, a step hash and a platform: keep room for them in 128 characters.
    if (!(0,src_reference/* isValidTag */.r_)(tempTagPrefix) || tempTagPrefix.length > 48) {
        problems.push(`"temp-tag-prefix" is "${tempTagPrefix}" (expected 1 to 48 of A-Z a-z 0-9 _ . -, not starting with . or -)`);
    }
    const inputs = {
        mode: oneOf(constants/* Input */.pd.Mode, MODES),
        platforms,
        runners: runnerEntries(list(constants/* Input */.pd.Runners, false), problems),
        handoffDir: text(constants/* Input */.pd.HandoffDir),
        tags,
        push,
        publish: oneOf(constants/* Input */.pd.Publish, PUBLISH_WHEN),
        cleanup: boolean(constants/* Input */.pd.Cleanup),
        cache: oneOf(constants/* Input */.pd.Cache, build_cache/* CACHE_MODES */._),
        cleanupTags: parseCleanupTags(list(constants/* Input */.pd.CleanupTags, true), tags, problems),
        staleTagHours: nonNegativeNumber(constants/* Input */.pd.StaleTagHours),
        tempTagPrefix,
        qemu: oneOf(constants/* Input */.pd.Qemu, QEMU_MODES),
        qemuImage: text(constants/* Input */.pd.QemuImage),
        builder: text(constants/* Input */.pd.Builder),
        driver: oneOf(constants/* Input */.pd.Driver, DRIVERS),
        driverOpts: list(constants/* Input */.pd.DriverOpts, false),
        buildkitdConfigInline: read(constants/* Input */.pd.BuildkitdConfigInline),
        githubToken: read(constants/* Input */.pd.GithubToken),
        build: {
            context: text(constants/* Input */.pd.Context) || '.',
            file: text(constants/* Input */.pd.File),
            target: text(constants/* Input */.pd.Target),
            labels: keyValues(constants/* Input */.pd.Labels),
            annotations: keyValues(constants/* Input */.pd.Annotations),
            buildArgs: keyValues(constants/* Input */.pd.BuildArgs),
            buildContexts: keyValues(constants/* Input */.pd.BuildContexts),
            secrets: keyValues(constants/* Input */.pd.Secrets),
            secretFiles: keyValues(constants/* Input */.pd.SecretFiles),
            ssh: list(constants/* Input */.pd.Ssh, false),
            cacheFrom: list(constants/* Input */.pd.CacheFrom, false),
            cacheTo: list(constants/* Input */.pd.CacheTo, false),
            provenance: text(constants/* Input */.pd.Provenance),
            sbom: text(constants/* Input */.pd.Sbom),
            noCache: boolean(constants/* Input */.pd.NoCache),
            pull: boolean(constants/* Input */.pd.Pull),
            network: text(constants/* Input */.pd.Network),
        },
    };
    if (noTags && (push || inputs.mode === 'shard' || inputs.mode === 'merge')) {
        const why = push ? '"push" is true' : `"mode" is ${inputs.mode}`;
        problems.push(`"tags" is empty but ${why} (expected at least one image reference: the final tags)`);
    }
    if (inputs.cache === 'registry' && noTags) {
        problems.push('"cache" is registry but "tags" is empty (expected tags: the cache is kept next to the image)');
    }
    if (inputs.mode === 'shard' && !push) {
        problems.push('"push" is false but "mode" is shard (expected true: a shard hands off what it pushed)');
    }
    if (inputs.qemu !== 'false' && inputs.qemuImage === '') {
        problems.push('"qemu-image" is empty (expected an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68)');
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return inputs;
}
function parsePlatforms(items, problems) {
    if (items.length === 0) {
        problems.push('"platforms" is empty (expected a list such as linux/amd64,linux/arm64)');
        return [];
    }
    const platforms = [];
    const seen = new Set();
    for (const item of items) {
        try {
            const platform = (0,src_platform/* parsePlatform */.Y8)(item);
            const name = (0,src_platform/* formatPlatform */.Bq)(platform);
            if (seen.has(name))
                problems.push(`"platforms" lists ${name} twice`);
            seen.add(name);
            platforms.push(platform);
        }
        catch (error) {
            if (!(error instanceof src_platform/* PlatformError */.Wk))
                throw error;
            problems.push(`"platforms": ${error.message}`);
        }
    }
    return platforms;
}
function parseTags(items, problems) {
    const tags = [];
    for (const item of items) {
        try {
            const reference = (0,src_reference/* parseReference */.F2)(item);
            if (reference.digest) {
                problems.push(`"tags" has "${item}" with a digest (expected name:tag; the digest is what this action outputs)`);
            }
            else {
                tags.push({ ...reference, tag: reference.tag ?? 'latest' });
            }
        }
        catch (error) {
            problems.push(`"tags": ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    return tags;
}
/** The runners mapping, parsed here so that a bad entry is an input error like any other. */
function runnerEntries(entries, problems) {
    try {
        return parseRunners(entries);
    }
    catch (error) {
        if (!(error instanceof RunnersError))
            throw error;
        problems.push(`"runners": ${error.message}`);
        return parseRunners([]);
    }
}
/** cleanup-tags: full tagged references that are not final tags (deleting one would undo the publish). */
function parseCleanupTags(items, finalTags, problems) {
    const finals = new Set(finalTags.map(src_reference/* formatReference */.FH));
    const tags = [];
    for (const item of items) {
        try {
            const reference = (0,src_reference/* parseReference */.F2)(item);
            if (reference.digest !== undefined || reference.tag === undefined) {
                problems.push(`"cleanup-tags" has "${item}" (expected name:tag, without a digest)`);
            }
            else if (finals.has((0,src_reference/* formatReference */.FH)(reference))) {
                problems.push(`"cleanup-tags" has "${item}", which is also in "tags" (expected only leftover tags)`);
            }
            else {
                tags.push(reference);
            }
        }
        catch (error) {
            problems.push(`"cleanup-tags": ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    return tags;
}
/** Secret values never reach a message: only their id does. */
function redactValue(name, item) {
    if (name !== constants/* Input */.pd.Secrets)
        return item;
    const separator = item.indexOf('=');
    return separator > 0 ? `${item.slice(0, separator)}=***` : '***';
}
/** The inputs as the runner passed them; the GitHub token is masked before anything can print it. */
function getInputs() {
    const token = core/* getInput */.V4(constants/* Input */.pd.GithubToken);
    if (token !== '')
        core/* setSecret */.Pq(token);
    return parseInputs((name) => core/* getInput */.V4(name));
}

// EXTERNAL MODULE: ./src/publish.ts
var publish = __webpack_require__(4496);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/binfmt.ts
// The kernel's binfmt_misc registry: which QEMU emulators are registered, and registering one from the host's
// qemu-user-static package (its binfmt.d files) when this process may write there.


const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
const HOST_CONF_DIRS = ['/usr/lib/binfmt.d', '/lib/binfmt.d'];
/**
 * Whether a qemu-user emulator (`aarch64`, `arm`, …) has an enabled binfmt entry. Synchronous: a procfs read
 * answers at once, and only the entries a build needs are read, so the builds wait on nothing here.
 */
function isRegistered(qemuName) {
    try {
        return (0,external_node_fs_.readFileSync)(`${BINFMT_DIR}/qemu-${qemuName}`, 'utf8').startsWith('enabled');
    }
    catch {
        return false;
    }
}
/** The host's registration line for an emulator (from qemu-user-static), when the host has one. */
async function hostRegistration(qemuName) {
    for (const dir of HOST_CONF_DIRS) {
        const text = await (0,promises_.readFile)(`${dir}/qemu-${qemuName}.conf`, 'utf8').catch(() => undefined);
        const line = text?.split('\n').find((candidate) => candidate.startsWith(':'));
        if (line)
            return line;
    }
    return undefined;
}
/** Whether this process may register entries itself (root, with binfmt_misc mounted). */
async function canRegister() {
    return (0,promises_.access)(`${BINFMT_DIR}/register`, external_node_fs_.constants.W_OK).then(() => true, () => false);
}
async function register(line) {
    await (0,promises_.writeFile)(`${BINFMT_DIR}/register`, `${line}\n`);
}

;// CONCATENATED MODULE: ./src/qemu.ts
// QEMU only where it is needed: emulators for the platforms this runner cannot execute and that are not
// registered yet. The host's qemu-user-static is used when present (no image pull); else the binfmt image.



/** The emulators to register: pure, so the choice is tested by a table. */
function emulatorsToRegister(mode, platforms, nodeArch, isRegistered) {
    if (mode === 'false')
        return [];
    const native = (0,src_platform/* nativePlatforms */.y$)(nodeArch);
    // `true` distrusts the runner's secondary architectures (386 on x64 kernels without IA32 support): only the
    // runner's own primary architecture is taken as native.
    const trusted = mode === 'auto' ? native : native.slice(0, 1);
    const emulators = new Map();
    for (const platform of platforms) {
        if (trusted.some((n) => (0,src_platform/* samePlatform */.my)(n, platform)))
            continue;
        const name = (0,src_platform/* qemuName */.gc)(platform);
        if (!emulators.has(name) && !isRegistered(name))
            emulators.set(name, { qemuName: name, architecture: platform.architecture });
    }
    return [...emulators.values()];
}
/** Registers what `emulatorsToRegister` chose; returns the qemu-user names it registered. */
async function setUpQemu(mode, platforms, image, docker) {
    const wanted = emulatorsToRegister(mode, platforms, process.arch, isRegistered);
    if (wanted.length === 0) {
        core/* info */.pq('QEMU: nothing to register (every platform is native or already registered).');
        return [];
    }
    const fromImage = [];
    const writable = await canRegister();
    for (const emulator of wanted) {
        const line = writable ? await hostRegistration(emulator.qemuName) : undefined;
        if (line) {
            core/* info */.pq(`QEMU: registering ${emulator.qemuName} from the host's qemu-user-static`);
            await register(line);
        }
        else {
            fromImage.push(emulator);
        }
    }
    if (fromImage.length > 0) {
        const architectures = fromImage.map((emulator) => emulator.architecture);
        core/* info */.pq(`QEMU: registering ${architectures.join(', ')} with ${image}`);
        await docker.installBinfmt(image, architectures);
    }
    const missing = wanted.filter((emulator) => !isRegistered(emulator.qemuName));
    if (missing.length > 0) {
        throw new Error(`QEMU: no emulator registered for ${missing.map((e) => e.architecture).join(', ')} after setup ` +
            '(binfmt_misc needs root, or a privileged container through the docker engine)');
    }
    return wanted.map((emulator) => emulator.qemuName);
}

// EXTERNAL MODULE: ./src/registry-access.ts + 10 modules
var registry_access = __webpack_require__(3907);
// EXTERNAL MODULE: ./src/registry/credentials.ts + 1 modules
var registry_credentials = __webpack_require__(4420);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(3683);
;// CONCATENATED MODULE: ./src/handoff/handoff.ts
class HandoffError extends Error {
    name = 'HandoffError';
}
/** One platform handed off twice in one attempt, differently: a record handed off is never replaced. */
function conflictingRecordError(where, previous, record) {
    return new HandoffError(`${where} already holds another record for ${record.platform} (${previous.descriptor.digest} from job ` +
        `"${previous.job}", not ${record.descriptor.digest} from job "${record.job}"), and a record handed off is ` +
        'never replaced. Does another job of this run build the same platform for the same tags?');
}

;// CONCATENATED MODULE: ./src/handoff/record.ts
// The record a shard hands to the merge job for each platform it built: what it pushed and where. Pure: the
// backends (directory, GitHub cache) only move these records as JSON text.



class ShardRecordError extends Error {
    name = 'ShardRecordError';
}
const IMAGE_KEY = /^[0-9a-f]{16}$/;
// Run ids end up in file names and cache keys: no separators, no commas (the cache refuses them in keys), no `..`.
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RUN_ATTEMPT = /^[1-9][0-9]*$/;
const RECORD_FIELDS = [
    'version',
    'image',
    'platform',
    'runId',
    'runAttempt',
    'job',
    'descriptor',
    'repositories',
    'temporaryTags',
    'createdAt',
];
const DESCRIPTOR_FIELDS = ['mediaType', 'digest', 'size', 'platform', 'annotations'];
const PLATFORM_FIELDS = ['os', 'architecture', 'variant'];
/**
 * Which image a record belongs to: the first 16 hex digits of the sha256 of the sorted, distinct final tags, one
 * per line. Two images built in one run never see each other's records.
 */
function imageKey(finalTags) {
    const tags = [...new Set(finalTags)].sort();
    return (0,node_crypto/* nodeCrypto */.S)().createHash('sha256').update(tags.join('\n')).digest('hex').slice(0, 16);
}
/** Throws unless image and run id are safe to use in file names and cache keys, as records require. */
function checkImageAndRun(image, runId) {
    if (!IMAGE_KEY.test(image))
        throw new ShardRecordError(`"${image}" is not an image key (16 hex digits)`);
    if (!RUN_ID.test(runId)) {
        throw new ShardRecordError(`"${runId}" is not a run id (a letter or digit, then letters, digits, ., _ or -)`);
    }
}
/** The platform as it appears in file names and cache keys: `linux/arm/v7` → `linux-arm-v7`. */
function platformSlugOf(platform) {
    return (0,src_platform/* platformSlug */.DN)((0,src_platform/* parsePlatform */.Y8)(platform));
}
/**
 * The record's JSON, with exactly the fields of ShardRecord and Descriptor: buildx's descriptor may carry more,
 * which the merge does not need and the strict parser would refuse.
 */
function serializeShardRecord(record) {
    const { mediaType, digest, size, platform, annotations } = record.descriptor;
    const descriptor = {
        mediaType,
        digest,
        size,
        ...(platform ? { platform: { ...platform } } : {}),
        ...(annotations ? { annotations } : {}),
    };
    const known = {
        version: record.version,
        image: record.image,
        platform: record.platform,
        runId: record.runId,
        runAttempt: record.runAttempt,
        job: record.job,
        descriptor,
        repositories: record.repositories,
        temporaryTags: record.temporaryTags,
        createdAt: record.createdAt,
    };
    return `${JSON.stringify(known, null, 2)}\n`;
}
/** Parses and validates a record; `where` (a file path or cache key) names the source in every error. */
function parseShardRecord(text, where) {
    const invalid = (what) => new ShardRecordError(`The handoff record at ${where} is invalid: ${what}.`);
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw invalid(`not JSON (${error.message})`);
    }
    if (!isObject(json))
        throw invalid('not a JSON object');
    if (json.version !== 1)
        throw invalid(`version is ${JSON.stringify(json.version)} (expected 1)`);
    checkFields(json, RECORD_FIELDS, 'the record', invalid);
    const image = requireString(json, 'image', invalid);
    if (!IMAGE_KEY.test(image))
        throw invalid(`image "${image}" is not 16 hex digits`);
    const platform = requireString(json, 'platform', invalid);
    checkCanonicalPlatform(platform, invalid);
    const runId = requireString(json, 'runId', invalid);
    if (!RUN_ID.test(runId))
        throw invalid(`runId "${runId}" is not a letter or digit, then letters, digits, ., _ or -`);
    const runAttempt = requireString(json, 'runAttempt', invalid);
    if (!RUN_ATTEMPT.test(runAttempt))
        throw invalid(`runAttempt "${runAttempt}" is not a positive integer`);
    const createdAt = requireString(json, 'createdAt', invalid);
    if (Number.isNaN(Date.parse(createdAt)) || new Date(createdAt).toISOString() !== createdAt) {
        throw invalid(`createdAt "${createdAt}" is not an ISO 8601 UTC time such as 2026-01-31T12:00:00.000Z`);
    }
    const repositories = requireStrings(json, 'repositories', invalid);
    if (repositories.length === 0)
        throw invalid('repositories is empty');
    return {
        version: 1,
        image,
        platform,
        runId,
        runAttempt,
        job: requireString(json, 'job', invalid),
        descriptor: parseDescriptor(json.descriptor, invalid),
        repositories,
        temporaryTags: requireStrings(json, 'temporaryTags', invalid),
        createdAt,
    };
}
/** Throws unless the record is the one expected at `where`: a record filed under the wrong run, image or attempt. */
function checkRecordIdentity(record, expected, where) {
    for (const field of ['image', 'runId', 'platform', 'runAttempt']) {
        if (record[field] !== expected[field]) {
            throw new ShardRecordError(`The handoff record at ${where} has ${field} "${record[field]}", but "${expected[field]}" was expected there.`);
        }
    }
}
/** Whether two records hand off the same thing: a retried step writes the same record at another time. */
function sameHandoff(a, b) {
    return serializeShardRecord({ ...a, createdAt: '' }) === serializeShardRecord({ ...b, createdAt: '' });
}
function parseDescriptor(value, invalid) {
    if (!isObject(value))
        throw invalid('descriptor is not an object');
    checkFields(value, DESCRIPTOR_FIELDS, 'descriptor', invalid);
    const mediaType = requireString(value, 'mediaType', invalid, 'descriptor.');
    if (mediaType === '')
        throw invalid('descriptor.mediaType is empty');
    const digest = requireString(value, 'digest', invalid, 'descriptor.');
    if (!(0,src_reference/* isDigest */.Bc)(digest))
        throw invalid(`descriptor.digest "${digest}" is not a sha256 or sha512 digest`);
    const { size } = value;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
        throw invalid(`descriptor.size ${JSON.stringify(size)} is not a non-negative integer`);
    }
    const descriptor = { mediaType, digest, size };
    if (value.platform !== undefined) {
        const { platform } = value;
        if (!isObject(platform))
            throw invalid('descriptor.platform is not an object');
        checkFields(platform, PLATFORM_FIELDS, 'descriptor.platform', invalid);
        const os = requireString(platform, 'os', invalid, 'descriptor.platform.');
        const architecture = requireString(platform, 'architecture', invalid, 'descriptor.platform.');
        const variant = platform.variant === undefined ? undefined : requireString(platform, 'variant', invalid, 'descriptor.platform.');
        descriptor.platform = { os, architecture, ...(variant === undefined ? {} : { variant }) };
    }
    if (value.annotations !== undefined) {
        const { annotations } = value;
        if (!isObject(annotations) || !Object.values(annotations).every((v) => typeof v === 'string')) {
            throw invalid('descriptor.annotations is not an object of strings');
        }
        descriptor.annotations = annotations;
    }
    return descriptor;
}
function checkCanonicalPlatform(platform, invalid) {
    let canonical;
    try {
        canonical = (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* parsePlatform */.Y8)(platform));
    }
    catch (error) {
        if (error instanceof src_platform/* PlatformError */.Wk)
            throw invalid(error.message);
        throw error;
    }
    // Canonical spelling only, so that file names, cache keys and comparisons agree.
    if (canonical !== platform)
        throw invalid(`platform "${platform}" is not written canonically ("${canonical}")`);
}
function checkFields(value, allowed, what, invalid) {
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    if (unknown.length > 0)
        throw invalid(`${what} has unknown fields: ${unknown.join(', ')}`);
}
function requireString(value, field, invalid, path = '') {
    const text = value[field];
    if (typeof text !== 'string')
        throw invalid(`${path}${field} is ${describe(text)} (expected a string)`);
    return text;
}
function requireStrings(value, field, invalid) {
    const list = value[field];
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item !== '')) {
        throw invalid(`${field} is not a list of non-empty strings`);
    }
    return list;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    return value === undefined ? 'missing' : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/handoff/cache.ts
// The handoff over the GitHub cache service: one entry per image, run, platform and attempt, each holding one
// small JSON file. Entries of one run are visible to all its jobs (the cache is scoped by branch, not by job).






class CacheHandoff {
    options;
    description = 'the GitHub cache';
    constructor(options) {
        this.options = options;
    }
    async put(record) {
        const text = serializeShardRecord(record);
        // Refuse a bad record here, in the shard, rather than in the merge job.
        parseShardRecord(text, `the record to hand off for ${record.platform}`);
        const file = this.recordFile(record.image, record.runId, record.platform);
        const key = `${keyPrefix(record.image, record.runId, record.platform)}${record.runAttempt}`;
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
        await (0,promises_.writeFile)(file, text);
        const cache = await this.cache();
        if (await save(cache, file, key, record.platform))
            return;
        // Not saved. Fine if the entry exists with this record (a retried step); otherwise the merge would miss it.
        await (0,promises_.rm)(file, { force: true });
        const matched = await restore(cache, file, key, [], key);
        if (matched !== key) {
            throw new HandoffError(`Could not save the handoff record for ${record.platform} to the GitHub cache under key ${key}, and no ` +
                'entry with that key exists (see the cache warning above). The merge job would not find this platform.');
        }
        const existing = parseShardRecord(await (0,promises_.readFile)(file, 'utf8'), `GitHub cache entry ${key}`);
        if (!sameHandoff(existing, record))
            throw conflictingRecordError(`GitHub cache entry ${key}`, existing, record);
    }
    async collect(image, runId, platforms) {
        checkImageAndRun(image, runId);
        const cache = await this.cache();
        const result = { found: new Map(), missing: [] };
        for (const platform of platforms) {
            const prefix = keyPrefix(image, runId, platform);
            const file = this.recordFile(image, runId, platform);
            // A file left here by a put or an earlier collect on this machine must not pass for the restored one.
            await (0,promises_.rm)(file, { force: true });
            // No key is `<prefix>0` (attempts count from 1), and nothing starts with it, so the lookup falls to the
            // restore key, where the cache documents that the most recently created entry with that prefix wins.
            const matched = await restore(cache, file, `${prefix}0`, [prefix], `${prefix}*`);
            if (matched === undefined) {
                result.missing.push({ platform, lookedAt: `GitHub cache keys ${prefix}<attempt>` });
                continue;
            }
            const where = `GitHub cache entry ${matched}`;
            const text = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
                throw new HandoffError(`The GitHub cache restored ${matched}, but ${file} is not there (${error.message}). The ` +
                    'entry is extracted relative to GITHUB_WORKSPACE: do the shard and merge jobs lay out their work and ' +
                    'temp directories alike?');
            });
            const record = parseShardRecord(text, where);
            const runAttempt = matched.slice(prefix.length);
            checkRecordIdentity(record, { image, runId, platform: (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* parsePlatform */.Y8)(platform)), runAttempt }, where);
            result.found.set(platform, record);
        }
        return result;
    }
    async cache() {
        return this.options.cache ?? (await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(955), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 1691)));
    }
    /** One directory per image, run and platform, the same for every attempt (the cache version covers the path). */
    recordFile(image, runId, platform) {
        return (0,external_node_path_.join)(this.options.tempDir, 'multiarch-handoff', image, runId, platformSlugOf(platform), 'record.json');
    }
}
/** `multiarch-handoff-<image>-<run id>-<platform slug>-attempt-`, completed by the attempt number. */
function keyPrefix(image, runId, platform) {
    return `multiarch-handoff-${image}-${runId}-${platformSlugOf(platform)}-attempt-`;
}
/**
 * Whether the entry was saved. @actions/cache 4+ reports a failed save (the key exists, the service refused or
 * failed) by returning -1 after logging why; older releases threw ReserveCacheError when the key existed.
 */
async function save(cache, file, key, platform) {
    try {
        return (await cache.saveCache([file], key)) !== -1;
    }
    catch (error) {
        if (error instanceof Error && error.name === 'ReserveCacheError')
            return false;
        throw new HandoffError(`Could not save the handoff record for ${platform} to the GitHub cache under key ${key}: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}
/** The key restored, or undefined. @actions/cache logs a service failure as a warning and reports a miss. */
async function restore(cache, file, primaryKey, restoreKeys, lookingFor) {
    try {
        return await cache.restoreCache([file], primaryKey, restoreKeys);
    }
    catch (error) {
        throw new HandoffError(`Could not look up ${lookingFor} in the GitHub cache: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/handoff/directory.ts
// The handoff over a directory that every job sees (tests, self-hosted runners with a shared disk):
// `<dir>/<image>/<run id>/<platform slug>/attempt-<n>.json`.






const ATTEMPT_FILE = /^attempt-([1-9][0-9]*)\.json$/;
class DirectoryHandoff {
    directory;
    description;
    constructor(directory) {
        this.directory = directory;
        this.description = `directory ${directory}`;
    }
    async put(record) {
        const text = serializeShardRecord(record);
        // Refuse a bad record here, in the shard, rather than in the merge job.
        parseShardRecord(text, `the record to hand off for ${record.platform}`);
        const directory = this.platformDirectory(record.image, record.runId, record.platform);
        const file = (0,external_node_path_.join)(directory, attemptFile(record.runAttempt));
        await (0,promises_.mkdir)(directory, { recursive: true });
        // As in the GitHub cache, a record once handed off stays: only a retried step may write it again.
        const existing = await readIfExists(file);
        if (existing !== undefined) {
            const previous = parseShardRecord(existing, file);
            if (sameHandoff(previous, record))
                return;
            throw conflictingRecordError(file, previous, record);
        }
        // Written beside the target and renamed: the merge job never reads half a file.
        const unique = (0,node_crypto/* nodeCrypto */.S)().randomBytes(6).toString('hex');
        const temporary = (0,external_node_path_.join)(directory, `.${attemptFile(record.runAttempt)}.${unique}.tmp`);
        try {
            await (0,promises_.writeFile)(temporary, text);
            await (0,promises_.rename)(temporary, file);
        }
        finally {
            await (0,promises_.rm)(temporary, { force: true });
        }
    }
    async collect(image, runId, platforms) {
        checkImageAndRun(image, runId);
        const result = { found: new Map(), missing: [] };
        for (const platform of platforms) {
            const directory = this.platformDirectory(image, runId, platform);
            const newest = Math.max(0, ...(await attemptsIn(directory)));
            if (newest === 0) {
                result.missing.push({ platform, lookedAt: (0,external_node_path_.join)(directory, 'attempt-<n>.json') });
                continue;
            }
            const file = (0,external_node_path_.join)(directory, attemptFile(String(newest)));
            const record = parseShardRecord(await (0,promises_.readFile)(file, 'utf8'), file);
            const canonical = (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* parsePlatform */.Y8)(platform));
            checkRecordIdentity(record, { image, runId, platform: canonical, runAttempt: String(newest) }, file);
            result.found.set(platform, record);
        }
        return result;
    }
    platformDirectory(image, runId, platform) {
        return (0,external_node_path_.join)(this.directory, image, runId, platformSlugOf(platform));
    }
}
function attemptFile(runAttempt) {
    return `attempt-${runAttempt}.json`;
}
/** The attempt numbers that have a record in the directory; none when it does not exist. */
async function attemptsIn(directory) {
    let names;
    try {
        names = await (0,promises_.readdir)(directory);
    }
    catch (error) {
        if (isNotFound(error))
            return [];
        throw error;
    }
    return names.flatMap((name) => {
        const attempt = ATTEMPT_FILE.exec(name)?.[1];
        return attempt === undefined ? [] : [Number(attempt)];
    });
}
async function readIfExists(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
function isNotFound(error) {
    return error?.code === 'ENOENT';
}

;// CONCATENATED MODULE: ./src/shards.ts
// The matrix flow's two ends: a shard hands off what each of its builds pushed; the merge collects one record per
// platform and fails closed, naming every missing platform and where it looked.







function createHandoff(handoffDir, tempDir) {
    return handoffDir === '' ? new CacheHandoff({ tempDir }) : new DirectoryHandoff(handoffDir);
}
async function handOff(handoff, inputs, run, plan, builds) {
    const image = imageKey(inputs.tags.map(src_reference/* formatReference */.FH));
    const repositories = plan.repositories.map(src_reference/* formatName */.nD);
    for (const completed of builds) {
        const [platform, ...others] = completed.build.platforms;
        // A shard plans one build per platform (fan-out), so each record names exactly one platform.
        if (!platform || others.length > 0)
            throw new Error(`shard build ${completed.build.name} is not one platform`);
        const temporaryTag = completed.build.temporaryTag;
        const record = {
            version: 1,
            image,
            platform: (0,src_platform/* formatPlatform */.Bq)(platform),
            runId: run.runId,
            runAttempt: run.runAttempt,
            job: run.job,
            descriptor: pushedDescriptor(completed),
            repositories,
            temporaryTags: temporaryTag === undefined ? [] : repositories.map((name) => `${name}:${temporaryTag}`),
            createdAt: new Date().toISOString(),
        };
        await handoff.put(record);
        core/* info */.pq(`Handed off ${record.platform}: ${record.descriptor.digest} (${handoff.description})`);
    }
}
class MissingShardError extends Error {
    name = 'MissingShardError';
}
/** The newest record of each requested platform that a shard handed off, and the platforms none did. */
async function collectShards(handoff, inputs, run) {
    const image = imageKey(inputs.tags.map(src_reference/* formatReference */.FH));
    const platforms = inputs.platforms.map(src_platform/* formatPlatform */.Bq);
    const { found, missing } = await handoff.collect(image, run.runId, platforms);
    const records = platforms.flatMap((platform) => {
        const record = found.get(platform);
        return record ? [record] : [];
    });
    for (const record of records) {
        core/* info */.pq(`${record.platform}: ${record.descriptor.digest} (attempt ${record.runAttempt}, job ${record.job})`);
    }
    return { records, missing };
}
/** Fails closed: every missing platform named, with where it was looked for. */
function requireEveryPlatform(collected, run) {
    const { missing } = collected;
    if (missing.length > 0) {
        throw new MissingShardError(`no shard handed off ${missing.map((m) => m.platform).join(', ')} for run ${run.runId}, so nothing is ` +
            `published. Looked at: ${missing.map((m) => `${m.platform}: ${m.lookedAt}`).join('; ')}. Did every shard ` +
            'job succeed, with the same tags as this merge?');
    }
    return collected.records;
}

// EXTERNAL MODULE: ./src/state.ts
var src_state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/main.ts
// The main step, in the order the data flows. Building modes (auto, multi, fan-out, shard):
//   inputs → QEMU → builder → plan → builds → (shard: hand off | else: index → verify → outputs → publish in main?)
// merge: inputs → collect the shards' records → index → verify → outputs → publish.
// State is saved before each step that creates something, so post can clean up after a crash.





















/** The main step: fails the step with the error's message (an input error names the input and its form). */
async function runMainStep() {
    try {
        await main();
    }
    catch (error) {
        core/* setFailed */.C1((0,error_message/* errorMessage */.g)(error));
    }
}
async function main() {
    (0,src_state/* markMainStarted */.UM)();
    const inputs = getInputs();
    setPlanOutput(inputs);
    if (inputs.mode === 'plan')
        return;
    const credentials = registry_credentials/* DockerConfigCredentials */.z.fromEnvironment(process.env);
    const registry = (0,registry_access/* createRegistryClient */.H)(process.env, credentials);
    const state = {
        ...(0,src_state/* emptyRunState */.Ux)(),
        mode: inputs.mode,
        cleanup: inputs.cleanup,
        cleanupTags: inputs.cleanupTags.map(src_reference/* formatReference */.FH),
        tempTagPrefix: inputs.tempTagPrefix,
        staleTagHours: inputs.staleTagHours,
        publish: (0,src_plan/* publishWhen */.uA)(inputs),
        platforms: inputs.platforms.map(src_platform/* formatPlatform */.Bq),
        finalTags: inputs.tags.map(src_reference/* formatReference */.FH),
    };
    (0,src_state/* saveRunState */.iZ)(state);
    try {
        if (inputs.mode === 'merge')
            await merge(inputs, state, registry);
        else
            await buildAndPush(inputs, state, registry, credentials);
    }
    finally {
        (0,src_state/* saveRunState */.iZ)(state);
    }
}
async function buildAndPush(inputs, state, registry, credentials) {
    const run = (0,runtime/* runIdentity */.yK)();
    const docker = src_docker.DockerCli.forThisMachine();
    const tempDir = await (0,runtime/* stepTempDir */.MJ)();
    const timings = state.timings;
    // The access check talks to the registry, and the engine's facts (started by the entry point already, or here)
    // arrive, while QEMU is set up; both are awaited before any build.
    const access = inputs.push ? (0,registry_access/* checkPushAccess */.L)(registry, credentials, inputs.tags) : Promise.resolve();
    access.catch(() => undefined);
    docker.engineFacts().catch(() => undefined);
    await (0,runtime/* phase */.Oi)(timings, 'Set up QEMU', () => setUpQemu(inputs.qemu, inputs.platforms, inputs.qemuImage, docker));
    const builderChoice = chooseBuilder(inputs, run);
    if (builderChoice.name && builderChoice.create)
        state.builder = { name: builderChoice.name, created: true };
    (0,src_state/* saveRunState */.iZ)(state);
    const builder = await (0,runtime/* phase */.Oi)(timings, 'Set up builder', () => setUpBuilder(inputs, builderChoice, docker, tempDir));
    state.builder = { name: builder.name, created: builder.created };
    await (0,runtime/* phase */.Oi)(timings, 'Check registry access', () => access);
    const plan = (0,src_plan/* makePlan */.Cs)(inputs, builder, run);
    core/* info */.pq(`Plan: ${(0,src_plan/* describePlan */.df)(plan)}`);
    for (const warning of plan.warnings)
        core/* warning */.$e(warning);
    state.temporaryTags = (0,publish/* temporaryReferences */.K9)(plan);
    // The docker driver also keeps each image it pushes in the engine, under the same names: post untags those too.
    if (builder.driver === 'docker')
        state.engineImages = state.temporaryTags;
    (0,src_state/* saveRunState */.iZ)(state);
    // post deletes the temporary tags, each first pointed at a dummy whose config must be in the repository: that
    // tiny blob is uploaded while the build runs, and post reuses it (a shard's tags are the merge job's to delete).
    // The upload starts once buildx has, so that making the blob (node:crypto's load) does not delay the build.
    let dummyConfig;
    const uploadDummyConfig = state.cleanup && inputs.mode !== 'shard' && state.temporaryTags.length > 0
        ? () => {
            dummyConfig ??= registry.prepareTagDeletion(state.temporaryTags.map(src_reference/* parseReference */.F2));
        }
        : undefined;
    // The engine's copy of buildx's index, when that is what the run publishes, takes the final tags
    // (engine-copy.ts): known before the build for a build of several platforms, so it starts while buildx pushes.
    const earlyRename = (0,publish/* willPublishBuildxIndex */.m)(plan) ? engineCopyRename(plan, state, docker) : undefined;
    // What the builds push is read back for the index as buildx reports each push, not once the builds end.
    const [primary] = plan.repositories;
    const pushedManifests = plan.push && inputs.mode !== 'shard' && primary ? new ManifestPrefetch(registry, primary) : undefined;
    const onLine = (line) => {
        earlyRename?.watch(line);
        pushedManifests?.watch(line);
    };
    const builds = await (0,runtime/* phase */.Oi)(timings, 'Build', () => runBuilds(plan, inputs.build, builder, docker, tempDir, {
        onLine,
        ...(uploadDummyConfig ? { onStart: uploadDummyConfig } : {}),
    }).catch((error) => explainBuildFailure(inputs, docker, error)));
    setBuildOutputs(builds);
    if (!plan.push) {
        state.mainCompleted = true;
        return;
    }
    if (inputs.mode === 'shard') {
        const handoff = createHandoff(inputs.handoffDir, (0,runtime/* runnerTemp */.X5)());
        await (0,runtime/* phase */.Oi)(timings, 'Hand off', () => handOff(handoff, inputs, run, plan, builds));
        // The merge job owns the temporary tags from here on: it deletes them once it has published.
        state.temporaryTags = [];
        state.platformDigests = Object.fromEntries(builds.map((completed) => [
            completed.build.platforms.map(src_platform/* formatPlatform */.Bq).join(','),
            pushedDescriptor(completed).digest,
        ]));
        state.mainCompleted = true;
        return;
    }
    if (dummyConfig)
        state.dummyConfig = await dummyConfig;
    const images = builds.map((completed) => ({
        descriptor: pushedDescriptor(completed),
        platforms: completed.build.platforms,
    }));
    // While the index is read and verified, the engine's copy gets its final tags (post removes its temporary name).
    const rename = (0,publish/* publishesBuildxIndex */.sz)(images, plan.indexAnnotations)
        ? (earlyRename ?? engineCopyRename(plan, state, docker))
        : undefined;
    const renaming = rename?.finish();
    const pushed = await (0,runtime/* phase */.Oi)(timings, 'Assemble index', () => (0,publish/* pushIndex */.hZ)(plan, images, registry, pushedManifests?.getManifest));
    await Promise.all([finishIndex(plan, pushed, state, registry), renaming]);
}
/**
 * A failed build is rethrown, or explained by buildx's version when an input asked for a flag this buildx does not
 * know (it refuses such a flag before building or pushing anything). The version is asked for only here: it costs a
 * buildx start, which builds that succeed do not wait for.
 */
async function explainBuildFailure(inputs, docker, error) {
    if ((0,src_plan/* usesVersionedFlags */.tq)(inputs)) {
        const buildxVersion = await docker.buildxVersion().catch(() => undefined);
        const unsupported = buildxVersion === undefined ? undefined : (0,src_plan/* unsupportedInput */.Ev)(inputs, buildxVersion);
        if (unsupported !== undefined)
            throw new src_plan/* PlanError */.W6(unsupported, { cause: error });
    }
    throw error;
}
/** The rename of the docker driver's copy of the index, where there is one and the run publishes. */
function engineCopyRename(plan, state, docker) {
    const [copy] = state.engineImages;
    return copy === undefined || plan.publish === 'false'
        ? undefined
        : new EngineCopyRename(docker, copy, plan.finalTags);
}
/** No build: every platform's record from the shards, one index over them, published here and now. */
async function merge(inputs, state, registry) {
    const run = (0,runtime/* runIdentity */.yK)();
    const timings = state.timings;
    const handoff = createHandoff(inputs.handoffDir, (0,runtime/* runnerTemp */.X5)());
    const collected = await (0,runtime/* phase */.Oi)(timings, 'Collect shards', () => collectShards(handoff, inputs, run));
    // Whatever happens next, the shards' temporary tags are this run's intermediates: post deletes them.
    state.temporaryTags = collected.records.flatMap((record) => record.temporaryTags);
    (0,src_state/* saveRunState */.iZ)(state);
    const records = requireEveryPlatform(collected, run);
    const plan = {
        platforms: inputs.platforms,
        finalTags: inputs.tags,
        repositories: (0,src_plan/* distinctRepositories */.RC)(inputs.tags),
        indexAnnotations: (0,src_plan/* splitAnnotations */.$U)(inputs.build.annotations).indexAnnotations,
        // This job has nothing else to wait for: post-time publishing would gain nothing.
        publish: inputs.publish === 'false' ? 'false' : 'main',
    };
    state.publish = plan.publish;
    const images = records.map((record) => ({
        descriptor: record.descriptor,
        platforms: [(0,src_platform/* parsePlatform */.Y8)(record.platform)],
    }));
    const pushed = await (0,runtime/* phase */.Oi)(timings, 'Assemble index', () => (0,publish/* pushIndex */.hZ)(plan, images, registry));
    await finishIndex(plan, pushed, state, registry);
}
/** Verify, set outputs, record the index for post, and publish now when asked to publish in main. */
async function finishIndex(plan, pushed, state, registry) {
    const [primary] = plan.repositories;
    if (!primary)
        throw new Error('no repository to verify the index in');
    await (0,runtime/* phase */.Oi)(state.timings, 'Verify index', () => (0,publish/* verifyIndex */.MV)(pushed, plan.platforms, primary, registry));
    state.index = pushed.descriptor;
    state.indexBytes = pushed.bytes.toString('base64');
    state.platformDigests = (0,image_index/* platformDigests */.Hm)(pushed.index);
    core/* setOutput */.uH(constants/* Output */.k7.Digest, pushed.descriptor.digest);
    core/* setOutput */.uH(constants/* Output */.k7.PlatformDigests, JSON.stringify(state.platformDigests));
    core/* info */.pq(`Index ${pushed.descriptor.digest} pushed by digest to ${plan.repositories.length} repositories`);
    state.mainCompleted = true;
    (0,src_state/* saveRunState */.iZ)(state);
    if (plan.publish === 'main') {
        await (0,runtime/* phase */.Oi)(state.timings, 'Publish', () => (0,publish/* publishTags */.Vw)(plan.finalTags, pushed, registry));
        state.published = true;
    }
}
/**
 * The matrix for native runners, as an output of every mode. Only `mode: plan` fails when a platform has no
 * runner: elsewhere the plan is a by-product, not what the step is for.
 */
function setPlanOutput(inputs) {
    try {
        core/* setOutput */.uH(constants/* Output */.k7.Plan, JSON.stringify(planMatrix(inputs.platforms, inputs.runners)));
    }
    catch (error) {
        if (!(error instanceof RunnersError))
            throw error;
        if (inputs.mode === 'plan')
            throw new InputError([`"runners": ${error.message}`]);
        core/* info */.pq(`No plan output: ${error.message}`);
    }
}
function setBuildOutputs(builds) {
    const metadata = Object.fromEntries(builds.map(({ build, metadata }) => [build.platforms.map(src_platform/* formatPlatform */.Bq).join(','), metadata]));
    core/* setOutput */.uH(constants/* Output */.k7.Metadata, JSON.stringify(metadata));
    // An image ID names one image: with several platforms buildx reports the index there, which is no image ID.
    const [only] = builds;
    const imageId = only?.metadata['containerimage.config.digest'];
    if (builds.length === 1 && only?.build.platforms.length === 1 && typeof imageId === 'string') {
        core/* setOutput */.uH(constants/* Output */.k7.ImageId, imageId);
    }
}


/***/ })

};
