// The lab itself: a two-platform image built FROM the seeded base, pushed to the lab registry, and each platform
// run under QEMU or natively. If this fails, every other e2e test would fail for a reason that is not the action's.
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describeWithLab, lab } from './lab.js';
import { archContext, docker, getIndex, imagePlatforms, runArch, uniqueRepository } from './probe.js';

describeWithLab('lab smoke test', () => {
  test('buildx builds linux/amd64 + linux/arm64, pushes them, and each runs with its own uname -m', async () => {
    const repository = uniqueRepository('smoke');
    const image = `${lab.registry}/${repository}:latest`;
    const metadataFile = join(mkdtempSync(join(tmpdir(), 'smoke-')), 'metadata.json');
    const build = docker([
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--provenance=false',
      '--metadata-file',
      metadataFile,
      '--output',
      `type=image,name=${image},push=true`,
      archContext(),
    ]);
    expect(build.stderr).toContain('DONE');
    expect(build.status).toBe(0);

    expect(imagePlatforms(await getIndex(repository, 'latest'))).toEqual(['linux/amd64', 'linux/arm64']);
    expect(runArch(image, 'linux/arm64')).toBe('aarch64');
    expect(runArch(image, 'linux/amd64')).toBe('x86_64');
  });
});
