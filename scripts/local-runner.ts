// Runs a JavaScript action the way GitHub's runner does, on this machine: inputs as INPUT_* variables (with the
// defaults of action.yml), the file commands (GITHUB_OUTPUT, GITHUB_STATE, ...) as fresh files per step, main and
// post as separate `node` processes, and main's saved state handed to post as STATE_* variables.
// Used by the e2e tests and by `npm run demo`. Set LOCAL_RUNNER_VERBOSE=1 to stream the action's output.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter as pathListSeparator, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** How one `node` process of the action ended, and what it printed. */
export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface LocalRunOptions {
  /** The step's `with:` values, by input name as written in action.yml. */
  inputs: Record<string, string>;
  /** Extra environment, like a step's `env:` (it wins over the runner's own variables, not over file commands). */
  env?: Record<string, string>;
  /** GITHUB_WORKSPACE and the action's working directory (default: the current directory). */
  workDir?: string;
  runId?: string;
  runAttempt?: string;
  job?: string;
  /** A step still running after this long is killed and its runMain / runPost rejects. No limit by default. */
  timeoutMs?: number;
  /** Directory holding the action.yml to run (default: this repository). */
  actionDir?: string;
  /** The node binary that runs the steps (default: the one running this script), e.g. a node 24 like GitHub's. */
  nodePath?: string;
  /**
   * RUNNER_TEMP for jobs that must see one path, as every job of a run does on GitHub (each on its own machine):
   * the caller creates and deletes it. Default: a fresh directory of this runner's, which remove() deletes.
   */
  runnerTemp?: string;
}

export interface MainRunOptions {
  /** Kill main once its stdout so far satisfies this, as if it crashed mid-way. */
  killWhen?: (stdout: string) => boolean;
  /** Signal sent when killWhen holds. Default SIGKILL: no handler in the action gets to run. */
  killSignal?: NodeJS.Signals;
}

/** What runAction saw: post is undefined when the runner would not run it (no post, or post-if false). */
export interface ActionResult {
  main: ActionRun;
  post: ActionRun | undefined;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

/** The parts of action.yml the runner needs to run a node action. */
export interface ActionManifest {
  /** Declared inputs and their defaults, as evaluated here. */
  inputs: Map<string, string>;
  runs: { using: string; main: string; post: string | undefined; postIf: string };
}

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** GITHUB_ACTION of a `uses: ./` step without an id. */
const LOCAL_ACTION_ID = '__self';
const LOCAL_REPOSITORY = 'local/multiarch-build';
/** Variables of the caller that would leak another step's (or another runner's) context into this one. */
const RUNNER_OWNED_PREFIXES = ['INPUT_', 'STATE_', 'GITHUB_'];
const RUNNER_ARCHES = new Map([
  ['x64', 'X64'],
  ['arm64', 'ARM64'],
  ['ia32', 'X86'],
  ['arm', 'ARM'],
]);
const EXPRESSION = /\$\{\{.*?\}\}/gs;

/**
 * Parses a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file as the runner does on Linux: `name=value` lines and
 * `name<<DELIMITER` heredoc blocks (what @actions/core writes), blank lines skipped, the last value of a name wins.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values = new Map<string, string>();
  const lines = text.split('\n');
  // A final newline leaves an empty last element, which is not a line.
  if (lines.at(-1) === '') lines.pop();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    // Whichever of `=` and `<<` comes first decides the form, so values may contain the other.
    if (equals > 0 && (heredoc < 0 || equals < heredoc)) {
      values.set(line.slice(0, equals), line.slice(equals + 1));
    } else if (heredoc > 0 && (equals < 0 || heredoc < equals) && heredoc + 2 < line.length) {
      const delimiter = line.slice(heredoc + 2);
      const end = lines.indexOf(delimiter, index + 1);
      if (end < 0) throw new Error(`Invalid value: matching delimiter '${delimiter}' not found`);
      values.set(line.slice(0, heredoc), lines.slice(index + 1, end).join('\n'));
      index = end;
    } else {
      throw new Error(`Invalid file command line '${line}': expected name=value or name<<DELIMITER`);
    }
  }
  return Object.fromEntries(values);
}

/** The variable the runner sets for an input (and @actions/core's getInput reads). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** INPUT_* variables for a step: every declared input, given a value or its default. */
export function inputsToEnv(declared: Map<string, string>, given: Record<string, string>): Record<string, string> {
  const unexpected = Object.keys(given).filter((name) => !declared.has(name));
  // Stricter than the runner, which only warns: here an unexpected input is a typo in a test.
  if (unexpected.length > 0) {
    throw new Error(
      `Unexpected input(s) ${unexpected.join(', ')}; valid inputs are ${[...declared.keys()].join(', ')}`,
    );
  }
  const values = new Map([...declared, ...Object.entries(given)]);
  return Object.fromEntries([...values].map(([name, value]) => [inputEnvName(name), value]));
}

/** The caller's environment without the variables the runner owns. */
export function inheritableEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !RUNNER_OWNED_PREFIXES.some((prefix) => entry[0].startsWith(prefix)),
    ),
  );
}

