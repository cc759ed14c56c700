// Issues 19 and 24: a docker/build-push-action step keeps working, and behaves the same, when its `uses:` names this
// action. Through the real action on the lab: inputs that were ignored reach buildx (add-hosts seen by a RUN step,
// the outputs entry's compression on the pushed layers, load into the engine), a secret arrives byte for byte while
// an unquoted multi-line one only warns, the outputs keep build-push-action's shape, the builder an earlier
// setup-buildx-action step made current is the one used, one platform without attestations is published as an
// image manifest, and empty platforms build the builder's own.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithLab, lab } from './lab.js';
import { docker, listTags, uniqueRepository } from './probe.js';
import { driverInputs, LAB_BUILDER_OPTIONS, LAB_DRIVERS } from './support/drivers.js';
import { childrenByPlatform, fetchManifest } from './support/registry-inspect.js';
import { BOTH_PLATFORMS, expectSucceeded, labelContext, runState, runStep, stepLog } from './support/steps.js';

/** A build context whose RUN steps fail unless the secret KEY is `key` exactly and /etc/hosts maps the host. */
function checkingContext(key: string, host: string, address: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-drop-in-'));
  writeFileSync(join(dir, 'expected-key'), key);
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      `FROM ${lab.baseImage}`,
      'COPY expected-key /expected-key',
      'RUN --mount=type=secret,id=KEY,required=true cmp /run/secrets/KEY /expected-key',
      `RUN grep -E '^${address.replaceAll('.', '\\.')}[[:space:]]+${host}$' /etc/hosts > /host-line`,
      '',
    ].join('\n'),
  );
  return dir;
}

