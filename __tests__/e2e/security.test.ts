// Issue 7, nothing leaked: a run that holds three secrets (a registry password in a docker config file, a build
// secret used by `RUN --mount=type=secret`, a GitHub token input) shows none of them anywhere a person or a later
// step can read: main's and post's log, the state handed to post, the outputs, the job summary, the files left in
// RUNNER_TEMP, or the published image (manifests, configs with their history, provenance, layers).
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describeWithLab, lab } from './lab.js';
import { dockerConfig, listTags, resolve, uniqueRepository } from './probe.js';
import { fetchBlob, fetchManifest } from './support/registry-inspect.js';
import { BOTH_PLATFORMS, expectSucceeded, labelContext, runStep, stepLog, type StepResult } from './support/steps.js';

/** Every file under `dir`, with its content. */
async function filesUnder(dir: string): Promise<{ path: string; content: Buffer }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path, content: await readFile(path) };
      }),
  );
}

/**
 * Every byte of an image as a registry serves it: the index, each manifest it lists (images and attestations),
 * their configs, and their layers (gzip layers decompressed, so that a file holding a secret would show).
 */
async function imageParts(
  repository: string,
  index: string,
  registry: string,
): Promise<{ what: string; bytes: Buffer }[]> {
  const top = await fetchManifest(repository, index, registry);
  if (top === undefined) throw new Error(`no index ${index}`);
  const parts = [{ what: `index ${index}`, bytes: top.bytes }];
  for (const child of top.json.manifests ?? []) {
    const manifest = await fetchManifest(repository, child.digest, registry);
    if (manifest === undefined) throw new Error(`no manifest ${child.digest}`);
    parts.push({ what: `manifest ${child.digest}`, bytes: manifest.bytes });
    const blobs = [manifest.json.config, ...(manifest.json.layers ?? [])].flatMap((blob) => (blob ? [blob] : []));
    for (const blob of blobs) {
      const bytes = await fetchBlob(repository, blob.digest, registry);
      const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
      parts.push({ what: `blob ${blob.digest} of ${child.digest}`, bytes: gzipped ? gunzipSync(bytes) : bytes });
    }
  }
  return parts;
}

/** Where each secret shows up among named texts: [] when nowhere. */
function sightings(secrets: Record<string, string>, places: { what: string; bytes: Buffer | string }[]): string[] {
  return places.flatMap(({ what, bytes }) =>
    Object.entries(secrets)
      .filter(([, value]) => bytes.includes(value))
      .map(([name]) => `${name} in ${what}`),
  );
}

describeWithLab('secrets stay secret', () => {
  const repository = uniqueRepository('secrets');
  const image = `${lab.authRegistry}/${repository}`;
  const buildSecret = `build-secret-${randomBytes(12).toString('hex')}`;
  const githubToken = `ghs_${randomBytes(18).toString('hex')}`;
  const secretSha256 = createHash('sha256').update(buildSecret).digest('hex');
  const secrets = {
    'the registry password': lab.authPassword,
    'the registry credentials as Basic auth': Buffer.from(`${lab.authUser}:${lab.authPassword}`).toString('base64'),
    'the build secret': buildSecret,
    'the github-token': githubToken,
  };
  let run: StepResult;
  let runnerTempFiles: { path: string; content: Buffer }[] = [];

  beforeAll(async () => {
    run = await runStep(
      {
        mode: 'fan-out',
        platforms: BOTH_PLATFORMS,
        tags: `${image}:latest`,
        // The build fails unless the secret arrives intact; only its hash is in the Dockerfile and build args.
        context: labelContext([
          'ARG SECRET_SHA256',
          'RUN --mount=type=secret,id=e2e,required=true test "$(sha256sum < /run/secrets/e2e | cut -d" " -f1)" = "$SECRET_SHA256"',
        ]),
        provenance: 'mode=max',
        secrets: `e2e=${buildSecret}`,
        'build-args': `SECRET_SHA256=${secretSha256}`,
        'github-token': githubToken,
      },
      {
        env: { DOCKER_CONFIG: dockerConfig(lab.authRegistry, lab.authUser, lab.authPassword) },
        inspectRunnerTemp: async (dir) => {
          runnerTempFiles = await filesUnder(dir);
        },
      },
    );
  });

  test('the run used all three: it built with the secret, pushed with the password, and published', async () => {
    expectSucceeded(run);
    expect(await resolve(repository, 'latest', lab.authRegistry)).toBe(run.outputs.digest);
    expect(await listTags(repository, lab.authRegistry)).toEqual(['latest']);
    // The runner masks what the action registers: each secret it handled was registered.
    for (const value of [lab.authPassword, buildSecret, githubToken]) {
      expect(run.main.stdout).toContain(`::add-mask::${value}\n`);
    }
  });

  test('no secret in the log of main or post (the ::add-mask:: commands aside, which the runner consumes)', () => {
    expect(sightings(secrets, [{ what: 'the log', bytes: stepLog(run) }])).toEqual([]);
  });

  test('no secret in the state handed to post, the outputs, or the job summary', () => {
    const places = [
      { what: 'the state', bytes: JSON.stringify(run.savedState) },
      { what: 'the outputs', bytes: JSON.stringify(run.outputs) },
      { what: 'the summary', bytes: run.summary },
    ];
    expect(sightings(secrets, places)).toEqual([]);
  });

  test('no secret in any file left in RUNNER_TEMP (file commands included; the secret files are gone)', () => {
    expect(runnerTempFiles.map(({ path }) => path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/_runner_file_commands\/save_state_main$/)]),
    );
    const files = runnerTempFiles.map(({ path, content }) => ({ what: path, bytes: content }));
    expect(sightings(secrets, files)).toEqual([]);
  });

  test('no secret in the image: index, manifests, configs and history, provenance, layers', async () => {
    const parts = await imageParts(repository, run.outputs.digest ?? '', lab.authRegistry);
    // Two images and their two provenance attestations, each with a config and layers.
    expect(parts.filter(({ what }) => what.startsWith('manifest '))).toHaveLength(4);
    expect(parts.some(({ bytes }) => bytes.includes('"history"'))).toBe(true);
    expect(parts.some(({ bytes }) => bytes.includes('https://slsa.dev/provenance'))).toBe(true);
    // The search sees what the build recorded: the secret's hash, a build arg, is in the provenance.
    expect(sightings({ 'the hash': secretSha256 }, parts)).not.toEqual([]);
    expect(sightings(secrets, parts)).toEqual([]);
  });
});