/** RUNNER_ARCH for a Node.js process.arch. */
export function runnerArch(arch: string): string {
  const name = RUNNER_ARCHES.get(arch);
  if (name === undefined) throw new Error(`GitHub runners do not run on ${arch}`);
  return name;
}

/** Reads what the runner needs from action.yml; `${{ }}` expressions in defaults evaluate to '' (no GitHub here). */
export function parseActionManifest(text: string): ActionManifest {
  const document: unknown = parseYaml(text);
  if (!isRecord(document) || !isRecord(document.runs)) throw new Error('action.yml has no runs section');
  const { using, main, post, pre } = document.runs;
  const postIf = document.runs['post-if'] ?? 'always()';
  if (typeof using !== 'string' || !using.startsWith('node')) throw new Error('only node actions can run here');
  if (typeof main !== 'string') throw new Error('action.yml runs.main must be a file');
  if (post !== undefined && typeof post !== 'string') throw new Error('action.yml runs.post must be a file');
  if (pre !== undefined) throw new Error('runs.pre is not supported by the local runner');
  if (typeof postIf !== 'string') throw new Error('action.yml runs.post-if must be a string');
  return { inputs: declaredInputs(document.inputs), runs: { using, main, post, postIf } };
}

function declaredInputs(inputs: unknown): Map<string, string> {
  if (inputs === undefined || inputs === null) return new Map();
  if (!isRecord(inputs)) throw new Error('action.yml inputs must be a map');
  return new Map(Object.entries(inputs).map(([name, input]) => [name, inputDefault(name, input)]));
}

