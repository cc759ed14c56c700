// The --attest flags, case by case as docker/build-push-action computes them (its getAttestArgs with the toolkit's
// resolveProvenanceAttrs and resolveAttestationAttrs): a workflow that swaps that action for this one publishes the
// same attestations.
import { attestations, type AttestationFacts } from '../../../src/plan/attestations.js';
import type { BuildOptions } from '../../../src/inputs/inputs.js';
import { defaultBuildOptions } from '../support/fixtures.js';

const RUN_URL = 'https://github.com/acme/app/actions/runs/42/attempts/1';
const CONTAINER: AttestationFacts = { driver: 'docker-container', buildkitVersions: ['v0.13.2'] };
const options = (overrides: Partial<BuildOptions>): BuildOptions =>
  defaultBuildOptions({ builderId: RUN_URL, ...overrides });

describe('attestations: the same --attest flags as build-push-action', () => {
  test.each<[string, Partial<BuildOptions>, AttestationFacts, string[]]>([
    [
      'public repository: provenance mode=max by default',
      {},
      CONTAINER,
      [`type=provenance,mode=max,builder-id=${RUN_URL}`],
    ],
    [
      'private repository: mode=min, inline-only',
      { privateRepository: true },
      CONTAINER,
      [`type=provenance,mode=min,inline-only=true,builder-id=${RUN_URL}`],
    ],
    [
      'sbom keeps the default provenance',
      { sbom: 'true' },
      CONTAINER,
      [`type=provenance,mode=max,builder-id=${RUN_URL}`, 'type=sbom,disabled=false'],
    ],
    [
      'provenance true: the run as builder-id',
      { provenance: 'true' },
      CONTAINER,
      [`type=provenance,builder-id=${RUN_URL}`],
    ],
    ['provenance false: disabled', { provenance: 'false' }, CONTAINER, ['type=provenance,disabled=true']],
    [
      'provenance attributes: builder-id added',
      { provenance: 'mode=max' },
      CONTAINER,
      [`type=provenance,mode=max,builder-id=${RUN_URL}`],
    ],
    [
      'provenance attributes with a builder-id: kept',
      { provenance: 'mode=min,builder-id=https://ci.example/1' },
      CONTAINER,
      ['type=provenance,mode=min,builder-id=https://ci.example/1'],
    ],
    [
      'a provenance entry of attests: no default, builder-id added',
      { attests: ['type=provenance,mode=min'] },
      CONTAINER,
      [`type=provenance,mode=min,builder-id=${RUN_URL}`],
    ],
    [
      'provenance input wins over an attests entry',
      { provenance: 'false', attests: ['type=provenance,mode=max', 'type=sbom,generator=x'] },
      CONTAINER,
      ['type=provenance,disabled=true', 'type=sbom,generator=x'],
    ],
    [
      'sbom input wins over an attests entry',
      { sbom: 'false', attests: ['type=sbom,generator=x'] },
      CONTAINER,
      [`type=provenance,mode=max,builder-id=${RUN_URL}`, 'type=sbom,disabled=true'],
    ],
    ['BUILDX_NO_DEFAULT_ATTESTATIONS: no default', { noDefaultAttestations: true }, CONTAINER, []],
    ['load: no default (the engine may not hold it)', { load: true }, CONTAINER, []],
    ['an output of type docker: no default', { outputs: ['type=docker,dest=/tmp/app.tar'] }, CONTAINER, []],
    ['BuildKit before 0.11: no default', {}, { driver: 'docker-container', buildkitVersions: ['v0.10.6'] }, []],
    ['BuildKit version unknown (node not started): no default', {}, { driver: 'remote', buildkitVersions: [] }, []],
    [
      "the engine's builder with a moby BuildKit: default",
      {},
      { driver: 'docker', buildkitVersions: ['v0.12.5-moby'] },
      [`type=provenance,mode=max,builder-id=${RUN_URL}`],
    ],
    [
      "the engine's builder with an unknown BuildKit (Debian's engine): no default",
      {},
      { driver: 'docker', buildkitVersions: ['v0.0.0+unknown'] },
      [],
    ],
    [
      'one node too old among several: no default',
      {},
      { driver: 'remote', buildkitVersions: ['v0.13.2', 'v0.9.3'] },
      [],
    ],
    ['outside GitHub Actions (no run URL): no builder-id', { builderId: '' }, CONTAINER, ['type=provenance,mode=max']],
  ])('%s', (_name, overrides, facts, expected) => {
    expect(attestations(options(overrides), facts)).toEqual(expected);
  });
});
