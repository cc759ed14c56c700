// Section 4: what every job pays before the action does anything: starting the bundle. The entry imports both steps'
// code, so either step loads the same: measured as a post step with nothing to do (only the marker main sets first,
// no run state: post says so and exits) and as a main step that fails on its inputs before running any command,
// against an empty `node -e ''` as the floor no bundle can go under; and the size of each file of the bundle.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StateKey } from '../../../src/constants.js';
import { stateToEnv } from '../../local-runner.js';
import type { BenchContext } from '../context.js';
import { formatBytes, formatDuration, formatMegabytes } from '../format.js';
import { runCommand } from '../process.js';
import { interleave, measure, summarize, type Summary } from '../stats.js';
import { durationRow, resultRow, targetCell, type Row } from '../table.js';

const SECTION = '4. Cold start';
const SIZE_SECTION = '4. Bundle size';
const ENTRY = 'index.js';
/** Post with nothing to do, at the median. */
const POST_TARGET_MS = 250;
/** The entry's size: every step loads it (the chunks only some runs need are apart). */
const ENTRY_SIZE_TARGET_BYTES = 1_500_000;
/** What post prints when main left no run state. */
const NOTHING_TO_DO = 'nothing to publish or clean up';
/** What main prints when no input but the mode is set. */
const MAIN_INPUT_ERROR = '::error::Invalid inputs';

export async function benchColdStart(bench: BenchContext): Promise<Row[]> {
  const distDir = join(bench.actionDir, 'dist');
  // Only what node needs to find itself: nothing of this shell's or npm's environment changes the timing.
  const baseEnv = { PATH: process.env.PATH ?? '' };
  const runEntry = async (env: Record<string, string>, exitCode: number, expected: string): Promise<number> => {
    const { value, ms } = await measure(() =>
      runCommand(bench.nodePath, [join(distDir, ENTRY)], { env: { ...baseEnv, ...env }, exitCode }),
    );
    if (!value.stdout.includes(expected)) {
      throw new Error(`dist/${ENTRY} did not print "${expected}"; it printed:\n${value.stdout}${value.stderr}`);
    }
    return ms;
  };
  const variants = {
    post: () => runEntry(stateToEnv({ [StateKey.IsPost]: 'true' }), 0, NOTHING_TO_DO),
    // Main with no input but `mode: plan`: it reads the inputs and fails on them before running any command, so it
    // measures the entry's load (the same code as post's) and main's input check. No target: post's covers the load.
    main: () => runEntry({ INPUT_MODE: 'plan' }, 1, MAIN_INPUT_ERROR),
    floor: async (): Promise<number> =>
      (await measure(() => runCommand(bench.nodePath, ['-e', ''], { env: baseEnv }))).ms,
  };

  bench.log(`${SECTION}: interleaved timed runs of each: ${String(bench.coldStartRuns)}`);
  const samples = await interleave(bench.coldStartRuns, variants, bench.log);
  const post = summarize(samples.post);
  const main = summarize(samples.main);
  const floor = summarize(samples.floor);
  const overFloor = (summary: Summary): string => `${formatDuration(summary.median - floor.median)} over the floor`;
  return [
    durationRow(SECTION, `\`node dist/${ENTRY}\` as post, nothing to do`, post, {
      result: overFloor(post),
      target: targetCell(post.median, POST_TARGET_MS, formatDuration(POST_TARGET_MS)),
    }),
    durationRow(
      SECTION,
      `\`node dist/${ENTRY}\` as main, \`mode: plan\` and no other input (fails on its inputs)`,
      main,
      {
        result: overFloor(main),
      },
    ),
    durationRow(SECTION, "`node -e ''` (floor)", floor),
    ...bundleSizeRows(distDir),
  ];
}

/** The entry's size against its target (every step loads it), then every other chunk (each loads on demand). */
function bundleSizeRows(distDir: string): Row[] {
  const size = (file: string): number => statSync(join(distDir, file)).size;
  const chunks = readdirSync(distDir)
    .filter((file) => file.endsWith('.js') && file !== ENTRY)
    .sort();
  const entrySize = size(ENTRY);
  const entryRow = resultRow(
    SIZE_SECTION,
    `dist/${ENTRY} (what every step loads)`,
    formatBytes(entrySize),
    targetCell(entrySize, ENTRY_SIZE_TARGET_BYTES, formatMegabytes(ENTRY_SIZE_TARGET_BYTES)),
  );
  const total = entrySize + chunks.reduce((sum, chunk) => sum + size(chunk), 0);
  return [
    entryRow,
    ...chunks.map((chunk) => resultRow(SIZE_SECTION, `dist/${chunk}`, formatBytes(size(chunk)))),
    resultRow(
      SIZE_SECTION,
      'all of dist/*.js (the entry, and the chunks a run loads only when it needs them)',
      `${formatBytes(total)}; Docker's three actions ship about 5.7 MB`,
    ),
  ];
}
