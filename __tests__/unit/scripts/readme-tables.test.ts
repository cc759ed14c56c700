// The generated tables: what each row says, which file each lives in, what happens around the markers, and
// `docs:check` catching a stale file in a scratch copy of the four files it reads and writes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cell, code, run, staleTables, tablesFrom, withTables } from '../../../scripts/readme-tables.js';

const ACTION = `
name: x
inputs:
  mode:
    description: >-
      auto or multi,
      folded over two lines.
    default: auto
  platforms:
    description: Platforms to build.
    required: true
  ssh:
    description: Sockets (default|id[=socket|key]).
    default: ''
  github-token:
    description: Token.
    default: \${{ github.token }}
outputs:
  digest:
    description: The index digest.
runs: {using: node24, main: dist/index.js}
`;

const WORKFLOW = `
on:
  workflow_call:
    inputs:
      push:
        description: Push and publish.
        type: boolean
        default: true
      tags:
        description: Final tags.
        type: string
        required: true
    secrets:
      registry-password:
        description: Password for registry.
    outputs:
      digest:
        description: Index digest.
        value: \${{ jobs.merge.outputs.digest }}
jobs: {}
`;

/** A markdown file with hand-written text and an outdated table between each pair of markers. */
function doc(names: string[]): string {
  return [
    '# x',
    '',
    'Hand-written text stays.',
    '',
    ...names.flatMap((name) => [`<!-- ${name}:start -->`, 'old table', `<!-- ${name}:end -->`, '']),
  ].join('\n');
}

const README = doc(['inputs', 'outputs']);
const WORKFLOW_DOC = doc(['workflow-inputs', 'workflow-outputs']);

describe('tablesFrom', () => {
  const tables = tablesFrom(ACTION, WORKFLOW);

  test.each([
    ['a default as code', '| `mode` | `auto` | auto or multi, folded over two lines. |'],
    ['required instead of a default', '| `platforms` | required | Platforms to build. |'],
    ['escaped pipes and no default for an empty one', '| `ssh` |  | Sockets (default\\|id[=socket\\|key]). |'],
    ['an expression default as written', '| `github-token` | `${{ github.token }}` | Token. |'],
  ])('inputs: %s', (_, row) => {
    expect(tables.inputs?.markdown.split('\n')).toContain(row);
  });

  test('outputs, in action.yml order, after the header', () => {
    expect(tables.outputs?.markdown).toBe(
      ['| Output | Description |', '| --- | --- |', '| `digest` | The index digest. |'].join('\n'),
    );
  });

  test('the workflow: inputs with their types, then secrets; its outputs', () => {
    expect(tables['workflow-inputs']?.markdown.split('\n').slice(2)).toEqual([
      '| `push` | boolean | `true` | Push and publish. |',
      '| `tags` | string | required | Final tags. |',
      '| `registry-password` | secret |  | Password for registry. |',
    ]);
    expect(tables['workflow-outputs']?.markdown).toContain('| `digest` | Index digest. |');
  });

  test("the action's tables live in the README, the workflow's in its doc, each made from its own file", () => {
    expect(Object.entries(tables).map(([name, { file, source }]) => [name, file, source])).toEqual([
      ['inputs', 'README.md', 'action.yml'],
      ['outputs', 'README.md', 'action.yml'],
      ['workflow-inputs', 'docs/reusable-workflow.md', '.github/workflows/multiarch.yml'],
      ['workflow-outputs', 'docs/reusable-workflow.md', '.github/workflows/multiarch.yml'],
    ]);
  });

  test('an input without a description is an error naming it', () => {
    expect(() => tablesFrom(ACTION.replace('    description: Token.\n', ''), WORKFLOW)).toThrow(
      'action.yml inputs.github-token has no description',
    );
  });

  test('a workflow that is not reusable is an error', () => {
    expect(() => tablesFrom(ACTION, 'on: push\njobs: {}\n')).toThrow('has no on.workflow_call');
  });
});

describe('cells', () => {
  test.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`edge', '`` `edge ``'],
  ])('code(%j) is %j', (value, expected) => {
    expect(code(value)).toBe(expected);
  });

  test('a cell is one line with its pipes escaped', () => {
    expect(cell('  one\n  two | three\n')).toBe('one two \\| three');
  });
});