function inputDefault(name: string, input: unknown): string {
  const value = isRecord(input) ? input.default : undefined;
  if (value === undefined || value === null) return '';
  // YAML may type a default (`default: true`); the runner hands every input over as a string.
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`the default of input ${name} must be a scalar`);
  }
  return String(value).replace(EXPRESSION, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the runner runs post after this main: post-if is about the job, whose only step here is main. */
export function postWouldRun(runs: ActionManifest['runs'], main: ActionRun): boolean {
  if (runs.post === undefined) return false;
  const mainSucceeded = main.exitCode === 0;
  switch (runs.postIf) {
    case 'always()':
      return true;
    case 'success()':
      return mainSucceeded;
    case 'failure()':
      return !mainSucceeded;
    default:
      throw new Error(`post-if '${runs.postIf}' is not supported by the local runner`);
  }
}

type Step = 'main' | 'post';

/** The file commands of one step, named by the runner's file prefixes. */
const FILE_COMMANDS = {
  GITHUB_OUTPUT: 'set_output_',
  GITHUB_STATE: 'save_state_',
  GITHUB_STEP_SUMMARY: 'step_summary_',
  GITHUB_ENV: 'set_env_',
  GITHUB_PATH: 'add_path_',
} as const;

type FileCommand = keyof typeof FILE_COMMANDS;

/**
 * One run of an action: main, then post, sharing a RUNNER_TEMP. Run main with runMain (optionally killing it
 * mid-way), post with runPost, then read what main left behind; remove() deletes the temporary files.
 */
export class LocalRunner {
  /** RUNNER_TEMP; the file commands live in its _runner_file_commands (one of their own when it is shared). */
  readonly runnerTemp: string;
  readonly manifest: ActionManifest;
  private readonly options: LocalRunOptions;
  private readonly fileCommandDir: string;
  private readonly actionDir: string;
  private readonly workDir: string;
  private readonly runnerEnv: Record<string, string>;
  private readonly inputEnv: Record<string, string>;
  private main: Promise<ActionRun> | undefined;

  constructor(options: LocalRunOptions) {
    this.options = options;
    this.actionDir = options.actionDir ?? repoRoot;
    this.manifest = parseActionManifest(readFileSync(join(this.actionDir, 'action.yml'), 'utf8'));
    this.inputEnv = inputsToEnv(this.manifest.inputs, options.inputs);
    this.runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'local-runner-'));
    if (options.runnerTemp === undefined) {
      this.fileCommandDir = join(this.runnerTemp, '_runner_file_commands');
      mkdirSync(this.fileCommandDir);
    } else {
      // Jobs that share a RUNNER_TEMP run side by side here: each keeps its file commands apart.
      this.fileCommandDir = mkdtempSync(join(this.runnerTemp, '_runner_file_commands-'));
    }
    this.workDir = options.workDir ?? process.cwd();
    this.runnerEnv = {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION: LOCAL_ACTION_ID,
      GITHUB_REPOSITORY: LOCAL_REPOSITORY,
      GITHUB_WORKSPACE: this.workDir,
      // Run ids are numbers; a random one keeps the temporary tags of parallel runs apart.
      GITHUB_RUN_ID: options.runId ?? String(randomInt(1e9, 1e10)),
      GITHUB_RUN_ATTEMPT: options.runAttempt ?? '1',
      GITHUB_JOB: options.job ?? 'local',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: runnerArch(process.arch),
      RUNNER_TEMP: this.runnerTemp,
    };
  }

  /** Runs main, once; killWhen lets a test crash it at a chosen point. */
  runMain({ killWhen, killSignal = 'SIGKILL' }: MainRunOptions = {}): Promise<ActionRun> {
    if (this.main !== undefined) throw new Error('main has already run');
    const env = { ...this.prepareStep('main'), ...this.inputEnv };
    this.main = this.runNode('main', this.manifest.runs.main, env, { killWhen, killSignal });
    return this.main;
  }

  /** Runs post once main has ended, however it ended: main's state as STATE_*, its GITHUB_ENV and GITHUB_PATH applied. */
  async runPost(): Promise<ActionRun> {
    const entry = this.manifest.runs.post;
    if (entry === undefined) throw new Error('the action has no post step');
    if (this.main === undefined) throw new Error('run main before post');
    await this.main;
    const env = { ...this.prepareStep('post'), ...this.inputEnv, ...stateToEnv(this.state()) };
    return this.runNode('post', entry, env, {});
  }

  /** Main's outputs (the runner ignores outputs set in post). */
  outputs(): Record<string, string> {
    return parseFileCommands(this.readFileCommand('main', 'GITHUB_OUTPUT'));
  }

  /** The state main saved for post. */
  state(): Record<string, string> {
    return parseFileCommands(this.readFileCommand('main', 'GITHUB_STATE'));
  }

  /** The job summary: main's step summary, then post's. */
  summary(): string {
    return this.readFileCommand('main', 'GITHUB_STEP_SUMMARY') + this.readFileCommand('post', 'GITHUB_STEP_SUMMARY');
  }

  /** Deletes RUNNER_TEMP and the file commands in it; only the file commands when RUNNER_TEMP is the caller's. */
  remove(): void {
    const own = this.options.runnerTemp === undefined ? this.runnerTemp : this.fileCommandDir;
    rmSync(own, { recursive: true, force: true });
  }

  /**
   * Creates the step's file commands and returns its environment without inputs and state: the caller's, the
   * runner's variables, what main exported (for post), the caller's `env`, then the file command paths.
   */
  private prepareStep(step: Step): Record<string, string> {
    const env = { ...inheritableEnv(process.env), ...this.runnerEnv };
    if (step === 'post') Object.assign(env, this.mainExports(env.PATH));
    Object.assign(env, this.options.env);
    for (const command of Object.keys(FILE_COMMANDS) as FileCommand[]) {
      env[command] = this.createFileCommand(step, command);
    }
    return env;
  }

  /** What main exported to later steps: GITHUB_ENV variables, and GITHUB_PATH entries put first in PATH. */
  private mainExports(path: string | undefined): Record<string, string> {
    const exported = parseFileCommands(this.readFileCommand('main', 'GITHUB_ENV'));
    const added = this.readFileCommand('main', 'GITHUB_PATH').split('\n').filter(Boolean);
    if (added.length === 0) return exported;
    // The runner puts the entry added last first.
    const entries = [...added.reverse(), ...(path === undefined ? [] : [path])];
    return { ...exported, PATH: entries.join(pathListSeparator) };
  }

  private fileCommandPath(step: Step, command: FileCommand): string {
    return join(this.fileCommandDir, `${FILE_COMMANDS[command]}${step}`);
  }

  /** The runner creates each file empty before the step: @actions/core refuses to write to a missing one. */
  private createFileCommand(step: Step, command: FileCommand): string {
    const path = this.fileCommandPath(step, command);
    writeFileSync(path, '');
    return path;
  }

  private readFileCommand(step: Step, command: FileCommand): string {
    try {
      return readFileSync(this.fileCommandPath(step, command), 'utf8');
    } catch (error) {
      // A step that has not run has written nothing.
      if (isNodeError(error) && error.code === 'ENOENT') return '';
      throw error;
    }
  }

  private runNode(step: Step, entry: string, env: Record<string, string>, kill: MainRunOptions): Promise<ActionRun> {
    return runNodeProcess({
      label: step,
      script: join(this.actionDir, entry),
      nodePath: this.options.nodePath ?? process.execPath,
      cwd: this.workDir,
      env,
      timeoutMs: this.options.timeoutMs,
      ...kill,
    });
  }
}

