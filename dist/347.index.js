export const id = 347;
export const ids = [347];
export const modules = {

/***/ 3347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qd: () => (/* binding */ CommandError),
  DockerCli: () => (/* binding */ DockerCli)
});

// UNUSED EXPORTS: errorSummary, parseBuilderInspection, parseEngineFacts, runCommand

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/engine-api.ts
// The docker engine's own API over its unix socket, for the calls that only name and unname images or read the
// engine's facts: through the docker CLI each costs a process start (~0.1 s), over the socket a few milliseconds.
// Used only where the docker CLI itself would talk to that socket (the default context, no TLS, as its config and
// environment say); anywhere else, and whenever the socket cannot be reached, the CLI does the work. From the same
// config: where the CLI finds its plugins.




/** The engine could not be reached over the socket (absent, refused, not ours to open): the CLI may do better. */
class EngineUnreachableError extends Error {
    name = 'EngineUnreachableError';
}
/** The engine answered with an error. */
class EngineApiError extends Error {
    status;
    name = 'EngineApiError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
const DEFAULT_SOCKET = '/var/run/docker.sock';
/**
 * The socket the docker CLI would use, when that is a plain unix socket of the default context; else undefined.
 * The CLI's order: DOCKER_HOST (the default context with that host), then DOCKER_CONTEXT, then the config's
 * currentContext, then the default context.
 */
function engineSocket(env = process.env, readConfig) {
    if (env.DOCKER_TLS_VERIFY)
        return undefined;
    const host = env.DOCKER_HOST;
    if (host)
        return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
    // An empty variable counts as unset, as in the CLI.
    const context = nonEmpty(env.DOCKER_CONTEXT) ?? currentContext(dockerConfig(env, readConfig));
    return context === '' || context === 'default' ? DEFAULT_SOCKET : undefined;
}
function nonEmpty(value) {
    return value === '' ? undefined : value;
}
/** The docker CLI's config directory: DOCKER_CONFIG (an empty one counts as unset, as in the CLI), else ~/.docker. */
function dockerConfigDir(env) {
    return nonEmpty(env.DOCKER_CONFIG) ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
}
/**
 * The docker CLI's config.json: {} when there is none, as for the CLI; undefined when it cannot be read or is no
 * JSON object, where the CLI warns and goes on with what it could read: only the CLI knows what that is.
 */
function dockerConfig(env, readConfig = (path) => (0,external_node_fs_.readFileSync)(path, 'utf8')) {
    let text;
    try {
        text = readConfig((0,external_node_path_.join)(dockerConfigDir(env), 'config.json'));
    }
    catch (error) {
        return error.code === 'ENOENT' ? {} : undefined;
    }
    try {
        const config = JSON.parse(text);
        return typeof config === 'object' && config !== null && !Array.isArray(config)
            ? config
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The config's currentContext ('' when none); undefined when the config cannot be read (the CLI will say why). */
function currentContext(config) {
    if (config === undefined)
        return undefined;
    const current = config.currentContext ?? '';
    return typeof current === 'string' ? current : undefined;
}
/** The docker CLI's own plugin directories on Linux and other Unixes (docker/cli cli-plugins/manager). */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
/**
 * Where the docker CLI looks for its plugins, first match first (docker/cli getPluginDirs): the config's
 * cliPluginsExtraDirs, then the config directory's cli-plugins, then the system's. Undefined when the config
 * cannot be read as the CLI would: only the CLI knows what it will make of it.
 */
function cliPluginDirs(env = process.env, readConfig) {
    const config = dockerConfig(env, readConfig);
    if (config === undefined)
        return undefined;
    const extraDirs = config.cliPluginsExtraDirs ?? []; // JSON null reads as none, as in Go
    const strings = Array.isArray(extraDirs) && extraDirs.every((dir) => typeof dir === 'string');
    if (!strings)
        return undefined;
    return [...extraDirs, (0,external_node_path_.join)(dockerConfigDir(env), 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS];
}
class EngineApi {
    socketPath;
    constructor(socketPath) {
        this.socketPath = socketPath;
    }
    /** The engine's API where the docker CLI would use the default socket; undefined elsewhere. */
    static fromEnvironment(env = process.env) {
        const socket = engineSocket(env);
        return socket === undefined ? undefined : new EngineApi(socket);
    }
    /** Gives `source` the name `repository:tag` (what `docker image tag` does). */
    async tagImage(source, repository, tag) {
        const query = new URLSearchParams({ repo: repository, tag });
        await this.call('POST', `/images/${source}/tag?${query.toString()}`, [201]);
    }
    /** Removes the name (what `docker image rm` does); false when the engine has no such image. */
    async removeImage(name) {
        return (await this.call('DELETE', `/images/${name}`, [200, 404])).status === 200;
    }
    /** The engine's facts, the server half of `docker info`: here the one part this action reads. */
    async info() {
        const { body } = await this.call('GET', '/info', [200]);
        return JSON.parse(body);
    }
    call(method, path, expected) {
        return new Promise((resolve, reject) => {
            // servername: what node's agent would work out from the Host header, given up front; node works it out
            // with net.isIP, whose IPv6 test compiles a large regular expression at a process's first request, and to
            // machine code at its second (~15 ms, then ~5 ms, on the step's critical path). No TLS uses it here.
            const options = { socketPath: this.socketPath, method, path, headers: { Host: 'docker' }, servername: 'docker' };
            const sent = (0,external_node_http_.request)(options, (response) => {
                const chunks = [];
                response.on('data', (chunk) => chunks.push(chunk));
                response.on('end', () => {
                    const status = response.statusCode ?? 0;
                    const body = Buffer.concat(chunks).toString('utf8');
                    if (expected.includes(status)) {
                        resolve({ status, body });
                        return;
                    }
                    let message = body.trim();
                    try {
                        const parsed = JSON.parse(body).message;
                        if (typeof parsed === 'string')
                            message = parsed;
                    }
                    catch {
                        // not JSON: the body as it is
                    }
                    reject(new EngineApiError(`${method} ${path} answered ${status}: ${message}`, status));
                });
                response.on('error', reject);
            });
            sent.on('error', (error) => {
                reject(new EngineUnreachableError(`cannot reach the docker engine at ${this.socketPath}: ${error.message}`));
            });
            sent.end();
        });
    }
}

// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(8286);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(6587);
;// CONCATENATED MODULE: ./src/docker.ts
// The one place that runs processes: the docker CLI (and its buildx plugin), behind a small interface so that
// orchestration can be tested without an engine and the e2e tests meet the real one.






class CommandError extends Error {
    command;
    result;
    name = 'CommandError';
    constructor(command, result) {
        super(`\`${command}\` failed (exit ${result.exitCode}): ${errorSummary(result)}`);
        this.command = command;
        this.result = result;
    }
}
/** The lines that say what went wrong: buildx's `ERROR:` lines, else the last lines of stderr. */
function errorSummary(result) {
    const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());
    const errors = lines.filter((line) => /^(#\d+ )?(ERROR|error)[:\s]/.test(line));
    const chosen = errors.length > 0 ? errors : result.stderr.trim().split('\n').slice(-5);
    return chosen.join('\n').trim() || '(no error output)';
}
/**
 * Runs a command to its end. It is started in this very tick, so that a quiet one runs while the step's own code is
 * still loading (see index.ts). A shown one is echoed as the runner's log expects (`[command]` and its argv, then
 * its output, stderr's too, line by line), as @actions/exec would: child_process does it without loading
 * @actions/exec, @actions/io and node's assert (~8 ms before buildx starts), and says when the process has started.
 */
function runCommand(command, args, options = {}) {
    const { quiet = false, linePrefix, onLine, onStart } = options;
    const show = quiet ? undefined : (line) => void process.stdout.write(`${linePrefix ?? ''}${line}\n`);
    if (!quiet && linePrefix === undefined)
        process.stdout.write(`[command]${[command, ...args].join(' ')}\n`);
    const eachLine = show || onLine
        ? (line) => {
            show?.(line);
            onLine?.(line);
        }
        : undefined;
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const stdout = readText(child.stdout, eachLine);
        const stderr = readText(child.stderr, eachLine);
        if (onStart)
            child.once('spawn', onStart);
        child.on('error', (error) => {
            reject(new Error(`cannot run ${command}: ${error.message}`));
        });
        child.on('close', (exitCode, exitSignal) => {
            resolve({
                exitCode: exitCode ?? 128,
                stdout: stdout(),
                stderr: stderr() + (exitSignal === null ? '' : `\n(killed by ${exitSignal})`),
            });
        });
    });
}
/**
 * Collects a stream's text (UTF-8, a character split between chunks kept whole) and hands each complete line to
 * `eachLine`, the last one even without a newline once the stream ends. Returns a reader of the whole text.
 */
function readText(stream, eachLine) {
    let text = '';
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
        text += chunk;
        if (!eachLine)
            return;
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines)
            eachLine(line.replace(/\r$/, ''));
    });
    stream.on('end', () => {
        if (eachLine && pending !== '')
            eachLine(pending.replace(/\r$/, ''));
    });
    return () => text;
}
/** The docker commands this action uses, each a method, so callers never assemble `docker` argv themselves. */
class DockerCli {
    run;
    engine;
    pluginDirs;
    #engineFacts;
    #buildxVersion;
    /**
     * `engine`: the engine's API, where the docker CLI would use its default socket (EngineApi.fromEnvironment).
     * `pluginDirs`: where the docker CLI looks for its plugins (cliPluginDirs).
     */
    constructor(run = runCommand, engine, pluginDirs = cliPluginDirs) {
        this.run = run;
        this.engine = engine;
        this.pluginDirs = pluginDirs;
    }
    static #thisMachine;
    /**
     * The docker CLI of this machine, and its engine's API where that is the default socket: one per process, so
     * that the engine facts the entry point starts early are the ones the step reads.
     */
    static forThisMachine() {
        return (DockerCli.#thisMachine ??= new DockerCli(runCommand, EngineApi.fromEnvironment()));
    }
    async ok(args, options = {}, command = 'docker') {
        const result = await this.run(command, args, options);
        if (result.exitCode !== 0)
            throw new CommandError(`${(0,external_node_path_.basename)(command)} ${args.slice(0, 3).join(' ')}`, result);
        return result;
    }
    /**
     * A buildx command (argv from `buildx` on), run as the plugin binary that engineFacts names: through
     * `docker buildx`, each command first pays the docker CLI's start and its plugin metadata call (~0.1 s), and
     * buildx run on its own is the same program in its documented standalone mode. When engineFacts cannot tell,
     * the command goes through `docker` as usual.
     */
    async buildxCommand(args, options = {}) {
        const buildxPath = await this.engineFacts().then((facts) => facts.buildxPath, () => undefined);
        if (buildxPath === undefined)
            return this.ok(args, options);
        return this.ok(args.slice(1), options, buildxPath);
    }
    /**
     * The docker context, the buildx plugin's path and the engine's image store: what `docker info` says (a
     * `docker buildx` command would cost two buildx process starts, as the CLI asks the plugin for its metadata
     * first). Where there is an engine API, read the cheaper way the CLI itself reads them; `docker info` wherever
     * that fails in any way, so that the answer is always the CLI's. Asked once per step: the first call starts it,
     * later ones share its answer.
     */
    engineFacts() {
        const engine = this.engine;
        this.#engineFacts ??=
            engine === undefined
                ? this.dockerInfoFacts()
                : this.engineAndPluginFacts(engine).catch(() => this.dockerInfoFacts());
        return this.#engineFacts;
    }
    /**
     * buildx's version number, asked for only where an answer depends on it: it costs a buildx start (~70 ms) that
     * would otherwise delay every build. docker info names it with the other facts; else the plugin is asked for its
     * metadata as the CLI asks it (docker/cli cli-plugins/manager newPlugin), and docker info is the fallback.
     */
    buildxVersion() {
        this.#buildxVersion ??= this.engineFacts().then(async ({ buildxVersion, buildxPath }) => {
            if (buildxVersion !== undefined)
                return buildxVersion;
            const fromPlugin = buildxPath === undefined ? undefined : await this.pluginVersion(buildxPath).catch(() => undefined);
            return fromPlugin ?? (await this.dockerInfoFacts()).buildxVersion;
        });
        return this.#buildxVersion;
    }
    /** `docker info` starts the CLI (~0.15 s), which asks the engine and every CLI plugin for its metadata. */
    async dockerInfoFacts() {
        const { stdout } = await this.ok(['info', '--format', ENGINE_FACTS_FORMAT], { quiet: true });
        return parseEngineFacts(stdout);
    }
    /**
     * What `docker info` would say, without the CLI: the engine's facts over its socket (~25 ms) and the buildx
     * plugin the CLI would run, the first docker-buildx in its plugin directories (docker/cli cli-plugins/manager
     * ListPlugins), found with a few stat calls.
     */
    async engineAndPluginFacts(engine) {
        const buildxPath = firstCliPlugin(this.pluginDirs(), 'docker-buildx');
        const info = await engine.info();
        return {
            // There is an engine API only where engineSocket finds one: DOCKER_HOST=unix://… (which the CLI resolves to
            // the default context before it looks at DOCKER_CONTEXT or the config, docker/cli resolveContextName), or
            // the default context itself (DOCKER_CONTEXT, else the config's currentContext, `default` or unset).
            context: 'default',
            buildxPath,
            containerdImageStore: containerdImageStore(info.DriverStatus),
        };
    }
    /** The version in a buildx plugin's metadata; throws where the CLI would list the plugin with an error. */
    async pluginVersion(buildxPath) {
        const { stdout } = await this.ok(['docker-cli-plugin-metadata'], { quiet: true }, buildxPath);
        const metadata = JSON.parse(stdout);
        // The CLI's checks: a plugin failing them is one that docker info lists with an error.
        const valid = metadata?.SchemaVersion === '0.1.0' && typeof metadata.Vendor === 'string' && metadata.Vendor !== '';
        const buildxVersion = valid && typeof metadata.Version === 'string' ? versionNumber(metadata.Version) : undefined;
        if (buildxVersion === undefined)
            throw new Error(`unexpected metadata from ${buildxPath}: ${stdout.trim()}`);
        return buildxVersion;
    }
    async inspectBuilder(name) {
        const { stdout } = await this.buildxCommand(['buildx', 'inspect', '--bootstrap', name], { quiet: true });
        return parseBuilderInspection(stdout);
    }
    async buildx(args, options = {}) {
        return this.buildxCommand(args, options);
    }
    async removeBuilder(name) {
        await this.buildxCommand(['buildx', 'rm', '--force', name], { quiet: true });
    }
    /**
     * Makes `call` on the engine's API; false when there is none or its socket cannot be reached, so that the caller
     * runs the docker CLI instead. Any other failure is the engine's answer, and is thrown.
     */
    async onEngineApi(call) {
        if (!this.engine)
            return false;
        try {
            await call(this.engine);
            return true;
        }
        catch (error) {
            if (error instanceof EngineUnreachableError)
                return false;
            throw error;
        }
    }
    /** Gives an image in the engine another name. */
    async tagImage(source, target) {
        if (await this.onEngineApi((engine) => engine.tagImage(source, (0,reference/* formatName */.nD)(target), target.tag ?? 'latest'))) {
            return;
        }
        await this.ok(['image', 'tag', source, (0,reference/* formatReference */.FH)(target)], { quiet: true });
    }
    /**
     * Untags images in the engine (an image goes when its last name does). A name the engine does not have is no
     * failure: it is already gone. All names at once: removing an image takes the engine about a second, and it
     * removes several together faster than one after another.
     */
    async untagImages(names) {
        const failures = (await Promise.all(names.map((name) => this.untagImage(name)))).filter((failure) => failure !== undefined);
        if (failures.length > 0)
            throw new Error(`docker image rm ${names.join(' ')} failed: ${failures.join('\n')}`);
    }
    /** Undefined once the name is gone; else what went wrong. */
    async untagImage(name) {
        try {
            if (await this.onEngineApi((engine) => engine.removeImage(name)))
                return undefined;
        }
        catch (error) {
            return (0,error_message/* errorMessage */.g)(error);
        }
        const result = await this.run('docker', ['image', 'rm', name], { quiet: true });
        return result.exitCode === 0 || /No such image/i.test(result.stderr) ? undefined : errorSummary(result);
    }
    /** Registers QEMU emulators with the binfmt image (the way that needs no root on the host, only the engine). */
    async installBinfmt(image, architectures) {
        await this.ok(['run', '--rm', '--privileged', image, '--install', architectures.join(',')]);
    }
}
/**
 * The path of the first `file` in `dirs`: the plugin the docker CLI runs and lists. Only a regular file, or a link
 * to one, is taken; anything else where the first one could be (a dangling link, which some CLI versions list and
 * others skip, a directory, a path that cannot be read) throws, as does no file at all.
 */
