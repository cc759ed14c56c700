// Reads one input at a time in the form it expects, collecting a problem for each that is not in that form (naming
// the input and the form) instead of stopping at the first, so the user sees every problem at once. Pure: the
// runner's values come in through a function.
import type { Input } from '../constants.js';
import { parseList, type ListOptions } from './list.js';

export type InputValues = (name: Input) => string;

export class InputReader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];

  /** `read` gives each value as the runner passed it, untrimmed: secrets keep their whitespace. */
  constructor(readonly read: InputValues) {}

  text(name: Input): string {
    return this.read(name).trim();
  }

  list(name: Input, options: ListOptions = {}): string[] {
    try {
      return parseList(this.read(name), options);
    } catch {
      // csv-parse's message may quote the text, and a secret's text must never reach a log.
      this.problems.push(
        `"${name}" has a quote that is not closed (expected one item per line, "quoted" where needed)`,
      );
      return [];
    }
  }

  oneOf<T extends string>(name: Input, allowed: readonly [T, ...T[]]): T {
    const value = this.text(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`"${name}" is "${value}" (expected one of: ${allowed.join(', ')})`);
    return allowed[0];
  }

  boolean(name: Input): boolean {
    const value = this.text(name).toLowerCase();
    if (value === 'true' || value === 'false') return value === 'true';
    this.problems.push(`"${name}" is "${this.read(name)}" (expected true or false)`);
    return false;
  }

  /** A value that lands in argv where a leading `-` would make it a flag of buildx or docker. */
  notFlag(name: Input, expected: string): string {
    const value = this.text(name);
    if (value.startsWith('-')) {
      this.problems.push(
        `"${name}" is "${value}", which would be read as a flag (expected ${expected}, not starting with -)`,
      );
    }
    return value;
  }

  /** Items of a list input, each checked against `form` (a problem quotes the item and says `expected`). */
  matching(name: Input, options: ListOptions, form: RegExp, expected: string): string[] {
    const items = this.list(name, options);
    for (const item of items) {
      if (!form.test(item)) this.problems.push(`"${name}" has "${item}" (expected ${expected})`);
    }
    return items;
  }

  keyValues(name: Input): string[] {
    return this.matching(name, { ignoreComma: true }, /^[^=\s]+=/, 'key=value');
  }
}
