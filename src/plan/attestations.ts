// The --attest flags of a build, as docker/build-push-action computes them, so that a workflow that swaps that action
// for this one publishes the same attestations. Pure: the inputs, the run's URL and the builder's BuildKit in.
//
// The rule, in one place:
// - `provenance` given: `true` is provenance with builder-id set to the run's URL, `false` none, anything else its
//   attributes with builder-id added unless they name one.
// - `provenance` empty, no `attests` entry of type provenance, BUILDX_NO_DEFAULT_ATTESTATIONS not set, no export to
//   the engine (load, or an output of type docker) and every node's BuildKit 0.11 or later (on the docker driver:
//   a `-moby` version, which the engine's builder reports): mode=max for a public repository, mode=min
//   (inline-only) for a private one, with builder-id. Otherwise buildx's own default applies.
// - `sbom` given: an sbom attestation beside the provenance above (it does not turn provenance off).
// - `attests` entries: passed on, except an entry of a type that `provenance` or `sbom` already sets; a provenance
//   entry gets builder-id too.
// - A bare boolean attribute (`type=sbom,true`) means disabled=false, as buildx reads it.
import semver from 'semver';
import { outputType } from '../inputs/build-outputs.js';
import { parseGoBool } from '../runner-variables.js';
import type { BuildOptions } from '../inputs/inputs.js';

/** The builder's driver and each node's BuildKit version as `docker buildx inspect` reports it. */
export interface AttestationFacts {
  driver: string;
  buildkitVersions: string[];
}

type AttestationOptions = Pick<
  BuildOptions,
  'provenance' | 'sbom' | 'attests' | 'load' | 'outputs' | 'privateRepository' | 'noDefaultAttestations' | 'builderId'
>;

/** The values of this build's --attest flags. */
export function attestations(options: AttestationOptions, facts: AttestationFacts): string[] {
  const { builderId } = options;
  const flags: string[] = [];
  const provenanceEntry = options.attests.some((attest) => attestationType(attest) === 'provenance');
  if (options.provenance !== '') {
    flags.push(booleansAsDisabled(`type=provenance,${provenanceAttributes(options.provenance, builderId)}`));
  } else if (!provenanceEntry && defaultProvenanceApplies(options, facts)) {
    const mode = options.privateRepository ? 'mode=min,inline-only=true' : 'mode=max';
    flags.push(withBuilderId(`type=provenance,${mode}`, builderId));
  }
  if (options.sbom !== '') flags.push(booleansAsDisabled(`type=sbom,${options.sbom}`));
  for (const attest of options.attests) {
    const type = attestationType(attest);
    if (type === 'provenance') {
      if (options.provenance === '') flags.push(withBuilderId(attest, builderId));
    } else if (type === 'sbom') {
      if (options.sbom === '') flags.push(attest);
    } else {
      flags.push(booleansAsDisabled(attest));
    }
  }
  return flags;
}

function defaultProvenanceApplies(options: AttestationOptions, facts: AttestationFacts): boolean {
  if (options.noDefaultAttestations || exportsToEngine(options)) return false;
  return (
    facts.buildkitVersions.length > 0 &&
    facts.buildkitVersions.every((version) => {
      // The engine's builder reports `v0.12.5-moby`; any other version there is not one attestations can rely on.
      if (facts.driver === 'docker' && !version.endsWith('-moby')) return false;
      return semver.satisfies(version.replace(/-moby$/, ''), '>=0.11.0');
    })
  );
}

/** `load`, or an output of type docker: the image goes to the engine, whose store may not hold attestations. */
function exportsToEngine(options: Pick<BuildOptions, 'load' | 'outputs'>): boolean {
  return options.load || options.outputs.some((output) => outputType(output) === 'docker');
}

/** The `provenance` input as an attestation's attributes: booleans as build-push-action reads them. */
function provenanceAttributes(input: string, builderId: string): string {
  const bool = parseGoBool(input);
  if (bool === true) return builderId === '' ? 'true' : `builder-id=${builderId}`;
  if (bool === false) return 'false';
  return withBuilderId(input, builderId);
}

/** Adds builder-id unless the attributes name one (or the run has no URL: outside GitHub Actions). */
function withBuilderId(attributes: string, builderId: string): string {
  return builderId === '' || fields(attributes).some((field) => field.split('=')[0]?.trim() === 'builder-id')
    ? attributes
    : `${attributes},builder-id=${builderId}`;
}

function booleansAsDisabled(attributes: string): string {
  return fields(attributes)
    .map((field) => {
      const bool = parseGoBool(field);
      return bool === undefined ? field : `disabled=${String(!bool)}`;
    })
    .join(',');
}

function attestationType(attest: string): string | undefined {
  return fieldValue(attest, 'type');
}

function fieldValue(csv: string, key: string): string | undefined {
  const field = fields(csv).find((item) => item.split('=')[0]?.trim() === key);
  return field?.slice(field.indexOf('=') + 1).trim();
}

function fields(csv: string): string[] {
  return csv
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
}
