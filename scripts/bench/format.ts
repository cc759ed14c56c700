// How the benchmark writes numbers, in the table and in its progress log alike. It imports nothing of the
// benchmark's own: stats.ts (its log) and table.ts (its cells) both build on it.

export type DurationUnit = 's' | 'ms';

/** Seconds from one second on, milliseconds below. */
export function durationUnit(ms: number): DurationUnit {
  return ms >= 1000 ? 's' : 'ms';
}

/** The number alone, in `unit`: a range shows its unit once. */
export function durationNumber(ms: number, unit: DurationUnit): string {
  return unit === 's' ? (ms / 1000).toFixed(2) : ms.toFixed(0);
}

export function formatDuration(ms: number, unit: DurationUnit = durationUnit(ms)): string {
  return `${durationNumber(ms, unit)} ${unit}`;
}

export function formatRatio(ratio: number): string {
  return ratio.toFixed(2);
}

/** Decimal megabytes, as the targets are written (1.5 MB = 1 500 000 bytes). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/** Megabytes for reading, exact bytes for comparing runs. */
export function formatBytes(bytes: number): string {
  return `${formatMegabytes(bytes)} (${bytes.toLocaleString('en-US')} B)`;
}

/** "1 run", "5 runs". */
export function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}
