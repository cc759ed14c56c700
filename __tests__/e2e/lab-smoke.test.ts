// The lab itself: a two-platform image built FROM the seeded base, pushed to the lab registry, and each platform
// run under QEMU or natively. If this fails, every other e2e test would fail for a reason that is not the action's.
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import semver from 'semver';
import { DockerCli } from '../../src/docker/cli.js';
import { describeWithLab, lab, labBuildxVersion, OLDEST_SUPPORTED_BUILDX } from './lab.js';
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

  // LAB_BUILDX=current|oldest: every docker command runs that buildx, whatever DOCKER_CONFIG a step sets, and the
  // action reads its version. A Debian build reports `github.com/docker/buildx <upstream> <Debian version>`.
  const asked = lab.buildx;
  (asked === undefined ? test.skip : test)(
    `docker buildx is the ${asked ?? 'LAB_BUILDX'} buildx this run was asked for, and the action sees its version`,
    async () => {
      if (asked === undefined) throw new Error('LAB_BUILDX is not set');
      const debianVersion = labBuildxVersion(asked) ?? 'not installed';
      // `0.29.1+ds1-4`: upstream 0.29.1, Debian revision 4.
      const upstream = /^(\d+\.\d+\.\d+)\S*-\S+$/.exec(debianVersion)?.[1] ?? `unreadable (${debianVersion})`;

      const ownConfig = mkdtempSync(join(tmpdir(), 'smoke-docker-config-'));
      for (const env of [process.env, { ...process.env, DOCKER_CONFIG: ownConfig }]) {
        const version = spawnSync('docker', ['buildx', 'version'], { encoding: 'utf8', env });
        expect(version.stdout.trim().split(' ')).toEqual([
          'github.com/docker/buildx',
          expect.any(String),
          debianVersion,
        ]);
      }
      expect(await new DockerCli().buildxVersion()).toBe(upstream);
      if (asked === 'oldest') expect(upstream).toBe(OLDEST_SUPPORTED_BUILDX);
      else expect(semver.gt(upstream, OLDEST_SUPPORTED_BUILDX)).toBe(true);
    },
  );
});
