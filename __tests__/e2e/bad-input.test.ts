// Issue 7, bad input: the real action (main, then post, as the runner runs them) refuses each invalid input with one
// `::error::` that names the input and the form it expects, before anything is built or pushed. And inputs full of
// shell metacharacters are data, never commands: they reach the image exactly as written.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithLab, lab } from './lab.js';
import { listTags, resolve, uniqueRepository } from './probe.js';
import { childrenByPlatform, fetchManifest, imageConfig } from './support/registry-inspect.js';
import { BOTH_PLATFORMS, expectSucceeded, labelContext, runStep, stepLog, type StepResult } from './support/steps.js';

/** Marker files a shell would create if any input were ever run as a command: `/tmp/pwned-<this file's run>-…`. */
const MARKER = `pwned-${randomBytes(6).toString('hex')}`;
const touch = (what: string): string => `$(touch /tmp/${MARKER}-${what})`;
const markersFound = (): string[] => readdirSync('/tmp').filter((name) => name.startsWith(MARKER));

/** The messages of the `::error::` commands in a step's output, unescaped as the runner shows them. */
function errorMessages(run: StepResult): string[] {
  return run.main.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .map((line) =>
      line.slice('::error::'.length).replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%'),
    );
}

/** A docker config directory whose config.json is not JSON. */
function brokenDockerConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-docker-config-'));
  writeFileSync(join(dir, 'config.json'), '{"auths": {"127.0.0.1:5000": {"auth": "bGFiOmxhYg=="}');
  return dir;
}

const DIGEST = `sha256:${'a'.repeat(64)}`;

