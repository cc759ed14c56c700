import { parseList } from '../../../src/inputs/list.js';
import { parsePlatform } from '../../../src/platform.js';
import {
  DEFAULT_RUNNERS,
  parseRunners,
  planMatrix,
  RunnersError,
  type Runner,
  type RunnerMap,
} from '../../../src/inputs/runners.js';

const platforms = (...names: string[]) => names.map(parsePlatform);
const runnersOf = (map: RunnerMap) => ({ byPrefix: Object.fromEntries(map.byPrefix), default: map.default });

describe('parseRunners', () => {
  test.each<[string, string[], Record<string, Runner>, Runner | undefined]>([
    [
      'prefixes and a default',
      ['linux/arm64=ubuntu-24.04-arm', 'linux/arm=ubuntu-24.04-arm', 'default=ubuntu-24.04'],
      { 'linux/arm64': 'ubuntu-24.04-arm', 'linux/arm': 'ubuntu-24.04-arm' },
      'ubuntu-24.04',
    ],
    ['a full platform', ['linux/arm/v6=pi-zero'], { 'linux/arm/v6': 'pi-zero' }, undefined],
    ['aliases resolved', ['linux/aarch64=arm-box'], { 'linux/arm64': 'arm-box' }, undefined],
    ['baseline variant dropped', ['linux/arm64/v8=arm-box'], { 'linux/arm64': 'arm-box' }, undefined],
    ['a bare arm stays a prefix', ['linux/arm=arm-box'], { 'linux/arm': 'arm-box' }, undefined],
    ['case and spaces', ['  Linux/ARM64 = arm-box ', 'DEFAULT=x64-box'], { 'linux/arm64': 'arm-box' }, 'x64-box'],
    ['blank lines ignored', ['', 'default=x64-box', '  '], {}, 'x64-box'],
    ['labels keep what follows the first =', ['default=self-hosted=x'], {}, 'self-hosted=x'],
    // runs-on's other forms, as JSON values the matrix hands to runs-on unchanged.
    [
      'labels a runner must all have',
      ['linux/arm64=["self-hosted", "arm64"]', 'default=[ "self-hosted" ]'],
      { 'linux/arm64': ['self-hosted', 'arm64'] },
      ['self-hosted'],
    ],
    [
      'a runner group, with or without labels',
      ['linux/arm64={"group": "arm-runners", "labels": ["linux", "arm64"]}', 'default={"group":"x64-runners"}'],
      { 'linux/arm64': { group: 'arm-runners', labels: ['linux', 'arm64'] } },
      { group: 'x64-runners' },
    ],
    ['labels alone in the object form', ['default={"labels": "gpu"}'], {}, { labels: 'gpu' }],
    ['a label that only contains brackets', ['default=arm[64]'], {}, 'arm[64]'],
  ])('%s', (_name, lines, byPrefix, defaultRunner) => {
    expect(runnersOf(parseRunners(lines))).toEqual({ byPrefix, default: defaultRunner });
  });

  // Regression: read as CSV with quotes removed, ["a","b","c"] lost the middle label's quotes.
  test('JSON runners, spaced or not, come through the runners input whole (quotes kept)', () => {
    const input = 'linux/arm64=["self-hosted","linux","arm64"]\ndefault={"group": "g", "labels": ["a", "b", "c"]}';
    expect(runnersOf(parseRunners(parseList(input, { ignoreComma: true, keepQuotes: true })))).toEqual({
      byPrefix: { 'linux/arm64': ['self-hosted', 'linux', 'arm64'] },
      default: { group: 'g', labels: ['a', 'b', 'c'] },
    });
  });

  test('no entries means the defaults', () => {
    expect(parseRunners([])).toEqual(parseRunners(DEFAULT_RUNNERS));
    expect(parseRunners(['', ' '])).toEqual(parseRunners(DEFAULT_RUNNERS));
    expect(runnersOf(parseRunners([]))).toEqual({
      byPrefix: { 'linux/arm64': 'ubuntu-24.04-arm', 'linux/arm': 'ubuntu-24.04-arm' },
      default: 'ubuntu-24.04',
    });
  });

  test.each<[string[], string[]]>([
    [['ubuntu-24.04'], ['"ubuntu-24.04" has no "="', 'platform-prefix=runner-label', 'default=runner-label']],
    [['linux/arm64='], ['"linux/arm64=" has no runner label', 'platform-prefix=runner-label']],
    [['linux=box'], ['"linux=box"', '"linux" is not a platform prefix', 'os/arch or os/arch/variant']],
    [['linux/arm/v7/x=box'], ['"linux/arm/v7/x=box"', 'is not a platform prefix']],
    [['=box'], ['"=box"', '"" is not a platform prefix']],
    [['linux/sparc=box'], ['runner entry "linux/sparc=box"', 'unknown architecture "sparc"']],
    [['plan9/amd64=box'], ['runner entry "plan9/amd64=box"', 'unknown os "plan9"']],
    [['linux/arm64=a', 'linux/aarch64=b'], ['"linux/arm64=a" and "linux/aarch64=b" both name linux/arm64']],
    [['default=a', 'Default=b'], ['"default=a" and "Default=b" both name default']],
    [
      ['default=["self-hosted",linux,"arm64"]'],
      ['runner entry "default=["self-hosted",linux,"arm64"]": ["self-hosted",linux,"arm64"] is not JSON'],
    ],
    [['default=[]'], ['[] is not a runner', 'a JSON array of labels, e.g. ["self-hosted", "arm64"]']],
    [['default=["self-hosted", ""]'], ['is not a runner']],
    [['default=["self-hosted", 64]'], ['is not a runner']],
    [['default={}'], ['{} is not a runner', 'a runner group, e.g. {"group": "arm-runners"}']],
    [['default={"group": ""}'], ['is not a runner']],
    [['default={"group": "g", "label": "x"}'], ['is not a runner']],
    [['default={"labels": []}'], ['is not a runner']],
  ])('%j → an error naming the entry', (lines, messages) => {
    const parse = () => parseRunners(lines);
    expect(parse).toThrow(RunnersError);
    for (const message of messages) expect(parse).toThrow(message);
  });
});