describe('withTables', () => {
  const tables = tablesFrom(ACTION, WORKFLOW);

  test('replaces only what is between the markers, and twice is once', () => {
    const once = withTables(README, 'README.md', tables);
    expect(once).not.toContain('old table');
    expect(once).toContain('Hand-written text stays.');
    expect(once).toContain(`<!-- inputs:start -->\n\n${tables.inputs?.markdown ?? ''}\n\n<!-- inputs:end -->`);
    expect(withTables(once, 'README.md', tables)).toBe(once);
  });

  test("each file gets its own tables and needs no other file's markers", () => {
    const readme = withTables(README, 'README.md', tables);
    const workflowDoc = withTables(WORKFLOW_DOC, 'docs/reusable-workflow.md', tables);
    expect(readme).toContain('| `digest` | The index digest. |');
    expect(readme).not.toContain('| `digest` | Index digest. |');
    expect(workflowDoc).toContain('| `digest` | Index digest. |');
    expect(workflowDoc).not.toContain('| `digest` | The index digest. |');
  });

  test.each([
    ['README.md', README, 'outputs'],
    ['docs/reusable-workflow.md', WORKFLOW_DOC, 'workflow-outputs'],
  ])('%s without the markers of one of its tables is an error naming the file and the markers', (file, text, name) => {
    expect(() => withTables(text.replace(`<!-- ${name}:end -->`, ''), file, tables)).toThrow(
      `${file} has no "<!-- ${name}:start -->" … "<!-- ${name}:end -->" section for the ${name} table`,
    );
  });

  test('markers twice are an error', () => {
    expect(() => withTables(`${README}\n<!-- inputs:start -->\n`, 'README.md', tables)).toThrow(
      'inputs markers more than once',
    );
  });

  test("a table's markers left in a file it does not live in are an error naming where it lives", () => {
    expect(() => withTables(`${README}\n${WORKFLOW_DOC}`, 'README.md', tables)).toThrow(
      'README.md has the workflow-inputs markers, but that table lives in docs/reusable-workflow.md',
    );
  });

  test("staleTables names the file's tables that differ", () => {
    const fresh = withTables(README, 'README.md', tables);
    const stale = fresh.replace('| `digest` | The index digest. |', '| `digest` | Old words. |');
    expect(staleTables(stale, fresh, 'README.md', tables).map(([name]) => name)).toEqual(['outputs']);
  });
});

describe('run, on a scratch copy', () => {
  let root: string;
  const read = (file: string) => readFileSync(join(root, file), 'utf8');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'readme-tables-'));
    mkdirSync(join(root, '.github/workflows'), { recursive: true });
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'action.yml'), ACTION);
    writeFileSync(join(root, '.github/workflows/multiarch.yml'), WORKFLOW);
    writeFileSync(join(root, 'README.md'), README);
    writeFileSync(join(root, 'docs/reusable-workflow.md'), WORKFLOW_DOC);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('check names each stale file and its tables and changes nothing; docs fixes them; check passes', async () => {
    const stale = await run(true, root);
    expect(stale.status).toBe(1);
    expect(stale.message).toBe(
      'README.md is stale: the tables inputs, outputs do not match action.yml. docs/reusable-workflow.md is stale: ' +
        'the tables workflow-inputs, workflow-outputs do not match .github/workflows/multiarch.yml. ' +
        'Run `npm run docs` and commit README.md and docs/reusable-workflow.md.',
    );
    expect(read('README.md')).toBe(README);
    expect(read('docs/reusable-workflow.md')).toBe(WORKFLOW_DOC);

    expect((await run(false, root)).status).toBe(0);
    expect(await run(true, root)).toEqual({
      status: 0,
      message:
        'README.md and docs/reusable-workflow.md: the tables match action.yml and .github/workflows/multiarch.yml.',
    });
  });

  test('a change in action.yml makes only its table, in the README, stale', async () => {
    await run(false, root);
    writeFileSync(
      join(root, 'action.yml'),
      ACTION.replace('Platforms to build.', 'Platforms to build, comma separated.'),
    );
    expect(await run(true, root)).toEqual({
      status: 1,
      message:
        'README.md is stale: the table inputs does not match action.yml. Run `npm run docs` and commit README.md.',
    });
  });

  test('a change in the workflow rewrites only its doc', async () => {
    await run(false, root);
    const readme = read('README.md');
    writeFileSync(join(root, '.github/workflows/multiarch.yml'), WORKFLOW.replace('Index digest.', 'The digest.'));
    expect((await run(false, root)).message).toBe(
      'docs/reusable-workflow.md: tables rewritten from action.yml and .github/workflows/multiarch.yml.',
    );
    expect(read('docs/reusable-workflow.md')).toContain('| `digest` | The digest. |');
    expect(read('README.md')).toBe(readme);
  });

  test('one file missing its markers: docs writes no file', async () => {
    writeFileSync(join(root, 'docs/reusable-workflow.md'), WORKFLOW_DOC.replace('<!-- workflow-inputs:start -->', ''));
    await expect(run(false, root)).rejects.toThrow('docs/reusable-workflow.md has no "<!-- workflow-inputs:start -->"');
    expect(read('README.md')).toBe(README);
  });
});
