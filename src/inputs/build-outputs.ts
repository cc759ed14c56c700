// The `outputs` input: buildx --output specs as docker/build-push-action takes them. Without push they go to buildx
// as written (a local test build); with push the action owns the export (by digest, to the repositories of `tags`),
// so an entry there may only add exporter options, such as compression=zstd, to that push. Pure.
import { parse as parseCsv } from 'csv-parse/sync';
import { canonicalRepository, parseReference, type ImageReference } from '../reference.js';

/** Options of the image exporter that the action sets itself when it pushes: given values must agree with it. */
const PUSH_OWNED_OPTIONS = new Set(['type', 'name', 'push', 'push-by-digest', 'name-canonical']);
const PUSH_TYPES = new Set(['image', 'registry']);

/** One `--output` entry as buildx reads it: CSV fields of key=value; a lone path is `type=local,dest=<path>`. */
interface OutputEntry {
  type: string;
  /** Every field but `type`, in order. */
  options: { key: string; value: string }[];
}

/** The type of an `outputs` entry already accepted as input (a lone path is a local export). */
export function outputType(entry: string): string {
  return parseOutputEntry(entry).type;
}

/** Parses an entry like buildx; throws an Error saying what is wrong, without quoting the entry. */
function parseOutputEntry(entry: string): OutputEntry {
  let fields: string[];
  try {
    const records: string[][] = parseCsv(entry, { columns: false, relaxColumnCount: true });
    fields = records.flat();
  } catch {
    throw new Error('is not one CSV record (expected type=…,key=value, with "quotes" around a value that has commas)');
  }
  const [first] = fields;
  if (fields.length === 1 && first !== undefined && !first.includes('=')) {
    return { type: 'local', options: [{ key: 'dest', value: first }] };
  }
  let type = '';
  const options: OutputEntry['options'] = [];
  for (const field of fields) {
    const equals = field.indexOf('=');
    if (equals <= 0) throw new Error(`has the field "${field}" (expected key=value)`);
    const key = field.slice(0, equals).trim().toLowerCase();
    const value = field.slice(equals + 1);
    if (key === 'type') type = value.trim();
    else options.push({ key, value });
  }
  if (type === '') throw new Error('has no type= (expected type=image, type=local, …)');
  return { type, options };
}

/**
 * What is wrong with `outputs` given `push` and the final tags, each naming the input. With push: at most one
 * entry, of type image or registry, not turning the push off, naming no image outside `tags`, and adding no index
 * annotation (the published index may be one this action assembles: `annotations: index:…` reach it). Without push:
 * nothing that pushes, since only this action's push is followed by an index and a publish.
 */
export function outputsProblems(outputs: string[], push: boolean, tags: ImageReference[]): string[] {
  const problems: string[] = [];
  const entries: OutputEntry[] = [];
  outputs.forEach((text, index) => {
    try {
      entries.push(parseOutputEntry(text));
    } catch (error) {
      problems.push(`"outputs" entry ${index + 1} ${(error as Error).message}`);
    }
  });
  if (!push) {
    for (const entry of entries) {
      const pushes =
        entry.type === 'registry' || entry.options.some(({ key, value }) => key === 'push' && isTrue(value));
      if (pushes) {
        problems.push(
          `"outputs" has a type=${entry.type} entry that pushes, but "push" is false (expected push: true: this ` +
            'action then pushes by digest and publishes the index itself)',
        );
      }
    }
    return problems;
  }
  if (outputs.length > 1) {
    problems.push(
      `"outputs" has ${outputs.length} entries, but "push" is true, which is the one output (expected one ` +
        'type=image entry adding options to the push, such as type=image,compression=zstd)',
    );
  }
  const tagRepositories = new Set(tags.map(canonicalRepository));
  for (const entry of entries) {
    if (!PUSH_TYPES.has(entry.type)) {
      problems.push(
        `"outputs" has type=${entry.type}, but "push" is true and this action pushes the image itself (expected ` +
          'type=image with exporter options such as compression=zstd; for a local export, set push: false)',
      );
      continue;
    }
    for (const { key, value } of entry.options) {
      if (key === 'push' && !isTrue(value)) {
        problems.push(`"outputs" has push=${value}, but "push" is true (expected push: false to build only)`);
      } else if (key === 'name') {
        for (const name of value.split(',').map((item) => item.trim())) {
          if (!namesATagRepository(name, tagRepositories)) {
            problems.push(
              `"outputs" has name=${name}, which is not a repository of "tags" (expected the images in "tags": ` +
                'the action pushes to their repositories)',
            );
          }
        }
      } else if (key.startsWith('annotation-index')) {
        problems.push(
          `"outputs" has ${key} (expected "annotations: index:<key>=<value>": this action writes index ` +
            'annotations into the index it publishes)',
        );
      }
    }
  }
  return problems;
}

/** The options of the `outputs` entry that the push adds to its own (`compression=zstd`, …), as `key=value` fields. */
export function imageOutputOptions(outputs: string[]): string[] {
  return outputs
    .map(parseOutputEntry)
    .filter((entry) => PUSH_TYPES.has(entry.type))
    .flatMap((entry) => entry.options.filter(({ key }) => !PUSH_OWNED_OPTIONS.has(key)))
    .map(({ key, value }) => `${key}=${value}`);
}

function namesATagRepository(name: string, tagRepositories: Set<string>): boolean {
  try {
    return tagRepositories.has(canonicalRepository(parseReference(name)));
  } catch {
    return false;
  }
}

/** A boolean exporter option as BuildKit reads it (strconv.ParseBool). */
function isTrue(value: string): boolean {
  return ['1', 't', 'true'].includes(value.trim().toLowerCase());
}
