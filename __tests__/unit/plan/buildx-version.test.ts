import type { BuildOptions } from '../../../src/inputs/inputs.js';
import { buildxAtLeast, unsupportedInput } from '../../../src/plan/buildx-version.js';
import { defaultInputs } from '../support/fixtures.js';

describe('unsupportedInput: the flags older buildx releases do not know', () => {
  test.each<[string, string, Partial<BuildOptions>, string | undefined]>([
    [
      'annotations on 0.11.2',
      '0.11.2',
      { annotations: ['a=b'] },
      '"annotations" needs buildx 0.12.0 or later; this runner has buildx 0.11.2.',
    ],
    ['annotations on 0.12.0', '0.12.0', { annotations: ['a=b'] }, undefined],
    ['annotations on 0.13.1', '0.13.1', { annotations: ['a=b'] }, undefined],
    ['annotations on 0.29.1', '0.29.1', { annotations: ['a=b'] }, undefined],
    [
      'provenance on 0.9.1',
      '0.9.1',
      { provenance: 'mode=max' },
      '"provenance" needs buildx 0.10.0 or later; this runner has buildx 0.9.1.',
    ],
    ['sbom on 0.9.1', '0.9.1', { sbom: 'true' }, '"sbom" needs buildx 0.10.0 or later; this runner has buildx 0.9.1.'],
    ['provenance false on 0.9.10 (still a flag it does not know)', '0.9.10', { provenance: 'false' }, '"provenance"'],
    ['provenance and sbom on 0.10.0', '0.10.0', { provenance: 'true', sbom: 'true' }, undefined],
    ['everything on 0.13.1', '0.13.1', { annotations: ['a=b'], provenance: 'mode=max', sbom: 'true' }, undefined],
    ['everything on 0.29.1', '0.29.1', { annotations: ['a=b'], provenance: 'mode=max', sbom: 'true' }, undefined],
    ['nothing gated on 0.8.0', '0.8.0', {}, undefined],
  ])('%s', (_name, buildxVersion, build, error) => {
    const unsupported = unsupportedInput(defaultInputs({ build }), buildxVersion);
    if (error === undefined) expect(unsupported).toBeUndefined();
    else expect(unsupported).toContain(error);
  });
});

test('mode shard pushes with a --annotation of its own: refused on a buildx before 0.12.0, unless it pushes nothing', () => {
  expect(unsupportedInput(defaultInputs({ mode: 'shard' }), '0.11.2')).toBe(
    '"mode: shard" needs buildx 0.12.0 or later; this runner has buildx 0.11.2.',
  );
  expect(unsupportedInput(defaultInputs({ mode: 'shard' }), '0.12.0')).toBeUndefined();
  expect(unsupportedInput(defaultInputs({ mode: 'shard', push: false }), '0.11.2')).toBeUndefined();
});

describe('buildxAtLeast', () => {
  test.each<[string, string, boolean]>([
    ['0.13.1+ds1', '0.13.0', true],
    ['0.13.1+ds1', '0.13.1', true],
    ['v0.29.1', '0.29.1', true],
    ['v0.29.1', '0.13.0', true],
    ['0.9.10', '0.10.0', false],
    ['0.10.0', '0.9.10', true],
    ['0.12', '0.12.0', true],
    ['0.11.2', '0.12.0', false],
    ['not a version', '0.10.0', false],
  ])('%s ≥ %s → %s', (version, minimum, expected) => {
    expect(buildxAtLeast(version, minimum)).toBe(expected);
  });
});
