// What the e2e tests know of the local lab (scripts/lab.sh), and the gate that decides whether they run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The buildx choices of scripts/lab.sh: Debian's newest, or trixie's 0.13.1, the oldest the action supports. */
export type BuildxChoice = 'current' | 'oldest';
/** What LAB_BUILDX=oldest must run: the oldest buildx the action supports. */
export const OLDEST_SUPPORTED_BUILDX = '0.13.1';
const askedBuildx = process.env.LAB_BUILDX;
const isBuildxChoice = (value: string | undefined): value is BuildxChoice => value === 'current' || value === 'oldest';

export const lab = {
  /** Anonymous registry with deletes enabled. */
  registry: `127.0.0.1:${process.env.LAB_REGISTRY_PORT ?? '5000'}`,
  /** Registry behind htpasswd basic auth. */
  authRegistry: `127.0.0.1:${process.env.LAB_AUTH_REGISTRY_PORT ?? '5001'}`,
  authUser: process.env.LAB_AUTH_USER ?? 'lab-user',
  authPassword: process.env.LAB_AUTH_PASSWORD ?? 'lab-password',
  /** linux/amd64 + linux/arm64 busybox, seeded by `lab.sh up`. */
  baseImage: `127.0.0.1:${process.env.LAB_REGISTRY_PORT ?? '5000'}/lab/busybox:latest`,
  /** The buildx this run was asked to use (LAB_BUILDX); undefined: whatever the machine has. */
  buildx: isBuildxChoice(askedBuildx) ? askedBuildx : undefined,
};

function labStatus(): { ready: boolean; report: string } {
  const status = spawnSync('bash', [`${repoRoot}/scripts/lab.sh`, 'status'], { encoding: 'utf8' });
  return { ready: status.status === 0, report: `${status.stdout}${status.stderr}`.trim() };
}

const required = process.env.CI === 'true' || process.env.REQUIRE_LAB === 'true';
const { ready, report } = labStatus();
if (!ready) {
  const up = `sudo ${askedBuildx ? `LAB_BUILDX=${askedBuildx} ` : ''}bash scripts/lab.sh up`;
  const message = `the local lab is not ready, so the e2e tests cannot run (start it with: ${up})\n${report}`;
  // Under CI (or `npm run e2e`) a missing lab is a failure, never a quiet skip.
  if (required) throw new Error(message);
  console.warn(`e2e tests SKIPPED: ${message}`);
}

/** `describe` when the lab is up; `describe.skip` (with the warning above) when it is not and not required. */
export const describeWithLab = ready ? describe : describe.skip;

/** The Debian version (e.g. `0.29.1+ds1-4`) of the lab's buildx for a choice, as `lab.sh status` reports it. */
export function labBuildxVersion(choice: BuildxChoice): string | undefined {
  return new RegExp(`^buildx ${choice}: (\\d\\S*) from Debian`, 'm').exec(report)?.[1];
}
