// Says once, plainly, when the e2e tests will be skipped for want of a lab: a suite skipped inside a test file
// prints nothing of its own. (Under CI=true or REQUIRE_LAB=true, lab.ts fails the suites instead.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function warnWhenLabMissing() {
  if (process.env.CI === 'true' || process.env.REQUIRE_LAB === 'true') return;
  const script = fileURLToPath(new URL('../../scripts/lab.sh', import.meta.url));
  const status = spawnSync('bash', [script, 'status'], { encoding: 'utf8' });
  if (status.status === 0) return;
  process.stderr.write(
    `\ne2e tests SKIPPED: the local lab is not ready (start it with: sudo bash scripts/lab.sh up)\n` +
      `${status.stdout}${status.stderr}\n`,
  );
}