describeWithLab('a build-push-action step, switched to this action', () => {
  test("add-hosts, the outputs entry and secrets reach buildx; metadata has build-push-action's shape", async () => {
    const repository = uniqueRepository('drop-in');
    const image = `${lab.registry}/${repository}`;
    // An SSH key's shape: its trailing newline is part of it.
    const key = '-----BEGIN TEST KEY-----\nZHJvcC1pbg==\n-----END TEST KEY-----\n';
    const continuation = 'second-line-of-an-unquoted-value-7c1e';
    // A line of the unquoted value with = in it: a secret to buildx (as in build-push-action), its id masked too.
    const piece = 'third-line-3f9a';
    const run = await runStep({
      platforms: BOTH_PLATFORMS,
      tags: `${image}:latest`,
      context: checkingContext(key, 'dropin.example', '10.180.0.1'),
      provenance: 'false',
      'add-hosts': 'dropin.example:10.180.0.1',
      outputs: 'type=image,compression=zstd,oci-mediatypes=true',
      secrets: `"KEY=${key}"\nNOTE=first-line\n${continuation}\n${piece}=tail`,
    });
    expectSucceeded(run);

    // The unquoted value's second line is skipped with a warning, as build-push-action does, and never shown.
    expect(stepLog(run)).toMatch(/::warning::"secrets" entry 3 is not id=value and is skipped/);
    expect(stepLog(run)).not.toContain(continuation);
    expect(run.main.stdout).toContain(`::add-mask::${piece}\n`);

    // Each image's own layers (the COPY and the RUN) were pushed zstd-compressed, with OCI media types.
    const index = await fetchManifest(repository, run.outputs.digest ?? '');
    const children = Object.values(index ? childrenByPlatform(index) : {});
    expect(children).toHaveLength(2);
    for (const child of children) {
      const manifest = await fetchManifest(repository, child);
      const layers = (manifest?.json.layers ?? []) as { mediaType?: string }[];
      expect(layers.map((layer) => layer.mediaType)).toContain('application/vnd.oci.image.layer.v1.tar+zstd');
    }

    const metadata = JSON.parse(run.outputs.metadata ?? '') as Record<string, unknown>;
    expect(metadata['containerimage.digest']).toBe(run.outputs.digest);
    expect(metadata['image.name']).toBe(`${image}:latest`);
    const perBuild = JSON.parse(run.outputs['platform-metadata'] ?? '') as Record<string, Record<string, unknown>>;
    expect(Object.keys(perBuild).join(',').split(',').sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const buildMetadata of Object.values(perBuild)) {
      expect(buildMetadata['containerimage.digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    expect(run.outputs.platforms?.split(',')).toContain('linux/amd64');
  });

  test('load with push false: the image is in the engine under its tag, its digest the output; nothing pushed', async () => {
    const repository = uniqueRepository('drop-in-load');
    const tag = `${lab.registry}/${repository}:loaded`;
    const run = await runStep({
      platforms: 'linux/amd64',
      tags: tag,
      context: labelContext(),
      provenance: 'false',
      push: 'false',
      load: 'true',
    });
    try {
      expectSucceeded(run);
      const inspected = docker(['image', 'inspect', '--format', '{{.Id}}', tag]);
      expect(inspected.status).toBe(0);
      expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const metadata = JSON.parse(run.outputs.metadata ?? '') as Record<string, unknown>;
      expect(metadata['containerimage.digest']).toBe(run.outputs.digest);
      expect(await listTags(repository)).toEqual([]);
    } finally {
      docker(['image', 'rm', tag]);
    }
  });
});

/**
 * What docker/setup-buildx-action leaves for the next step: a docker-container builder with the user's driver-opts
 * and buildkitd config, created with --use in the docker config the job uses (here a config of its own, so the
 * other suites' current builder is untouched).
 */
function setupBuildxStep(): { name: string; env: Record<string, string>; remove: () => void } {
  const config = mkdtempSync(join(tmpdir(), 'e2e-setup-buildx-'));
  const name = `e2e-setup-buildx-${randomBytes(4).toString('hex')}`;
  const env = { ...process.env, DOCKER_CONFIG: config };
  const create = spawnSync(
    'docker',
    ['buildx', 'create', '--use', '--name', name, ...LAB_BUILDER_OPTIONS, '--bootstrap'],
    {
      env,
      encoding: 'utf8',
    },
  );
  if (create.status !== 0) throw new Error(`docker buildx create failed: ${create.stderr}`);
  return {
    name,
    env: { DOCKER_CONFIG: config },
    remove: () => {
      spawnSync('docker', ['buildx', 'rm', '--force', name], { env });
      rmSync(config, { recursive: true, force: true });
    },
  };
}

describeWithLab('issue 24: what a build-push-action user gets, in behaviour', () => {
  test('builder empty: the builder an earlier setup-buildx-action step made current builds, and is left in place', async () => {
    const setup = setupBuildxStep();
    try {
      const repository = uniqueRepository('drop-in-current');
      const image = `${lab.registry}/${repository}`;
      const run = await runStep(
        { driver: '', platforms: BOTH_PLATFORMS, tags: `${image}:latest`, context: labelContext() },
        { env: setup.env },
      );
      expectSucceeded(run);
      expect(run.main.stdout).toContain(`Builder: ${setup.name}, the current builder (driver docker-container)`);
      // Built on it: buildx names the builder first in each build's ref.
      const perBuild = JSON.parse(run.outputs['platform-metadata'] ?? '') as Record<string, Record<string, unknown>>;
      for (const metadata of Object.values(perBuild)) {
        expect(String(metadata['buildx.build.ref'])).toMatch(new RegExp(`^${setup.name}/`));
      }
      expect(runState(run).builder).toEqual({ name: setup.name, created: false });
      // Still there after post: it is the workflow's, not this step's.
      const inspect = spawnSync('docker', ['buildx', 'inspect', setup.name], {
        env: { ...process.env, ...setup.env },
        encoding: 'utf8',
      });
      expect(inspect.status).toBe(0);
      const index = await fetchManifest(repository, 'latest');
      expect(Object.keys(index ? childrenByPlatform(index) : {}).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    } finally {
      setup.remove();
    }
  });

  test.each(LAB_DRIVERS)(
    "one platform, provenance false (%s): the tag is the image manifest itself; outputs carry buildx's keys",
    async (driver) => {
      const repository = uniqueRepository(`drop-in-manifest-${driver}`);
      const tag = `${lab.registry}/${repository}:1.0`;
      const run = await runStep({
        ...driverInputs(driver),
        platforms: 'linux/arm64',
        tags: tag,
        context: labelContext(),
        provenance: 'false',
        publish: 'main',
      });
      expectSucceeded(run);
      const published = await fetchManifest(repository, '1.0');
      expect(published?.mediaType).toMatch(
        /^application\/vnd\.(oci\.image\.manifest\.v1|docker\.distribution\.manifest\.v2)\+json$/,
      );
      expect(run.outputs.digest).toBe(published?.digest);
      expect(JSON.parse(run.outputs['platform-digests'] ?? '')).toEqual({ 'linux/arm64': published?.digest });

      // metadata: every key buildx wrote for the build, with what was published on top.
      const perBuild = JSON.parse(run.outputs['platform-metadata'] ?? '') as Record<string, Record<string, unknown>>;
      const buildx = perBuild['linux/arm64'] ?? {};
      const metadata = JSON.parse(run.outputs.metadata ?? '') as Record<string, unknown>;
      expect(Object.keys(metadata).sort()).toEqual(Object.keys(buildx).sort());
      expect(metadata['buildx.build.ref']).toBe(buildx['buildx.build.ref']);
      expect(metadata['containerimage.digest']).toBe(published?.digest);
      expect(metadata['image.name']).toBe(tag);
      expect(run.outputs.imageid).toBe(buildx['containerimage.config.digest']);
      expect(run.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/);
    },
  );

  test("platforms empty: one build for the builder's own platform, published", async () => {
    const repository = uniqueRepository('drop-in-native');
    const run = await runStep({
      ...driverInputs('docker-container'),
      platforms: '',
      tags: `${lab.registry}/${repository}:latest`,
      context: labelContext(),
    });
    expectSucceeded(run);
    const native = process.arch === 'arm64' ? 'linux/arm64' : 'linux/amd64';
    expect(run.main.stdout).toContain(`"platforms" is empty: building for the builder's own platform, ${native}.`);
    expect(Object.keys(JSON.parse(run.outputs['platform-digests'] ?? '') as object)).toEqual([native]);
    const published = await fetchManifest(repository, 'latest');
    expect(published?.digest).toBe(run.outputs.digest);
  });

  test('publish post with push: a notice in main says when the tags move', async () => {
    const repository = uniqueRepository('drop-in-notice');
    const run = await runStep({
      platforms: 'linux/amd64',
      tags: `${lab.registry}/${repository}:latest`,
      context: labelContext(),
      provenance: 'false',
    });
    expectSucceeded(run);
    expect(run.main.stdout).toMatch(/::notice::The final tags \(.*:latest\) are published by this step's post step/);
    const published = await fetchManifest(repository, 'latest');
    expect(published?.digest).toBe(run.outputs.digest);
  });
});
