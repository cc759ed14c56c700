// A docker-container builder whose BuildKit image is missing, or starts but is not BuildKit: the step fails before
// anything is built or pushed, its error names the driver-opts image and the builder, and post removes the builder
// that main half-created.
import { describeWithLab, lab } from './lab.js';
import { uniqueRepository } from './probe.js';
import { builderExists, driverInputs } from './support/drivers.js';
import { taggedManifestPuts } from './support/registry-log.js';
import { BOTH_PLATFORMS, labelContext, runState, runStep } from './support/steps.js';

describeWithLab.each([
  ['missing', 'local/no-such-buildkit:never-built'],
  // An image that exists but whose entrypoint is no buildkitd: the container starts and exits.
  ['not BuildKit', lab.baseImage],
])('a BuildKit image that is %s', (_what, image) => {
  test('fails before any push, naming the image and the builder; post removes the builder', async () => {
    const repository = uniqueRepository('buildkit-image');
    const run = await runStep({
      ...driverInputs('docker-container'),
      'driver-opts': `image=${image}\nnetwork=host`,
      platforms: BOTH_PLATFORMS,
      tags: `${lab.registry}/${repository}:latest`,
      context: labelContext(),
    });
    const { builder } = runState(run);
    expect(run.main.exitCode).toBe(1);
    expect(run.main.stdout).toMatch(new RegExp(`::error::.*${builder?.name ?? '<none>'}`));
    expect(run.main.stdout).toContain(image);
    expect(run.post?.exitCode).toBe(0);
    expect(builderExists(builder?.name ?? '')).toBe(false);
    expect(taggedManifestPuts(repository)).toEqual([]);
  });
});
