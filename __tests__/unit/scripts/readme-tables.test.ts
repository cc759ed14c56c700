// The README's generated tables: what each row says, what happens around the markers, and `docs:check` catching a
// stale README in a scratch copy of the three files it reads.
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

const README = [
  '# x',
  '',
  'Hand-written text stays.',
  '',
  ...['inputs', 'outputs', 'workflow-inputs', 'workflow-outputs'].flatMap((name) => [
    `<!-- ${name}:start -->`,
    'old table',
    `<!-- ${name}:end -->`,
    '',
  ]),
].join('\n');

describe('tablesFrom', () => {
  const tables = tablesFrom(ACTION, WORKFLOW);

  test.each([
    ['a default as code', '| `mode` | `auto` | auto or multi, folded over two lines. |'],
    ['required instead of a default', '| `platforms` | required | Platforms to build. |'],
    ['escaped pipes and no default for an empty one', '| `ssh` |  | Sockets (default\\|id[=socket\\|key]). |'],
    ['an expression default as written', '| `github-token` | `${{ github.token }}` | Token. |'],
  ])('inputs: %s', (_, row) => {
    expect(tables.inputs?.split('\n')).toContain(row);
  });

  test('outputs, in action.yml order, after the header', () => {
    expect(tables.outputs).toBe(
      ['| Output | Description |', '| --- | --- |', '| `digest` | The index digest. |'].join('\n'),
    );
  });

  test('the workflow: inputs with their types, then secrets; its outputs', () => {
    expect(tables['workflow-inputs']?.split('\n').slice(2)).toEqual([
      '| `push` | boolean | `true` | Push and publish. |',
      '| `tags` | string | required | Final tags. |',
      '| `registry-password` | secret |  | Password for registry. |',
    ]);
    expect(tables['workflow-outputs']).toContain('| `digest` | Index digest. |');
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
    const once = withTables(README, tables);
    expect(once).not.toContain('old table');
    expect(once).toContain('Hand-written text stays.');
    expect(once).toContain(`<!-- inputs:start -->\n\n${tables.inputs ?? ''}\n\n<!-- inputs:end -->`);
    expect(withTables(once, tables)).toBe(once);
  });

  test('a README without the markers is an error naming them', () => {
    expect(() => withTables(README.replace('<!-- outputs:end -->', ''), tables)).toThrow(
      'README.md has no "<!-- outputs:start -->" … "<!-- outputs:end -->" section for the outputs table',
    );
  });

  test('markers twice are an error', () => {
    expect(() => withTables(`${README}\n<!-- inputs:start -->\n`, tables)).toThrow('inputs markers more than once');
  });

  test('staleTables names the tables that differ', () => {
    const fresh = withTables(README, tables);
    const stale = fresh.replace('| `digest` | The index digest. |', '| `digest` | Old words. |');
    expect(staleTables(stale, fresh, Object.keys(tables))).toEqual(['outputs']);
  });
});

describe('run, on a scratch copy', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'readme-tables-'));
    mkdirSync(join(root, '.github/workflows'), { recursive: true });
    writeFileSync(join(root, 'action.yml'), ACTION);
    writeFileSync(join(root, '.github/workflows/multiarch.yml'), WORKFLOW);
    writeFileSync(join(root, 'README.md'), README);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('check fails naming every stale table and changes nothing; docs fixes it; check then passes', async () => {
    const stale = await run(true, root);
    expect(stale.status).toBe(1);
    expect(stale.message).toBe(
      'README.md is stale: the tables inputs, outputs, workflow-inputs, workflow-outputs do not match action.yml ' +
        'and .github/workflows/multiarch.yml. Run `npm run docs` and commit README.md.',
    );
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe(README);

    expect((await run(false, root)).status).toBe(0);
    expect(await run(true, root)).toEqual({
      status: 0,
      message: 'README.md: the tables match action.yml and .github/workflows/multiarch.yml.',
    });
  });

  test('a change in action.yml makes only its table stale', async () => {
    await run(false, root);
    writeFileSync(
      join(root, 'action.yml'),
      ACTION.replace('Platforms to build.', 'Platforms to build, comma separated.'),
    );
    expect((await run(true, root)).message).toContain('the table inputs does not match');
  });
});
