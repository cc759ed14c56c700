// The variables build-push-action reads to decide how a build is reported (metadata warnings, check annotations,
// Docker's build summary and build record), read as it reads them, and a notice for the ones this action does not
// honour, so that a user who set one learns it from the log. Pure: the environment comes in.
import type { Environment } from '../registry/credentials/credential.js';
import { given, parseGoBool } from '../runner-variables.js';

/**
 * What each `buildx build` gets on top of the step's environment: buildx writes its warnings (Dockerfile checks)
 * into the metadata file only with BUILDX_METADATA_WARNINGS, and the annotations are made from there. A value the
 * user set is theirs (build-push-action overrides it with true).
 */
export function buildxReportingEnvironment(env: Environment): Record<string, string> {
  return given(env.BUILDX_METADATA_WARNINGS) === undefined ? { BUILDX_METADATA_WARNINGS: 'true' } : {};
}

/** DOCKER_BUILD_CHECKS_ANNOTATIONS, true unless set to false; a value that is no boolean is named, not fatal. */
export function checkAnnotationsSetting(env: Environment): { enabled: boolean; warning?: string } {
  const value = given(env.DOCKER_BUILD_CHECKS_ANNOTATIONS);
  if (value === undefined) return { enabled: true };
  const parsed = parseGoBool(value);
  if (parsed !== undefined) return { enabled: parsed };
  return {
    enabled: true,
    warning: `DOCKER_BUILD_CHECKS_ANNOTATIONS is "${value}", which is not a boolean (true, false, 1, 0): build checks are annotated as by default.`,
  };
}

/**
 * A notice naming the build-summary and build-record variables the user set that this action does not honour: it
 * writes its own job summary (what was published and cleaned up), not Docker's, and uploads no build record. The
 * records stay in the builder until the job ends, so a later step can export one itself.
 */
export function unhonouredBuildRecordSettings(env: Environment): string | undefined {
  const summary = given(env.DOCKER_BUILD_SUMMARY);
  const upload = given(env.DOCKER_BUILD_RECORD_UPLOAD);
  const retention = given(env.DOCKER_BUILD_RECORD_RETENTION_DAYS);
  const lines: string[] = [];
  if (summary !== undefined) {
    lines.push(
      `DOCKER_BUILD_SUMMARY=${summary} is not read: this action writes its own job summary (the images, tags and cleanup of this run) and not Docker's build summary.`,
    );
  }
  // Uploading nothing is what false asks for.
  if (upload !== undefined && parseGoBool(upload) !== false) {
    lines.push(`DOCKER_BUILD_RECORD_UPLOAD=${upload} is not honoured: this action uploads no build record.`);
  }
  if (retention !== undefined) {
    lines.push(`DOCKER_BUILD_RECORD_RETENTION_DAYS=${retention} has no effect: this action uploads no build record.`);
  }
  if (lines.length === 0) return undefined;
  lines.push(
    'A later step can export a build record while the builder lives (until the job ends): `docker buildx history export --builder BUILDER --output FILE.dockerbuild ID` (buildx 0.23 or later), with BUILDER/NODE/ID from `buildx.build.ref` in the platform-metadata output.',
  );
  return lines.join('\n');
}
