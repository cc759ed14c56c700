// A server's text on its way to the log: one line, where the runner reads no workflow command.
import { oneLine } from '../../src/one-line.js';

describe('oneLine', () => {
  it.each([
    ['line breaks of every kind', 'a\nb\r\nc\rd\u2028e\u2029f\u0085g', 'a b c d e f g'],
    ['other control characters, and runs of them', 'a\u0000\u001b[31m\t\u007fb', 'a [31m b'],
    ['a leading workflow command', '::add-mask::secret', ': :add-mask::secret'],
    ['one behind blank lines', '\n \n::warning::forged', ': :warning::forged'],
    ['text without either, as it is', 'answered 403 DENIED: no', 'answered 403 DENIED: no'],
  ])('%s', (_, text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });
});