/** Runs main and (as the runner would) post, and returns everything they left behind. */
export async function runAction(options: LocalRunOptions): Promise<ActionResult> {
  const runner = new LocalRunner(options);
  try {
    const main = await runner.runMain();
    const post = postWouldRun(runner.manifest.runs, main) ? await runner.runPost() : undefined;
    return { main, post, outputs: runner.outputs(), state: runner.state(), summary: runner.summary() };
  } finally {
    runner.remove();
  }
}

/** STATE_* variables for post; the runner keeps the names as main saved them. */
export function stateToEnv(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
}

interface NodeProcess extends MainRunOptions {
  label: string;
  script: string;
  nodePath: string;
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number | undefined;
}

/** Runs `node script` without a shell; resolves however it ends, rejects when it outlives timeoutMs. */
function runNodeProcess({
  label,
  script,
  nodePath,
  cwd,
  env,
  timeoutMs,
  killWhen,
  killSignal,
}: NodeProcess): Promise<ActionRun> {
  const verbose = process.env.LOCAL_RUNNER_VERBOSE === '1';
  return new Promise((resolve, reject) => {
    const child = spawn(nodePath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (verbose) process.stdout.write(chunk);
      if (!child.killed && killWhen?.(stdout) === true) child.kill(killSignal);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (verbose) process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new Error(
            `${label} did not finish within ${timeoutMs ?? 0} ms\n${tail('stdout', stdout)}${tail('stderr', stderr)}`,
          ),
        );
      } else {
        resolve({ exitCode, signal, stdout, stderr });
      }
    });
  });
}

/** The end of a captured stream, for an error message. */
function tail(name: string, text: string): string {
  return `--- ${name} (last 2000 characters) ---\n${text.slice(-2000)}\n`;
}

// Not `instanceof Error`: under jest, fs errors come from another realm, whose Error is another class.
function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
