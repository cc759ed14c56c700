// The one table the benchmark prints: a row per measurement, every cell already formatted (format.ts writes the
// numbers).
import { durationNumber, durationUnit, formatDuration, formatRatio } from './format.js';
import type { Summary } from './stats.js';

export interface Row {
  section: string;
  measurement: string;
  runs: string;
  median: string;
  range: string;
  /** A count, a ratio's meaning, a size: whatever the row reports besides time. */
  result: string;
  /** The target and whether this run met it; '' when the row has none. */
  target: string;
}

const HEADER = ['Section', 'Measurement', 'Runs', 'Median', 'Min–max', 'Result', 'Target'];

export function renderTable(rows: readonly Row[]): string {
  const lines = [HEADER, HEADER.map(() => '---')].map(markdownLine);
  for (const row of rows) {
    lines.push(markdownLine([row.section, row.measurement, row.runs, row.median, row.range, row.result, row.target]));
  }
  return lines.join('\n');
}

function markdownLine(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
}

/** A row of timings in milliseconds, shown in ms or s depending on the median's size. */
export function durationRow(section: string, measurement: string, summary: Summary, extra: Partial<Row> = {}): Row {
  const unit = durationUnit(summary.median);
  return {
    section,
    measurement,
    runs: String(summary.runs),
    median: formatDuration(summary.median, unit),
    range: `${durationNumber(summary.min, unit)}–${durationNumber(summary.max, unit)} ${unit}`,
    result: '',
    target: '',
    ...extra,
  };
}

/** A row of paired ratios (dimensionless). */
export function ratioRow(section: string, measurement: string, summary: Summary, extra: Partial<Row> = {}): Row {
  return {
    section,
    measurement,
    runs: String(summary.runs),
    median: `${formatRatio(summary.median)}×`,
    range: `${formatRatio(summary.min)}–${formatRatio(summary.max)}×`,
    result: '',
    target: '',
    ...extra,
  };
}

/** A row with no timing, only a result (a size, a count). */
export function resultRow(section: string, measurement: string, result: string, target = ''): Row {
  return { section, measurement, runs: '', median: '', range: '', result, target };
}

/** "met" or a loud "MISSED", with the target itself: a missed target is a finding, not a failure of the run. */
export function targetCell(value: number, limit: number, describeLimit: string): string {
  return value <= limit ? `≤ ${describeLimit}: met` : `≤ ${describeLimit}: **MISSED**`;
}
