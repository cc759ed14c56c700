// `npm run docs` rewrites the generated tables that describe the action's interface (in README.md, from action.yml)
// and the reusable workflow's (in docs/reusable-workflow.md, from .github/workflows/multiarch.yml), so the docs cannot
// drift from what GitHub reads. `npm run docs:check` rewrites nothing and fails, naming each stale file and its stale
// tables, when a file differs from what `npm run docs` would write. Each table sits between `<!-- NAME:start -->` and
// `<!-- NAME:end -->` in the file it names; the text outside the markers is left alone. The result goes through
// Prettier, so `npm run format:check` agrees with it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { parse as parseYaml } from 'yaml';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const README = 'README.md';
const WORKFLOW_DOC = 'docs/reusable-workflow.md';
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

/** A generated table: the file it lives in, the file it is made from, and its markdown. */
export interface Table {
  file: string;
  source: string;
  markdown: string;
}

/** The generated tables by marker name. */
export type Tables = Record<string, Table>;

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
  const inReadme = (markdown: string): Table => ({ file: README, source: ACTION, markdown });
  const inWorkflowDoc = (markdown: string): Table => ({ file: WORKFLOW_DOC, source: WORKFLOW, markdown });
  return {
    inputs: inReadme(
      table(['Input', 'Default', 'Description'], rows(action.inputs, `${ACTION} inputs`), [
        (row) => code(row.name),
        defaultCell,
        (row) => row.description,
      ]),
    ),
    outputs: inReadme(
      table(['Output', 'Description'], rows(action.outputs, `${ACTION} outputs`), [
        (row) => code(row.name),
        (row) => row.description,
      ]),
    ),
    'workflow-inputs': inWorkflowDoc(
      table(
        ['Input', 'Type', 'Default', 'Description'],
        [...rows(call.inputs, `${where}.inputs`), ...rows(call.secrets, `${where}.secrets`, 'secret')],
        [(row) => code(row.name), (row) => row.type ?? '', defaultCell, (row) => row.description],
      ),
    ),
    'workflow-outputs': inWorkflowDoc(
      table(['Output', 'Description'], rows(call.outputs, `${where}.outputs`), [
        (row) => code(row.name),
        (row) => row.description,
      ]),
    ),
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

/** The tables that live in `file`, by marker name. */
function tablesIn(tables: Tables, file: string): [string, Table][] {
  return Object.entries(tables).filter(([, table]) => table.file === file);
}

/** Where a table's body lies in `file`'s text: between the end of its start marker and its end marker. */
function section(text: string, file: string, name: string): { from: number; to: number } {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new ReadmeTablesError(`${file} has no "${start}" … "${end}" section for the ${name} table`);
  }
  if (text.includes(start, from + 1) || text.includes(end, to + 1)) {
    throw new ReadmeTablesError(`${file} has the ${name} markers more than once`);
  }
  return { from: from + start.length, to };
}

/** `file`'s text with each of its tables put between its markers (unformatted: see formatMarkdown). */
export function withTables(text: string, file: string, tables: Tables): string {
  let result = text;
  for (const [name, table] of Object.entries(tables)) {
    if (table.file !== file) {
      // A copy left where the table used to live would go stale with no check noticing.
      const { start, end } = markers(name);
      if (text.includes(start) || text.includes(end)) {
        throw new ReadmeTablesError(`${file} has the ${name} markers, but that table lives in ${table.file}`);
      }
      continue;
    }
    const { from, to } = section(result, file, name);
    result = `${result.slice(0, from)}\n\n${table.markdown}\n\n${result.slice(to)}`;
  }
  return result;
}

/** `file`'s tables whose text differs between two versions of it: what a stale file needs regenerated. */
export function staleTables(current: string, wanted: string, file: string, tables: Tables): [string, Table][] {
  const body = (text: string, name: string) => {
    const { from, to } = section(text, file, name);
    return text.slice(from, to);
  };
  return tablesIn(tables, file).filter(([name]) => body(current, name) !== body(wanted, name));
}

async function formatMarkdown(text: string, path: string): Promise<string> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(text, { ...options, filepath: path });
}

/** Why `file` is stale, naming its stale tables and what they are made from. */
function staleness(file: string, current: string, wanted: string, tables: Tables): string {
  const stale = staleTables(current, wanted, file, tables);
  if (stale.length === 0) return `${file} is stale: it is not formatted as Prettier formats it.`;
  const names = stale.map(([name]) => name).join(', ');
  const sources = [...new Set(stale.map(([, table]) => table.source))].join(' and ');
  const one = stale.length === 1;
  return `${file} is stale: the table${one ? '' : 's'} ${names} ${one ? 'does' : 'do'} not match ${sources}.`;
}

/** Rewrites the stale files, or with `check` only compares; returns the exit status and what to tell the user. */
export async function run(check: boolean, root = repoRoot): Promise<{ status: number; message: string }> {
  const [actionYaml, workflowYaml] = await Promise.all([
    readFile(join(root, ACTION), 'utf8'),
    readFile(join(root, WORKFLOW), 'utf8'),
  ]);
  const tables = tablesFrom(actionYaml, workflowYaml);
  const files = [...new Set(Object.values(tables).map((t) => t.file))];
  // Every file is read and its tables placed before any is written, so a file missing its markers changes none.
  const docs = await Promise.all(
    files.map(async (file) => {
      const path = join(root, file);
      const current = await readFile(path, 'utf8');
      return { file, path, current, wanted: await formatMarkdown(withTables(current, file, tables), path) };
    }),
  );
  const stale = docs.filter((doc) => doc.wanted !== doc.current);
  const sources = `${ACTION} and ${WORKFLOW}`;
  if (stale.length === 0) return { status: 0, message: `${files.join(' and ')}: the tables match ${sources}.` };
  const staleFiles = stale.map((doc) => doc.file).join(' and ');
  if (!check) {
    await Promise.all(stale.map((doc) => writeFile(doc.path, doc.wanted)));
    return { status: 0, message: `${staleFiles}: tables rewritten from ${sources}.` };
  }
  const why = stale.map((doc) => staleness(doc.file, doc.current, doc.wanted, tables));
  return { status: 1, message: `${why.join(' ')} Run \`npm run docs\` and commit ${staleFiles}.` };
}

// Run as a script (`tsx scripts/readme-tables.ts [--check]`), not when a test imports it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { status, message } = await run(process.argv.includes('--check'));
    (status === 0 ? console.log : console.error)(message);
    process.exitCode = status;
  } catch (error) {
    // A docs or YAML file the tables cannot be made from: the message says which and why; a stack would not.
    if (!(error instanceof ReadmeTablesError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