describe('planMatrix', () => {
  const specific = parseRunners([
    'linux/arm/v7=armv7-box',
    'linux/arm=arm-box',
    'linux/arm64=arm64-box',
    'default=x64-box',
  ]);

  test.each<[string, RunnerMap, string[], [string, Runner][]]>([
    [
      'the defaults',
      parseRunners([]),
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/riscv64'],
      [
        ['linux/amd64', 'ubuntu-24.04'],
        ['linux/arm64', 'ubuntu-24.04-arm'],
        ['linux/arm/v7', 'ubuntu-24.04-arm'],
        ['linux/arm/v6', 'ubuntu-24.04-arm'],
        ['linux/riscv64', 'ubuntu-24.04'],
      ],
    ],
    [
      'the most specific prefix wins',
      specific,
      ['linux/arm/v7', 'linux/arm/v6', 'linux/arm64', 'linux/amd64'],
      [
        ['linux/arm/v7', 'armv7-box'],
        ['linux/arm/v6', 'arm-box'],
        ['linux/arm64', 'arm64-box'],
        ['linux/amd64', 'x64-box'],
      ],
    ],
    [
      'entry order does not matter',
      parseRunners(['default=x64-box', 'linux/arm=arm-box', 'linux/arm/v7=armv7-box']),
      ['linux/arm/v7', 'linux/arm/v6'],
      [
        ['linux/arm/v7', 'armv7-box'],
        ['linux/arm/v6', 'arm-box'],
      ],
    ],
    [
      'os/arch matches every variant',
      parseRunners(['linux/amd64=x64-box']),
      ['linux/amd64', 'linux/amd64/v3'],
      [
        ['linux/amd64', 'x64-box'],
        ['linux/amd64/v3', 'x64-box'],
      ],
    ],
    ['a bare linux/arm platform is arm/v7', specific, ['linux/arm'], [['linux/arm/v7', 'armv7-box']]],
    [
      'platforms keep their order',
      specific,
      ['linux/amd64', 'linux/arm64'],
      [
        ['linux/amd64', 'x64-box'],
        ['linux/arm64', 'arm64-box'],
      ],
    ],
    ['no platforms', specific, [], []],
    [
      'JSON runners',
      parseRunners(['linux/arm64=["self-hosted", "arm64"]', 'default={"group": "x64"}']),
      ['linux/arm64', 'linux/amd64'],
      [
        ['linux/arm64', ['self-hosted', 'arm64']],
        ['linux/amd64', { group: 'x64' }],
      ],
    ],
  ])('%s', (_name, runners, names, expected) => {
    expect(planMatrix(platforms(...names), runners)).toEqual({
      include: expected.map(([platform, runner]) => ({ platform, runner })),
    });
  });

  test('a full-platform prefix does not match other variants', () => {
    const runners = parseRunners(['linux/arm/v6=pi-zero']);
    expect(() => planMatrix(platforms('linux/arm/v7'), runners)).toThrow('no runner for linux/arm/v7');
  });

  test('platforms without a match and without a default are all named', () => {
    const plan = () =>
      planMatrix(platforms('linux/amd64', 'linux/arm64', 'linux/s390x'), parseRunners(['linux/arm64=a']));
    expect(plan).toThrow(RunnersError);
    expect(plan).toThrow('no runner for linux/amd64, linux/s390x');
    expect(plan).toThrow('linux/amd64=runner-label, or default=runner-label, to "runners"');
  });
});
