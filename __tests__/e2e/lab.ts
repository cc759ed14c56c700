// What the e2e tests know of the local lab (scripts/lab.sh), and the gate that decides whether they run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const lab = {
  /** Anonymous registry with deletes enabled. */
  registry: `127.0.0.1:${process.env.LAB_REGISTRY_PORT ?? '5000'}`,
  /** Registry behind htpasswd basic auth. */
  authRegistry: `127.0.0.1:${process.env.LAB_AUTH_REGISTRY_PORT ?? '5001'}`,
  authUser: process.env.LAB_AUTH_USER ?? 'lab-user',
  authPassword: process.env.LAB_AUTH_PASSWORD ?? 'lab-password',
  /** linux/amd64 + linux/arm64 busybox, seeded by `lab.sh up`. */
  baseImage: `127.0.0.1:${process.env.LAB_REGISTRY_PORT ?? '5000'}/lab/busybox:latest`,
};

function labStatus(): { ready: boolean; report: string } {
  const status = spawnSync('bash', [`${repoRoot}/scripts/lab.sh`, 'status'], { encoding: 'utf8' });
  return { ready: status.status === 0, report: `${status.stdout}${status.stderr}`.trim() };
}

const required = process.env.CI === 'true' || process.env.REQUIRE_LAB === 'true';
const { ready, report } = labStatus();
if (!ready) {
  const message = `the local lab is not ready, so the e2e tests cannot run (start it with: sudo bash scripts/lab.sh up)\n${report}`;
  // Under CI (or `npm run e2e`) a missing lab is a failure, never a quiet skip.
  if (required) throw new Error(message);
  console.warn(`e2e tests SKIPPED: ${message}`);
}

/** `describe` when the lab is up; `describe.skip` (with the warning above) when it is not and not required. */
export const describeWithLab = ready ? describe : describe.skip;
