// Shard records for the handoff tests: one image of one run, a record of it (overridable per test), and what a
// handoff found, in short.
import type { FoundRecord } from '../../../src/handoff/handoff.js';
import { imageKey, type ShardRecord } from '../../../src/handoff/record.js';

export const IMAGE = imageKey(['ghcr.io/acme/app:latest']);
export const OTHER_IMAGE = imageKey(['ghcr.io/acme/other:latest']);
export const RUN = '9876543210';

export function digest(seed: string): string {
  return `sha256:${seed.repeat(64).slice(0, 64)}`;
}

export function record(overrides: Partial<ShardRecord> = {}): ShardRecord {
  return {
    version: 1,
    image: IMAGE,
    platform: 'linux/amd64',
    runId: RUN,
    runAttempt: '1',
    job: 'build',
    descriptor: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest('a'), size: 1234 },
    repositories: ['ghcr.io/acme/app'],
    temporaryTags: [],
    createdAt: '2026-11-28T10:00:00.000Z',
    ...overrides,
  };
}

export function desc(seed: string): ShardRecord['descriptor'] {
  return { ...record().descriptor, digest: digest(seed) };
}

export function summary(found: Map<string, FoundRecord>): Record<string, [string, string]> {
  return Object.fromEntries(
    [...found].map(([platform, { record: r }]) => [platform, [r.runAttempt, r.descriptor.digest]]),
  );
}
