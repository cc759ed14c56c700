// `npm run docs` rewrites the tables in README.md that describe the action's and the reusable workflow's interface,
// from action.yml and .github/workflows/multiarch.yml, so the README cannot drift from what GitHub reads.
// `npm run docs:check` rewrites nothing and fails, naming the stale tables, when README.md differs from what
// `npm run docs` would write. Each table sits between `<!-- NAME:start -->` and `<!-- NAME:end -->`; the text
// outside the markers is left alone. The result goes through Prettier, so `npm run format:check` agrees with it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { parse as parseYaml } from 'yaml';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const README = 'README.md';
const ACTION = 'action.yml';
const WORKFLOW = '.github/workflows/multiarch.yml';

/** One row of a generated table. */
interface Row {
  name: string;
  description: string;
  /** Shown as code; undefined or '' leaves the cell empty. */
  default?: string;
  required?: boolean;
  /** A reusable workflow input's type, or `secret`. */
  type?: string;
}

/** The generated tables by marker name, as markdown. */
export type Tables = Record<string, string>;

export class ReadmeTablesError extends Error {
  override name = 'ReadmeTablesError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of a YAML map, each required to be a map with a description (the table has nothing else to say). */
function entries(map: unknown, where: string): [string, Record<string, unknown>][] {
  if (map === undefined || map === null) return [];
  if (!isRecord(map)) throw new ReadmeTablesError(`${where} is not a map`);
  return Object.entries(map).map(([name, value]) => {
    if (!isRecord(value) || typeof value.description !== 'string' || value.description.trim() === '') {
      throw new ReadmeTablesError(`${where}.${name} has no description, which its README table row needs`);
    }
    return [name, value];
  });
}

/** A YAML scalar as the runner passes it on: every input is a string there. */
function scalar(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ReadmeTablesError(`${where} is not a scalar`);
}

function rows(map: unknown, where: string, type?: string): Row[] {
  return entries(map, where).map(([name, value]) => ({
    name,
    description: String(value.description),
    default: scalar(value.default, `${where}.${name}.default`),
    required: value.required === true,
    type: type ?? scalar(value.type, `${where}.${name}.type`),
  }));
}

/** The tables from the texts of action.yml and of the reusable workflow. */
export function tablesFrom(actionYaml: string, workflowYaml: string): Tables {
  const action: unknown = parseYaml(actionYaml);
  if (!isRecord(action)) throw new ReadmeTablesError(`${ACTION} is not a map`);
  const workflow: unknown = parseYaml(workflowYaml);
  const call = isRecord(workflow) && isRecord(workflow.on) ? workflow.on.workflow_call : undefined;
  if (!isRecord(call)) throw new ReadmeTablesError(`${WORKFLOW} has no on.workflow_call`);
  const where = `${WORKFLOW} on.workflow_call`;
  return {
    inputs: table(['Input', 'Default', 'Description'], rows(action.inputs, `${ACTION} inputs`), [
      (row) => code(row.name),
      defaultCell,
      (row) => row.description,
    ]),
    outputs: table(['Output', 'Description'], rows(action.outputs, `${ACTION} outputs`), [
      (row) => code(row.name),
      (row) => row.description,
    ]),
    'workflow-inputs': table(
      ['Input', 'Type', 'Default', 'Description'],
      [...rows(call.inputs, `${where}.inputs`), ...rows(call.secrets, `${where}.secrets`, 'secret')],
      [(row) => code(row.name), (row) => row.type ?? '', defaultCell, (row) => row.description],
    ),
    'workflow-outputs': table(['Output', 'Description'], rows(call.outputs, `${where}.outputs`), [
      (row) => code(row.name),
      (row) => row.description,
    ]),
  };
}

function defaultCell(row: Row): string {
  if (row.required) return 'required';
  return row.default === undefined || row.default === '' ? '' : code(row.default);
}

/** Inline code that survives backticks in the value (`${{ github.token }}` has none, but a default might). */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** One table cell: a YAML folded description may end in a newline, and a `|` would end the cell. */
export function cell(text: string): string {
  return text
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|');
}

function table(headers: string[], body: Row[], columns: ((row: Row) => string)[]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...body.map((row) => line(columns.map((c) => c(row))))].join(
    '\n',
  );
}

function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** Where a table's body lies in the README: between the end of its start marker and its end marker. */
function section(readme: string, name: string): { from: number; to: number } {
  const { start, end } = markers(name);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new ReadmeTablesError(`${README} has no "${start}" … "${end}" section for the ${name} table`);
  }
  if (readme.includes(start, from + 1) || readme.includes(end, to + 1)) {
    throw new ReadmeTablesError(`${README} has the ${name} markers more than once`);
  }
  return { from: from + start.length, to };
}

/** The README with every table put between its markers (unformatted: see formatMarkdown). */
export function withTables(readme: string, tables: Tables): string {
  let text = readme;
  for (const [name, markdown] of Object.entries(tables)) {
    const { from, to } = section(text, name);
    text = `${text.slice(0, from)}\n\n${markdown}\n\n${text.slice(to)}`;
  }
  return text;
}

/** The tables whose text differs between two READMEs: what a stale README needs regenerated. */
export function staleTables(current: string, wanted: string, names: string[]): string[] {
  const body = (readme: string, name: string) => {
    const { from, to } = section(readme, name);
    return readme.slice(from, to);
  };
  return names.filter((name) => body(current, name) !== body(wanted, name));
}

async function formatMarkdown(text: string, path: string): Promise<string> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(text, { ...options, filepath: path });
}

/** Rewrites README.md, or with `check` only compares; returns the exit status and what to tell the user. */
export async function run(check: boolean, root = repoRoot): Promise<{ status: number; message: string }> {
  const readmePath = join(root, README);
  const [readme, actionYaml, workflowYaml] = await Promise.all([
    readFile(readmePath, 'utf8'),
    readFile(join(root, ACTION), 'utf8'),
    readFile(join(root, WORKFLOW), 'utf8'),
  ]);
  const tables = tablesFrom(actionYaml, workflowYaml);
  const wanted = await formatMarkdown(withTables(readme, tables), readmePath);
  if (wanted === readme) return { status: 0, message: `${README}: the tables match ${ACTION} and ${WORKFLOW}.` };
  if (!check) {
    await writeFile(readmePath, wanted);
    return { status: 0, message: `${README}: tables rewritten from ${ACTION} and ${WORKFLOW}.` };
  }
  const stale = staleTables(readme, wanted, Object.keys(tables));
  const one = stale.length === 1;
  const what =
    stale.length === 0
      ? 'it is not formatted as Prettier formats it'
      : `the table${one ? '' : 's'} ${stale.join(', ')} ${one ? 'does' : 'do'} not match ${ACTION} and ${WORKFLOW}`;
  return { status: 1, message: `${README} is stale: ${what}. Run \`npm run docs\` and commit ${README}.` };
}

// Run as a script (`tsx scripts/readme-tables.ts [--check]`), not when a test imports it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { status, message } = await run(process.argv.includes('--check'));
    (status === 0 ? console.log : console.error)(message);
    process.exitCode = status;
  } catch (error) {
    // A README or YAML file the tables cannot be made from: the message says which and why; a stack would not.
    if (!(error instanceof ReadmeTablesError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
