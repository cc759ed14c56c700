// Section 4: what every job pays before the action does anything: starting the bundle. Measured as a post step
// with nothing to do (only the marker main sets first, no run state: post says so and exits), against an empty
// `node -e ''` as the floor no bundle can go under; and the size of each file of the bundle.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StateKey } from '../../../src/constants.js';
import { stateToEnv } from '../../local-runner.js';
import type { BenchContext } from '../context.js';
import { runCommand } from '../process.js';
import { interleave, measure, summarize } from '../stats.js';
import {
  durationRow,
  formatBytes,
  formatDuration,
  formatMegabytes,
  resultRow,
  targetCell,
  type Row,
} from '../table.js';

const SECTION = '4. Cold start';
const SIZE_SECTION = '4. Bundle size';
const ENTRY = 'index.js';
const COLD_START_TARGET_MS = 150;
const ENTRY_SIZE_TARGET_BYTES = 1_500_000;
/** What post prints when main left no run state. */
const NOTHING_TO_DO = 'nothing to publish or clean up';

export async function benchColdStart(bench: BenchContext): Promise<Row[]> {
  const distDir = join(bench.actionDir, 'dist');
  // Only what node needs to find itself: nothing of this shell's or npm's environment changes the timing.
  const env = { PATH: process.env.PATH ?? '', ...stateToEnv({ [StateKey.IsPost]: 'true' }) };
  const variants = {
    bundle: async (): Promise<number> => {
      const { value, ms } = await measure(() => runCommand(process.execPath, [join(distDir, ENTRY)], { env }));
      if (!value.stdout.includes(NOTHING_TO_DO)) {
        throw new Error(`post with no run state did not say it had nothing to do; it printed:\n${value.stdout}`);
      }
      return ms;
    },
    floor: async (): Promise<number> => (await measure(() => runCommand(process.execPath, ['-e', ''], { env }))).ms,
  };

  bench.log(`${SECTION}: interleaved timed runs of each: ${String(bench.coldStartRuns)}`);
  const samples = await interleave(bench.coldStartRuns, variants, bench.log);
  const bundle = summarize(samples.bundle);
  const floor = summarize(samples.floor);
  return [
    durationRow(SECTION, `\`node dist/${ENTRY}\` as post, nothing to do`, bundle, {
      result: `${formatDuration(bundle.median - floor.median)} over the floor`,
      target: targetCell(bundle.median, COLD_START_TARGET_MS, formatDuration(COLD_START_TARGET_MS)),
    }),
    durationRow(SECTION, "`node -e ''` (floor)", floor),
    ...bundleSizeRows(distDir),
  ];
}

/** The entry's size against its target, then every other chunk (each loads only when a run needs it). */
function bundleSizeRows(distDir: string): Row[] {
  const size = (file: string): number => statSync(join(distDir, file)).size;
  const chunks = readdirSync(distDir)
    .filter((file) => file.endsWith('.js') && file !== ENTRY)
    .sort();
  const entrySize = size(ENTRY);
  const entryRow = resultRow(
    SIZE_SECTION,
    `dist/${ENTRY}`,
    formatBytes(entrySize),
    targetCell(entrySize, ENTRY_SIZE_TARGET_BYTES, formatMegabytes(ENTRY_SIZE_TARGET_BYTES)),
  );
  if (chunks.length === 0) return [entryRow, resultRow(SIZE_SECTION, 'other dist/*.js chunks', 'none')];
  return [entryRow, ...chunks.map((chunk) => resultRow(SIZE_SECTION, `dist/${chunk}`, formatBytes(size(chunk))))];
}
