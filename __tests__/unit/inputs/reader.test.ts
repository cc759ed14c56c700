import { Input } from '../../../src/constants.js';
import { InputReader } from '../../../src/inputs/reader.js';

/** A reader over these raw values (every other input empty). */
function readerOf(values: Partial<Record<Input, string>>): InputReader {
  return new InputReader((name) => values[name] ?? '');
}

describe('InputReader', () => {
  test.each<[string, Partial<Record<Input, string>>, (reader: InputReader) => unknown, unknown, string[]]>([
    ['text is trimmed', { [Input.File]: '  Dockerfile \n' }, (r) => r.text(Input.File), 'Dockerfile', []],
    ['boolean in any case', { [Input.Push]: 'TRUE' }, (r) => r.boolean(Input.Push), true, []],
    [
      'a boolean that is neither quotes the value as given',
      { [Input.Push]: ' yes ' },
      (r) => r.boolean(Input.Push),
      false,
      ['"push" is " yes " (expected true or false)'],
    ],
    [
      'oneOf keeps an allowed value',
      { [Input.Qemu]: 'false' },
      (r) => r.oneOf(Input.Qemu, ['auto', 'false']),
      'false',
      [],
    ],
    [
      'oneOf names the allowed values and falls back to the first',
      { [Input.Qemu]: 'sometimes' },
      (r) => r.oneOf(Input.Qemu, ['auto', 'true', 'false']),
      'auto',
      ['"qemu" is "sometimes" (expected one of: auto, true, false)'],
    ],
    [
      'notFlag refuses a leading dash and says what was expected',
      { [Input.Target]: '--push' },
      (r) => r.notFlag(Input.Target, 'the name of a build stage'),
      '--push',
      ['"target" is "--push", which would be read as a flag (expected the name of a build stage, not starting with -)'],
    ],
    [
      'list: an unclosed quote is a problem that quotes nothing of the value',
      { [Input.Secrets]: '"id=s3cret' },
      (r) => r.list(Input.Secrets),
      [],
      ['"secrets" has a quote that is not closed (expected one item per line, "quoted" where needed)'],
    ],
    [
      'keyValues: each item without = is named',
      { [Input.Labels]: 'a=1\nbroken\nb=2' },
      (r) => r.keyValues(Input.Labels),
      ['a=1', 'broken', 'b=2'],
      ['"labels" has "broken" (expected key=value)'],
    ],
    [
      'matching checks each item against its form',
      { [Input.AddHosts]: 'docker:10.0.0.1,nohost' },
      (r) => r.matching(Input.AddHosts, {}, /^[^\s:=]+[:=]\S+$/, 'host:ip'),
      ['docker:10.0.0.1', 'nohost'],
      ['"add-hosts" has "nohost" (expected host:ip)'],
    ],
  ])('%s', (_name, values, read, value, problems) => {
    const reader = readerOf(values);
    expect(read(reader)).toEqual(value);
    expect(reader.problems).toEqual(problems);
  });

  test('collects the problems of every input it reads, in order, instead of stopping at the first', () => {
    const reader = readerOf({ [Input.Push]: 'maybe', [Input.Cleanup]: 'perhaps', [Input.Load]: 'false' });
    reader.boolean(Input.Push);
    reader.boolean(Input.Cleanup);
    reader.boolean(Input.Load);
    expect(reader.problems).toEqual([
      '"push" is "maybe" (expected true or false)',
      '"cleanup" is "perhaps" (expected true or false)',
    ]);
  });
});