describeWithLab('invalid inputs, run through the real action', () => {
  const repository = uniqueRepository('bad-input');
  const image = `${lab.registry}/${repository}`;
  const valid = { platforms: BOTH_PLATFORMS, tags: `${image}:latest`, context: labelContext(), provenance: 'false' };
  const brokenConfig = brokenDockerConfig();

  // [what is wrong, the input named, inputs over the valid ones, what the error must say (the expected form)]
  const cases: [string, string, Record<string, string>, RegExp][] = [
    [
      'unknown architecture',
      'platforms',
      { platforms: 'linux/amd65' },
      /unknown architecture "amd65" \(expected one of amd64, 386, arm64/,
    ],
    ['unknown os', 'platforms', { platforms: 'plan9/amd64' }, /unknown os "plan9" \(expected linux\)/],
    [
      'a Windows platform',
      'platforms',
      { platforms: 'linux/amd64,windows/amd64' },
      /"windows\/amd64" is not a Linux platform, and this action builds Linux images only \(expected linux\/<arch>/,
    ],
    [
      'an arm64 variant buildx does not know',
      'platforms',
      { platforms: 'linux/amd64,linux/arm64/v8.2' },
      /unknown variant "v8\.2" for arm64 \(expected none or one of v8\)/,
    ],
    ['a variant of ..', 'platforms', { platforms: 'linux/arm/..' }, /unknown variant "\.\." for arm \(expected none/],
    ['no os', 'platforms', { platforms: 'amd64' }, /"amd64" is not a platform \(expected os\/arch\[\/variant\]/],
    ['four parts', 'platforms', { platforms: 'linux/arm/v7/x' }, /is not a platform \(expected os\/arch\[\/variant\]/],
    [
      'empty in merge mode (a build may leave it empty, a merge must list every platform)',
      'platforms',
      { platforms: ' ', mode: 'merge' },
      /"platforms" is empty \(expected a list such as linux\/amd64,linux\/arm64: every platform of the index\)/,
    ],
    [
      'a platform twice',
      'platforms',
      { platforms: 'linux/arm64,linux/aarch64' },
      /"platforms" lists linux\/arm64 twice/,
    ],
    [
      'unknown mode',
      'mode',
      { mode: 'parallel' },
      /"mode" is "parallel" \(expected one of: auto, multi, fan-out, shard, merge, plan\)/,
    ],
    ['mode in capitals', 'mode', { mode: 'MULTI' }, /"mode" is "MULTI" \(expected one of: auto,/],
    [
      'uppercase repository',
      'tags',
      { tags: `${lab.registry}/E2E/App:latest` },
      /repository names must be lowercase \(expected \[registry\/\]name\[:tag\]\[@digest\]\)/,
    ],
    [
      'tag starting with -',
      'tags',
      { tags: `${image}:-rc1` },
      /"-rc1" is not a valid tag \(letters, digits, _, \. and -, at most 128/,
    ],
    [
      'tag of 129 characters',
      'tags',
      { tags: `${image}:${'v'.repeat(129)}` },
      /is not a valid tag \(letters, digits, _, \. and -, at most 128/,
    ],
    [
      'command substitution in a tag',
      'tags',
      { tags: `${image}:${touch('tag')}` },
      /is not a valid image reference: .* \(expected \[registry\/\]name\[:tag\]\[@digest\]\)/,
    ],
    [
      'command after ; in a tag',
      'tags',
      { tags: `${image}:latest;touch /tmp/${MARKER}-semicolon` },
      /is not a valid image reference: .* \(expected \[registry\/\]name\[:tag\]\[@digest\]\)/,
    ],
    [
      'URL for a reference',
      'tags',
      { tags: `http://${image}:latest` },
      /"http:" is not a valid registry host\[:port\] \(expected \[registry\/\]name/,
    ],
    [
      'malformed digest',
      'tags',
      { tags: `${image}@sha256:abc` },
      /"sha256:abc" is not a digest \(sha256: and 64 lowercase hex digits/,
    ],
    [
      'tag with a digest',
      'tags',
      { tags: `${image}:v1@${DIGEST}` },
      /with a digest \(expected name:tag; the digest is what this action outputs\)/,
    ],
    [
      'quote not closed',
      'tags',
      { tags: `"${image}:latest` },
      /"tags" has a quote that is not closed \(expected one item per line, "quoted" where needed\)/,
    ],
    [
      'push with no tags',
      'tags',
      { tags: '' },
      /"tags" is empty but "push" is true \(expected at least one image reference/,
    ],
    ['push not a boolean', 'push', { push: 'yes' }, /"push" is "yes" \(expected true or false\)/],
    ['unknown publish', 'publish', { publish: 'later' }, /"publish" is "later" \(expected one of: post, main, false\)/],
    ['cleanup not a boolean', 'cleanup', { cleanup: 'maybe' }, /"cleanup" is "maybe" \(expected true or false\)/],
    ...['-1', 'a day', '0.001', '1e-9', '0x10'].map((hours): [string, string, Record<string, string>, RegExp] => [
      `stale-tag-hours ${hours}`,
      'stale-tag-hours',
      { 'stale-tag-hours': hours },
      /"stale-tag-hours" is ".*" \(expected a decimal number of hours, 1 or more, or 0 to keep stale tags\)/,
    ]),
    [
      'prefix starting with -',
      'temp-tag-prefix',
      { 'temp-tag-prefix': '-tmp' },
      /"temp-tag-prefix" is "-tmp" \(expected 1 to 48 of A-Z a-z 0-9 _ \. -/,
    ],
    [
      'prefix of 49 characters',
      'temp-tag-prefix',
      { 'temp-tag-prefix': 't'.repeat(49) },
      /\(expected 1 to 48 of A-Z a-z 0-9/,
    ],
    ['unknown qemu', 'qemu', { qemu: 'sometimes' }, /"qemu" is "sometimes" \(expected one of: auto, true, false\)/],
    [
      'empty qemu-image',
      'qemu-image',
      { 'qemu-image': '' },
      /"qemu-image" is empty \(expected an image reference such as tonistiigi\/binfmt/,
    ],
    [
      'unknown driver',
      'driver',
      { driver: 'kubernetes' },
      /"driver" is "kubernetes" \(expected docker-container or docker, or empty\)/,
    ],
    ['no-cache not a boolean', 'no-cache', { 'no-cache': '1' }, /"no-cache" is "1" \(expected true or false\)/],
    [
      'shard without push',
      'push',
      { mode: 'shard', push: 'false', platforms: 'linux/amd64' },
      /"push" is false but "mode" is shard \(expected true: a shard hands off what it pushed\)/,
    ],
    [
      'merge without tags',
      'tags',
      { mode: 'merge', push: 'false', tags: '' },
      /"tags" is empty but "mode" is merge \(expected at least one image reference/,
    ],
    [
      'cleanup-tags naming a final tag',
      'cleanup-tags',
      { 'cleanup-tags': `${image}:latest` },
      /which is also in "tags" \(expected only leftover tags\)/,
    ],
    [
      'cleanup-tags without a tag',
      'cleanup-tags',
      { 'cleanup-tags': image },
      /"cleanup-tags" has ".*" \(expected name:tag, without a digest\)/,
    ],
    [
      'cleanup-tags with a digest',
      'cleanup-tags',
      { 'cleanup-tags': `${image}:old@${DIGEST}` },
      /\(expected name:tag, without a digest\)/,
    ],
    [
      'label without =',
      'labels',
      { labels: `maintainer ${touch('label')}` },
      /"labels" has ".*" \(expected key=value\)/,
    ],
    [
      'build arg without a name',
      'build-args',
      { 'build-args': '=value' },
      /"build-args" has "=value" \(expected KEY=value, or KEY alone\)/,
    ],
    [
      'annotation without =',
      'annotations',
      { annotations: 'index:description' },
      /"annotations" has "index:description" \(expected key=value\)/,
    ],
    [
      'build context without =',
      'build-contexts',
      { 'build-contexts': 'ctx' },
      /"build-contexts" has "ctx" \(expected key=value\)/,
    ],
    [
      'secret id with a space',
      'secrets',
      { secrets: 'MY TOKEN=hunter2-not-shown' },
      /"secrets" entry 1 has a space in its id \(expected id=value, the id without spaces\)/,
    ],
    // Values that would reach argv as flags: the context is buildx's last argument, qemu-image one of docker run.
    [
      'a context that is a flag',
      'context',
      { context: `--output=type=local,dest=/tmp/${MARKER}-context` },
      /"context" is "--output=.*", which would be read as a flag \(expected a path or a URL, not starting with -\)/,
    ],
    ['a network that is a flag', 'network', { network: '--privileged' }, /which would be read as a flag/],
    ['a target that is a flag', 'target', { target: '-x' }, /\(expected the name of a build stage, not starting/],
    ['a builder that is a flag', 'builder', { builder: '--all-inactive' }, /\(expected the name of a buildx builder/],
    [
      'a qemu-image that is a flag',
      'qemu-image',
      { 'qemu-image': `-v/tmp:/tmp/${MARKER}-qemu` },
      /"qemu-image" is "-v.*", which would be read as a flag \(expected an image reference/,
    ],
    [
      'ghcr.io without an owner',
      'tags',
      { tags: 'ghcr.io/app:latest' },
      /"tags" has ghcr\.io\/app, which has no owner \(expected ghcr\.io\/OWNER\/NAME/,
    ],
    [
      'cleanup-tags naming a final tag by another spelling',
      'cleanup-tags',
      { tags: 'acme/app:latest', 'cleanup-tags': 'registry-1.docker.io/acme/app:latest' },
      /which is also in "tags" \(expected only leftover tags\)/,
    ],
    [
      'a local export with push',
      'outputs',
      { outputs: 'type=local,dest=out' },
      /"outputs" has type=local, but "push" is true .*for a local export, set push: false\)/,
    ],
    [
      'outputs that push without push',
      'outputs',
      { push: 'false', outputs: 'type=image,push-by-digest=true,name-canonical=true,push=true' },
      /"outputs" has a type=image entry that pushes, but "push" is false \(expected push: true/,
    ],
    ['load with push', 'load', { load: 'true' }, /"load" is true but "push" is true \(expected one of them/],
    [
      'a secret file that does not exist',
      'secret-files',
      { 'secret-files': 'npmrc=/nonexistent/e2e/.npmrc' },
      /"secret-files": the file of secret "npmrc", \/nonexistent\/e2e\/.npmrc, does not exist \(expected id=path\)/,
    ],
    ['call check with push', 'call', { call: 'check' }, /"call" is "check", which evaluates the build .*push: false/],
    ['shm-size not a size', 'shm-size', { 'shm-size': 'lots' }, /"shm-size" is "lots" \(expected a size such as 2g/],
    [
      'plan: runner entry without =',
      'runners',
      { mode: 'plan', runners: 'linux/arm64' },
      /\(expected platform-prefix=runner-label/,
    ],
    [
      'plan: runner entry without a label',
      'runners',
      { mode: 'plan', runners: 'linux/arm64=' },
      /has no runner label \(expected platform-prefix=runner-label/,
    ],
    [
      'plan: runner prefix not a platform',
      'runners',
      { mode: 'plan', runners: 'arm64=big-runner' },
      /is not a platform prefix \(expected os\/arch or os\/arch\/variant/,
    ],
    [
      'plan: a platform without a runner',
      'runners',
      { mode: 'plan', runners: 'linux/amd64=x64-runner' },
      /no runner for linux\/arm64: add an entry such as linux\/arm64=runner-label, or default=runner-label, to "runners"/,
    ],
    [
      'sign: true without push',
      'sign',
      { sign: 'true', push: 'false' },
      /"sign" is true but "push" is false \(expected push: true: what is signed is the pushed index\)/,
    ],
    [
      'sign: true without an OIDC token (no id-token: write)',
      'sign',
      { sign: 'true' },
      /"sign" is true but the job has no OIDC token \(expected the workflow to grant the job "permissions: id-token: write"/,
    ],
    [
      'attest: true with publish: false',
      'attest',
      { attest: 'true', publish: 'false' },
      /"attest" is true but "publish" is false \(expected publish: post or main/,
    ],
    [
      'a private Sigstore over plain HTTP to another host',
      'sigstore',
      { sigstore: 'fulcio=http://fulcio.example,rekor=https://rekor.example' },
      /which is not https \(expected https:\/\/HOST\[\/PATH\]: the job's token is sent there; http only to localhost\)/,
    ],
  ];

  afterAll(() => {
    // Not one of the inputs ran as a shell command.
    expect(markersFound()).toEqual([]);
  });

  test.each(cases)(
    '%s: one ::error:: naming "%s" and the expected form, before any build',
    async (_, input, given, expected) => {
      const run = await runStep({ ...valid, ...given });
      expect(run.main.exitCode).toBe(1);
      const errors = errorMessages(run);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`"${input}"`);
      expect(errors[0]).toMatch(expected);
      expect(run.main.stdout).not.toMatch(/^Building /m);
      expect(run.post?.exitCode).toBe(0);
      expect(stepLog(run)).not.toContain('hunter2-not-shown');
      expect(await listTags(repository)).toEqual([]);
    },
  );

  test('several invalid inputs: one ::error:: that names each of them', async () => {
    const run = await runStep({ ...valid, mode: 'parallel', push: 'yes', 'stale-tag-hours': '-1' });
    expect(run.main.exitCode).toBe(1);
    const [error, ...more] = errorMessages(run);
    expect(more).toEqual([]);
    for (const input of ['mode', 'push', 'stale-tag-hours']) expect(error).toContain(`"${input}"`);
    expect(run.main.stdout).not.toMatch(/^Building /m);
    expect(await listTags(repository)).toEqual([]);
  });

  // buildx's version is learnt only when a build fails: an old buildx refuses a flag it does not know before it
  // builds or pushes anything, and the error then names the input that asked for it.
  test('an input this buildx is too old for: one ::error:: naming it and the version it needs; nothing pushed', async () => {
    const config = mkdtempSync(join(tmpdir(), 'e2e-old-buildx-'));
    mkdirSync(join(config, 'plugins'));
    writeFileSync(join(config, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [join(config, 'plugins')] }));
    // buildx 0.9.1 as the CLI sees it: its metadata, the engine's builder as `inspect` shows it, and cobra's refusal
    // of --provenance (added in 0.10).
    const oldBuildx = join(config, 'plugins', 'docker-buildx');
    writeFileSync(
      oldBuildx,
      [
        '#!/bin/sh',
        'if [ "$1" = docker-cli-plugin-metadata ]; then',
        `  echo '{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v0.9.1","ShortDescription":"Docker Buildx"}'`,
        '  exit 0',
        'fi',
        'if [ "$2" = inspect ]; then',
        '  printf "Name: default\\nDriver: docker\\n\\nNodes:\\nName: default\\nPlatforms: linux/amd64, linux/386\\n"',
        '  exit 0',
        'fi',
        'for arg in "$@"; do case "$arg" in --provenance*) echo "ERROR: unknown flag: --provenance" >&2; exit 1;; esac; done',
        'echo "this stand-in runs nothing else: $*" >&2',
        'exit 2',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const run = await runStep(valid, { env: { DOCKER_CONFIG: config } });
    expect(run.main.exitCode).toBe(1);
    expect(errorMessages(run)).toEqual(['"provenance" needs buildx 0.10.0 or later; this runner has buildx 0.9.1.']);
    expect(run.post?.exitCode).toBe(0);
    expect(await listTags(repository)).toEqual([]);
  });

  // The docker config is read before any build even for a registry that asks for no credentials.
  test.each([
    ['the anonymous registry', lab.registry],
    ['the htpasswd registry', lab.authRegistry],
  ])(
    'a docker config that is not JSON, pushing to %s: one ::error:: naming the file, before any build',
    async (_, registry) => {
      const target = uniqueRepository('bad-docker-config');
      const run = await runStep(
        { ...valid, tags: `${registry}/${target}:latest` },
        { env: { DOCKER_CONFIG: brokenConfig } },
      );
      expect(run.main.exitCode).toBe(1);
      const [error, ...more] = errorMessages(run);
      expect(more).toEqual([]);
      expect(error).toContain(`the docker config ${join(brokenConfig, 'config.json')} is not valid: not JSON`);
      expect(run.main.stdout).not.toMatch(/^Building /m);
      expect(run.post?.exitCode).toBe(0);
      expect(await listTags(target, registry)).toEqual([]);
    },
  );
});

describeWithLab('shell metacharacters in labels and build args', () => {
  test('arrive in the image config verbatim, as single argv items; no command runs', async () => {
    const repository = uniqueRepository('metacharacters');
    const labels: Record<string, string> = {
      'e2e.substitution': touch('label'),
      'e2e.backticks': `\`touch /tmp/${MARKER}-backticks\``,
      'e2e.chain': `a; touch /tmp/${MARKER}-semicolon && echo b | tee /tmp/${MARKER}-pipe || true`,
      'e2e.quotes': `it's a "quoted" value > /tmp/${MARKER}-redirect`,
      'e2e.variables': '$HOME ${PATH} $$ \\ \\n',
      'e2e.newline': `first line\nsecond line; touch /tmp/${MARKER}-newline`,
    };
    const buildArg = `${touch('arg')} \`id\`; echo "double" 'single' | cat && exit 1`;
    // One label a line; a value with a newline is one quoted CSV field (as in docker/build-push-action).
    const labelInput = Object.entries(labels)
      .map(([key, value]) => (value.includes('\n') ? `"${key}=${value}"` : `${key}=${value}`))
      .join('\n');

    const run = await runStep({
      mode: 'multi',
      platforms: BOTH_PLATFORMS,
      tags: `${lab.registry}/${repository}:latest`,
      context: labelContext(['ARG META', 'LABEL e2e.from-build-arg="${META}"']),
      provenance: 'false',
      labels: labelInput,
      'build-args': `META=${buildArg}`,
    });
    expectSucceeded(run);
    expect(await resolve(repository, 'latest')).toBe(run.outputs.digest);

    const index = await fetchManifest(repository, 'latest');
    const children = Object.values(index ? childrenByPlatform(index) : {});
    expect(children).toHaveLength(2);
    for (const child of children) {
      const config = await imageConfig(repository, child);
      expect(config.config?.Labels).toEqual({
        ...labels,
        'e2e.run': 'none',
        'e2e.from-build-arg': buildArg,
      });
    }
    expect(markersFound()).toEqual([]);
    expect(existsSync(`/tmp/${MARKER}-arg`)).toBe(false);
  });
});
