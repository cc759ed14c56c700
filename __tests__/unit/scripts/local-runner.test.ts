import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  type ActionRun,
  LocalRunner,
  inheritableEnv,
  inputEnvName,
  inputsToEnv,
  parseActionManifest,
  parseFileCommands,
  postWouldRun,
  repoRoot,
  runAction,
  runnerArch,
  stateToEnv,
} from '../../../scripts/local-runner.js';

/** What @actions/core 3.x writes for core.setOutput / core.saveState (its prepareKeyValueMessage). */
function coreFileCommand(name: string, value: string, delimiter = 'ghadelimiter_6f1c1bd4-0d1c-4ab6-9d6b-1f0c4c1f2a11') {
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

describe('parseFileCommands', () => {
  it.each([
    ['nothing', '', {}],
    ['an @actions/core heredoc', coreFileCommand('digest', 'sha256:abc'), { digest: 'sha256:abc' }],
    ['a multi-line heredoc value', coreFileCommand('json', '{\n  "a": 1\n}'), { json: '{\n  "a": 1\n}' }],
    ['an empty heredoc value', 'empty<<EOF\nEOF\n', { empty: '' }],
    ['a heredoc value ending in an empty line', 'v<<EOF\nx\n\nEOF\n', { v: 'x\n' }],
    ['a heredoc closed at the end of the file', 'v<<EOF\nx\nEOF', { v: 'x' }],
    ['a value holding = and <<', coreFileCommand('args', 'a=b<<c'), { args: 'a=b<<c' }],
    ['name=value lines', 'a=1\nb=\nc=x=y\n', { a: '1', b: '', c: 'x=y' }],
    ['a plain value with << after the =', 'a=b<<c\n', { a: 'b<<c' }],
    ['a delimiter with = after the <<', 'a<<E=F\nv\nE=F\n', { a: 'v' }],
    ['blank lines between commands', '\na=1\n\n\nb=2\n', { a: '1', b: '2' }],
    ['a name set twice (the last wins)', `a=1\n${coreFileCommand('a', '2')}`, { a: '2' }],
    ['a carriage return (kept on Linux)', 'a=1\r\n', { a: '1\r' }],
    ['a line like the delimiter inside a value', 'a<<EOF\nEOFX\nEOF\n', { a: 'EOFX' }],
  ])('parses %s', (_, text, expected) => {
    expect(parseFileCommands(text)).toEqual(expected);
  });

  it('keeps a name that is an Object.prototype property as plain data', () => {
    const parsed = parseFileCommands('__proto__=x\n');
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it.each([
    ['a heredoc without its delimiter', 'a<<EOF\nvalue\n', /matching delimiter 'EOF' not found/],
    ['a line with neither = nor <<', 'just text\n', /Invalid file command line 'just text'/],
    ['an empty name', '=value\n', /Invalid file command line/],
    ['a heredoc without a name', '<<EOF\nv\nEOF\n', /Invalid file command line/],
    ['a heredoc without a delimiter', 'a<<\nv\n', /Invalid file command line/],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseFileCommands(text)).toThrow(message);
  });
});

describe('inputs as the runner sets them', () => {
  it.each([
    ['platforms', 'INPUT_PLATFORMS'],
    ['driver-opts', 'INPUT_DRIVER-OPTS'],
    ['temp-tag-prefix', 'INPUT_TEMP-TAG-PREFIX'],
    ['exit code', 'INPUT_EXIT_CODE'],
    ['Mixed Case name', 'INPUT_MIXED_CASE_NAME'],
  ])('names input %j %s', (name, variable) => {
    expect(inputEnvName(name)).toBe(variable);
  });

  it('sets every declared input, given a value or its default', () => {
    const declared = new Map([
      ['platforms', ''],
      ['mode', 'auto'],
      ['push', 'false'],
    ]);
    expect(inputsToEnv(declared, { platforms: 'linux/amd64', push: 'true' })).toEqual({
      INPUT_PLATFORMS: 'linux/amd64',
      INPUT_MODE: 'auto',
      INPUT_PUSH: 'true',
    });
  });

  it('refuses an input action.yml does not declare', () => {
    expect(() => inputsToEnv(new Map([['mode', 'auto']]), { mdoe: 'multi' })).toThrow(
      /Unexpected input\(s\) mdoe; valid inputs are mode/,
    );
  });

  it('maps the inputs of this action.yml with their defaults', () => {
    const manifest = parseActionManifest(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
    const env = inputsToEnv(manifest.inputs, { platforms: 'linux/amd64,linux/arm64' });
    expect(env).toMatchObject({
      INPUT_PLATFORMS: 'linux/amd64,linux/arm64',
      INPUT_MODE: 'auto',
      INPUT_CLEANUP: 'true',
      'INPUT_DRIVER-OPTS': '',
      'INPUT_NO-CACHE': 'false',
      // `${{ github.token }}`: there is no GitHub here.
      'INPUT_GITHUB-TOKEN': '',
    });
    expect(Object.keys(env)).toHaveLength(manifest.inputs.size);
    expect(manifest.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      postIf: 'always()',
    });
  });
});

describe('parseActionManifest', () => {
  const runs = 'runs:\n  using: node24\n  main: main.js\n';

  it('turns YAML-typed defaults into strings and expressions into empty text', () => {
    const manifest = parseActionManifest(
      `inputs:\n  flag: {default: true}\n  count: {default: 3}\n  none: {}\n  tagged: {default: 'v-\${{ github.sha }}-x'}\n${runs}`,
    );
    expect(Object.fromEntries(manifest.inputs)).toEqual({ flag: 'true', count: '3', none: '', tagged: 'v--x' });
  });

  it('defaults post-if to always() and leaves post unset when there is none', () => {
    expect(parseActionManifest(runs).runs).toEqual({
      using: 'node24',
      main: 'main.js',
      post: undefined,
      postIf: 'always()',
    });
  });

  it.each([
    ['a docker action', 'runs:\n  using: docker\n  image: Dockerfile\n', /only node actions/],
    ['a pre step', `${runs}  pre: pre.js\n`, /runs.pre is not supported/],
    ['no runs section', 'name: x\n', /no runs section/],
    ['a list default', `inputs:\n  a: {default: [1]}\n${runs}`, /default of input a must be a scalar/],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseActionManifest(text)).toThrow(message);
  });
});

describe('the rest of the environment', () => {
  it('drops the caller’s INPUT_, STATE_ and GITHUB_ variables and keeps the others', () => {
    const env = { PATH: '/bin', INPUT_MODE: 'x', STATE_y: '1', GITHUB_OUTPUT: '/f', GITHUBX: 'kept', HOME: undefined };
    expect(inheritableEnv(env)).toEqual({ PATH: '/bin', GITHUBX: 'kept' });
  });

  it('keeps state names as main saved them', () => {
    expect(stateToEnv({ isPost: 'true', 'build-state': '{}' })).toEqual({
      STATE_isPost: 'true',
      'STATE_build-state': '{}',
    });
  });

  it.each([
    ['x64', 'X64'],
    ['arm64', 'ARM64'],
  ])('names %s %s in RUNNER_ARCH', (arch, name) => {
    expect(runnerArch(arch)).toBe(name);
  });

  it('refuses an architecture GitHub has no runner for', () => {
    expect(() => runnerArch('riscv64')).toThrow(/riscv64/);
  });
});

describe('postWouldRun', () => {
  const ended = (exitCode: number | null): ActionRun => ({ exitCode, signal: null, stdout: '', stderr: '' });
  const withPost = (postIf: string) => ({ using: 'node24', main: 'main.js', post: 'post.js', postIf });

  it.each([
    ['always()', 0, true],
    ['always()', null, true],
    ['success()', 0, true],
    ['success()', 1, false],
    ['failure()', 1, true],
    ['failure()', 0, false],
  ])('with post-if %s after exit code %p: %p', (postIf, exitCode, expected) => {
    expect(postWouldRun(withPost(postIf), ended(exitCode))).toBe(expected);
  });

  it('is false when the action has no post', () => {
    expect(postWouldRun({ ...withPost('always()'), post: undefined }, ended(0))).toBe(false);
  });

  it('refuses a post-if it cannot evaluate', () => {
    expect(() => postWouldRun(withPost('cancelled()'), ended(0))).toThrow(/post-if 'cancelled\(\)'/);
  });
});

// A throwaway action that speaks the file-command protocol directly, so the round trip needs neither
// @actions/core nor dist/.
const PROBE_ACTION = {
  'action.yml': `name: probe
inputs:
  greeting:
    default: hello
  exit code:
    default: 0
  hang:
    default: 'false'
  token:
    default: \${{ github.token }}
runs:
  using: node24
  main: main.cjs
  post: post.cjs
`,
  'main.cjs': `const { appendFileSync } = require('node:fs');
const env = process.env;
appendFileSync(env.GITHUB_OUTPUT, 'greeting<<ghadelimiter_1\\n' + env.INPUT_GREETING + '\\nworld\\nghadelimiter_1\\n');
appendFileSync(env.GITHUB_OUTPUT, 'plain=yes\\n');
appendFileSync(env.GITHUB_STATE, 'phase<<ghadelimiter_2\\nmain done\\nghadelimiter_2\\n');
appendFileSync(env.GITHUB_ENV, 'EXPORTED=from main\\n');
appendFileSync(env.GITHUB_PATH, '/opt/probe/bin\\n');
appendFileSync(env.GITHUB_STEP_SUMMARY, 'main ran\\n');
console.log('main ready');
if (env.INPUT_HANG === 'true') setInterval(() => {}, 1000);
else process.exitCode = Number(env.INPUT_EXIT_CODE);
`,
  'post.cjs': `const { appendFileSync } = require('node:fs');
const env = process.env;
appendFileSync(env.GITHUB_STEP_SUMMARY, 'post saw ' + env.STATE_phase + '\\n');
appendFileSync(env.GITHUB_OUTPUT, 'from-post=ignored\\n');
console.log(JSON.stringify({
  state: env.STATE_phase,
  exported: env.EXPORTED,
  firstPath: env.PATH.split(':')[0],
  greeting: env.INPUT_GREETING,
  token: env.INPUT_TOKEN,
  runId: env.GITHUB_RUN_ID,
  workspace: env.GITHUB_WORKSPACE,
  cwd: process.cwd(),
  actions: env.GITHUB_ACTIONS,
  runnerTemp: env.RUNNER_TEMP,
}));
`,
};

describe('running an action', () => {
  let actionDir: string;
  let workDir: string;

  beforeAll(() => {
    actionDir = mkdtempSync(join(tmpdir(), 'probe-action-'));
    workDir = mkdtempSync(join(tmpdir(), 'probe-workspace-'));
    for (const [name, text] of Object.entries(PROBE_ACTION)) writeFileSync(join(actionDir, name), text);
  });

  afterAll(() => {
    rmSync(actionDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('hands outputs, state, exports and the summary from main to post', async () => {
    const result = await runAction({ actionDir, workDir, runId: '42', inputs: { greeting: 'hi' } });

    expect(result.main).toMatchObject({ exitCode: 0, signal: null, stdout: 'main ready\n' });
    expect(result.post?.exitCode).toBe(0);
    expect(result.outputs).toEqual({ greeting: 'hi\nworld', plain: 'yes' });
    expect(result.state).toEqual({ phase: 'main done' });
    expect(result.summary).toBe('main ran\npost saw main done\n');
    expect(JSON.parse(result.post?.stdout ?? '')).toEqual({
      state: 'main done',
      exported: 'from main',
      firstPath: '/opt/probe/bin',
      greeting: 'hi',
      token: '',
      runId: '42',
      workspace: workDir,
      cwd: workDir,
      actions: 'true',
      runnerTemp: expect.stringContaining('local-runner-') as unknown,
    });
  });

  it('runs post after a failed main (post-if: always())', async () => {
    const result = await runAction({ actionDir, workDir, inputs: { 'exit code': '3' } });

    expect(result.main.exitCode).toBe(3);
    expect(result.post?.exitCode).toBe(0);
  });

  it('runs the steps with the node binary it is given', async () => {
    const nodePath = join(workDir, 'node-wrapper.sh');
    writeFileSync(nodePath, `#!/bin/sh\necho "wrapped node"\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
    const result = await runAction({ actionDir, workDir, nodePath, inputs: {} });
    expect(result.main.stdout.split('\n')[0]).toBe('wrapped node');
    expect(result.post?.stdout.split('\n')[0]).toBe('wrapped node');
    expect(result.main.exitCode).toBe(0);
  });

  it("reads a step's files before post has run: post's are simply empty", async () => {
    const runner = new LocalRunner({ actionDir, workDir, inputs: {} });
    try {
      await runner.runMain();
      // Post's summary file does not exist yet; under jest the fs error is of another realm's Error class.
      expect(runner.summary()).toBe('main ran\n');
      expect(runner.state()).toEqual({ phase: 'main done' });
    } finally {
      runner.remove();
    }
  });

  it('kills main mid-way and still gives post the state main saved', async () => {
    const runner = new LocalRunner({ actionDir, workDir, inputs: { hang: 'true' } });
    try {
      const main = await runner.runMain({ killWhen: (stdout) => stdout.includes('main ready') });
      expect(main).toMatchObject({ exitCode: null, signal: 'SIGKILL' });

      const post = await runner.runPost();
      expect(post.exitCode).toBe(0);
      expect(runner.state()).toEqual({ phase: 'main done' });
      expect(runner.summary()).toBe('main ran\npost saw main done\n');
    } finally {
      runner.remove();
    }
  });

  // The limit leaves a loaded machine time to start node and print; the child then hangs forever.
  it('fails a step that outlives timeoutMs', async () => {
    const runner = new LocalRunner({ actionDir, workDir, inputs: { hang: 'true' }, timeoutMs: 5000 });
    try {
      await expect(runner.runMain()).rejects.toThrow(/main did not finish within 5000 ms[\s\S]*main ready/);
    } finally {
      runner.remove();
    }
  });

  it('runs post only after main, and each step once', async () => {
    const runner = new LocalRunner({ actionDir, workDir, inputs: {} });
    try {
      await expect(runner.runPost()).rejects.toThrow(/run main before post/);
      await runner.runMain();
      expect(() => runner.runMain()).toThrow(/main has already run/);
    } finally {
      runner.remove();
    }
  });
});
