// Issue 27 item 11: a temporary tag survived a green post on a loaded machine. The cause, reproduced on the lab's
// registry: distribution deletes a manifest by digest, then reads every tag's link to untag those that point at it;
// a tag PUT in the same repository at that moment leaves a link half-written, the read fails, and the DELETE answers
// 500 with the manifest gone and the tag still listed, dangling. Post deletes its temporary tags (a dummy PUT under
// each, then a DELETE of the dummy) while it publishes the final tags in the same repository, so its own requests
// met. The client now never sends a manifest DELETE beside its own tag PUTs of that repository.
//
// Here: many deletions and tag PUTs at once through one client, round after round, with the machine's cores kept
// busy; then a whole step through a proxy that slows every request, and post still leaves no temporary tag.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { ImageName } from '../../src/reference.js';
import { RegistryClient } from '../../src/registry/client.js';
import { TagDeleter } from '../../src/registry/cleanup/tag-deletion.js';
import { describeWithLab, lab } from './lab.js';
import { listTags, resolve, uniqueRepository } from './probe.js';
import { copyBusybox } from './support/busybox.js';
import { manifestRequests } from './support/registry-log.js';
import { startFaultProxy } from './support/fault-proxy.js';
import { driverInputs } from './support/drivers.js';
import { BOTH_PLATFORMS, TEMP_TAG_PREFIX, expectSucceeded, labelContext, runStep } from './support/steps.js';

const anonymous = { description: 'no credentials', get: () => Promise.resolve(undefined) };

/** Busy loops on every core, at low priority, for as long as `work` runs. */
async function underLoad<T>(work: () => Promise<T>): Promise<T> {
  const spinners: ChildProcess[] = Array.from({ length: availableParallelism() }, () =>
    spawn('nice', ['-n', '19', process.execPath, '-e', 'for (;;);'], { stdio: 'ignore' }),
  );
  try {
    return await work();
  } finally {
    for (const spinner of spinners) spinner.kill('SIGKILL');
  }
}

describeWithLab("distribution's half-way DELETE, met by this client's own tag PUTs", () => {
  test('deletions beside tag PUTs in one repository, round after round: no tag is left dangling', async () => {
    const client = new RegistryClient({ credentials: anonymous });
    const name: ImageName = { registry: lab.registry, repository: uniqueRepository('delete-race') };
    const image = await copyBusybox(client, client, name);
    const deleter = new TagDeleter(client);
    const rounds = 40;
    await underLoad(async () => {
      for (let round = 0; round < rounds; round++) {
        const doomed = [0, 1, 2].map((i) => `doomed-${round}-${i}`);
        await Promise.all(doomed.map((tag) => client.putManifest(name, tag, image.bytes, image.mediaType)));
        // What post does at once: temporary tags deleted while the final tags are published.
        await Promise.all([
          ...doomed.map((tag) => deleter.deleteTag(name, tag, { expectedDigest: image.digest })),
          ...[0, 1, 2, 3, 4, 5].map((i) => client.putManifest(name, `kept-${i}`, image.bytes, image.mediaType)),
        ]);
      }
    });
    // The registry's own log: no DELETE failed half-way (before the fix, some answered 500 with the dummy deleted and
    // its tag still listed, which a retry then had to repair).
    const deletes = manifestRequests('DELETE', name.repository);
    expect(deletes).toHaveLength(rounds * 3);
    expect(deletes.filter(({ status }) => status !== 202)).toEqual([]);
    const tags = await listTags(name.repository);
    expect(tags.filter((tag) => tag.startsWith('doomed-'))).toEqual([]);
    expect(tags.sort()).toEqual(['kept-0', 'kept-1', 'kept-2', 'kept-3', 'kept-4', 'kept-5']);
  }, 300_000);
});

describeWithLab('a starved registry', () => {
  test('every request slowed, two platforms, four final tags: post publishes and leaves no temporary tag', async () => {
    const repository = uniqueRepository('starved');
    const proxy = await startFaultProxy({ target: lab.registry, chooseFault: () => 'slow', slowMs: 700 });
    try {
      const image = `${proxy.host}/${repository}`;
      const finals = ['latest', '1', '1.0', '1.0.0'];
      const step = await runStep({
        ...driverInputs('docker', [proxy.host]),
        mode: 'fan-out',
        platforms: BOTH_PLATFORMS,
        tags: finals.map((tag) => `${image}:${tag}`).join('\n'),
        context: labelContext(),
        provenance: 'false',
      });
      expectSucceeded(step);
      // Read from the registry itself, not through the proxy.
      expect((await listTags(repository)).sort()).toEqual([...finals].sort());
      for (const tag of finals) expect(await resolve(repository, tag)).toBe(step.outputs.digest);
      expect(step.summary).toContain(TEMP_TAG_PREFIX);
    } finally {
      await proxy.stop();
    }
  }, 600_000);
});
