// Says once which node and buildx the e2e tests run against (two CI runs differ in both), or, plainly, that they
// will be skipped for want of a lab: a suite skipped inside a test file prints nothing of its own. (Under CI=true or
// REQUIRE_LAB=true, lab.ts fails the suites instead.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function reportLab() {
  const script = fileURLToPath(new URL('../../scripts/lab.sh', import.meta.url));
  const status = spawnSync('bash', [script, 'status'], { encoding: 'utf8' });
  if (status.status === 0) {
    const buildx = /^buildx: (.*)$/m.exec(status.stdout)?.[1] ?? 'unknown';
    process.stderr.write(`\ne2e tests against: node ${process.version}, buildx ${buildx}\n`);
    return;
  }
  if (process.env.CI === 'true' || process.env.REQUIRE_LAB === 'true') return;
  const up = `sudo ${process.env.LAB_BUILDX ? `LAB_BUILDX=${process.env.LAB_BUILDX} ` : ''}bash scripts/lab.sh up`;
  process.stderr.write(
    `\ne2e tests SKIPPED: the local lab is not ready (start it with: ${up})\n${status.stdout}${status.stderr}\n`,
  );
}
