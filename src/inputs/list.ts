// List inputs as docker/build-push-action reads them (docker/actions-toolkit's Util.getInputList). Pure.
import { parse as parseCsv } from 'csv-parse/sync';

/** How one list input is read: docker/actions-toolkit's Util.getInputList options, as build-push-action sets them. */
export interface ListOptions {
  /** A line is one item even when it holds commas (build args, labels, cache specs). */
  ignoreComma?: boolean;
  /** Quotes are not CSV syntax but part of the item, for buildx to read (outputs, driver-opts). */
  keepQuotes?: boolean;
  /** false: items keep their leading and trailing whitespace and newlines (secrets). */
  trimWhitespace?: boolean;
}

/**
 * A list input as docker/build-push-action reads it: CSV records, one or more per line, a "quoted" field holding
 * commas and newlines. A record of one field is split on its commas unless `ignoreComma`; a record of several
 * fields gives each field, or, with `ignoreComma`, the fields joined again with commas. Empty items are dropped.
 */
export function parseList(value: string, options: ListOptions = {}): string[] {
  if (value.trim() === '') return [];
  const records: string[][] = parseCsv(value, {
    columns: false,
    relaxQuotes: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
    ...(options.keepQuotes ? { quote: false } : {}),
  });
  const items = records.flatMap((record): string[] => {
    if (record.length === 1) return options.ignoreComma ? record : (record[0] ?? '').split(',');
    return options.ignoreComma ? [record.join(',')] : record;
  });
  if (options.trimWhitespace === false) return items.filter((item) => item.trim() !== '');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
