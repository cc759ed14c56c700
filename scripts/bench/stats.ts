// Repeated measurements and what the table shows of them: median and range, and ratios taken pair by pair.
import { formatDuration } from './format.js';

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

/** What `work` returned, and how many milliseconds it took. */
export async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Milliseconds that `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  return (await measure(work)).ms;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  const lower = sorted[sorted.length % 2 === 0 ? middle - 1 : middle] ?? upper;
  return { runs: sorted.length, median: (lower + upper) / 2, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

/** combine(a[i], b[i]): each result compares two runs made back to back, so slow drift cancels out. */
function paired(a: readonly number[], b: readonly number[], combine: (x: number, y: number) => number): number[] {
  if (a.length !== b.length) throw new Error('paired samples must have the same length');
  return a.map((value, index) => combine(value, b[index] ?? Number.NaN));
}

/** numerator[i] / denominator[i], run by run. */
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): number[] {
  return paired(numerators, denominators, (x, y) => x / y);
}

/** minuend[i] − subtrahend[i], run by run. */
export function pairedDifferences(minuends: readonly number[], subtrahends: readonly number[]): number[] {
  return paired(minuends, subtrahends, (x, y) => x - y);
}

/** One measurement of a variant: it prepares, times only the work being compared, and checks the outcome. */
export type Variant = (label: string) => Promise<number>;

/**
 * Runs every variant once per round, `rounds` times. Variants alternate within a round, and every other round runs
 * them in reverse order, so that drift in the machine's load and any advantage of going first or second hit all
 * variants alike. Returns the samples by variant name; `log` hears of each one.
 */
export async function interleave<Name extends string>(
  rounds: number,
  variants: Record<Name, Variant>,
  log: (message: string) => void,
): Promise<Record<Name, number[]>> {
  const names = Object.keys(variants) as Name[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? names : [...names].reverse();
    for (const name of order) {
      const ms = await variants[name](`run${String(round)}`);
      samples[name].push(ms);
      log(`  ${name}, run ${String(round)}/${String(rounds)}: ${formatDuration(ms)}`);
    }
  }
  return samples;
}