function firstCliPlugin(dirs, file) {
    if (dirs === undefined)
        throw new Error('cannot read the docker config');
    for (const dir of dirs) {
        const path = (0,external_node_path_.join)(dir, file);
        // Synchronous: a few stat calls, so that GET /info, which follows, goes out in the same tick (see index.ts).
        if ((0,external_node_fs_.lstatSync)(path, { throwIfNoEntry: false }) === undefined)
            continue;
        // Relative (an extra directory may be): docker info names it so, and parseEngineFacts leaves it out.
        if (!(0,external_node_path_.isAbsolute)(path) || !(0,external_node_fs_.statSync)(path).isFile())
            throw new Error(`${path}: not a plain plugin file`);
        return path;
    }
    throw new Error(`no ${file} in ${dirs.join(', ')}`);
}
/** One JSON object: the client's facts (context, plugins) and the engine's storage driver status. */
const ENGINE_FACTS_FORMAT = '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}';
/** Reads what `docker info --format ENGINE_FACTS_FORMAT` prints (Docker CLI 20.10 or later). */
function parseEngineFacts(text) {
    let info;
    try {
        info = JSON.parse(text);
    }
    catch {
        throw new Error(`cannot read the docker client's facts from \`docker info\`: ${text.trim()}`);
    }
    const client = info.client ?? {};
    const buildx = client.Plugins?.find((plugin) => plugin.Name === 'buildx');
    if (!buildx)
        throw new Error('docker buildx is not installed: `docker info` lists no buildx CLI plugin');
    const buildxVersion = versionNumber(buildx.Version ?? '');
    if (!buildxVersion) {
        throw new Error(`cannot read the buildx version from \`docker info\`: ${buildx.Err ?? buildx.Version ?? ''}`);
    }
    if (!client.Context)
        throw new Error('`docker info` names no docker context (Docker CLI 20.10 or later is needed)');
    return {
        context: client.Context,
        buildxVersion,
        ...(buildx.Path && (0,external_node_path_.isAbsolute)(buildx.Path) ? { buildxPath: buildx.Path } : {}),
        containerdImageStore: containerdImageStore(info.driverStatus),
    };
}
/** A plugin's version number, e.g. `0.13.1` from `0.13.1+ds1` or `v0.29.1`. */
function versionNumber(version) {
    return /\bv?(\d+\.\d+\.\d+)/.exec(version)?.[1];
}
/** The engine's storage driver status (GET /info's DriverStatus) names containerd's snapshotter. */
function containerdImageStore(driverStatus) {
    return JSON.stringify(driverStatus ?? null).includes('io.containerd.snapshotter');
}
/** Reads `docker buildx inspect` output: the builder's driver and the platforms of its nodes. */
function parseBuilderInspection(text) {
    const field = (label) => text
        .split('\n')
        .filter((line) => line.startsWith(`${label}:`))
        .map((line) => line.slice(label.length + 1).trim());
    const driver = field('Driver')[0];
    if (!driver)
        throw new Error(`cannot read the driver from \`docker buildx inspect\`:\n${text}`);
    const platforms = field('Platforms')
        .flatMap((line) => line.split(','))
        .map((platform) => platform.trim().replace(/\*$/, ''))
        .filter(Boolean);
    return { driver, platforms };
}


