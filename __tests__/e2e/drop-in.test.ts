// Issue 19: a docker/build-push-action step keeps working when its `uses:` names this action. Through the real
// action on the lab: inputs that were ignored reach buildx (add-hosts seen by a RUN step, the outputs entry's
// compression on the pushed layers, load into the engine), a secret arrives byte for byte while an unquoted
// multi-line one only warns, and the outputs keep build-push-action's shape.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithLab, lab } from './lab.js';
import { docker, listTags, uniqueRepository } from './probe.js';
import { childrenByPlatform, fetchManifest } from './support/registry-inspect.js';
import { BOTH_PLATFORMS, expectSucceeded, labelContext, runStep, stepLog } from './support/steps.js';

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