/***/ }),

/***/ 6587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
// How a caught error reads in a message: what was thrown need not be an Error.
/** The error's message, or what was thrown, as text. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 8286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   nD: () => (/* binding */ formatName),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
// Image references as Docker reads them (github.com/distribution/reference, "normalized" names):
// `[registry/]name[:tag][@digest]`, where a bare name means Docker Hub's `docker.io/library/name`.
const DOCKER_HUB = 'docker.io';
/** Docker Hub's names in references; Docker rewrites the older `index.docker.io` to `docker.io`. */
const DOCKER_HUB_NAMES = [DOCKER_HUB, 'index.docker.io'];
const EXPECTED_FORM = '[registry/]name[:tag][@digest]';
/** Docker's limit for the whole name, registry included. */
const MAX_NAME_LENGTH = 255;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
// The registered algorithms of the OCI image spec, with the lowercase hex it requires.
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
// One path component: lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// A host name, an IPv4 address or a bracketed IPv6 address, then an optional port.
const REGISTRY = /^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[A-Fa-f0-9:.]+\])(?::[0-9]+)?$/;
// Docker refuses a bare 64-hex name: it would be mistaken for an image ID.
const IMAGE_ID = /^[a-f0-9]{64}$/;
function isValidTag(tag) {
    return TAG.test(tag);
}
/** `sha256:` + 64 lowercase hex, or `sha512:` + 128. */
function isDigest(text) {
    return DIGEST.test(text);
}
/** Parses a reference the way `docker pull` does; throws an Error quoting the text and saying what is wrong. */
function parseReference(text) {
    const invalid = (reason) => new Error(`"${text}" is not a valid image reference: ${reason} (expected ${EXPECTED_FORM})`);
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isDigest(digest)) {
            throw invalid(`"${digest}" is not a digest (sha256: and 64 lowercase hex digits, or sha512: and 128)`);
        }
    }
    // A tag follows the last `:` only when no `/` comes after it; otherwise that `:` starts a registry port.
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag)) {
            throw invalid(`"${tag}" is not a valid tag (letters, digits, _, . and -, at most 128, not starting with . or -)`);
        }
    }
    if (rest === '')
        throw invalid('the name is empty');
    if (rest.length > MAX_NAME_LENGTH)
        throw invalid(`the name is longer than ${MAX_NAME_LENGTH} characters`);
    const { registry, repository } = splitRegistry(rest);
    if (!REGISTRY.test(registry))
        throw invalid(`"${registry}" is not a valid registry host[:port]`);
    if (repository.toLowerCase() !== repository)
        throw invalid('repository names must be lowercase');
    if (!repository.split('/').every((component) => PATH_COMPONENT.test(component))) {
        throw invalid(`"${repository}" is not a valid repository name (lowercase letters and digits, separated by /, ., _, __ or -)`);
    }
    if (registry === DOCKER_HUB && IMAGE_ID.test(repository.replace(/^library\//, ''))) {
        throw invalid('a 64-hex-digit name would be read as an image ID');
    }
    const reference = { registry, repository };
    if (tag !== undefined)
        reference.tag = tag;
    if (digest !== undefined)
        reference.digest = digest;
    return reference;
}
/** `registry/repository`, keeping `docker.io/` so that the result names one place unambiguously. */
function formatName(name) {
    return `${name.registry}/${name.repository}`;
}
/** `registry/repository[:tag][@digest]`. */
function formatReference(reference) {
    const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
    const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
    return `${formatName(reference)}${tag}${digest}`;
}
// Docker's rule: the first component names a registry only if it looks like a host (has a `.` or a `:`, or is
// `localhost`) or has uppercase letters (which no repository may have); otherwise the name is on Docker Hub.
function splitRegistry(name) {
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    const isRegistry = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
    if (!isRegistry) {
        return { registry: DOCKER_HUB, repository: slash === -1 ? `library/${name}` : name };
    }
    const remainder = name.slice(slash + 1);
    if (DOCKER_HUB_NAMES.includes(first)) {
        return { registry: DOCKER_HUB, repository: remainder.includes('/') ? remainder : `library/${remainder}` };
    }
    return { registry: first, repository: remainder };
}


/***/ })

};
